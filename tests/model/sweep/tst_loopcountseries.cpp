// The loop-count series behind the "leverage and HF against loop count" chart.
#include "engine.h"
#include "loopcountseries.h"
#include "opening.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// A coarse sweep: the loop-count series does not need the full price grid.
PlanResult compute(const Plan &plan)
{
    return test::compute(plan, {11, 0.5, 2.0});
}

} // namespace

class TestLoopCountSeries : public QObject {
    Q_OBJECT
private slots:
    void handDerivedWithoutCosts_data();
    void handDerivedWithoutCosts();
    void asymptotes();
    void eachPointIsThatManyLoops();
    void currentPoint();
    void flashLoanHasNoCurrentCount();
    void rejectsBadMaxLoops();
};

void TestLoopCountSeries::handDerivedWithoutCosts_data()
{
    QTest::addColumn<int>("loops");
    QTest::addColumn<double>("leverage");
    QTest::addColumn<double>("healthFactor");
    QTest::addColumn<double>("liquidationPriceUsd");
    // No costs (k = 1), x0 = 10, ltv 0.75 at ltvFraction 1, so t = 0.75; lt 0.8; PA 3500, PB 3000.
    // In units of A: C_N = x0 (1 - t^(N+1)) / (1 - t), D_N = t x0 (1 - t^N) / (1 - t), so equity stays x0
    // and leverage = (1 - t^(N+1)) / (1 - t); HF = C lt / D; PA_liq = PA / HF.
    // N = 0: no debt, leverage 1, HF infinite, no liquidation price (0).
    QTest::newRow("0 loops") << 0 << 1.0 << qInf() << 0.0;
    // N = 2: C = 10 (1 + .75 + .5625) = 23.125, D = 10 (.75 + .5625) = 13.125; leverage 23.125 / 10 =
    // 2.3125; HF = 23.125 x 0.8 / 13.125 = 18.5 / 13.125 = 1.409523809...; PA_liq = 3500 / HF =
    // 3500 x 13.125 / 18.5 = 2483.108108...
    QTest::newRow("2 loops") << 2 << 2.3125 << 18.5 / 13.125 << 3500.0 * 13.125 / 18.5;
    // N = 20: leverage = 4 (1 - 0.75^21) = 4 - 4 x 0.0023784... = 3.99048...; HF = lt (1 - t^21) /
    // (t (1 - t^20)); PA_liq = PA / HF.
    const double t21 = std::pow(0.75, 21);
    const double t20 = std::pow(0.75, 20);
    const double hf20 = 0.8 * (1.0 - t21) / (0.75 * (1.0 - t20));
    QTest::newRow("20 loops") << 20 << 4.0 * (1.0 - t21) << hf20 << 3500.0 / hf20;
}

void TestLoopCountSeries::handDerivedWithoutCosts()
{
    QFETCH(int, loops);
    QFETCH(double, leverage);
    QFETCH(double, healthFactor);
    QFETCH(double, liquidationPriceUsd);
    Plan plan = test::costFreePlan();
    plan.strategy.ltvFraction = 1.0;
    const Expected<LoopCountSeries> series = loopCountSeries(compute(plan));
    QVERIFY(series);
    QCOMPARE(series->points.size(), size_t{21});
    const LoopCountPoint &p = series->points.at(static_cast<size_t>(loops));
    QCOMPARE(p.loops, loops);
    LP_COMPARE_REL(p.leverage, leverage, 1e-12);
    LP_COMPARE_REL(p.healthFactor, healthFactor, 1e-12);
    LP_COMPARE_REL(p.liquidationPriceUsd, liquidationPriceUsd, 1e-12);
}

void TestLoopCountSeries::asymptotes()
{
    // Fixture: ltv 0.75, ltvFraction 0.9, so t = 0.675: loops tend to 1 / 0.325 = 3.0769...; the cap is
    // 1 / (1 - 0.75) = 4.
    const Expected<LoopCountSeries> series = loopCountSeries(compute(test::fixturePlan()));
    QVERIFY(series);
    LP_COMPARE_REL(series->perLoopLtv, 0.675, 1e-15);
    LP_COMPARE_REL(series->leverageLimit, 1.0 / 0.325, 1e-15);
    LP_COMPARE_REL(series->leverageCap, 4.0, 1e-15);
    for (const LoopCountPoint &p : series->points)
        QVERIFY(p.leverage < series->leverageLimit);
}

void TestLoopCountSeries::eachPointIsThatManyLoops()
{
    // Property: point n is exactly the plan opened with n loops; leverage never falls and HF never rises
    // with more loops.
    const Plan plan = test::fixturePlan();
    const Expected<LoopCountSeries> series = loopCountSeries(compute(plan), 12);
    QVERIFY(series);
    QCOMPARE(series->points.size(), size_t{13});
    for (int n = 0; n <= 12; ++n) {
        Plan p = plan;
        p.strategy.loops = n;
        const Expected<OpenedPosition> opened = openPosition(p);
        QVERIFY(opened);
        const LoopCountPoint &point = series->points.at(static_cast<size_t>(n));
        QCOMPARE(point.leverage, opened->steps.back().leverage);
        QCOMPARE(point.healthFactor, opened->steps.back().healthFactor);
        QCOMPARE(point.liquidationPriceUsd, opened->steps.back().liquidationPriceUsd);
        if (n > 0) {
            const LoopCountPoint &before = series->points.at(static_cast<size_t>(n - 1));
            QVERIFY(point.leverage > before.leverage);
            QVERIFY(point.healthFactor < before.healthFactor);
        }
    }
}

void TestLoopCountSeries::currentPoint()
{
    const PlanResult loops = compute(test::fixturePlan());
    const Expected<LoopCountSeries> a = loopCountSeries(loops);
    QVERIFY(a && a->current);
    QCOMPARE(a->current->loops, 3);
    QCOMPARE(a->current->leverage, a->points.at(3).leverage);

    // A target leverage of 2.0 ends with a partial loop: its point sits below the full-loop curve at its
    // loop count. With t = 0.675 and small costs, 1 loop gives about 1.67x and 2 loops about 2.12x, so
    // 2.0x takes a partial second loop.
    Plan target = test::fixturePlan();
    target.strategy.mode = StrategyMode::TargetLeverage;
    target.strategy.leverage = 2.0;
    const Expected<LoopCountSeries> b = loopCountSeries(compute(target));
    QVERIFY(b && b->current);
    QCOMPARE(b->current->loops, 2);
    LP_COMPARE_REL(b->current->leverage, 2.0, 1e-9);
    QVERIFY(b->current->leverage < b->points.at(2).leverage);
    QVERIFY(b->current->leverage > b->points.at(1).leverage);
}

void TestLoopCountSeries::flashLoanHasNoCurrentCount()
{
    Plan plan = test::fixturePlan();
    plan.execution = Execution::FlashLoan;
    const Expected<LoopCountSeries> series = loopCountSeries(compute(plan));
    QVERIFY(series);
    QVERIFY(!series->current);
    QCOMPARE(series->points.size(), size_t{21});
}

void TestLoopCountSeries::rejectsBadMaxLoops()
{
    const PlanResult result = compute(test::fixturePlan());
    QVERIFY(!loopCountSeries(result, -1));
    QVERIFY(!loopCountSeries(result, limits::maxLoops + 1));
    QCOMPARE(loopCountSeries(result, -1).errors().first().field, QStringLiteral("maxLoops"));
}

QTEST_APPLESS_MAIN(TestLoopCountSeries)
#include "tst_loopcountseries.moc"
