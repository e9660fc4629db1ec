#include "healthseries.h"

#include "position.h"
#include "riskasset.h"

#include <limits>

namespace lp {

std::vector<HealthPoint> healthSeries(const PlanResult &result)
{
    const double pb = result.plan.borrow.priceUsd;
    const double lt = result.plan.collateral.liquidationThreshold;
    std::vector<HealthPoint> out;
    out.reserve(result.sweep.points.size());
    const bool isShort = result.sweep.riskAsset == RiskAsset::Borrow;
    for (const SweepPoint &p : result.sweep.points) {
        const double liquidation = p.debt <= 0 ? std::numeric_limits<double>::quiet_NaN()
                                   : isShort   ? riskLiquidationValue(result.plan, p.collateral, p.debt, lt)
                                               : liquidationPrice(p.collateral, p.debt, pb, lt);
        out.push_back({p.priceUsd, p.healthFactor, liquidation});
    }
    return out;
}

} // namespace lp
