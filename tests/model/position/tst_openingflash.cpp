// Opening with one flash loan: its size by hand, target leverage, the protocol-LTV cap, agreement with loops.
#include "openingtestutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;
using namespace lp::openingtest;

class TestOpeningFlash : public QObject {
    Q_OBJECT
private slots:
    void flashLoanSizeByHand();
    void flashLoanReachesTargetLeverage_data();
    void flashLoanReachesTargetLeverage();
    void flashLoanCapIsProtocolLtv();
    void flashAndLoopAgreeWithoutCosts_data();
    void flashAndLoopAgreeWithoutCosts();
    void flashWithLoopsModeMatchesLoopExposure();
};

void TestOpeningFlash::flashLoanSizeByHand()
{
    // E0 = 35,000, L = 3, k = 0.9985005, phi = 0.0005:
    // y = 35,000 x 2 / (3 x (1.0005 - 0.9985005) + 0.9985005) = 70,000 / 1.004499 = 69,686.4805...
    const double y = flashLoanUsdForLeverage(35000, 3, 0.9985005, 0.0005);
    LP_COMPARE_REL(y, 70000.0 / (3 * (1.0005 - 0.9985005) + 0.9985005), 1e-15);
    LP_COMPARE_REL(y, 69686.48052412199, 1e-12);
    QCOMPARE(flashLoanUsdForLeverage(35000, 1, 0.99, 0.001), 0.0);

    Plan p = test::fixturePlan();
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 3;
    const OpenedPosition o = open(p);
    QCOMPARE(o.steps.size(), size_t(2));
    LP_COMPARE_REL(o.debt, y * 1.0005 / 3000, 1e-12);               // flash loan + premium, left as debt
    LP_COMPARE_REL(o.collateral, 10 + y * 0.9985005 / 3500, 1e-12); // deposit + what the swap bought
    LP_COMPARE_REL(o.costs.flashPremiumUsd, y * 0.0005, 1e-12);
    LP_COMPARE_REL(o.costs.swapFeesUsd, y * 0.0005, 1e-12);
    LP_COMPARE_REL(o.costs.slippageUsd, y * 0.9995 * 0.001, 1e-12);
}

void TestOpeningFlash::flashLoanReachesTargetLeverage_data()
{
    QTest::addColumn<double>("target");
    QTest::newRow("1.2x") << 1.2;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("3.5x") << 3.5;
    QTest::newRow("4x: the cap") << 4.0;
}

void TestOpeningFlash::flashLoanReachesTargetLeverage()
{
    QFETCH(double, target);
    Plan p = test::fixturePlan();
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = target;
    const OpenedPosition o = open(p);
    LP_COMPARE_REL(leverageOf(o, p), target, 1e-12);
    QVERIFY(o.steps.back().ltv <= 0.75 * (1 + 1e-12));
}

void TestOpeningFlash::flashLoanCapIsProtocolLtv()
{
    // Final LTV = 1 - 1/L must stay within ltv = 75 %: at most 4x.
    Plan p = test::fixturePlan();
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 4.5;
    const Expected<OpenedPosition> o = openPosition(p);
    QVERIFY(!o);
    QCOMPARE(o.errors().first().toString(),
             QStringLiteral(
                 "strategy.leverage: 4.50x needs LTV 77.8 %, wstETH allows 75.0 %; the maximum with a flash "
                 "loan is 4.00x"));
}

void TestOpeningFlash::flashAndLoopAgreeWithoutCosts_data()
{
    QTest::addColumn<double>("target");
    QTest::newRow("1.7x") << 1.7;
    QTest::newRow("2.5x") << 2.5;
    QTest::newRow("3x") << 3.0;
}

void TestOpeningFlash::flashAndLoopAgreeWithoutCosts()
{
    // With no costs, the same leverage is the same position whichever way it was opened.
    QFETCH(double, target);
    Plan p = test::costFreePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = target;
    const OpenedPosition looped = open(p);
    p.execution = Execution::FlashLoan;
    const OpenedPosition flashed = open(p);
    LP_COMPARE_REL(flashed.collateral, looped.collateral, 1e-12);
    LP_COMPARE_REL(flashed.debt, looped.debt, 1e-12);
    LP_COMPARE_REL(flashed.collateral, 10 * target, 1e-12); // C = L x E0 / PA when nothing is lost
}

void TestOpeningFlash::flashWithLoopsModeMatchesLoopExposure()
{
    Plan p = test::fixturePlan();
    const OpenedPosition looped = open(p);
    p.execution = Execution::FlashLoan;
    const OpenedPosition flashed = open(p);
    LP_COMPARE_REL(flashed.targetLeverage, looped.steps.back().leverage, 1e-15);
    LP_COMPARE_REL(leverageOf(flashed, p), leverageOf(looped, p), 1e-12);
    // One swap instead of three, one transaction instead of ten, plus a premium.
    QVERIFY(flashed.costs.gasUsd < looped.costs.gasUsd);
    QVERIFY(flashed.costs.flashPremiumUsd > 0);
}

QTEST_APPLESS_MAIN(TestOpeningFlash)
#include "tst_openingflash.moc"
