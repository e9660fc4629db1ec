#include "swapimpact.h"

#include <limits>

namespace lp {

double impactReserveUsd(const PriceImpact &impact, SwapSide side)
{
    switch (impact.model) {
    case ImpactModel::None:
        break;
    case ImpactModel::ConstantProduct:
        return side == SwapSide::BuyCollateral ? impact.reserveBUsd : impact.reserveAUsd;
    case ImpactModel::DepthAtOnePercent:
        return 99.0 * impact.depthUsd;
    }
    return std::numeric_limits<double>::infinity();
}

double impactShare(const PriceImpact &impact, SwapSide side, double inUsd)
{
    if (impact.model == ImpactModel::None || !(inUsd > 0.0))
        return 0.0;
    const double reserve = impactReserveUsd(impact, side);
    return reserve > 0.0 ? inUsd / (reserve + inUsd) : 1.0;
}

double impactInputForOutput(const PriceImpact &impact, SwapSide side, double outUsd)
{
    if (impact.model == ImpactModel::None || !(outUsd > 0.0))
        return outUsd;
    const double reserve = impactReserveUsd(impact, side);
    if (!(reserve > outUsd))
        return std::numeric_limits<double>::infinity();
    return outUsd * reserve / (reserve - outUsd);
}

} // namespace lp
