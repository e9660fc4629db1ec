#include "loopcountseries.h"

#include "opening.h"

#include <limits>

namespace lp {

namespace {

LoopCountPoint pointOf(const LoopStep &step)
{
    return {step.step, step.leverage, step.healthFactor, step.liquidationPriceUsd};
}

} // namespace

Expected<LoopCountSeries> loopCountSeries(const PlanResult &result, int maxLoops)
{
    if (maxLoops < 0 || maxLoops > limits::maxLoops) {
        return ValidationError{
            QStringLiteral("maxLoops"),
            QStringLiteral("must be between 0 and %1 (got %2)").arg(limits::maxLoops).arg(maxLoops)};
    }
    Plan loops = result.plan;
    loops.strategy.mode = StrategyMode::Loops;
    loops.strategy.loops = maxLoops;
    loops.execution = Execution::Loop;
    Expected<OpenedPosition> opened = openPosition(loops);
    if (!opened)
        return opened.errors();

    LoopCountSeries series;
    series.points.reserve(opened->steps.size());
    for (const LoopStep &step : opened->steps)
        series.points.push_back(pointOf(step));
    series.perLoopLtv = opened->perLoopLtv;
    // C_N / (C_N - D_N) -> 1 / (1 - t) as N grows (swap costs shrink both sides alike).
    const double inf = std::numeric_limits<double>::infinity();
    series.leverageLimit = series.perLoopLtv < 1.0 ? 1.0 / (1.0 - series.perLoopLtv) : inf;
    series.leverageCap = result.plan.collateral.ltv < 1.0 ? 1.0 / (1.0 - result.plan.collateral.ltv) : inf;
    if (result.opened.execution == Execution::Loop && !result.opened.steps.empty())
        series.current = pointOf(result.opened.steps.back());
    return series;
}

} // namespace lp
