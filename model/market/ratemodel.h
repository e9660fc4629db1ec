#pragma once

#include "validationerror.h"

#include <vector>

namespace lp {

// A reserve's interest-rate strategy (docs/markets.md, "Interest rates and accrual"; core
// DefaultReserveInterestRateStrategy): a borrow APR that rises slowly up to the optimal utilization and
// steeply after it. Fractions.
struct RateStrategy {
    double optimalUtilization = 0.8; // Uopt, in (0, 1)
    double baseRate = 0.0;           // borrow APR at U = 0
    double slope1 = 0.04;            // added between U = 0 and Uopt
    double slope2 = 0.75;            // added between Uopt and U = 1
    friend bool operator==(const RateStrategy &, const RateStrategy &) = default;
};

// SECONDS_PER_YEAR = 365 days (core MathUtils.sol; @aave/math-utils 31536000).
inline constexpr double kSecondsPerYear = 31536000.0;

// Borrow APR at utilization U (clamped to [0, 1]):
//   U <= Uopt: base + slope1 U / Uopt;   U > Uopt: base + slope1 + slope2 (U - Uopt) / (1 - Uopt).
[[nodiscard]] double borrowRate(const RateStrategy &strategy, double utilization);

// Supply APR = borrow APR x U x (1 - reserveFactor) (no unbacked supply, one borrow rate).
[[nodiscard]] double supplyRate(const RateStrategy &strategy, double utilization, double reserveFactor);

// APR to the APY a lending UI shows, compounding every second: (1 + APR / SPY)^SPY - 1
// (@aave/math-utils calculate-compounded-interest). apyToApr is its inverse.
[[nodiscard]] double aprToApy(double apr);
[[nodiscard]] double apyToApr(double apy);

struct RatePoint {
    double utilization = 0;
    double borrowApr = 0;
    double borrowApy = 0;
    double supplyApr = 0;
    double supplyApy = 0;
};

// The curve at `points` evenly spaced utilizations from 0 to 1 (at least 2), for the editor's chart.
[[nodiscard]] std::vector<RatePoint> rateCurve(const RateStrategy &strategy, double reserveFactor,
                                               int points = 101);

// Uopt in (0, 1); base and slopes finite, in [0, 100]. Fields are reported under `path`
// ("reserves[1].rateStrategy").
[[nodiscard]] ValidationErrors validateRateStrategy(const RateStrategy &strategy, const QString &path);

} // namespace lp
