#include "glossarydialog.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace lp {

std::vector<std::pair<QString, QString>> GlossaryDialog::entries()
{
    return {
        {tr("Collateral"), tr("What you supply to the market and borrow against (Token A here). It keeps "
                              "earning its supply APY "
                              "and, for staked tokens, its native yield.")},
        {tr("LTV (loan-to-value)"),
         tr("Debt value divided by collateral value. Each asset has a max LTV: you cannot borrow beyond it. "
            "Looping borrows at a fraction of it on each round.")},
        {tr("Liquidation threshold"),
         tr("The LTV at which the position may be liquidated. It sits a few points above the max LTV, which "
            "is the room you have between borrowing the most and being liquidated.")},
        {tr("Health factor"),
         tr("Collateral value times the liquidation threshold, divided by the debt value. Above 1 the "
            "position is safe; below 1 anyone may liquidate part of it. Without debt it is infinite.")},
        {tr("Liquidation price"),
         tr("The price of Token A at which the health factor reaches 1, the borrowed asset's price held. "
            "When the borrowed asset moves with Token A (ETH against an ETH staking token) the ratio of the "
            "two prices is what matters.")},
        {tr("Liquidation bonus"),
         tr("The discount a liquidator gets: for every dollar of your debt they repay they take collateral "
            "worth a dollar plus the bonus (5 % for example). That extra is your loss.")},
        {tr("Close factor"),
         tr("How much of the debt one liquidation may repay: 50 % on Aave v3.0 markets such as ZeroLend, all "
            "of it once the health factor is below 0.95. Aave v3.3 also liquidates small positions fully.")},
        {tr("Leverage"),
         tr("Collateral value divided by your equity (collateral minus debt). 2.5x means a 1 % move in Token "
            "A moves your equity by about 2.5 %. Looping at max LTV tends to 1 / (1 − LTV) and never "
            "reaches it.")},
        {tr("E-mode"),
         tr("Efficiency mode: a category of assets whose prices move together (stablecoins, or ETH and its "
            "staking tokens). Borrowing inside one category gets a higher LTV and liquidation threshold.")},
        {tr("Flash loan"),
         tr("A loan that is borrowed and repaid inside one transaction, for a small premium. It opens the "
            "whole looped position at once instead of loop by loop.")},
        {tr("Slippage"), tr("The price a swap gets worse than the quoted one, from the trade's own size and "
                            "the market moving. "
                            "With the DEX fee, it is why each loop adds a little less than it borrowed.")},
        {tr("Net APY"),
         tr("What the position earns in a year on your equity: the collateral's supply APY and native yield "
            "on the whole collateral, minus the borrow APY on the debt, divided by your equity.")},
    };
}

GlossaryDialog::GlossaryDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Glossary"));
    setObjectName(QStringLiteral("glossaryDialog"));
    auto *text = new QTextBrowser;
    text->setObjectName(QStringLiteral("glossaryText"));
    QString html;
    for (const auto &[term, meaning] : entries())
        html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(term.toHtmlEscaped(), meaning.toHtmlEscaped());
    text->setHtml(html);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(560, 620);
}

} // namespace lp
