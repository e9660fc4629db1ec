// Opening a position: loop execution, targets, flash loans and the cost model.
#include "engine.h"
#include "opening.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// Closed forms of the opening (README, "How the numbers are computed"), written here independently of the
// step-by-step simulator. Values are in units of A at the opening price; k = (1-s)(1-q), t = ltvFraction x
// ltv.
double closedFormCollateral(double x0, double k, double t, int n)
{
    return x0 * (1.0 - std::pow(k * t, n + 1)) / (1.0 - k * t);
}
double closedFormDebtInA(double x0, double k, double t, int n)
{
    return t * x0 * (1.0 - std::pow(k * t, n)) / (1.0 - k * t);
}

OpenedPosition open(const Plan &plan)
{
    const Expected<OpenedPosition> opened = openPosition(plan);
    if (!opened)
        qFatal("openPosition failed: %s", qPrintable(formatErrors(opened.errors())));
    return opened.value();
}

double leverageOf(const OpenedPosition &o, const Plan &p)
{
    const double cv = o.collateral * p.collateral.priceUsd;
    return cv / (cv - o.debt * p.borrow.priceUsd);
}

} // namespace

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
    void targetLeverageEndsExactlyWithPartialLoop_data();
    void targetLeverageEndsExactlyWithPartialLoop();
    void targetLeverageUsesFewestLoops();
    void targetLeverageOneNeedsNoLoop();
    void impossibleLoopTargetSaysWhyAndMax();
    void targetHealthFactorIsALeverage_data();
    void targetHealthFactorIsALeverage();
    void impossibleHealthFactorSaysLowestReachable();
    void flashLoanSizeByHand();
    void flashLoanReachesTargetLeverage_data();
    void flashLoanReachesTargetLeverage();
    void flashLoanCapIsProtocolLtv();
    void flashAndLoopAgreeWithoutCosts_data();
    void flashAndLoopAgreeWithoutCosts();
    void flashWithLoopsModeMatchesLoopExposure();
    void leverageForHealthFactorFormula();
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

void TestOpening::targetLeverageEndsExactlyWithPartialLoop_data()
{
    QTest::addColumn<double>("target");
    QTest::addColumn<int>("loops");
    // Fixture loop leverages: 1.6757 (1), 2.1319 (2), 2.4397 (3), ...
    QTest::newRow("1.5x: partial first loop") << 1.5 << 1;
    QTest::newRow("2x: partial second loop") << 2.0 << 2;
    QTest::newRow("2.4x: partial third loop") << 2.4 << 3;
    QTest::newRow("3x") << 3.0 << 0;
}

void TestOpening::targetLeverageEndsExactlyWithPartialLoop()
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

void TestOpening::targetLeverageUsesFewestLoops()
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

void TestOpening::targetLeverageOneNeedsNoLoop()
{
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 1.0;
    const OpenedPosition o = open(p);
    QCOMPARE(o.loops, 0);
    QCOMPARE(o.debt, 0.0);
    QCOMPARE(o.costs.transactions, 1);
}

void TestOpening::impossibleLoopTargetSaysWhyAndMax()
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

void TestOpening::targetHealthFactorIsALeverage_data()
{
    QTest::addColumn<int>("execution");
    QTest::addColumn<double>("hf");
    QTest::newRow("loop 1.5") << int(Execution::Loop) << 1.5;
    QTest::newRow("loop 1.25") << int(Execution::Loop) << 1.25;
    QTest::newRow("flash 1.1") << int(Execution::FlashLoan) << 1.1;
    QTest::newRow("flash 3") << int(Execution::FlashLoan) << 3.0;
}

void TestOpening::targetHealthFactorIsALeverage()
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

void TestOpening::impossibleHealthFactorSaysLowestReachable()
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

void TestOpening::flashLoanSizeByHand()
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

void TestOpening::flashLoanReachesTargetLeverage_data()
{
    QTest::addColumn<double>("target");
    QTest::newRow("1.2x") << 1.2;
    QTest::newRow("2x") << 2.0;
    QTest::newRow("3.5x") << 3.5;
    QTest::newRow("4x: the cap") << 4.0;
}

void TestOpening::flashLoanReachesTargetLeverage()
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

void TestOpening::flashLoanCapIsProtocolLtv()
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

void TestOpening::flashAndLoopAgreeWithoutCosts_data()
{
    QTest::addColumn<double>("target");
    QTest::newRow("1.7x") << 1.7;
    QTest::newRow("2.5x") << 2.5;
    QTest::newRow("3x") << 3.0;
}

void TestOpening::flashAndLoopAgreeWithoutCosts()
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

void TestOpening::flashWithLoopsModeMatchesLoopExposure()
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

void TestOpening::leverageForHealthFactorFormula()
{
    // L = H / (H - lt): H = 1.6, lt = 0.8 -> 2x; H = 1.2 -> 3x.
    LP_COMPARE_REL(leverageForHealthFactor(1.6, 0.8), 2.0, 1e-15);
    LP_COMPARE_REL(leverageForHealthFactor(1.2, 0.8), 3.0, 1e-14);
}

QTEST_APPLESS_MAIN(TestOpening)
#include "tst_opening.moc"
