#include "engine.h"

namespace lp {

Expected<PlanResult> computePlan(const Plan &plan, const SweepOptions &sweepOptions)
{
    ValidationErrors errors = validatePlan(plan);
    errors += validateSweepOptions(sweepOptions);
    if (!errors.isEmpty())
        return errors;
    Expected<OpenedPosition> opened = openPosition(plan);
    if (!opened)
        return opened.errors();

    PlanResult result;
    result.plan = plan;
    result.opened = std::move(opened).value();
    result.position = positionFigures(result.opened.collateral, result.opened.debt, plan.collateral.priceUsd,
                                      plan.borrow.priceUsd, plan);
    result.sweep = sweepPrices(plan, result.opened, sweepOptions);
    return result;
}

} // namespace lp
