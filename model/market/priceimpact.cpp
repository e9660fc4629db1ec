#include "priceimpact.h"

#include <algorithm>

namespace lp {

double constantProductOut(double dx, double reserveIn, double reserveOut, double fee)
{
    const double in = dx * (1.0 - fee);
    return in > 0.0 ? in * reserveOut / (reserveIn + in) : 0.0;
}

double priceImpact(const SwapRoute &route, double sizeUsd)
{
    if (!(sizeUsd > 0.0))
        return 0.0;
    const bool pool = route.kind == SwapRoute::Kind::ConstantProduct;
    const double reserveIn = pool ? route.reserveInUsd : 99.0 * route.depthUsd;
    const double in = sizeUsd * (1.0 - (pool ? route.fee : 0.0));
    if (!(reserveIn > 0.0))
        return 1.0;
    return in / (reserveIn + in);
}

ExecutionImpact executionImpact(const PlanResult &result, const SwapRoute &route)
{
    ExecutionImpact out;
    const double pb = result.plan.borrow.priceUsd;
    for (const LoopStep &s : result.opened.steps) {
        const double size = s.borrowed * pb;
        out.swappedEntryUsd += size;
        out.entryUsd += size * priceImpact(route, size);
    }
    const double exitSize = result.opened.debt * pb;
    out.exitUsd = exitSize * priceImpact(route, exitSize);
    out.entryShare = out.swappedEntryUsd > 0 ? out.entryUsd / out.swappedEntryUsd : 0.0;
    out.exitShare = exitSize > 0 ? out.exitUsd / exitSize : 0.0;
    return out;
}

} // namespace lp
