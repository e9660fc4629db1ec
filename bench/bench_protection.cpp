// Protection rules on the plan-level Monte Carlo (issue 18): lp::simulateProtection with two rules, an
// auto-repay at HF 1.4 back to 1.7 (checked at each daily close, executed the next day) and a stop-loss at
// 70 % of today's price (a resting order), 100,000 paths x 365 daily steps by default, each path simulated
// with the rules and without. Prints the median and minimum of several runs and one machine-readable line
// for bench/run-montecarlo, which runs bench/protection_numpy.py on the same plan next to it.
//
//   bench_protection PLAN.json [--paths N] [--runs R] [--threads T]
#include "benchutil.h"
#include "opening.h"
#include "protection.h"
#include "protectionmontecarlo.h"
#include "riskasset.h"
#include "timeline.h"

#include <cmath>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    return lp::bench::fail("bench_protection", message);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    lp::bench::PlanBenchArgs args;
    lp::Plan p;
    if (const std::optional<QString> error = args.parse(app, &p))
        return fail(*error);
    lp::ProtectionRule repay = lp::ProtectionRule::ofKind(lp::ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.4;
    repay.targetHealthFactor = 1.7;
    lp::ProtectionRule stop = lp::ProtectionRule::ofKind(lp::ProtectionKind::StopLoss);
    stop.priceUsd = 0.7 * p.collateral.priceUsd;
    stop.delaySteps = 0;
    p.protection = {repay, stop};
    const lp::Expected<lp::OpenedPosition> opened = lp::openPosition(p);
    if (!opened)
        return fail(lp::formatErrors(opened.errors()));

    lp::MonteCarloOptions options;
    options.paths = args.pathCount();
    options.seed = 1;
    options.threads = args.threadCount();
    const int runs = args.runCount();

    lp::Expected<lp::ProtectionMonteCarloResult> result = lp::simulateProtection(p, *opened, options);
    if (!result)
        return fail(lp::formatErrors(result.errors()));
    const std::vector<double> seconds =
        lp::bench::timeRuns(runs, [&] { result = lp::simulateProtection(p, *opened, options); });
    const double median = lp::bench::median(seconds);
    const lp::ProtectionMonteCarloResult &r = *result;
    std::printf(
        "bench_protection: %d paths x %d daily steps, with and without 2 rules, %d threads, %d runs\n",
        options.paths, r.steps, options.threads, runs);
    std::printf("  median %.3f s   min %.3f s   (goal: under 0.1 s)\n", median, seconds.front());
    std::printf("  liquidation %.5f with the rules, %.5f without; auto-repay fires on %.4f, stop on %.4f; "
                "fees %.2f USD expected\n",
                r.with.liquidationProbability, r.without.liquidationProbability, r.rules[0].fireProbability,
                r.rules[1].fireProbability, r.expectedFeesUsd);
    std::printf("RESULT impl=cpp median_s=%.6f min_s=%.6f with=%.6f without=%.6f repay_fires=%.6f "
                "stop_fires=%.6f fees=%.6f p50_with=%.6f p50_without=%.6f threads=%d\n",
                median, seconds.front(), r.with.liquidationProbability, r.without.liquidationProbability,
                r.rules[0].fireProbability, r.rules[1].fireProbability, r.expectedFeesUsd,
                r.with.finalEquityUsd.p50, r.without.finalEquityUsd.p50, options.threads);
    // The plan as bench/protection_numpy.py takes it.
    const lp::LiquidationParams liq = lp::liquidationParams(p, p.borrow.priceUsd);
    std::printf("PARAMS --c0 %.17g --d0 %.17g --pa %.17g --pb %.17g --lt %.17g --bonus %.17g --vol %.17g "
                "--drift %.17g --cg %.17g --dg %.17g --keep %.17g --gas %.17g\n",
                opened->collateral, opened->debt, p.collateral.priceUsd, p.borrow.priceUsd,
                liq.liquidationThreshold, liq.liquidationBonus, lp::riskVolatility(p), p.risk.drift,
                std::pow(lp::collateralGrowth(p), 1.0 / 365.0), std::pow(lp::debtGrowth(p), 1.0 / 365.0),
                p.costs.swapKeep(), p.costs.gasUsdPerTx);
    return 0;
}
