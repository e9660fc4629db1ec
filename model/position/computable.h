#pragma once

// The numbers the engine can compute with meaning. validatePlan() checks each field's own range; these
// checks refuse what passes them but would make the engine's products underflow or overflow: prices,
// deposits and amounts too small for their unit (1e-320 USD is a valid double, but a liquidation sweep at
// that scale never converges), and rates whose compounding over the horizon leaves the range of a double.
// Each error names the field to change.

#include "validationerror.h"

namespace lp {

struct Plan;

namespace limits {
// The smallest price in USD of either asset: far below any traded token, far above the doubles whose
// products lose their digits.
inline constexpr double minPriceUsd = 1e-12;
// The smallest deposit, in units of Token A.
inline constexpr double minDeposit = 1e-12;
// The smallest deposit value in USD (deposit x price).
inline constexpr double minPositionUsd = 1e-9;
// The most any balance may grow or shrink by compounding over the horizon: a factor of 1e100 either way.
inline constexpr double maxLogGrowth = 230.0; // ln(1e100) = 230.26
// Hard caps on the engine's work, independent of validation: a computation that would need more ends
// with an error rather than running for minutes or failing to allocate.
inline constexpr int maxLiquidationEvents = 10000; // per price sweep (falling path)
// The most path-steps (paths x steps) one Monte Carlo simulation runs: about a second per core. More is
// an error naming monteCarlo.paths (the CLI: --paths), never minutes of work; 10,000 paths of a 100-year
// plan are 3.65e8.
inline constexpr double maxPathSteps = 4e8;
} // namespace limits

// Problems validatePlan() adds after each field's own range check (a field outside its range is left to
// that check, so nothing is reported twice).
[[nodiscard]] ValidationErrors validateComputable(const Plan &plan);

} // namespace lp
