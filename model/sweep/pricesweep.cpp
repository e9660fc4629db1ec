#include "pricesweep.h"

#include "machineformat.h"
#include "position.h"

namespace lp {

ValidationErrors validateSweepOptions(const SweepOptions &o)
{
    ValidationErrors errors;
    if (o.points < 2 || o.points > 1000000)
        errors.append({QStringLiteral("sweep.points"), QStringLiteral("must be between 2 and 1000000")});
    if (!(o.fromFraction > 0.0) || !(o.toFraction > o.fromFraction) || !(o.toFraction < 1e6))
        errors.append({QStringLiteral("sweep.range"),
                       QStringLiteral("needs 0 < from < to (got %1..%2)")
                           .arg(formatNumber(o.fromFraction), formatNumber(o.toFraction))});
    return errors;
}

namespace {

// A short: B's price rises through the grid with A's held. In units of B at A's price the position is the
// long one at the A price pa0 pb0 / pb, so the falling-path liquidator applies with B held at pb0; a USD
// amount it reports (the penalty) scales by pb / pb0.
PriceSweep sweepBorrowPrice(const Plan &plan, const OpenedPosition &opened, const SweepOptions &options)
{
    const double pa = plan.collateral.priceUsd;
    const double spot = plan.borrow.priceUsd;
    const double lt = plan.collateral.liquidationThreshold;
    const double c0 = opened.collateral;
    const double d0 = opened.debt;

    PriceSweep sweep;
    sweep.riskAsset = RiskAsset::Borrow;
    sweep.spotPriceUsd = spot;
    sweep.depositValueUsd = plan.deposit * pa;
    const double costBasis = sweep.depositValueUsd + opened.costs.gasUsd;
    sweep.liquidationPriceUsd = riskLiquidationValue(plan, c0, d0, lt);
    sweep.breakEvenPriceUsd = d0 > 0 ? (c0 * pa - costBasis) / d0 : 0.0;
    sweep.zeroEquityPriceUsd = d0 > 0 ? c0 * pa / d0 : 0.0;

    const int n = options.points;
    sweep.points.resize(static_cast<size_t>(n));
    FallingPathLiquidator path(c0, d0, liquidationParams(plan, spot));
    const double step = (options.toFraction - options.fromFraction) / (n - 1);
    for (int i = 0; i < n; ++i) {
        const double price = spot * (options.fromFraction + step * i);
        path.advanceTo(pa * spot / price);
        const double c = path.collateral();
        const double d = path.debt();
        SweepPoint &pt = sweep.points[static_cast<size_t>(i)];
        static_cast<PositionFigures &>(pt) = positionFigures(c, d, pa, price, plan);
        pt.priceUsd = price;
        pt.pnlUsd = pt.equityUsd - costBasis;
        pt.pnlPct = pt.pnlUsd / sweep.depositValueUsd;
        pt.holdPnlUsd = 0.0;
        pt.liquidatedShare = c0 > 0 ? 1.0 - c / c0 : 0.0;
    }
    sweep.liquidations = path.events();
    for (LiquidationEvent &e : sweep.liquidations) {
        const double priceB = pa * spot / e.priceUsd;
        e.penaltyUsd *= priceB / spot;
        e.priceUsd = priceB;
    }
    return sweep;
}

} // namespace

PriceSweep sweepPrices(const Plan &plan, const OpenedPosition &opened, const SweepOptions &options)
{
    const RiskAsset risk = effectiveRiskAsset(plan);
    if (risk == RiskAsset::Borrow)
        return sweepBorrowPrice(plan, opened, options);

    const double spot = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double lt = plan.collateral.liquidationThreshold;
    const double c0 = opened.collateral;
    const double d0 = opened.debt;

    PriceSweep sweep;
    sweep.riskAsset = risk;
    sweep.spotPriceUsd = spot;
    sweep.depositValueUsd = plan.deposit * spot;
    sweep.liquidationPriceUsd = liquidationPrice(c0, d0, pb, lt);
    const double costBasis = sweep.depositValueUsd + opened.costs.gasUsd;
    sweep.breakEvenPriceUsd = (d0 * pb + costBasis) / c0;
    sweep.zeroEquityPriceUsd = d0 * pb / c0;

    const int n = options.points;
    sweep.points.resize(static_cast<size_t>(n));
    FallingPathLiquidator path(c0, d0, liquidationParams(plan, pb));
    const double step = (options.toFraction - options.fromFraction) / (n - 1);
    // Walk down from the top of the grid: above the liquidation price nothing happens, below it the
    // liquidator applies every crossing in order.
    for (int i = n - 1; i >= 0; --i) {
        const double price = spot * (options.fromFraction + step * i);
        path.advanceTo(price);
        const double c = path.collateral();
        const double d = path.debt();
        SweepPoint &pt = sweep.points[static_cast<size_t>(i)];
        static_cast<PositionFigures &>(pt) = positionFigures(c, d, price, pb, plan);
        pt.priceUsd = price;
        pt.pnlUsd = pt.equityUsd - costBasis;
        pt.pnlPct = pt.pnlUsd / sweep.depositValueUsd;
        pt.holdPnlUsd = plan.deposit * (price - spot);
        pt.liquidatedShare = c0 > 0 ? 1.0 - c / c0 : 0.0;
    }
    sweep.liquidations = path.events();
    return sweep;
}

} // namespace lp
