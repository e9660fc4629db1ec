#pragma once

// What liquidators do to a position when Token A's price moves to P: at once (a gap: every call they would
// make at P, until the rules allow no more) or along a falling path (each crossing of the trigger, as the
// sweep applies them). The `liquidate` command prints it.
#include "liquidation.h"
#include "plan.h"

#include <vector>

namespace lp {

struct LiquidationScenario {
    double spotPriceUsd = 0; // Token A's price before the move
    double priceUsd = 0;     // Token A's price after it
    double priceBUsd = 0;    // B's price then, as the plan's price model says
    bool alongPath = false;
    std::vector<LiquidationEvent> calls;
    double collateralAfter = 0; // units of A
    double debtAfter = 0;       // units of B
    double equityUsd = 0;       // collateral value - debt value after the calls
    double badDebt = 0;         // units of B: written off, or left with no collateral (aave-v3.0)
};

// The calls on a position of `collateral` A and `debt` B (opened under `plan`) when A's price moves from the
// plan's price to priceUsd. B keeps its price, or moves with A when the plan says it tracks A.
[[nodiscard]] LiquidationScenario liquidateAtPrice(const Plan &plan, double collateral, double debt,
                                                   double priceUsd, bool alongPath);

} // namespace lp
