// Opening to a target: leverage (with a partial last loop) or health factor, and targets that cannot be
// reached.
#include "openingtestutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;
using namespace lp::openingtest;

class TestOpeningTargets : public QObject {
    Q_OBJECT
private slots:
    void targetLeverageEndsExactlyWithPartialLoop_data();
    void targetLeverageEndsExactlyWithPartialLoop();
    void targetLeverageUsesFewestLoops();
    void targetLeverageOneNeedsNoLoop();
    void impossibleLoopTargetSaysWhyAndMax();
    void targetHealthFactorIsALeverage_data();
    void targetHealthFactorIsALeverage();
    void impossibleHealthFactorSaysLowestReachable();
    void leverageForHealthFactorFormula();
};

void TestOpeningTargets::targetLeverageEndsExactlyWithPartialLoop_data()
{
    QTest::addColumn<double>("target");
    QTest::addColumn<int>("loops");
    // Fixture loop leverages: 1.6757 (1), 2.1319 (2), 2.4397 (3), ...
    QTest::newRow("1.5x: partial first loop") << 1.5 << 1;
    QTest::newRow("2x: partial second loop") << 2.0 << 2;
    QTest::newRow("2.4x: partial third loop") << 2.4 << 3;
    QTest::newRow("3x") << 3.0 << 0;
}

void TestOpeningTargets::targetLeverageEndsExactlyWithPartialLoop()
{
    QFETCH(double, target);
    QFETCH(int, loops);
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = target;
    const OpenedPosition o = open(p);
    LP_COMPARE_REL(leverageOf(o, p), target, 1e-12);
    LP_COMPARE_REL(o.steps.back().leverage, target, 1e-12);
    QVERIFY(o.steps.back().partial);
    for (size_t i = 1; i + 1 < o.steps.size(); ++i)
        QVERIFY(!o.steps[i].partial);
    if (loops > 0)
        QCOMPARE(o.loops, loops);
    QCOMPARE(o.targetLeverage, target);
}

void TestOpeningTargets::targetLeverageUsesFewestLoops()
{
    // A target equal to what 3 full loops reach needs exactly 3 loops, the last one not partial.
    Plan p = test::fixturePlan();
    const double threeLoops = open(p).steps.back().leverage;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = threeLoops;
    const OpenedPosition o = open(p);
    QCOMPARE(o.loops, 3);
    QVERIFY(!o.steps.back().partial);
    LP_COMPARE_REL(o.collateral, 24.344128915014817, 1e-12);
}

void TestOpeningTargets::targetLeverageOneNeedsNoLoop()
{
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 1.0;
    const OpenedPosition o = open(p);
    QCOMPARE(o.loops, 0);
    QCOMPARE(o.debt, 0.0);
    QCOMPARE(o.costs.transactions, 1);
}

void TestOpeningTargets::impossibleLoopTargetSaysWhyAndMax()
{
    // 4.2x needs LTV 1 - 1/4.2 = 76.2 %, loops borrow at most t = 67.5 %: they stay below 1/(1-t) = 3.08x.
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 4.2;
    const Expected<OpenedPosition> o = openPosition(p);
    QVERIFY(!o);
    QCOMPARE(o.errors().size(), 1);
    QCOMPARE(o.errors().first().field, QStringLiteral("strategy.leverage"));
    QCOMPARE(o.errors().first().message,
             QStringLiteral(
                 "4.20x needs LTV 76.2 %, but each loop borrows at most 67.5 % (90.0 % of wstETH's max LTV "
                 "75.0 %); loops stay below 3.08x"));
    // With t = 97 % and no costs, loops tend to 33.3x at the slow rate 0.97^N: 33x needs about 150 loops,
    // more than the cap of 100. The message says what 100 loops reach instead.
    Plan stable = test::costFreePlan();
    stable.collateral.ltv = 0.97;
    stable.collateral.liquidationThreshold = 0.975;
    stable.collateral.liquidationBonus = 0.01;
    stable.strategy.ltvFraction = 1.0;
    stable.strategy.mode = StrategyMode::TargetLeverage;
    stable.strategy.leverage = 33.0;
    const Expected<OpenedPosition> near = openPosition(stable);
    QVERIFY(!near);
    QVERIFY2(near.errors().first().message.startsWith(QStringLiteral(
                 "33.00x needs more than 100 loops at 97.0 % per loop; 100 loops reach 31.80x")),
             qPrintable(near.errors().first().message));
    // And the engine passes it through.
    QVERIFY(!computePlan(p));
}

void TestOpeningTargets::targetHealthFactorIsALeverage_data()
{
    QTest::addColumn<int>("execution");
    QTest::addColumn<double>("hf");
    QTest::newRow("loop 1.5") << int(Execution::Loop) << 1.5;
    QTest::newRow("loop 1.25") << int(Execution::Loop) << 1.25;
    QTest::newRow("flash 1.1") << int(Execution::FlashLoan) << 1.1;
    QTest::newRow("flash 3") << int(Execution::FlashLoan) << 3.0;
}

void TestOpeningTargets::targetHealthFactorIsALeverage()
{
    QFETCH(int, execution);
    QFETCH(double, hf);
    Plan p = test::fixturePlan();
    p.execution = static_cast<Execution>(execution);
    p.strategy.mode = StrategyMode::TargetHealthFactor;
    p.strategy.healthFactor = hf;
    const OpenedPosition o = open(p);
    const double hfAfter = o.collateral * 3500 * 0.8 / (o.debt * 3000);
    LP_COMPARE_REL(hfAfter, hf, 1e-12);
    LP_COMPARE_REL(leverageOf(o, p), hf / (hf - 0.8), 1e-12);
}

void TestOpeningTargets::impossibleHealthFactorSaysLowestReachable()
{
    // HF = lt / LTV: loops reach LTV 67.5 % at most, so HF stays above 0.8 / 0.675 = 1.185.
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetHealthFactor;
    p.strategy.healthFactor = 1.15;
    const Expected<OpenedPosition> o = openPosition(p);
    QVERIFY(!o);
    QCOMPARE(o.errors().first().field, QStringLiteral("strategy.healthFactor"));
    QCOMPARE(o.errors().first().message,
             QStringLiteral(
                 "health factor 1.150 needs LTV 69.6 %, but each loop allows at most 67.5 %; the lowest "
                 "reachable health factor is above 1.185"));
    p.execution = Execution::FlashLoan; // the flash loan may go to 75 %: HF >= 0.8 / 0.75 = 1.0667
    QVERIFY(openPosition(p));
    p.strategy.healthFactor = 1.05;
    QVERIFY(!openPosition(p));
}

void TestOpeningTargets::leverageForHealthFactorFormula()
{
    // L = H / (H - lt): H = 1.6, lt = 0.8 -> 2x; H = 1.2 -> 3x.
    LP_COMPARE_REL(leverageForHealthFactor(1.6, 0.8), 2.0, 1e-15);
    LP_COMPARE_REL(leverageForHealthFactor(1.2, 0.8), 3.0, 1e-14);
}

QTEST_APPLESS_MAIN(TestOpeningTargets)
#include "tst_openingtargets.moc"
