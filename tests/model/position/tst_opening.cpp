// Opening a position with loops: the steps by hand, the closed forms, the limit of endless loops, the cost
// model.
#include "openingtestutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;
using namespace lp::openingtest;

class TestOpening : public QObject {
    Q_OBJECT
private slots:
    void fixtureStepsByHand();
    void closedFormsMatchSimulator_data();
    void closedFormsMatchSimulator();
    void leverageTendsToOneOverOneMinusT();
    void moreLoopsNeverLowerLeverage();
    void zeroLoopsIsTheDeposit();
    void costModel();
    void gasCountsTransactions();
};

void TestOpening::fixtureStepsByHand()
{
    // Fixture: x0 = 10 wstETH, PA = 3500, PB = 3000, t = 0.9 x 0.75 = 0.675, k = 0.9995 x 0.999 = 0.9985005.
    // Loop 1 borrows t x 10 x 3500 = 23,625 USD = 7.875 WETH and buys 23,625 x k / 3500 = 6.739878375 wstETH.
    // Loop 2 borrows 0.675 x 16.739878375 x 3500 - 23,625 = 15,922.962660937 USD = 5.307654220312 WETH.
    // After 3 loops (exact rational arithmetic, see closed forms): C = 24.344128915014817,
    // D = 16.75994861045867, leverage 2.439668259583921, HF 1.3556835713188593, liq. price
    // 2581.7234006863932.
    const OpenedPosition o = open(test::fixturePlan());
    QCOMPARE(o.steps.size(), size_t(4));
    QCOMPARE(o.loops, 3);
    LP_COMPARE_REL(o.steps[1].borrowed, 7.875, 1e-12);
    LP_COMPARE_REL(o.steps[1].swappedToCollateral, 6.739878375, 1e-12);
    LP_COMPARE_REL(o.steps[1].collateral, 16.739878375, 1e-12);
    LP_COMPARE_REL(o.steps[2].borrowed, 5.3076542203125, 1e-12);
    LP_COMPARE_REL(o.steps[2].collateral, 21.282474425979263, 1e-12);
    LP_COMPARE_REL(o.steps[2].debt, 13.1826542203125, 1e-12);
    LP_COMPARE_REL(o.collateral, 24.344128915014817, 1e-12);
    LP_COMPARE_REL(o.debt, 16.75994861045867, 1e-12);
    LP_COMPARE_REL(o.steps[3].leverage, 2.439668259583921, 1e-12);
    LP_COMPARE_REL(o.steps[3].healthFactor, 1.3556835713188593, 1e-12);
    LP_COMPARE_REL(o.steps[3].liquidationPriceUsd, 2581.7234006863932, 1e-12);
    LP_COMPARE_REL(o.steps[1].healthFactor, 1.983985585185185, 1e-12);
    // Each full loop borrows up to exactly t of the collateral value before its swap.
    for (size_t i = 1; i < o.steps.size(); ++i)
        LP_COMPARE_REL(o.steps[i].debtUsd, 0.675 * o.steps[i - 1].collateralUsd, 1e-12);
    QVERIFY(std::isinf(o.steps[0].healthFactor));
}

void TestOpening::closedFormsMatchSimulator_data()
{
    QTest::addColumn<double>("ltv");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<double>("feeBps");
    QTest::addColumn<double>("slipBps");
    QTest::addColumn<int>("loops");
    QTest::newRow("no costs, 1 loop") << 0.75 << 1.0 << 0.0 << 0.0 << 1;
    QTest::newRow("no costs, 5 loops") << 0.75 << 1.0 << 0.0 << 0.0 << 5;
    QTest::newRow("fixture") << 0.75 << 0.9 << 5.0 << 10.0 << 3;
    QTest::newRow("stable e-mode 20 loops") << 0.97 << 0.95 << 1.0 << 1.0 << 20;
    QTest::newRow("expensive swaps") << 0.8 << 0.8 << 30.0 << 100.0 << 10;
    QTest::newRow("low ltv") << 0.2 << 0.5 << 5.0 << 5.0 << 4;
    QTest::newRow("100 loops") << 0.8 << 1.0 << 5.0 << 5.0 << 100;
}

void TestOpening::closedFormsMatchSimulator()
{
    QFETCH(double, ltv);
    QFETCH(double, fraction);
    QFETCH(double, feeBps);
    QFETCH(double, slipBps);
    QFETCH(int, loops);
    Plan p = test::fixturePlan();
    p.collateral.ltv = ltv;
    p.collateral.liquidationThreshold = std::min(0.99, ltv + 0.02);
    p.collateral.liquidationBonus = 0.0;
    p.strategy.ltvFraction = fraction;
    p.strategy.loops = loops;
    p.costs = {feeBps, slipBps, 0.0, 0.0};
    const double k = (1 - feeBps / 1e4) * (1 - slipBps / 1e4);
    const double t = fraction * ltv;
    const OpenedPosition o = open(p);
    for (int n = 0; n <= loops; ++n) {
        const LoopStep &s = o.steps[static_cast<size_t>(n)];
        LP_COMPARE_REL(s.collateral, closedFormCollateral(p.deposit, k, t, n), 1e-12);
        LP_COMPARE_REL(s.debt * p.borrow.priceUsd / p.collateral.priceUsd,
                       closedFormDebtInA(p.deposit, k, t, n), 1e-12);
    }
}

void TestOpening::leverageTendsToOneOverOneMinusT()
{
    // With or without costs, C/(C - D) -> (1/(1-kt)) / ((1-t)/(1-kt)) = 1/(1-t), and stays below it.
    for (double fee : {0.0, 30.0}) {
        Plan p = test::costFreePlan();
        p.costs.swapFeeBps = fee;
        p.strategy.loops = 100;
        const double t = 0.675;
        const OpenedPosition o = open(p);
        LP_COMPARE_REL(o.steps.back().leverage, 1.0 / (1.0 - t), 1e-9);
        for (const LoopStep &s : o.steps)
            QVERIFY(s.leverage < 1.0 / (1.0 - t) + 1e-9);
    }
}

void TestOpening::moreLoopsNeverLowerLeverage()
{
    // Property over random plans: leverage and LTV never fall and HF never rises as loops are added.
    QRandomGenerator rng(20261125);
    for (int trial = 0; trial < 200; ++trial) {
        Plan p = test::fixturePlan();
        p.collateral.ltv = 0.05 + 0.9 * rng.generateDouble();
        p.collateral.liquidationThreshold =
            std::min(0.999, p.collateral.ltv + 0.001 + 0.05 * rng.generateDouble());
        p.collateral.liquidationBonus = 0;
        p.strategy.ltvFraction = 0.01 + 0.99 * rng.generateDouble();
        p.costs.swapFeeBps = 100 * rng.generateDouble();
        p.costs.slippageBps = 200 * rng.generateDouble();
        p.strategy.loops = 20;
        const OpenedPosition o = open(p);
        for (size_t i = 1; i < o.steps.size(); ++i) {
            QVERIFY2(o.steps[i].leverage >=
                         o.steps[i - 1].leverage * (1 - 1e-14), // converged loops may differ by an ulp
                     qPrintable(QStringLiteral("trial %1 step %2: %3 < %4 (ltv %5 fraction %6)")
                                    .arg(trial)
                                    .arg(i)
                                    .arg(o.steps[i].leverage, 0, 'g', 17)
                                    .arg(o.steps[i - 1].leverage, 0, 'g', 17)
                                    .arg(p.collateral.ltv)
                                    .arg(p.strategy.ltvFraction)));
            QVERIFY(o.steps[i].ltv >= o.steps[i - 1].ltv * (1 - 1e-14));
            QVERIFY(o.steps[i].healthFactor <= o.steps[i - 1].healthFactor * (1 + 1e-14));
            QVERIFY(o.steps[i].ltv <= p.strategy.ltvFraction * p.collateral.ltv * (1 + 1e-12));
        }
    }
}

void TestOpening::zeroLoopsIsTheDeposit()
{
    Plan p = test::fixturePlan();
    p.strategy.loops = 0;
    const OpenedPosition o = open(p);
    QCOMPARE(o.steps.size(), size_t(1));
    QCOMPARE(o.collateral, 10.0);
    QCOMPARE(o.debt, 0.0);
    QCOMPARE(o.costs.swapFeesUsd + o.costs.slippageUsd, 0.0);
    QCOMPARE(o.costs.transactions, 1); // the deposit
}

void TestOpening::costModel()
{
    // Every USD swapped, y, pays s y in fees and (1 - s) q y in slippage; the equity falls by exactly
    // (1 - k) x the total borrowed value. Fixture: total borrowed = D x PB = 50,279.84583137601 USD,
    // fees = 0.0005 x that = 25.139922915688004, slippage = 0.9995 x 0.001 x that = 50.25470590846032.
    const Plan p = test::fixturePlan();
    const OpenedPosition o = open(p);
    LP_COMPARE_REL(o.costs.swapFeesUsd, 25.139922915688004, 1e-12);
    LP_COMPARE_REL(o.costs.slippageUsd, 50.25470590846032, 1e-12);
    QCOMPARE(o.costs.flashPremiumUsd, 0.0);
    LP_COMPARE_REL(o.costs.gasUsd, 5.0, 1e-15);
    LP_COMPARE_REL(o.costs.totalUsd(), 25.139922915688004 + 50.25470590846032 + 5.0, 1e-12);
    const double equity = o.collateral * 3500 - o.debt * 3000;
    LP_COMPARE_REL(equity, 35000 - o.costs.swapFeesUsd - o.costs.slippageUsd, 1e-12);
    double stepFees = 0;
    for (const LoopStep &s : o.steps)
        stepFees += s.swapFeeUsd + s.slippageUsd;
    LP_COMPARE_REL(stepFees, o.costs.swapFeesUsd + o.costs.slippageUsd, 1e-12);
}

void TestOpening::gasCountsTransactions()
{
    Plan p = test::fixturePlan();
    p.costs.gasUsdPerTx = 2.0;
    for (int loops : {0, 1, 3, 7}) {
        p.strategy.loops = loops;
        const OpenedPosition o = open(p);
        QCOMPARE(o.costs.transactions, 1 + 3 * loops); // deposit, then borrow + swap + deposit per loop
        QCOMPARE(o.costs.gasUsd, 2.0 * (1 + 3 * loops));
    }
    p.execution = Execution::FlashLoan;
    QCOMPARE(open(p).costs.transactions, 1);
    QCOMPARE(open(p).costs.gasUsd, 2.0);
}

QTEST_APPLESS_MAIN(TestOpening)
#include "tst_opening.moc"
