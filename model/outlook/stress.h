#pragma once

#include "liquidation.h"
#include "opening.h"
#include "plan.h"
#include "position.h"

#include <QString>

#include <vector>

namespace lp {

// Stress presets (issue 6). Each applies one instant change to the opened
// position at today's prices and reports the same figures before and after.
enum class StressKind {
    // Token A's price moves by `value` (-0.3 = -30 %) in one gap; liquidators act at the new price
    // (lp::liquidateAfterGap) while HF < 1. For a short (risk asset Borrow) B's price rises by -value.
    PriceShock,
    // B's USD price is multiplied by `value`, A's held. For a debt the dangerous depeg is UP (1.03: the
    // debt is worth more, HF falls); DOWN (0.97) makes the debt cheaper and HF rises. Both are presets.
    BorrowDepeg,
    // The borrow APY becomes `value` for `days` days (collateral keeps earning its rates), then the
    // figures at today's prices; liquidation if HF < 1 by then.
    BorrowRateSpike,
    // Governance cuts the liquidation threshold by `value` (0.05 = 5 points); the bonus is unchanged.
    ThresholdCut,
    // Closing slippage becomes `value` bps: the figure that moves is the close value (what an immediate
    // flash close returns); HF and liquidation price do not change.
    SlippageSpike,
    // A correlated pair's depeg: the A/B price ratio becomes `value` times today's (0.90: A loses 10 %
    // against B), B's USD price held; liquidators act at the new ratio while HF < 1.
    RatioDepeg,
};

struct StressScenario {
    StressKind kind = StressKind::PriceShock;
    QString id; // stable key for JSON and settings: "priceShock-30", "borrowDepeg-1.03", ...
    double value = 0;
    int days = 0; // BorrowRateSpike only
};

// Key figures of the position at one state: PositionFigures at the state's prices and threshold (a
// base, as in LoopStep; liquidationPriceUsd is NaN when B tracks A), the state itself, and what an
// immediate close would return.
struct StressFigures : PositionFigures {
    double priceAUsd = 0;
    double priceBUsd = 0;
    double liquidationThreshold = 0;
    // Walk-away USD of an immediate flash close at this state (NaN when the collateral does not cover
    // the debt plus closing costs).
    double closeValueUsd = 0;
};

struct StressResult {
    StressScenario scenario;
    StressFigures before;
    StressFigures after;
    bool liquidated = false;
    double penaltyUsd = 0; // liquidation bonus lost, in USD at the stressed price
    std::vector<LiquidationEvent> liquidations;
};

// -10/-30/-50 % shocks, depeg of B to 0.97 and 1.03, 40 % borrow APY for 30 days, liquidation threshold
// cut by 5 points, 300 bps slippage on closing.
[[nodiscard]] std::vector<StressScenario> defaultStressScenarios();

// The presets for the plan's risk asset: a correlated pair (risk asset Ratio) moves along its depeg axis,
// the A/B ratio at 0.90, 0.95, 0.98 and 1.02 of today's, in place of the USD price shocks; the others
// are defaultStressScenarios().
[[nodiscard]] std::vector<StressScenario> stressScenarios(const Plan &plan);

[[nodiscard]] StressResult runStress(const Plan &plan, const OpenedPosition &opened,
                                     const StressScenario &scenario);
// runStress over stressScenarios(plan).
[[nodiscard]] std::vector<StressResult> runStressPresets(const Plan &plan, const OpenedPosition &opened);

[[nodiscard]] QString toString(StressKind kind);

} // namespace lp
