// Closed-form liquidation probability (GBM first passage of the running minimum) and the
// loop count x volatility heatmap.
#include "engine.h"
#include "liquidationprobability.h"
#include "testutil.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace lp;

class TestLiquidationProbability : public QObject {
    Q_OBJECT
private slots:
    void normalCdfValues();
    void closedFormReferenceValues_data();
    void closedFormReferenceValues();
    void reflectionPrincipleWithoutLogDrift();
    void limits();
    void extremeInputsStayInRange();
    void risesWithVolatilityAndHorizon();
    void risesWithLeverage();
    void planProbabilityIsHealthFactorBarrier();
    void heatmapGrid();
    void heatmapWithMonteCarlo();
    void heatmapRejectsBadAxes();
    void riskJsonShape();
};

void TestLiquidationProbability::normalCdfValues()
{
    // Python statistics.NormalDist().cdf: N(0) = 0.5, N(-1) = 0.15865525393145707,
    // N(1.959963984540054) = 0.975, N(-5) = 2.866515718791939e-07.
    QCOMPARE(normalCdf(0.0), 0.5);
    LP_COMPARE_REL(normalCdf(-1.0), 0.15865525393145707, 1e-14);
    LP_COMPARE_REL(normalCdf(1.959963984540054), 0.975, 1e-14);
    LP_COMPARE_REL(normalCdf(-5.0), 2.866515718791939e-07, 1e-12);
    // The log stays finite where N underflows (N(-40) ~ 1e-350). mpmath with mp.dps = 30:
    // log(ncdf(-40)) = -804.608442013753788, log(ncdf(-31)) = -484.853963627179289 (series branch),
    // and at -29 the erfc branch agrees with log(N).
    LP_COMPARE_REL(logNormalCdf(-40.0), -804.608442013753788, 1e-13);
    LP_COMPARE_REL(logNormalCdf(-31.0), -484.853963627179289, 1e-13);
    LP_COMPARE_REL(logNormalCdf(-29.0), std::log(normalCdf(-29.0)), 1e-14);
}

void TestLiquidationProbability::closedFormReferenceValues_data()
{
    QTest::addColumn<double>("spot");
    QTest::addColumn<double>("barrier");
    QTest::addColumn<double>("years");
    QTest::addColumn<double>("vol");
    QTest::addColumn<double>("drift");
    QTest::addColumn<double>("expected");
    // Independently computed with Python's statistics.NormalDist:
    //   N = NormalDist().cdf; h = log(H/S0); v = mu - s*s/2; sT = s*sqrt(T)
    //   P = N((h - v*T)/sT) + (H/S0)**(2*v/(s*s)) * N((h + v*T)/sT)
    // e.g. S0 100, H 80, T 1, s 0.6, mu 0: v = -0.18, h = -0.22314355; N(-0.07190592) = 0.47133847 and
    // 0.8^-1 x N(-0.67190592) = 1.25 x 0.25082133: P = 0.7848656348958265.
    QTest::newRow("80 % barrier, 60 % vol, 1 y") << 100.0 << 80.0 << 1.0 << 0.6 << 0.0 << 0.7848656348958265;
    QTest::newRow("50 % barrier, 80 % vol, 5 % drift")
        << 100.0 << 50.0 << 1.0 << 0.8 << 0.05 << 0.5035744219969587;
    QTest::newRow("90 % barrier, 3 months, 30 % vol, 10 % drift")
        << 100.0 << 90.0 << 0.25 << 0.3 << 0.1 << 0.4515578600578415;
    QTest::newRow("fixture HF 1.3557, 60 % vol")
        << 1.0 << 1.0 / 1.3556835713188593 << 1.0 << 0.6 << 0.0 << 0.7023346848721423;
    QTest::newRow("70 % barrier, 2 y, 40 % vol, -10 % drift")
        << 100.0 << 70.0 << 2.0 << 0.4 << -0.1 << 0.7312455834951894;
    QTest::newRow("95 % barrier, 1 month, 20 % vol")
        << 100.0 << 95.0 << 1.0 / 12.0 << 0.2 << 0.0 << 0.38395778071342873;
}

void TestLiquidationProbability::closedFormReferenceValues()
{
    QFETCH(double, spot);
    QFETCH(double, barrier);
    QFETCH(double, years);
    QFETCH(double, vol);
    QFETCH(double, drift);
    QFETCH(double, expected);
    LP_COMPARE_REL(barrierHitProbability(spot, barrier, years, vol, drift), expected, 1e-12);
    // Only the ratio H / S0 matters.
    LP_COMPARE_REL(barrierHitProbability(spot * 37.0, barrier * 37.0, years, vol, drift), expected, 1e-12);
}

void TestLiquidationProbability::reflectionPrincipleWithoutLogDrift()
{
    // With drift = s^2/2 the log-price is a driftless Brownian motion, and the reflection principle
    // (e.g. Karatzas & Shreve, Brownian Motion and Stochastic Calculus, 2.6.A) gives
    // P(min <= h) = 2 N(h / (s sqrt T)). Python: 2*N(log(0.8)/0.6) = 0.7099628981244706.
    LP_COMPARE_REL(barrierHitProbability(100, 80, 1, 0.6, 0.18), 0.7099628981244706, 1e-13);
    for (double s : {0.1, 0.5, 1.5}) {
        for (double t : {0.1, 1.0, 4.0}) {
            const double h = std::log(0.7);
            LP_COMPARE_REL(barrierHitProbability(1, 0.7, t, s, s * s / 2),
                           2.0 * normalCdf(h / (s * std::sqrt(t))), 1e-12);
        }
    }
}

void TestLiquidationProbability::limits()
{
    QCOMPARE(barrierHitProbability(100, 100, 1, 0.6, 0), 1.0); // barrier at spot: already there
    QCOMPARE(barrierHitProbability(100, 120, 1, 0.6, 0), 1.0);
    QCOMPARE(barrierHitProbability(100, 0, 1, 0.6, 0), 0.0);     // no debt: no barrier
    QCOMPARE(barrierHitProbability(100, 80, 0, 0.6, 0), 0.0);    // no time
    QCOMPARE(barrierHitProbability(100, 80, 1, 0.0, 0), 0.0);    // no volatility, no drift
    QVERIFY(barrierHitProbability(100, 80, 1, 0.02, 0) < 1e-20); // vol -> 0: the probability vanishes
    // Zero volatility, drift -30 %: e^-0.3 = 0.7408 < 0.8 within a year (hit), e^-0.15 = 0.86 in half.
    QCOMPARE(barrierHitProbability(100, 80, 1, 0.0, -0.3), 1.0);
    QCOMPARE(barrierHitProbability(100, 80, 0.5, 0.0, -0.3), 0.0);
    QVERIFY(barrierHitProbability(100, 80, 1, 0.01, -0.3) > 1.0 - 1e-12);
    // A long horizon with negative log-drift: hit almost surely.
    QVERIFY(barrierHitProbability(100, 80, 1000, 0.6, 0) > 0.999);
}

void TestLiquidationProbability::extremeInputsStayInRange()
{
    for (double s : {1e-4, 1e-3, 0.05, 1.0, 10.0}) {
        for (double mu : {-5.0, -0.5, 0.0, 0.5, 5.0}) {
            for (double ratio : {1e-9, 0.5, 0.999999}) {
                const double p = barrierHitProbability(1.0, ratio, 1.0, s, mu);
                QVERIFY2(p >= 0.0 && p <= 1.0,
                         qPrintable(QStringLiteral("s %1 mu %2 H %3: %4").arg(s).arg(mu).arg(ratio).arg(p)));
            }
        }
    }
}

void TestLiquidationProbability::risesWithVolatilityAndHorizon()
{
    double previous = 0.0;
    for (double s = 0.05; s <= 3.0; s += 0.05) {
        const double p = barrierHitProbability(1.0, 0.75, 1.0, s, 0.0);
        QVERIFY2(p > previous, qPrintable(QStringLiteral("vol %1").arg(s)));
        previous = p;
    }
    previous = 0.0;
    for (double t = 0.05; t <= 5.0; t += 0.05) {
        const double p = barrierHitProbability(1.0, 0.75, t, 0.6, 0.0);
        QVERIFY(p > previous);
        previous = p;
    }
}

void TestLiquidationProbability::risesWithLeverage()
{
    Plan p = test::fixturePlan();
    double previous = -1.0;
    for (int n = 1; n <= 12; ++n) {
        p.strategy.loops = n;
        const PlanResult r = test::compute(p);
        const double prob = liquidationProbability(p, r.opened);
        QVERIFY2(prob > previous, qPrintable(QStringLiteral("loops %1").arg(n)));
        previous = prob;
    }
    p.strategy.loops = 0;
    QCOMPARE(liquidationProbability(p, computePlan(p)->opened), 0.0);
}

void TestLiquidationProbability::planProbabilityIsHealthFactorBarrier()
{
    // Fixture: HF 1.3556835713188593, so barrier / spot = 1 / HF; 60 % vol, no drift, 365 days:
    // 0.7023346848721423 (reference table). Over 30 days: the same formula with T = 30/365.
    const PlanResult r = test::compute(test::fixturePlan());
    LP_COMPARE_REL(liquidationProbability(r.plan, r.opened), 0.7023346848721423, 1e-12);
    LP_COMPARE_REL(liquidationProbability(r.plan, r.opened, 30),
                   barrierHitProbability(1, 1 / 1.3556835713188593, 30.0 / 365.0, 0.6, 0), 1e-12);
    // Tracking B: the same numbers on the A/B ratio (at the ratio's own volatility, set to the same 60 %).
    Plan tracked = test::fixturePlan();
    tracked.borrow.priceModel = PriceModel::TracksCollateral;
    tracked.risk.ratioVolatility = 0.6;
    LP_COMPARE_REL(liquidationProbability(tracked, computePlan(tracked)->opened), 0.7023346848721423, 1e-12);
}

void TestLiquidationProbability::heatmapGrid()
{
    const Plan p = test::fixturePlan();
    const Expected<ProbabilityGrid> g = probabilityHeatmap(p, {0, 1, 2, 3, 5, 8}, {0.2, 0.4, 0.6, 0.8, 1.0});
    QVERIFY(g);
    QCOMPARE(g->probability.size(), size_t(30));
    QCOMPARE(g->leverage.size(), size_t(6));
    LP_COMPARE_REL(g->at(3, 2), 0.7023346848721423, 1e-12); // 3 loops, 60 %: the fixture
    LP_COMPARE_REL(g->healthFactor[3], 1.3556835713188593, 1e-13);
    for (size_t row = 0; row < 6; ++row) {
        for (size_t col = 0; col < 5; ++col) {
            if (row == 0) {
                QCOMPARE(g->at(row, col), 0.0); // no loop, no debt
                continue;
            }
            if (col > 0)
                QVERIFY(g->at(row, col) > g->at(row, col - 1)); // more volatility
            if (row > 1)
                QVERIFY(g->at(row, col) > g->at(row - 1, col)); // more leverage
        }
    }
}

void TestLiquidationProbability::heatmapWithMonteCarlo()
{
    // A Monte Carlo heatmap cell is the rising-barrier simulation of that plan, same seed and paths. The
    // fixture's barrier drifts only 0.6 % a year (3.1 % yield against 2.5 % borrow), so the cell also
    // lies within its 95 % interval, widened to 4 standard errors, of the closed form at today's
    // barrier (0.7023346848721423).
    MonteCarloOptions mc;
    mc.paths = 4000;
    mc.threads = 2;
    const Expected<ProbabilityGrid> g = probabilityHeatmap(test::fixturePlan(), {3}, {0.6}, mc);
    QVERIFY(g);
    QCOMPARE(g->probability.size(), size_t(1));
    const PlanResult f = test::compute(test::fixturePlan());
    const Expected<MonteCarloResult> direct =
        monteCarloLiquidationProbability(f.plan, computeTimeline(f.plan, f.opened), mc);
    QVERIFY(direct);
    QCOMPARE(g->at(0, 0), direct->probability);
    QVERIFY2(std::fabs(g->at(0, 0) - 0.7023346848721423) < 4.0 * direct->standardError,
             qPrintable(QStringLiteral("MC %1 +- %2").arg(g->at(0, 0)).arg(direct->standardError)));
}

void TestLiquidationProbability::heatmapRejectsBadAxes()
{
    QCOMPARE(probabilityHeatmap(test::fixturePlan(), {101}, {0.5}).errors().front().field,
             QStringLiteral("heatmap.loopCounts"));
    QCOMPARE(probabilityHeatmap(test::fixturePlan(), {1}, {-0.1}).errors().front().field,
             QStringLiteral("heatmap.volatilities"));
}

void TestLiquidationProbability::riskJsonShape()
{
    const Plan p = test::fixturePlan();
    MonteCarloResult mc;
    mc.probability = 0.5;
    mc.ci95Low = 0.49;
    mc.ci95High = 0.51;
    mc.paths = 1000;
    mc.seed = 42;
    const QJsonObject risk = riskJson(p, 0.7, mc);
    QCOMPARE(risk.value(QStringLiteral("liquidationProbability")).toDouble(), 0.7);
    const QJsonObject m = risk.value(QStringLiteral("monteCarlo")).toObject();
    QCOMPARE(m.value(QStringLiteral("seed")).toInteger(), 42);
    QCOMPARE(m.value(QStringLiteral("paths")).toInt(), 1000);
    QCOMPARE(m.value(QStringLiteral("ci95High")).toDouble(), 0.51);
    QVERIFY(!riskJson(p, 0.7, std::nullopt).contains(QStringLiteral("monteCarlo")));
}

QTEST_APPLESS_MAIN(TestLiquidationProbability)
#include "tst_liquidationprobability.moc"
