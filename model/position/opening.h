#pragma once

#include "expected.h"
#include "plan.h"
#include "position.h"

#include <vector>

namespace lp {

// One row of the loop-by-loop table: the state after step `step` (0 = the initial deposit; with a
// flash loan, step 1 is the whole flash transaction). The position's figures are PositionFigures itself
// (a base, so `step.collateral` and `step.healthFactor` read as before and a figure added there reaches
// every row type), valued at the plan's prices (so, as for the position, no USD liquidation price when
// B tracks A: the ratio says it); the loop's own flows follow.
struct LoopStep : PositionFigures {
    int step = 0;
    double borrowed = 0;            // units of B borrowed in this step (flash: flash loan + premium)
    double swappedToCollateral = 0; // units of A bought with it and deposited
    double swapFeeUsd = 0;
    double slippageUsd = 0;
    double impactUsd = 0; // price impact of the swap (swapimpact.h)
    double flashPremiumUsd = 0;
    bool partial = false; // last loop of a target that borrowed only what it needed
};

// Opening costs, in USD at the opening prices.
struct OpeningCosts {
    double swapFeesUsd = 0;
    double slippageUsd = 0;
    double flashPremiumUsd = 0;
    double gasUsd = 0;
    double impactUsd = 0; // every opening swap's price impact (0 without a model)
    int transactions = 0;
    [[nodiscard]] double totalUsd() const
    {
        return swapFeesUsd + slippageUsd + impactUsd + flashPremiumUsd + gasUsd;
    }
};

struct OpenedPosition {
    Execution execution = Execution::Loop;
    std::vector<LoopStep> steps;
    double collateral = 0; // units of A
    double debt = 0;       // units of B
    OpeningCosts costs;
    double targetLeverage = 0; // leverage aimed at (for loops + loop execution: the one reached)
    double perLoopLtv = 0;     // t = ltvFraction x ltv
    int loops = 0;             // loops executed (a partial last loop counts)
};

// Transactions each way of opening needs: a deposit, then borrow + swap + deposit per loop; a flash
// loan does it all in one transaction.
inline constexpr int kTxPerLoop = 3;

// Leverage (collateral value / equity) that a target health factor means: L = H / (H - lt).
[[nodiscard]] double leverageForHealthFactor(double healthFactor, double liquidationThreshold);

// Flash-loan size in USD that ends at leverage L: y = E0 (L - 1) / (L (1 + phi - k) + k).
[[nodiscard]] double flashLoanUsdForLeverage(double equityUsd, double leverage, double keep, double premium);

// Builds the position as the plan's strategy and execution say, step by step. Assumes the plan passed
// validatePlan(); a target that cannot be reached is an error naming the strategy field, why, and the
// maximum that can.
[[nodiscard]] Expected<OpenedPosition> openPosition(const Plan &plan);

} // namespace lp
