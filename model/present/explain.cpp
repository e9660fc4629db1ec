#include "explain.h"

#include "displayformat.h"
#include "engine.h"

#include <QCoreApplication>

namespace lp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::explain", text);
}

// Fractions that are parameters (lt 0.80, 0.825) read best as plain numbers with every digit they have;
// rates as percent.
QString fraction(double value)
{
    return display::parameter(value);
}

} // namespace

Explanation explain(const PlanResult &r, Figure figure)
{
    const Plan &plan = r.plan;
    const PositionFigures &p = r.position;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const QString c = display::units(p.collateral, a);
    const QString d = display::units(p.debt, b);
    const QString pa = display::usd(plan.collateral.priceUsd);
    const QString pb = display::usd(plan.borrow.priceUsd);
    const QString cv = display::usd(p.collateralUsd);
    const QString dv = display::usd(p.debtUsd);
    const QString lt = fraction(plan.collateral.liquidationThreshold);
    const bool hasDebt = p.debt > 0.0;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;

    switch (figure) {
    case Figure::HealthFactor:
        if (!hasDebt)
            return {tr("HF = C × PA × LT / (D × PB) = ∞ (no debt)"),
                    tr("Without debt nothing can be liquidated.")};
        return {tr("HF = C × PA × LT / (D × PB) = %1 × %2 × %3 / (%4 × %5) = %6")
                    .arg(c, pa, lt, d, pb, display::healthFactor(p.healthFactor)),
                tr("Collateral counted at its liquidation threshold, per dollar of debt. Below 1.00 "
                   "liquidators may repay part of the debt and take collateral at a discount.")};
    case Figure::Ltv:
        return {tr("LTV = D × PB / (C × PA) = %1 / %2 = %3 (max %4)")
                    .arg(dv, cv, display::percent(p.ltv), display::percent(plan.collateral.ltv)),
                tr("The share of the collateral's value that is borrowed. New borrowing stops at the "
                   "max LTV; liquidation starts at the liquidation threshold (%1).")
                    .arg(display::percent(plan.collateral.liquidationThreshold))};
    case Figure::LiquidationPrice:
        if (!hasDebt)
            return {tr("No debt: no liquidation price."), tr("Without debt nothing can be liquidated.")};
        if (tracks)
            return {tr("(PA/PB) liq = D / (C × LT) = %1 / (%2 × %3) = %4")
                        .arg(d, c, lt, display::ratio(p.liquidationRatio, b, a)),
                    tr("%1 moves with %2, so what matters is the price of %2 in %1: below this ratio HF "
                       "drops under 1.")
                        .arg(b, a)};
        return {tr("PA liq = D × PB / (C × LT) = %1 × %2 / (%3 × %4) = %5")
                    .arg(d, pb, c, lt, display::usd(p.liquidationPriceUsd)),
                tr("The price of %1 at which HF reaches 1.00, with %2's price held.").arg(a, b)};
    case Figure::Distance:
        if (!hasDebt)
            return {tr("No debt: no distance to liquidation."),
                    tr("Without debt nothing can be liquidated.")};
        if (tracks)
            return {tr("1 − (PA/PB) liq / (PA/PB) = %1").arg(display::percent(p.distanceToLiquidation, 1)),
                    tr("How far the price of %1 in %2 can fall before liquidation.").arg(a, b)};
        return {
            tr("1 − PA liq / PA = 1 − %1 / %2 = %3")
                .arg(display::usd(p.liquidationPriceUsd), pa, display::percent(p.distanceToLiquidation, 1)),
            tr("How far %1 can fall from today's price before the position can be liquidated.").arg(a)};
    case Figure::Leverage:
        return {tr("L = CV / (CV − DV) = %1 / (%1 − %2) = %3").arg(cv, dv, display::leverage(p.leverage)),
                tr("Exposure to %1 per dollar of your own money: a 1 % move in %1 moves your equity by "
                   "about %2 %.")
                    .arg(a, display::number(p.leverage, 2))};
    case Figure::Equity:
        return {tr("E = CV − DV = %1 − %2 = %3").arg(cv, dv, display::usd(p.equityUsd)),
                tr("What would be yours if the position were closed at these prices, before closing "
                   "costs.")};
    case Figure::Collateral:
        return {tr("CV = C × PA = %1 × %2 = %3").arg(c, pa, cv),
                tr("The %1 supplied to the market: the deposit plus everything bought with borrowed %2.")
                    .arg(a, b)};
    case Figure::Debt:
        return {tr("DV = D × PB = %1 × %2 = %3").arg(d, pb, dv),
                tr("What is owed to the market; it grows with the borrow APY.")};
    case Figure::OpeningCosts: {
        const OpeningCosts &k = r.opened.costs;
        return {tr("swap fees + slippage + price impact + flash premium + gas = %1 + %2 + %3 + %4 + %5 = %6")
                    .arg(display::usd(k.swapFeesUsd), display::usd(k.slippageUsd), display::usd(k.impactUsd),
                         display::usd(k.flashPremiumUsd), display::usd(k.gasUsd), display::usd(k.totalUsd())),
                tr("Paid once to open: every swap loses its fee, its slippage and its price impact on the "
                   "pool, and every transaction (%1 in all) costs gas.")
                    .arg(k.transactions)};
    }
    case Figure::NetApy:
        return {tr("(CV × (supply APY + native yield) − DV × borrow APY) / E = (%1 × (%2 + %3) − %4 × %5) / "
                   "%6 = %7")
                    .arg(cv, display::percent(plan.collateral.supplyApy),
                         display::percent(plan.collateral.nativeYield), dv,
                         display::percent(plan.borrow.borrowApy), display::usd(p.equityUsd),
                         display::signedPercent(p.netApy)),
                tr("What the position earns in a year on your equity at today's prices and rates.")};
    case Figure::MaxLeverage:
        return {tr("L max = 1 / (1 − LTV max) = 1 / (1 − %1) = %2")
                    .arg(fraction(plan.collateral.ltv), display::leverage(maxLeverage(plan.collateral.ltv))),
                tr("Looping forever at the max LTV, with free swaps, tends to this leverage and never "
                   "reaches it.")};
    }
    return {};
}

} // namespace lp
