#pragma once

#include "engine.h"
#include "expected.h"
#include "plan.h"

#include <optional>
#include <vector>

namespace lp {

// The position after n full loops, for the "leverage and HF against loop count" chart of the window.
struct LoopCountPoint {
    int loops = 0;
    double leverage = 1;            // collateral value / equity
    double healthFactor = 0;        // +infinity with no debt
    double liquidationPriceUsd = 0; // B's price held; 0 with no debt
};

struct LoopCountSeries {
    std::vector<LoopCountPoint> points; // loops 0..maxLoops, ascending
    double perLoopLtv = 0;              // t = ltvFraction x ltv
    double leverageLimit = 1;           // 1 / (1 - t): what the loops tend to
    double leverageCap = 1;             // 1 / (1 - ltv): the hard cap of the reserve
    // Where the plan itself stands (its last loop may be partial): step count and its figures. Empty
    // when the plan opens with a flash loan, which has no loop count.
    std::optional<LoopCountPoint> current;
};

// Opens the plan's deposit with loop execution and `maxLoops` full loops at its per-loop LTV, and keeps
// the state after each loop (the state after n loops does not depend on how many follow). Costs apply
// as in the plan. The plan must be valid (validatePlan).
[[nodiscard]] Expected<LoopCountSeries> loopCountSeries(const PlanResult &result, int maxLoops = 20);

} // namespace lp
