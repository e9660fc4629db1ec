#include "planreading.h"

#include "displayformat.h"
#include "engine.h"
#include "riskasset.h"

#include <QCoreApplication>

#include <cmath>

namespace lp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::planReading", text);
}

// What the user asked for: "3 loops at 90 % of max LTV", "target 3.00x by flash loan"...
QString request(const Plan &plan, const OpenedPosition &opened)
{
    const Strategy &s = plan.strategy;
    const bool flash = plan.execution == Execution::FlashLoan;
    const QString share = display::percent(s.ltvFraction, 0);
    switch (s.mode) {
    case StrategyMode::Loops:
        if (s.loops == 0)
            return tr("no loop");
        if (flash)
            return tr("%1 loops' worth in one flash loan").arg(s.loops);
        return (s.loops == 1 ? tr("1 loop at %2 of max LTV") : tr("%1 loops at %2 of max LTV"))
            .arg(s.loops)
            .arg(share);
    case StrategyMode::TargetLeverage:
    case StrategyMode::TargetHealthFactor: {
        const QString target = s.mode == StrategyMode::TargetLeverage
                                   ? tr("target %1").arg(display::leverage(s.leverage))
                                   : tr("target health factor %1").arg(display::healthFactor(s.healthFactor));
        if (flash)
            return tr("%1 by flash loan").arg(target);
        return (opened.loops == 1 ? tr("%1 in 1 loop at %2 of max LTV")
                                  : tr("%1 in %3 loops at %2 of max LTV"))
            .arg(target, share)
            .arg(opened.loops);
    }
    }
    return {};
}

} // namespace

QString planReading(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const PositionFigures &pos = result.position;
    // The deposit as typed: up to 4 decimals, no trailing zeros ("10 wstETH", "2.5 wstETH").
    const QString deposit = tr("%1 %2").arg(
        display::locale().toString(std::round(plan.deposit * 1e4) / 1e4, 'f', QLocale::FloatingPointShortest),
        plan.collateral.symbol);
    const QString head =
        tr("%1 against %2, %3").arg(deposit, plan.borrow.symbol, request(plan, result.opened));
    QString line;
    if (!(pos.debt > 0.0)) {
        line = tr("%1: no debt, so nothing to liquidate; %2 exposure")
                   .arg(head, display::leverage(pos.leverage));
    } else if (effectiveRiskAsset(plan) == RiskAsset::Borrow) {
        // A short: the risk is B rising to the price at which HF = 1.
        line = tr("%1: %2 exposure, liquidated if %3 rises above %4 (%5 above spot)")
                   .arg(head, display::leverage(pos.leverage), plan.borrow.symbol,
                        display::usd(pos.liquidationPriceUsd, 0),
                        display::percent(pos.liquidationPriceUsd / plan.borrow.priceUsd - 1.0, 1));
    } else {
        const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
        const QString where =
            tracks ? display::ratio(pos.liquidationRatio, plan.borrow.symbol, plan.collateral.symbol)
                   : display::usd(pos.liquidationPriceUsd, 0);
        line = tr("%1: %2 exposure, liquidated below %3 (%4 below spot)")
                   .arg(head, display::leverage(pos.leverage), where,
                        display::percent(pos.distanceToLiquidation, 1));
    }
    if (!std::isfinite(pos.netApy) || pos.netApy == 0.0)
        return line;
    return tr("%1, net APY %2").arg(line, display::signedPercent(pos.netApy, 1));
}

} // namespace lp
