#pragma once

#include "expected.h"
#include "montecarlo.h"
#include "opening.h"
#include "plan.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace lp {

// Standard normal distribution function, and its logarithm accurate far into the lower tail.
[[nodiscard]] double normalCdf(double x);
[[nodiscard]] double logNormalCdf(double x);

// Probability that GBM with annual `drift` and `volatility`, started at `spot`, touches the constant
// `barrier` within `years` (first passage of the running minimum, e.g. Shreve, Stochastic
// Calculus for Finance II, §7.3.3):
//   P = N((ln(H/S0) - v T)/(s sqrt T)) + (H/S0)^(2v/s^2) N((ln(H/S0) + v T)/(s sqrt T)),  v = drift - s^2/2.
// 1 when barrier >= spot; 0 for a zero barrier or no time; at zero volatility the deterministic path
// S0 e^(drift t) decides.
[[nodiscard]] double barrierHitProbability(double spot, double barrier, double years, double volatility,
                                           double drift);

// The plan's closed-form liquidation probability over `horizonDays` (< 0: the plan's): barrier = today's
// liquidation price, i.e. barrier / spot = 1 / HF (the A/B ratio when B tracks A), drift and volatility
// from plan.risk (the volatility of the risk asset: riskasset.h riskVolatility). 0 without debt.
[[nodiscard]] double liquidationProbability(const Plan &plan, const OpenedPosition &opened,
                                            int horizonDays = -1);

// Probability over loop count (rows) x volatility (columns) for the heatmap: the plan opened with each
// loop count (strategy mode set to loops), closed form by default, or the Monte Carlo with the rising
// barrier when `monteCarlo` is given (each cell with the same options).
struct ProbabilityGrid {
    std::vector<int> loopCounts;
    std::vector<double> volatilities;
    std::vector<double> leverage;     // per loop count
    std::vector<double> healthFactor; // per loop count
    std::vector<double> probability;  // row-major: probability[row * volatilities.size() + column]
    [[nodiscard]] double at(size_t loopRow, size_t volatilityColumn) const
    {
        return probability[loopRow * volatilities.size() + volatilityColumn];
    }
};
[[nodiscard]] Expected<ProbabilityGrid>
probabilityHeatmap(const Plan &plan, std::vector<int> loopCounts, std::vector<double> volatilities,
                   const std::optional<MonteCarloOptions> &monteCarlo = std::nullopt);

// report JSON `risk`: {liquidationProbability (closed form), horizonDays, annualVolatility, drift,
// ratioVolatility, volatilityUsed (the risk asset's: ratioVolatility for a ratio pair),
// monteCarlo{probability, ci95Low, ci95High, paths, seed, threads, steps}} (monteCarlo omitted when not
// given).
[[nodiscard]] QJsonObject riskJson(const Plan &plan, double closedFormProbability,
                                   const std::optional<MonteCarloResult> &monteCarlo);

} // namespace lp
