#include "timeline.h"

#include "liquidation.h"
#include "position.h"

#include <cmath>

namespace lp {

namespace {

double orDefault(double value, double fallback)
{
    return std::isnan(value) ? fallback : value;
}

} // namespace

double collateralGrowth(const Plan &plan)
{
    return (1.0 + plan.collateral.supplyApy) * (1.0 + plan.collateral.nativeYield);
}

double debtGrowth(const Plan &plan)
{
    return 1.0 + plan.borrow.borrowApy;
}

double accrue(double amount, double annualGrowth, double days)
{
    return amount * std::pow(annualGrowth, days / 365.0);
}

double accruedYears(double annualGrowth, double days)
{
    // Integral_0^T g^(t/365) dt / 365 = (g^(T/365) - 1) / ln g, with expm1 for growth close to 1.
    const double r = std::log(annualGrowth);
    if (r == 0.0)
        return days / 365.0;
    return std::expm1(r * days / 365.0) / r;
}

NetApyBreakdown netApyBreakdown(const Plan &plan, double collateral, double debt, double priceA,
                                double priceB, const Incentives &incentives)
{
    const double cv = collateral * priceA;
    const double dv = debt * priceB;
    const double e = cv - dv;
    NetApyBreakdown n;
    if (!(e > 0.0)) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        return {nan, nan, nan, nan, nan};
    }
    n.supply = cv * plan.collateral.supplyApy / e;
    n.nativeYield = cv * plan.collateral.nativeYield / e;
    n.borrowCost = -dv * plan.borrow.borrowApy / e;
    n.incentives = (cv * incentives.supplyApr + dv * incentives.borrowApr) / e;
    n.total = n.supply + n.nativeYield + n.borrowCost + n.incentives;
    return n;
}

std::optional<double> daysToLiquidation(const Plan &plan, double collateral, double debt, double priceA,
                                        double priceB)
{
    if (debt <= 0.0)
        return std::nullopt;
    const double hf = healthFactor(collateral, debt, priceA, priceB, plan.collateral.liquidationThreshold);
    if (hf <= 1.0)
        return 0.0;
    // ln(gB / gA) per year, with log1p so that small rates keep their digits.
    const double rate = std::log1p(plan.borrow.borrowApy) - std::log1p(plan.collateral.supplyApy) -
                        std::log1p(plan.collateral.nativeYield);
    if (!(rate > 0.0))
        return std::nullopt;
    return 365.0 * std::log(hf) / rate;
}

Timeline computeTimeline(const Plan &plan, const OpenedPosition &opened, const TimelineOptions &options)
{
    Timeline tl;
    tl.priceAUsd = orDefault(options.priceAUsd, plan.collateral.priceUsd);
    tl.priceBUsd = orDefault(options.priceBUsd, plan.borrow.priceUsd);
    tl.depositValueUsd = plan.deposit * plan.collateral.priceUsd;
    tl.costBasisUsd = tl.depositValueUsd + opened.costs.gasUsd;
    tl.netApy =
        netApyBreakdown(plan, opened.collateral, opened.debt, tl.priceAUsd, tl.priceBUsd, options.incentives);
    tl.daysToLiquidation =
        daysToLiquidation(plan, opened.collateral, opened.debt, tl.priceAUsd, tl.priceBUsd);

    const int horizon = std::max(0, options.horizonDays < 0 ? plan.horizonDays : options.horizonDays);
    const double gA = collateralGrowth(plan);
    const double gB = debtGrowth(plan);
    const double gHold = 1.0 + plan.collateral.nativeYield;
    const double cv0 = opened.collateral * tl.priceAUsd;
    const double dv0 = opened.debt * tl.priceBUsd;
    tl.points.reserve(static_cast<size_t>(horizon) + 1);
    for (int day = 0; day <= horizon; ++day) {
        TimelinePoint p;
        static_cast<PositionFigures &>(p) =
            positionFigures(accrue(opened.collateral, gA, day), accrue(opened.debt, gB, day), tl.priceAUsd,
                            tl.priceBUsd, plan);
        p.day = day;
        p.incentivesUsd = options.incentives.supplyApr * cv0 * accruedYears(gA, day) +
                          options.incentives.borrowApr * dv0 * accruedYears(gB, day);
        p.pnlUsd = p.equityUsd + p.incentivesUsd - tl.costBasisUsd;
        p.holdCollateral = accrue(plan.deposit, gHold, day);
        p.holdValueUsd = p.holdCollateral * tl.priceAUsd;
        p.holdPnlUsd = p.holdValueUsd - tl.depositValueUsd;
        tl.points.push_back(p);
    }
    return tl;
}

PnlGrid pnlGrid(const Plan &plan, const OpenedPosition &opened, std::vector<double> pricesUsd,
                std::vector<int> days)
{
    PnlGrid grid;
    grid.pricesUsd = std::move(pricesUsd);
    grid.days = std::move(days);
    grid.pnlUsd.resize(grid.pricesUsd.size() * grid.days.size());
    const double pb = plan.borrow.priceUsd;
    const LiquidationParams params = liquidationParams(plan, pb);
    const double costBasis = plan.deposit * plan.collateral.priceUsd + opened.costs.gasUsd;
    for (size_t col = 0; col < grid.days.size(); ++col) {
        const double c = accrue(opened.collateral, collateralGrowth(plan), grid.days[col]);
        const double d = accrue(opened.debt, debtGrowth(plan), grid.days[col]);
        for (size_t row = 0; row < grid.pricesUsd.size(); ++row) {
            const double price = grid.pricesUsd[row];
            FallingPathLiquidator path(c, d, params);
            path.advanceTo(price);
            grid.pnlUsd[row * grid.days.size() + col] =
                path.collateral() * price - path.debt() * pb - costBasis;
        }
    }
    return grid;
}

} // namespace lp
