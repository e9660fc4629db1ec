#include "summarypanel.h"

#include "carry.h"
#include "displayformat.h"
#include "engine.h"
#include "execution.h"
#include "explain.h"
#include "riskassessment.h"
#include "riskasset.h"
#include "riskstyle.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

QString levelName(risk::Level level)
{
    switch (level) {
    case risk::Level::Safe:
        return SummaryPanel::tr("Safe");
    case risk::Level::Caution:
        return SummaryPanel::tr("Caution");
    case risk::Level::Danger:
        return SummaryPanel::tr("Danger");
    }
    return {};
}

void setTextColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

SummaryPanel::SummaryPanel(QWidget *parent)
    : QWidget(parent), m_risk(new QLabel), m_staleNote(new QLabel), m_closeNow(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Position after opening"));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    m_risk->setObjectName(QStringLiteral("summary.risk"));
    m_risk->setAlignment(Qt::AlignCenter);
    m_risk->setToolTip(tr("Risk by health factor: danger below %1, caution below %2.")
                           .arg(display::number(risk::kDangerHealthFactor, 1),
                                display::number(risk::kCautionHealthFactor, 1)));
    layout->addWidget(m_risk);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(6);
    addItem(grid, Leverage, QStringLiteral("summary.leverage"),
            tr("Collateral value divided by your equity: how many times Token A's price moves your P&L."));
    addItem(
        grid, HealthFactor, QStringLiteral("summary.healthFactor"),
        tr("Collateral value x liquidation threshold / debt value. Below 1 the position can be liquidated."));
    addItem(grid, Ltv, QStringLiteral("summary.ltv"),
            tr("Debt value / collateral value now, and the market's maximum for new borrowing."));
    addItem(
        grid, LiquidationPrice, QStringLiteral("summary.liquidationPrice"),
        tr("Where the health factor reaches 1. With a fixed-price borrow asset this is Token A's USD price; "
           "when the borrow asset tracks Token A it is the A/B price ratio."));
    addItem(grid, Distance, QStringLiteral("summary.distance"),
            tr("How far Token A (or the A/B ratio) can fall from today before liquidation."));
    addItem(grid, Collateral, QStringLiteral("summary.collateral"), tr("Token A supplied after opening."));
    addItem(grid, Debt, QStringLiteral("summary.debt"), tr("Borrow asset owed after opening."));
    addItem(grid, Equity, QStringLiteral("summary.equity"),
            tr("Collateral value minus debt value at today's prices: what is yours."));
    m_closeNow->setObjectName(QStringLiteral("summary.closeNow"));
    m_closeNow->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_closeNow->setWordWrap(true); // a long figure wraps instead of widening the window (1280 x 720)
    m_closeNow->setToolTip(
        tr("What closing right now at today's prices pays out: equity minus the swap fees, "
           "slippage, premium and gas of closing. Opening plus closing costs as a share of "
           "equity."));
    grid->addWidget(m_closeNow, grid->rowCount(), 0, 1, 2);
    addItem(grid, OpeningCosts, QStringLiteral("summary.openingCosts"),
            tr("Swap fees, slippage, flash-loan premium and gas paid to open the position."));
    addItem(grid, NetApy, QStringLiteral("summary.netApy"),
            tr("Yearly return on equity from supply APY and native yield on the collateral minus borrow APY "
               "on the debt, at today's prices."));
    layout->addLayout(grid);

    m_staleNote->setObjectName(QStringLiteral("summary.stale"));
    m_staleNote->setText(tr("The plan has errors: these are the figures of the last valid plan."));
    m_staleNote->setWordWrap(true);
    setTextColor(m_staleNote, risk::colorFor(risk::Level::Caution));
    m_staleNote->hide();
    layout->addWidget(m_staleNote);
    layout->addStretch(1);
}

void SummaryPanel::addItem(QGridLayout *grid, Item item, const QString &objectName, const QString &help)
{
    auto *title = new QLabel;
    title->setToolTip(help);
    auto *value = new QLabel;
    value->setObjectName(objectName);
    value->setToolTip(help);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = value->font();
    font.setBold(true);
    value->setFont(font);
    const int row = grid->rowCount();
    grid->addWidget(title, row, 0);
    grid->addWidget(value, row, 1);
    m_titles.at(static_cast<size_t>(item)) = title;
    m_values.at(static_cast<size_t>(item)) = value;
}

void SummaryPanel::setValue(Item item, const QString &text, const QString &toolTip)
{
    QLabel *label = valueLabel(item);
    label->setText(text);
    // Always reset, so that showResult() can append this result's explanation without piling them up.
    label->setToolTip(toolTip.isEmpty() ? titleLabel(item)->toolTip() : toolTip);
}

void SummaryPanel::showResult(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const PositionFigures &pos = result.position;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    const bool hasDebt = pos.debt > 0;

    titleLabel(Leverage)->setText(tr("Leverage"));
    titleLabel(HealthFactor)->setText(tr("Health factor"));
    titleLabel(Ltv)->setText(tr("LTV (max)"));
    const bool isShort = effectiveRiskAsset(plan) == RiskAsset::Borrow;
    titleLabel(LiquidationPrice)
        ->setText(tracks    ? tr("Liquidation ratio")
                  : isShort ? tr("Liquidation price of %1").arg(b)
                            : tr("Liquidation price"));
    titleLabel(Distance)->setText(tr("Distance to liquidation"));
    titleLabel(Collateral)->setText(tr("Collateral"));
    titleLabel(Debt)->setText(tr("Debt"));
    titleLabel(Equity)->setText(tr("Equity"));
    titleLabel(OpeningCosts)->setText(tr("Opening costs"));
    titleLabel(NetApy)->setText(tr("Net APY on equity"));

    setValue(Leverage, display::leverage(pos.leverage));
    setValue(HealthFactor, display::healthFactor(pos.healthFactor));
    setValue(Ltv, tr("%1 (%2)").arg(display::percent(pos.ltv), display::percent(plan.collateral.ltv)));
    if (!hasDebt) {
        setValue(LiquidationPrice, tr("none (no debt)"));
        setValue(Distance, QStringLiteral("—"));
    } else {
        setValue(LiquidationPrice,
                 tracks ? display::ratio(pos.liquidationRatio, b, a) : display::usd(pos.liquidationPriceUsd));
        setValue(Distance, display::percent(pos.distanceToLiquidation, 1));
    }
    setValue(Collateral, display::units(pos.collateral, a), display::usd(pos.collateralUsd));
    setValue(Debt, display::units(pos.debt, b), display::usd(pos.debtUsd));
    setValue(Equity, display::usd(pos.equityUsd));
    const lp::ExecutionFigures x = lp::executionFigures(result);
    QString closeNow = x.canClose ? tr("if closed now %1; open + close costs %2 of equity")
                                        .arg(display::usd(x.proceedsIfClosedNowUsd),
                                             display::percent(x.costShareOfEquity, 2))
                                  : tr("if closed now: cannot close at today's prices");
    if (plan.priceImpact.model != lp::ImpactModel::None)
        closeNow += tr("\nprice impact: entry %1, exit %2")
                        .arg(display::usd(x.entryImpactUsd),
                             x.canClose ? display::usd(x.exitImpactUsd) : QStringLiteral("—"));
    m_closeNow->setText(closeNow);
    const lp::OpeningCosts &costs = result.opened.costs;
    setValue(OpeningCosts, display::usd(costs.totalUsd()),
             tr("Swap fees %1\nSlippage %2\nPrice impact %3\nFlash premium %4\nGas %5 (transactions: %6)")
                 .arg(display::usd(costs.swapFeesUsd), display::usd(costs.slippageUsd),
                      display::usd(costs.impactUsd), display::usd(costs.flashPremiumUsd),
                      display::usd(costs.gasUsd))
                 .arg(costs.transactions));
    setValue(NetApy, display::signedPercent(pos.netApy));

    // "Explain this number": each value's tooltip ends with its formula, the plan's numbers substituted.
    static constexpr std::array<std::pair<Item, Figure>, ItemCount> kFigures{{
        {Leverage, Figure::Leverage},
        {HealthFactor, Figure::HealthFactor},
        {Ltv, Figure::Ltv},
        {LiquidationPrice, Figure::LiquidationPrice},
        {Distance, Figure::Distance},
        {Collateral, Figure::Collateral},
        {Debt, Figure::Debt},
        {Equity, Figure::Equity},
        {OpeningCosts, Figure::OpeningCosts},
        {NetApy, Figure::NetApy},
    }};
    for (const auto &[item, figure] : kFigures) {
        const Explanation e = explain(result, figure);
        QLabel *label = valueLabel(item);
        label->setToolTip(label->toolTip() + QStringLiteral("\n\n") + e.formula + QLatin1Char('\n') +
                          e.meaning);
    }

    // The badge: the worse of the health factor's level and the chance of liquidation over the horizon
    // with the carry (riskassessment.h); the cards of HF, distance and liquidation price keep the HF's.
    const risk::Level hfLevel = risk::levelForHealthFactor(pos.healthFactor);
    const RiskAssessment assessed = assessRisk(result);
    const risk::Level level = std::max(hfLevel, static_cast<risk::Level>(assessed.level));
    m_risk->setToolTip(tr("Risk by health factor (danger below %1, caution below %2), by the chance of "
                          "liquidation over the horizon (danger from %3, caution from %4) and by the carry "
                          "(caution when the net APY is negative): %5.")
                           .arg(display::number(risk::kDangerHealthFactor, 1),
                                display::number(risk::kCautionHealthFactor, 1),
                                display::percent(kDangerLiquidationProbability, 0),
                                display::percent(kCautionLiquidationProbability, 0), assessed.reason));
    const QColor color = risk::colorFor(hfLevel);
    for (Item item : {HealthFactor, Distance, LiquidationPrice})
        setTextColor(valueLabel(item), color);
    setTextColor(valueLabel(NetApy),
                 risk::colorFor(pos.netApy >= 0 ? risk::Level::Safe : risk::Level::Danger));
    m_risk->setText(tr("Risk: %1").arg(levelName(level)));
    const QColor badge = risk::colorFor(level);
    m_risk->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; "
                                         "padding: 4px; font-weight: bold; }")
                              .arg(badge.name(), risk::textColorOn(badge).name()));
}

void SummaryPanel::setStale(bool stale)
{
    setTextColor(m_staleNote, risk::colorFor(risk::Level::Caution)); // again: the theme may have changed
    m_staleNote->setVisible(stale);
    for (QLabel *value : m_values)
        value->setEnabled(!stale);
}

} // namespace lp
