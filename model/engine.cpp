#include "engine.h"

#include "computable.h"

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
    if (result.sweep.liquidations.size() >= static_cast<size_t>(limits::maxLiquidationEvents))
        return ValidationError{QStringLiteral("deposit"),
                               QStringLiteral("the price sweep needs more than %1 liquidations; the plan's "
                                              "amounts or prices are too extreme to compute")
                                   .arg(limits::maxLiquidationEvents)};
    return result;
}

} // namespace lp
