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

PriceSweep sweepPrices(const Plan &plan, const OpenedPosition &opened, const SweepOptions &options)
{
    const double spot = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double lt = plan.collateral.liquidationThreshold;
    const double c0 = opened.collateral;
    const double d0 = opened.debt;

    PriceSweep sweep;
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
