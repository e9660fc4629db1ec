#pragma once

#include "expected.h"
#include "montecarlo.h"
#include "opening.h"
#include "plan.h"
#include "protectionrule.h"

#include <QJsonObject>

#include <cstdint>
#include <vector>

namespace lp {

// The plan's protection rules on the Monte Carlo paths (issue 18): seeded paths as
// monteCarloLiquidationProbability (path p's normals from Xoshiro256(seed, p), drawn as bridges below), each
// simulated twice, with the rules and without, so that the two sets of figures differ only by the rules.
//
// Path model. Token A's price (the A/B ratio when B tracks A) is GBM in daily steps; collateral and debt
// accrue each step, so the liquidation barrier D pb / (C lt) rises with interest. Between two steps the
// path is a Brownian bridge: a level L is crossed with probability exp(-2 (x_s - L)(x_e - L) / (vol^2 dt))
// (x = log price at the step's ends), sampled with a uniform from the path's own event stream
// (Xoshiro256(seed ^ constant, p), one copy for each run), so the continuous path decides, not only the
// daily closes:
// - liquidation is watched continuously: liquidators act when the bridge crosses HF = 1, just under the
//   liquidation price, under the plan's liquidation rules (then the path goes on with what is left);
// - a rule with delaySteps 0 is a resting order, executed at its level when the bridge crosses it (auto-
//   repay at HF = trigger, stop-loss at its price, ...); the highest level down (lowest up) is crossed
//   first, so a stop above the liquidation price always closes before a liquidation;
// - a rule with delaySteps n >= 1 is checked at each step's close and executed n steps later at that
//   step's price: a fall in between can liquidate first.
// The trailing stop's running maximum is taken over the daily closes.
// Speed without a change of model: a path is drawn as a Brownian bridge over the whole horizon, halved
// (the midpoint drawn given both ends) only where it may meet a level, down to daily steps. Stretches of
// days where neither run can reach any level but with a probability under exp(-37) (the least a step's
// uniform can tell from 0), with no rule waiting to execute and no trailing stop, are one jump that only
// accrues interest: in distribution the same path as day by day, with far fewer draws. The lowest health
// factor is then taken at the ends of such stretches, the daily closes elsewhere and every execution.
//
// Per path: liquidated at least once (0/1), the executions and costs of each rule, the final equity (a
// closed position's cash; never below 0) and the P&L against holding x0 with its native yield:
// (equity - cost basis) - (hold value - deposit value). Results are bit-identical for one seed whatever
// the thread count: every path writes its own slots, sums run in path order.
struct ProtectionQuantiles {
    double p5 = 0;
    double p50 = 0;
    double p95 = 0;
};

struct ProtectionRuleStats {
    ProtectionKind kind = ProtectionKind::AutoRepay;
    double fireProbability = 0;    // share of paths where the rule executed at least once
    double expectedExecutions = 0; // mean executions per path
    double expectedFeesUsd = 0;    // mean cost per path (service fee, swap, gas, incentive)
    double p95FeesUsd = 0;         // 95th percentile of the cost per path
};

// One set of paths' figures, with the rules or without.
struct ProtectionOutcome {
    double liquidationProbability = 0;
    double ci95Low = 0;
    double ci95High = 0;
    ProtectionQuantiles finalEquityUsd;
    ProtectionQuantiles pnlVsHoldUsd;
    double meanFinalEquityUsd = 0;
    double minHealthFactor = 0;      // lowest HF at the observed points of all paths: the ends of jumped
                                     // stretches, every close where a path is refined, every execution
    std::vector<double> finalEquity; // per path, sorted ascending (for histograms)
};

struct ProtectionMonteCarloResult {
    int paths = 0;
    int steps = 0;
    std::uint64_t seed = 0;
    int threads = 0;
    ProtectionOutcome with;
    ProtectionOutcome without;
    std::vector<ProtectionRuleStats> rules; // in the plan's order
    double closedProbability = 0;           // share of paths a closing rule closed
    double expectedFeesUsd = 0;             // all rules
    double p95FeesUsd = 0;
};

// How a path's normals are drawn: as bridges, halved only near a level (the default), or one per day (the
// plain construction, slower, for checking that the two agree in distribution).
enum class PathDrawing { Bridged, DailySteps };

[[nodiscard]] Expected<ProtectionMonteCarloResult>
simulateProtection(const Plan &plan, const OpenedPosition &opened, const MonteCarloOptions &options,
                   PathDrawing drawing = PathDrawing::Bridged);

// Type-7 quantile (linear between order statistics, NumPy's default) of sorted values.
[[nodiscard]] double sortedQuantile(const std::vector<double> &sorted, double q);
// The same quantile of unsorted values, which it reorders: a selection in O(n), not a sort.
[[nodiscard]] double selectQuantile(std::vector<double> &values, double q);

// report JSON `risk.protection`: {liquidationProbability, liquidationProbabilityWithout, ci95 of both,
// rules[{kind, fireProbability, expectedExecutions, expectedFeesUsd, p95FeesUsd}], expectedFeesUsd,
// p95FeesUsd, closedProbability, finalEquityUsd{p5, p50, p95}, finalEquityWithoutUsd{...},
// pnlVsHoldUsd{...}, pnlVsHoldWithoutUsd{...}, paths, seed, steps}.
[[nodiscard]] QJsonObject protectionJson(const ProtectionMonteCarloResult &result);

} // namespace lp
