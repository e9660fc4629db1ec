#include "closeview.h"

#include "displayformat.h"
#include "engine.h"
#include "numberspinbox.h"
#include "readonlycell.h"
#include "riskstyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lp {

CloseView::CloseView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel), m_exitDay(new QSpinBox), m_exitPrice(new NumberSpinBox),
      m_reset(new QPushButton(tr("Horizon at today's price"))), m_note(new QLabel),
      m_comparison(new QTableWidget(RowCount, 2)), m_steps(new QTableWidget(0, 8))
{
    m_exitDay->setObjectName(QStringLiteral("close.exitDay"));
    m_exitDay->setRange(0, limits::maxHorizonDays);
    m_exitDay->setSuffix(tr(" days"));
    m_exitDay->setToolTip(tr("Days after opening: interest and yield accrue until then."));
    m_exitPrice->setObjectName(QStringLiteral("close.exitPriceUsd"));
    m_exitPrice->setRange(1e-6, limits::maxPriceUsd);
    m_exitPrice->setDecimals(6);
    m_exitPrice->setMinimumDisplayDecimals(2);
    m_exitPrice->setSuffix(tr(" USD"));
    m_exitPrice->setGroupSeparatorShown(true);
    m_exitPrice->setToolTip(tr("Token A's USD price on the exit day (the borrow asset's price is held)."));
    m_reset->setObjectName(QStringLiteral("close.reset"));
    m_reset->setToolTip(tr("Exit on the plan's horizon day at today's price, and follow the plan again."));

    auto *inputs = new QFormLayout;
    inputs->addRow(tr("Exit day"), m_exitDay);
    inputs->addRow(tr("Exit price of Token A"), m_exitPrice);
    auto *top = new QHBoxLayout;
    top->addLayout(inputs);
    top->addWidget(m_reset, 0, Qt::AlignBottom);
    top->addStretch(1);

    m_summary->setObjectName(QStringLiteral("close.summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setObjectName(QStringLiteral("close.note"));
    m_note->setWordWrap(true);

    m_comparison->setObjectName(QStringLiteral("close.comparison"));
    m_comparison->setHorizontalHeaderLabels({tr("Sell to repay"), tr("Flash close")});
    m_comparison->setVerticalHeaderLabels({tr("Walk away with"), tr("Walk away with (USD)"),
                                           tr("P&L after all costs"), tr("P&L of holding instead"),
                                           tr("Swap fees"), tr("Slippage"), tr("Flash-loan premium"),
                                           tr("Gas"), tr("Transactions"), tr("Interest paid (in equity)"),
                                           tr("Yield earned (in equity)"), tr("Closing costs")});
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparison->setAlternatingRowColors(true);
    m_comparison->setWordWrap(false);
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->setToolTip(tr("Walk-away value = equity at exit - swap fees - slippage - flash premium. "
                                "Interest and yield are already inside the equity; gas is paid from the "
                                "wallet."));

    m_steps->setObjectName(QStringLiteral("close.steps"));
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->verticalHeader()->setVisible(false);
    m_steps->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->setAlternatingRowColors(true);
    m_steps->setWordWrap(false);

    auto *stepsTitle = new QLabel(tr("Sell to repay, step by step (health factor kept above %1 after each "
                                     "withdrawal)")
                                      .arg(display::number(CloseOptions{}.healthFactorFloor, 2)));
    QFont bold = stepsTitle->font();
    bold.setBold(true);
    stepsTitle->setFont(bold);
    stepsTitle->setWordWrap(true); // a long bold line would set the whole window's minimum width

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_note);
    layout->addWidget(m_comparison, 5);
    layout->addWidget(stepsTitle);
    layout->addWidget(m_steps, 3);

    connect(m_exitDay, &QSpinBox::valueChanged, this, [this] {
        m_followPlan = false;
        recompute();
    });
    connect(m_exitPrice, &QDoubleSpinBox::valueChanged, this, [this] {
        m_followPlan = false;
        recompute();
    });
    connect(m_reset, &QPushButton::clicked, this, &CloseView::resetToPlan);
}

void CloseView::showResult(const PlanResult &result)
{
    showOutlook(std::make_shared<const LazyOutlook>(std::make_shared<const PlanResult>(result)));
}

void CloseView::showOutlook(std::shared_ptr<const LazyOutlook> outlook)
{
    m_outlook = std::move(outlook);
    if (m_followPlan)
        resetToPlan();
    else
        recompute();
}

const OutlookClose &CloseView::shownClose() const
{
    static const OutlookClose none;
    if (!m_outlook)
        return none;
    return m_followPlan || !m_edited ? m_outlook->close() : *m_edited;
}

const std::optional<CloseResult> &CloseView::close(Method method) const
{
    return shownClose().by(method == SellToRepay ? CloseMethod::SellToRepay : CloseMethod::FlashClose);
}

void CloseView::resetToPlan()
{
    if (!m_outlook)
        return;
    {
        const QSignalBlocker dayBlocker(m_exitDay);
        const QSignalBlocker priceBlocker(m_exitPrice);
        m_exitDay->setValue(m_outlook->close().exitDay);
        m_exitPrice->setValue(m_outlook->close().exitPriceUsd);
    }
    m_followPlan = true;
    recompute();
}

void CloseView::recompute()
{
    if (!m_outlook)
        return;
    m_edited.reset();
    if (!m_followPlan) {
        CloseOptions options = m_outlook->options().close;
        options.exitDay = m_exitDay->value();
        options.exitPriceUsd = m_exitPrice->value();
        m_edited = computeOutlookClose(m_outlook->result(), options, m_outlook->options().flashCloseFallback);
    }
    const Plan &plan = m_outlook->result().plan;
    const OutlookClose &shown = shownClose();
    QStringList notes;
    const CloseResult *any =
        shown.sellToRepay ? &*shown.sellToRepay : (shown.flashClose ? &*shown.flashClose : nullptr);
    if (any)
        notes << tr("On day %1 the position holds %2 against %3 (health factor %4 at %5).")
                     .arg(any->exitDay)
                     .arg(display::units(any->collateralAtExit, plan.collateral.symbol),
                          display::units(any->debtAtExit, plan.borrow.symbol),
                          display::healthFactor(any->healthFactorAtExit), display::usd(any->exitPriceUsd));
    if (!shown.sellToRepayErrors.isEmpty())
        notes << tr("Sell to repay: %1").arg(formatErrors(shown.sellToRepayErrors));
    if (!shown.flashCloseErrors.isEmpty())
        notes << tr("Flash close: %1").arg(formatErrors(shown.flashCloseErrors));
    m_note->setText(notes.join(QLatin1Char('\n')));
    fillSummary();
    fillComparison();
    fillSteps();
}

void CloseView::fillSummary()
{
    const OutlookClose &c = shownClose();
    const Plan &plan = m_outlook->result().plan;
    const auto methodName = [](CloseMethod m) {
        return m == CloseMethod::SellToRepay ? tr("selling to repay") : tr("a flash loan");
    };
    QString text;
    if (!c.chosen) {
        text = tr("<b>Closing on day %1 at %2 is not possible</b> by %3: %4")
                   .arg(c.exitDay)
                   .arg(display::usd(c.exitPriceUsd), methodName(c.method),
                        formatErrors(c.chosenErrors).toHtmlEscaped());
    } else {
        const CloseResult &r = *c.chosen;
        text = tr("<b>Closing on day %1 at %2 by %3: walk away with %4 (%5), P&amp;L %6 (holding: %7).</b>")
                   .arg(c.exitDay)
                   .arg(display::usd(c.exitPriceUsd), methodName(r.method),
                        display::units(r.walkAwayCollateral, plan.collateral.symbol, 6),
                        display::usd(r.walkAwayUsd), display::usd(r.pnlUsd), display::usd(r.holdPnlUsd));
        if (c.usedFallback())
            text +=
                tr(" %1 is not possible (%2), so the position closes with %3 instead.")
                    .arg(c.method == CloseMethod::SellToRepay ? tr("Selling to repay") : tr("A flash close"),
                         formatErrors(c.chosenErrors).toHtmlEscaped(), methodName(r.method));
    }
    m_summary->setText(text);
    // The report's close stands out in the comparison.
    for (int column = 0; column < 2; ++column) {
        QTableWidgetItem *header = m_comparison->horizontalHeaderItem(column);
        if (!header)
            continue;
        const CloseMethod method = column == 0 ? CloseMethod::SellToRepay : CloseMethod::FlashClose;
        const bool chosen = c.chosen && c.chosen->method == method;
        QFont font = header->font();
        font.setBold(chosen);
        header->setFont(font);
        header->setToolTip(chosen ? tr("The close the report shows") : QString());
    }
}

void CloseView::fillComparison()
{
    const QString a = m_outlook->result().plan.collateral.symbol;
    const OutlookClose &shown = shownClose();
    for (int column = 0; column < 2; ++column) {
        const CloseMethod method = column == 0 ? CloseMethod::SellToRepay : CloseMethod::FlashClose;
        const std::optional<CloseResult> &r = shown.by(method);
        for (int row = 0; row < RowCount; ++row) {
            QString text = QStringLiteral("\u2014");
            if (r) {
                const ClosingCosts &c = r->costs;
                switch (static_cast<Row>(row)) {
                case WalkAwayUnits:
                    text = display::units(r->walkAwayCollateral, a, 6);
                    break;
                case WalkAwayUsd:
                    text = display::usd(r->walkAwayUsd);
                    break;
                case PnlUsd:
                    text = display::usd(r->pnlUsd);
                    break;
                case HoldPnlUsd:
                    text = display::usd(r->holdPnlUsd);
                    break;
                case SwapFees:
                    text = display::usd(c.swapFeesUsd);
                    break;
                case Slippage:
                    text = display::usd(c.slippageUsd);
                    break;
                case FlashPremium:
                    text = display::usd(c.flashPremiumUsd);
                    break;
                case Gas:
                    text = display::usd(c.gasUsd);
                    break;
                case Transactions:
                    text = display::number(c.transactions, 0);
                    break;
                case InterestPaid:
                    text = display::usd(c.interestPaidUsd);
                    break;
                case YieldEarned:
                    text = display::usd(c.yieldEarnedUsd);
                    break;
                case TotalCosts:
                    text = display::usd(c.totalUsd());
                    break;
                case RowCount:
                    break;
                }
            }
            QTableWidgetItem *item = readOnlyCell(text);
            if (r && row == PnlUsd && r->pnlUsd < r->holdPnlUsd)
                item->setForeground(risk::colorFor(risk::Level::Caution));
            if (!r)
                item->setToolTip(formatErrors(shown.errorsOf(method)));
            m_comparison->setItem(row, column, item);
        }
    }
}

void CloseView::fillSteps()
{
    const QString a = m_outlook->result().plan.collateral.symbol;
    const QString b = m_outlook->result().plan.borrow.symbol;
    m_steps->setHorizontalHeaderLabels(
        {tr("Step"), tr("Withdraw\n(%1)").arg(a), tr("Sell\n(%1)").arg(a), tr("Receive\n(%1)").arg(b),
         tr("Repay\n(%1)").arg(b), tr("Collateral\n(%1)").arg(a), tr("Debt\n(%1)").arg(b), tr("HF\nafter")});
    const std::optional<CloseResult> &sell = shownClose().sellToRepay;
    const std::vector<CloseRound> rounds = sell ? sell->rounds : std::vector<CloseRound>{};
    m_steps->setRowCount(static_cast<int>(rounds.size()));
    for (size_t i = 0; i < rounds.size(); ++i) {
        const CloseRound &r = rounds[i];
        const auto row = static_cast<int>(i);
        const bool withdrawOnly = r.sold == 0.0;
        m_steps->setItem(
            row, 0,
            readOnlyCell(withdrawOnly ? tr("%1 (withdraw the rest)").arg(r.round) : QString::number(r.round),
                         Qt::AlignLeft | Qt::AlignVCenter));
        m_steps->setItem(row, 1, readOnlyCell(display::number(r.withdrawn, 6)));
        m_steps->setItem(row, 2, readOnlyCell(display::number(r.sold, 6)));
        m_steps->setItem(row, 3, readOnlyCell(display::number(r.received, 6)));
        m_steps->setItem(row, 4, readOnlyCell(display::number(r.repaid, 6)));
        m_steps->setItem(row, 5, readOnlyCell(display::number(r.collateralAfter, 6)));
        m_steps->setItem(row, 6, readOnlyCell(display::number(r.debtAfter, 6)));
        QTableWidgetItem *hf = readOnlyCell(display::healthFactor(r.healthFactorAfter));
        hf->setForeground(risk::colorFor(risk::levelForHealthFactor(r.healthFactorAfter)));
        m_steps->setItem(row, 7, hf);
    }
}

} // namespace lp
