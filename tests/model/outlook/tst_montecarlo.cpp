// Monte Carlo barrier hitting (issue 6 §4): the generator, agreement with the closed form, the bridge,
// reproducibility across thread counts, the rising barrier.
#include "engine.h"
#include "liquidationprobability.h"
#include "montecarlo.h"
#include "testutil.h"
#include "timeline.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

constexpr int kSteps = 365;
constexpr double kDt = 1.0 / 365.0;

std::vector<double> constantBarrier(double level)
{
    return std::vector<double>(kSteps + 1, level);
}

MonteCarloOptions options(int paths, std::uint64_t seed, int threads, bool bridge = true)
{
    MonteCarloOptions o;
    o.paths = paths;
    o.seed = seed;
    o.threads = threads;
    o.brownianBridge = bridge;
    return o;
}

MonteCarloResult run(const std::vector<double> &barrier, double vol, double drift, const MonteCarloOptions &o)
{
    const Expected<MonteCarloResult> r = simulateBarrierHit(1.0, barrier, kDt, vol, drift, o);
    if (!r)
        qFatal("simulateBarrierHit: %s", qPrintable(formatErrors(r.errors())));
    return r.value();
}

} // namespace

class TestMonteCarlo : public QObject {
    Q_OBJECT
private slots:
    void generatorIsStandardNormal();
    void agreesWithClosedFormWithinItsInterval();
    void agreesWithClosedForm_data();
    void agreesWithClosedForm();
    void bridgeRemovesTheDiscreteMonitoringBias();
    void identicalForSameSeedAnyThreadCount();
    void differentSeedsDiffer();
    void risingBarrierLiesBetweenItsEnds();
    void planMonteCarloUsesTimelineBarrier();
    void degenerateCases();
    void rejectsBadOptions();
};

void TestMonteCarlo::generatorIsStandardNormal()
{
    // 10^6 deviates of one stream: mean 0 (SE 0.001), variance 1 (SE 0.0014), P(Z < -1) = 0.158655
    // (SE 0.00037), P(|Z| > 3) = 0.0026998 (SE 0.000052), kurtosis 3 (SE 0.005). Tolerances ~5 SE.
    const ZigguratNormal normal;
    Xoshiro256 rng(12345, 0);
    const int n = 1000000;
    double sum = 0, sum2 = 0, sum4 = 0;
    int belowMinusOne = 0, beyondThree = 0;
    for (int i = 0; i < n; ++i) {
        const double z = normal(rng);
        sum += z;
        sum2 += z * z;
        sum4 += z * z * z * z;
        belowMinusOne += z < -1.0 ? 1 : 0;
        beyondThree += std::fabs(z) > 3.0 ? 1 : 0;
    }
    const double mean = sum / n;
    const double var = sum2 / n - mean * mean;
    QVERIFY2(std::fabs(mean) < 0.005, qPrintable(QString::number(mean)));
    QVERIFY2(std::fabs(var - 1.0) < 0.007, qPrintable(QString::number(var)));
    QVERIFY(std::fabs(belowMinusOne / double(n) - 0.15865525393145707) < 0.002);
    QVERIFY(std::fabs(beyondThree / double(n) - 0.0026997960632601866) < 0.00026);
    QVERIFY(std::fabs(sum4 / n - 3.0) < 0.025);
}

void TestMonteCarlo::agreesWithClosedFormWithinItsInterval()
{
    // The fixture's risk: barrier 1 / 1.3556835713188593 of spot, 60 % vol, no drift, 365 daily steps.
    // Closed form 0.7023346848721423; 20,000 paths, seed 2024: the 95 % interval must contain it.
    const MonteCarloResult r =
        run(constantBarrier(1.0 / 1.3556835713188593), 0.6, 0.0, options(20000, 2024, 2));
    QVERIFY2(r.ci95Low <= 0.7023346848721423 && 0.7023346848721423 <= r.ci95High,
             qPrintable(QStringLiteral("%1 [%2, %3]").arg(r.probability).arg(r.ci95Low).arg(r.ci95High)));
    QVERIFY(r.ci95High - r.ci95Low < 0.02);
    QCOMPARE(r.paths, 20000);
    QCOMPARE(r.steps, 365);
    QCOMPARE(r.seed, std::uint64_t(2024));
}

void TestMonteCarlo::agreesWithClosedForm_data()
{
    QTest::addColumn<double>("barrier");
    QTest::addColumn<double>("vol");
    QTest::addColumn<double>("drift");
    // Several cases at once: each must lie within 3 standard errors (a 95 % interval would be expected to
    // miss one case in twenty by chance).
    QTest::newRow("80 %, 60 % vol") << 0.8 << 0.6 << 0.0;
    QTest::newRow("50 %, 80 % vol, +5 % drift") << 0.5 << 0.8 << 0.05;
    QTest::newRow("90 %, 30 % vol, +10 % drift") << 0.9 << 0.3 << 0.1;
    QTest::newRow("60 %, 40 % vol, -10 % drift") << 0.6 << 0.4 << -0.1;
    QTest::newRow("rare: 40 %, 30 % vol") << 0.4 << 0.3 << 0.0;
}

void TestMonteCarlo::agreesWithClosedForm()
{
    QFETCH(double, barrier);
    QFETCH(double, vol);
    QFETCH(double, drift);
    const double exact = barrierHitProbability(1.0, barrier, 1.0, vol, drift);
    const MonteCarloResult r = run(constantBarrier(barrier), vol, drift, options(20000, 7, 2));
    QVERIFY2(std::fabs(r.probability - exact) <= 3.0 * r.standardError + 1e-12,
             qPrintable(
                 QStringLiteral("MC %1 +- %2, exact %3").arg(r.probability).arg(r.standardError).arg(exact)));
}

void TestMonteCarlo::bridgeRemovesTheDiscreteMonitoringBias()
{
    // Checking the barrier only at daily closes misses crossings in between: the probability is biased
    // low (Broadie, Glasserman, Kou 1997: like a barrier lower by exp(-0.5826 s sqrt(dt))). The bridge
    // puts it back. Same paths (same seed) with and without.
    const double barrier = 1.0 / 1.3556835713188593;
    const MonteCarloResult with = run(constantBarrier(barrier), 0.6, 0.0, options(20000, 99, 2, true));
    const MonteCarloResult without = run(constantBarrier(barrier), 0.6, 0.0, options(20000, 99, 2, false));
    QVERIFY(without.probability < with.probability - 0.01);
    const double shifted =
        barrierHitProbability(1.0, barrier * std::exp(-0.5826 * 0.6 * std::sqrt(kDt)), 1.0, 0.6, 0.0);
    QVERIFY(std::fabs(without.probability - shifted) < 4.0 * without.standardError);
}

void TestMonteCarlo::identicalForSameSeedAnyThreadCount()
{
    const std::vector<double> barrier = constantBarrier(0.75);
    const MonteCarloResult one = run(barrier, 0.6, 0.0, options(5000, 31337, 1));
    for (int threads : {1, 2, 3, 8}) {
        const MonteCarloResult r = run(barrier, 0.6, 0.0, options(5000, 31337, threads));
        QCOMPARE(r.probability, one.probability); // bit-identical, not just close
        QCOMPARE(r.ci95Low, one.ci95Low);
        QCOMPARE(r.ci95High, one.ci95High);
        QCOMPARE(r.threads, threads);
    }
}

void TestMonteCarlo::differentSeedsDiffer()
{
    const std::vector<double> barrier = constantBarrier(0.75);
    const MonteCarloResult a = run(barrier, 0.6, 0.0, options(3000, 1, 2));
    const MonteCarloResult b = run(barrier, 0.6, 0.0, options(3000, 2, 2));
    QVERIFY(a.probability != b.probability);
    // A prefix of the paths is the same simulation: path p does not depend on how many paths run.
    const MonteCarloResult small = run(barrier, 0.6, 0.0, options(256, 1, 1));
    const MonteCarloResult smallAgain = run(barrier, 0.6, 0.0, options(256, 1, 4));
    QCOMPARE(small.probability, smallAgain.probability);
}

void TestMonteCarlo::risingBarrierLiesBetweenItsEnds()
{
    // A barrier rising from 0.70 to 0.75 (log-linear, as interest makes it): the probability lies between
    // the constant barriers at each end (same paths, so the ordering holds path by path).
    std::vector<double> rising(kSteps + 1);
    for (int i = 0; i <= kSteps; ++i)
        rising[static_cast<size_t>(i)] = 0.70 * std::pow(0.75 / 0.70, double(i) / kSteps);
    const MonteCarloOptions o = options(20000, 5, 2);
    const double low = run(constantBarrier(0.70), 0.6, 0.0, o).probability;
    const double mid = run(rising, 0.6, 0.0, o).probability;
    const double high = run(constantBarrier(0.75), 0.6, 0.0, o).probability;
    QVERIFY(low < mid && mid < high);
}

void TestMonteCarlo::planMonteCarloUsesTimelineBarrier()
{
    // With an 8 % borrow rate the liquidation price rises over the year (HF 1.3557 -> 1.3557 x 1.03103 /
    // 1.08): more likely than the closed form at today's barrier.
    Plan p = test::fixturePlan();
    p.borrow.borrowApy = 0.08;
    const PlanResult r = test::compute(p);
    const Timeline tl = computeTimeline(p, r.opened);
    const Expected<MonteCarloResult> mc = monteCarloLiquidationProbability(p, tl, options(20000, 11, 2));
    QVERIFY(mc);
    QCOMPARE(mc->steps, 365);
    const double today = liquidationProbability(p, r.opened);
    const double atHorizon = barrierHitProbability(1.0, 1.0 / tl.points.back().healthFactor, 1.0, 0.6, 0.0);
    QVERIFY2(mc->ci95Low > today && mc->ci95High < atHorizon,
             qPrintable(QStringLiteral("%1 [%2, %3] vs %4..%5")
                            .arg(mc->probability)
                            .arg(mc->ci95Low)
                            .arg(mc->ci95High)
                            .arg(today)
                            .arg(atHorizon)));
    // No debt: never liquidated, Wilson interval [0, 1.96^2 / (n + 1.96^2)].
    p.strategy.loops = 0;
    const PlanResult flat = test::compute(p);
    const Expected<MonteCarloResult> none =
        monteCarloLiquidationProbability(p, computeTimeline(p, flat.opened), options(1000, 1, 1));
    QCOMPARE(none->probability, 0.0);
    QCOMPARE(none->ci95Low, 0.0);
    LP_COMPARE_REL(none->ci95High, 3.841458820694124 / (1000 + 3.841458820694124), 1e-12);
}

void TestMonteCarlo::degenerateCases()
{
    // Barrier at or above spot: liquidated at once. Zero volatility, no drift: never.
    QCOMPARE(run(constantBarrier(1.0), 0.6, 0.0, options(500, 1, 2)).probability, 1.0);
    QCOMPARE(run(constantBarrier(0.8), 0.0, 0.0, options(500, 1, 2)).probability, 0.0);
    // Zero volatility with drift -30 %: ln 0.8 = -0.223 is reached on day 272 (0.223 / 0.3 x 365).
    QCOMPARE(run(constantBarrier(0.8), 0.0, -0.3, options(500, 1, 2)).probability, 1.0);
}

void TestMonteCarlo::rejectsBadOptions()
{
    const std::vector<double> b = constantBarrier(0.8);
    QCOMPARE(simulateBarrierHit(1, b, kDt, 0.6, 0, options(0, 1, 1)).errors().front().field,
             QStringLiteral("monteCarlo.paths"));
    QCOMPARE(simulateBarrierHit(1, b, kDt, 0.6, 0, options(10, 1, 0)).errors().front().field,
             QStringLiteral("monteCarlo.threads"));
    QVERIFY(!simulateBarrierHit(1, {0.8}, kDt, 0.6, 0, options(10, 1, 1)));
    QVERIFY(!simulateBarrierHit(1, b, kDt, -0.1, 0, options(10, 1, 1)));
    QVERIFY(!simulateBarrierHit(1, {0.8, std::nan("")}, kDt, 0.6, 0, options(10, 1, 1)));
}

QTEST_APPLESS_MAIN(TestMonteCarlo)
#include "tst_montecarlo.moc"
