#pragma once

#include "expected.h"
#include "opening.h"
#include "plan.h"
#include "position.h"
#include "pricesweep.h"

namespace lp {

// Everything the app shows for one plan, computed in one pass.
struct PlanResult {
    Plan plan;
    OpenedPosition opened;
    PositionFigures position; // at the plan's prices, right after opening
    PriceSweep sweep;
};

// Validates the plan, opens the position and sweeps Token A's price. Pure and deterministic.
[[nodiscard]] Expected<PlanResult> computePlan(const Plan &plan, const SweepOptions &sweep = {});

} // namespace lp
