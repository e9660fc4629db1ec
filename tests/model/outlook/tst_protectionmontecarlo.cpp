// Protection rules on the Monte Carlo paths (issue 18): closed-form checks (a stop above the liquidation
// price with no delay; an auto-repay watched continuously), the figures without rules against the plain
// Monte Carlo, costs adding up, and the same figures on any thread count.
#include "engine.h"
#include "liquidationprobability.h"
#include "montecarlo.h"
#include "protectionmontecarlo.h"
#include "protectionpath.h"
#include "testutil.h"
#include "timeline.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// The hand plan of testutil.h: no rates, so the barrier stays at the liquidation price $53.571429;
// volatility 60 %, no drift, one year.
Plan handPlan(const ProtectionRules &rules)
{
    Plan p = test::oneFullLoopPlan();
    p.risk = {0.6, 0.0};
    p.horizonDays = 365;
    p.costs.gasUsdPerTx = 1.0;
    p.costs.swapFeeBps = 5.0;
    p.protection = rules;
    return p;
}

ProtectionMonteCarloResult simulate(const Plan &plan, int paths, int threads = 2, std::uint64_t seed = 7)
{
    const PlanResult result = test::compute(plan);
    MonteCarloOptions o;
    o.paths = paths;
    o.seed = seed;
    o.threads = threads;
    Expected<ProtectionMonteCarloResult> r = simulateProtection(plan, result.opened, o);
    if (!r)
        qFatal("simulateProtection: %s", qPrintable(formatErrors(r.errors())));
    return std::move(r).value();
}

ProtectionRule stopAt(double price)
{
    ProtectionRule r = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    r.priceUsd = price;
    r.delaySteps = 0;
    return r;
}

// |a - b| within z standard errors of a share estimated from n paths.
bool withinShareInterval(double estimate, double exact, int n, double z = 4.0)
{
    const double se = std::sqrt(std::max(exact * (1.0 - exact), 1e-12) / n);
    return std::fabs(estimate - exact) <= z * se;
}

} // namespace

class TestProtectionMonteCarlo : public QObject {
    Q_OBJECT
private slots:
    void stopAboveLiquidationPriceMatchesFirstPassage();
    void continuousAutoRepayNeverReachesHealthFactorOne();
    void delayedAutoRepayCanBeJumped();
    void withoutRulesAgreesWithPlainMonteCarlo();
    void ruleThatNeverFiresChangesNothing();
    void costsAddUp();
    void sameSeedSameFiguresAnyThreadCount();
    void quantiles();
    void selectedQuantilesAreTheSortedOnes();
    void bridgedDrawingAgreesWithDailySteps_data();
    void bridgedDrawingAgreesWithDailySteps();
    void quietOnlyFarFromEveryLevel();
};

void TestProtectionMonteCarlo::stopAboveLiquidationPriceMatchesFirstPassage()
{
    // Stop at $70, above the liquidation price $53.57, executed at its price (no delay): no path can be
    // liquidated, and the stop fires with GBM's first-passage probability to $70 within a year.
    const int n = 40000;
    const ProtectionMonteCarloResult r = simulate(handPlan({stopAt(70.0)}), n);
    QCOMPARE(r.with.liquidationProbability, 0.0);
    const double firstPassage = barrierHitProbability(100.0, 70.0, 1.0, 0.6, 0.0);
    QVERIFY2(withinShareInterval(r.rules.front().fireProbability, firstPassage, n),
             qPrintable(QStringLiteral("stop fired on %1 of paths, first passage %2")
                            .arg(r.rules.front().fireProbability)
                            .arg(firstPassage)));
    QCOMPARE(r.closedProbability, r.rules.front().fireProbability);
    QCOMPARE(r.rules.front().expectedExecutions, r.rules.front().fireProbability);
    // Without the stop, the liquidation probability is the first passage to the liquidation price.
    const double liquidation = barrierHitProbability(100.0, 750.0 / (17.5 * 0.8), 1.0, 0.6, 0.0);
    QVERIFY2(withinShareInterval(r.without.liquidationProbability, liquidation, n),
             qPrintable(QStringLiteral("%1 vs %2").arg(r.without.liquidationProbability).arg(liquidation)));
    // A stopped path keeps its cash: the worst 5 % of paths lose less with the stop.
    QVERIFY(r.with.finalEquityUsd.p5 > r.without.finalEquityUsd.p5);
}

void TestProtectionMonteCarlo::continuousAutoRepayNeverReachesHealthFactorOne()
{
    // Auto-repay at HF 1.3 back to 1.6, executed at its trigger (no delay) on a continuous path without
    // jumps: every fall to HF 1.3 is met by a repayment, so HF never reaches 1.
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    repay.targetHealthFactor = 1.6;
    repay.delaySteps = 0;
    const ProtectionMonteCarloResult r = simulate(handPlan({repay}), 20000);
    QCOMPARE(r.with.liquidationProbability, 0.0);
    QVERIFY2(r.with.minHealthFactor >= 1.3 * (1.0 - 1e-9),
             qPrintable(QString::number(r.with.minHealthFactor)));
    QVERIFY(r.without.liquidationProbability > 0.1);
    QVERIFY(r.rules.front().fireProbability > r.without.liquidationProbability);
    QVERIFY(r.rules.front().expectedFeesUsd > 0.0);
}

void TestProtectionMonteCarlo::delayedAutoRepayCanBeJumped()
{
    // Checked once a day and executed the next day, a trigger just above HF 1 is jumped by some falls:
    // the rules lower the probability but do not remove it.
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.02;
    repay.targetHealthFactor = 1.5;
    const ProtectionMonteCarloResult r = simulate(handPlan({repay}), 20000);
    QVERIFY(r.with.liquidationProbability > 0.0);
    QVERIFY(r.with.liquidationProbability < r.without.liquidationProbability);
}

void TestProtectionMonteCarlo::withoutRulesAgreesWithPlainMonteCarlo()
{
    // The fixture's plan with rates (the barrier moves): the figures without rules are the plain Monte
    // Carlo's probability (conditional estimator) within both intervals.
    Plan plan = test::fixturePlan();
    plan.protection = {stopAt(0.5 * plan.collateral.priceUsd)};
    const PlanResult result = test::compute(plan);
    MonteCarloOptions o;
    o.paths = 20000;
    o.seed = 3;
    o.threads = 2;
    const MonteCarloResult plain =
        monteCarloLiquidationProbability(plan, computeTimeline(plan, result.opened), o).value();
    const ProtectionMonteCarloResult r = simulateProtection(plan, result.opened, o).value();
    const double se =
        std::sqrt(r.without.liquidationProbability * (1.0 - r.without.liquidationProbability) / o.paths);
    QVERIFY2(
        std::fabs(r.without.liquidationProbability - plain.probability) <=
            4.0 * std::hypot(se, plain.standardError),
        qPrintable(QStringLiteral("%1 vs %2").arg(r.without.liquidationProbability).arg(plain.probability)));
}

void TestProtectionMonteCarlo::ruleThatNeverFiresChangesNothing()
{
    ProtectionRule tp = ProtectionRule::ofKind(ProtectionKind::TakeProfit);
    tp.priceUsd = 1e8;
    const ProtectionMonteCarloResult r = simulate(handPlan({tp}), 5000);
    QCOMPARE(r.rules.front().fireProbability, 0.0);
    QCOMPARE(r.with.liquidationProbability, r.without.liquidationProbability);
    QCOMPARE(r.with.finalEquity, r.without.finalEquity);
}

void TestProtectionMonteCarlo::costsAddUp()
{
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.4;
    repay.targetHealthFactor = 1.8;
    ProtectionRule boost = ProtectionRule::ofKind(ProtectionKind::AutoBoost);
    boost.triggerHealthFactor = 2.4;
    boost.targetHealthFactor = 1.9;
    const ProtectionMonteCarloResult r = simulate(handPlan({repay, boost}), 5000);
    QCOMPARE(r.rules.size(), size_t{2});
    LP_COMPARE_REL(r.expectedFeesUsd, r.rules[0].expectedFeesUsd + r.rules[1].expectedFeesUsd, 1e-12);
    QVERIFY(r.p95FeesUsd >= std::max(r.rules[0].p95FeesUsd, r.rules[1].p95FeesUsd));
    // Each execution costs at least the $1 gas.
    QVERIFY(r.rules[0].expectedFeesUsd >= r.rules[0].expectedExecutions * 1.0);
    QVERIFY(r.rules[1].expectedFeesUsd >= r.rules[1].expectedExecutions * 1.0);
    QVERIFY(r.rules[0].expectedExecutions >= r.rules[0].fireProbability);
}

void TestProtectionMonteCarlo::sameSeedSameFiguresAnyThreadCount()
{
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.4;
    repay.targetHealthFactor = 1.8;
    ProtectionRule trail = ProtectionRule::ofKind(ProtectionKind::TrailingStop);
    trail.fraction = 0.3;
    const Plan plan = handPlan({repay, trail});
    const ProtectionMonteCarloResult one = simulate(plan, 3000, 1);
    const ProtectionMonteCarloResult three = simulate(plan, 3000, 3);
    QCOMPARE(protectionJson(one).value(QStringLiteral("rules")),
             protectionJson(three).value(QStringLiteral("rules")));
    QCOMPARE(one.with.finalEquity, three.with.finalEquity);
    QCOMPARE(one.without.finalEquity, three.without.finalEquity);
    QCOMPARE(one.with.liquidationProbability, three.with.liquidationProbability);
    QVERIFY(simulate(plan, 3000, 2, 8).with.finalEquity != one.with.finalEquity);
}

void TestProtectionMonteCarlo::quantiles()
{
    // Type 7: h = q (n - 1); 0.05 x 4 = 0.2 -> 1 + 0.2 x (2 - 1) = 1.2.
    const std::vector<double> v{1.0, 2.0, 3.0, 4.0, 10.0};
    QCOMPARE(sortedQuantile(v, 0.05), 1.2);
    QCOMPARE(sortedQuantile(v, 0.5), 3.0);
    LP_COMPARE_REL(sortedQuantile(v, 0.95), 8.8, 1e-12);
}

void TestProtectionMonteCarlo::selectedQuantilesAreTheSortedOnes()
{
    // Property: on any values, the selection gives the sorted vector's type-7 quantile exactly.
    Xoshiro256 rng(11, 0);
    for (int size : {1, 2, 3, 10, 101, 1000}) {
        std::vector<double> v(static_cast<size_t>(size));
        for (double &x : v)
            x = std::floor(rng.uniformOpen0() * 50.0); // ties included
        std::vector<double> sorted = v;
        std::sort(sorted.begin(), sorted.end());
        for (double q : {0.0, 0.05, 0.5, 0.95, 1.0}) {
            std::vector<double> work = v;
            QCOMPARE(selectQuantile(work, q), sortedQuantile(sorted, q));
        }
    }
}

void TestProtectionMonteCarlo::bridgedDrawingAgreesWithDailySteps_data()
{
    QTest::addColumn<Plan>("plan");
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    repay.targetHealthFactor = 1.7;
    ProtectionRule boost = ProtectionRule::ofKind(ProtectionKind::AutoBoost);
    boost.triggerHealthFactor = 2.2;
    boost.targetHealthFactor = 1.8;
    ProtectionRule preLiquidation = ProtectionRule::ofKind(ProtectionKind::PreLiquidation);
    preLiquidation.ltv = 0.7;
    preLiquidation.closeFactor = 0.5;
    preLiquidation.incentive = 0.03;
    QTest::newRow("stop at its price") << handPlan({stopAt(70.0)});
    QTest::newRow("repay next day, boost") << handPlan({repay, boost});
    QTest::newRow("pre-liquidation") << handPlan({preLiquidation});
    Plan moving = test::fixturePlan(); // rates: the barrier and the levels move between events
    ProtectionRule continuousRepay = repay;
    continuousRepay.delaySteps = 0;
    moving.protection = {continuousRepay, stopAt(0.6 * moving.collateral.priceUsd)};
    QTest::newRow("moving barrier") << moving;
}

void TestProtectionMonteCarlo::bridgedDrawingAgreesWithDailySteps()
{
    // The bridged drawing is the daily one in distribution: every share and mean agrees within 4.5
    // standard errors of the difference of two independent estimates (different seeds).
    QFETCH(Plan, plan);
    const PlanResult result = test::compute(plan);
    MonteCarloOptions o;
    o.paths = 6000;
    o.threads = 2;
    o.seed = 21;
    const ProtectionMonteCarloResult bridged = simulateProtection(plan, result.opened, o).value();
    o.seed = 22;
    const ProtectionMonteCarloResult daily =
        simulateProtection(plan, result.opened, o, PathDrawing::DailySteps).value();
    const auto shares = [&](const char *what, double a, double b) {
        const double p = (a + b) / 2.0;
        const double se = std::sqrt(std::max(2.0 * p * (1.0 - p) / o.paths, 1e-12));
        QVERIFY2(
            std::fabs(a - b) <= 4.5 * se,
            qPrintable(QStringLiteral("%1: bridged %2, daily %3").arg(QLatin1String(what)).arg(a).arg(b)));
    };
    shares("liquidation with rules", bridged.with.liquidationProbability, daily.with.liquidationProbability);
    shares("liquidation without", bridged.without.liquidationProbability,
           daily.without.liquidationProbability);
    for (size_t k = 0; k < bridged.rules.size(); ++k)
        shares("rule fires", bridged.rules[k].fireProbability, daily.rules[k].fireProbability);
    const auto sd = [](const std::vector<double> &v, double mean) {
        double ss = 0;
        for (double x : v)
            ss += (x - mean) * (x - mean);
        return std::sqrt(ss / static_cast<double>(v.size() - 1));
    };
    const double se = std::hypot(sd(bridged.with.finalEquity, bridged.with.meanFinalEquityUsd),
                                 sd(daily.with.finalEquity, daily.with.meanFinalEquityUsd)) /
                      std::sqrt(static_cast<double>(o.paths));
    QVERIFY2(std::fabs(bridged.with.meanFinalEquityUsd - daily.with.meanFinalEquityUsd) <= 4.5 * se,
             qPrintable(QStringLiteral("mean final equity: bridged %1, daily %2")
                            .arg(bridged.with.meanFinalEquityUsd)
                            .arg(daily.with.meanFinalEquityUsd)));
}

void TestProtectionMonteCarlo::quietOnlyFarFromEveryLevel()
{
    // The hand plan's barrier: ln(53.571429 / 100) = -0.6242 in log price; a stop at $70 is at -0.3567.
    // Over n days the bridge's chance of reaching a level at distances a (start) and b (end) is
    // exp(-2 a b / (vol^2 n dt)): quiet() needs it under exp(-37).
    const Plan plan = handPlan({stopAt(70.0)});
    const PlanResult result = test::compute(plan);
    ProtectionPathSetup s;
    s.pa0 = 100.0;
    s.costs = protectionCosts(plan, plan.borrow.priceUsd);
    s.liquidation = liquidationParams(plan, plan.borrow.priceUsd);
    s.bridgeScale = 2.0 / (0.36 / 365.0);
    s.c0 = result.opened.collateral;
    s.d0 = result.opened.debt;
    s.cgPow = s.dgPow = {1.0, 1.0, 1.0};
    const std::vector<RuleLevel> levels = ruleLevels(plan.protection, s.pa0, s.costs.liquidationThreshold);
    int count = 0;
    double fee = 0;
    ProtectionPath path(s, levels, Xoshiro256(1, 0), &count, &fee);
    // From x = 0 to 0 over one day: the stop is 0.3567 away at both ends: 2 x 0.1272 / (0.36 / 365) = 258.
    QVERIFY(path.quiet(1, 0.0, 0.0));
    // Over 7 days: 258 / 7 = 36.9 < 37, not quiet.
    QVERIFY(!path.quiet(7, 0.0, 0.0));
    QVERIFY(path.quiet(6, 0.0, 0.0));
    // Ending beyond the stop is never quiet, nor is a start within reach of it.
    QVERIFY(!path.quiet(1, 0.0, -0.4));
    QVERIFY(!path.quiet(1, -0.35, -0.3));
    // Without rules only the barrier counts: 0.6242^2 x 2 / (0.36 / 365) / 37 = 21.3 days.
    const std::vector<RuleLevel> none;
    ProtectionPath bare(s, none, Xoshiro256(1, 0), &count, &fee);
    QVERIFY(bare.quiet(21, 0.0, 0.0));
    QVERIFY(!bare.quiet(22, 0.0, 0.0));
    // A trailing stop moves with the closes: never quiet.
    ProtectionRule trail = ProtectionRule::ofKind(ProtectionKind::TrailingStop);
    trail.fraction = 0.3;
    const std::vector<RuleLevel> trailing = ruleLevels({trail}, s.pa0, s.costs.liquidationThreshold);
    ProtectionPath withTrail(s, trailing, Xoshiro256(1, 0), &count, &fee);
    QVERIFY(!withTrail.quiet(1, 0.0, 0.0));
}

QTEST_GUILESS_MAIN(TestProtectionMonteCarlo)
#include "tst_protectionmontecarlo.moc"
