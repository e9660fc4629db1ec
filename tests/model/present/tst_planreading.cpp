// planReading: the plan in one plain-language line (issue 3).
#include "displayformat.h"
#include "engine.h"
#include "planreading.h"
#include "testutil.h"

#include <QLocale>
#include <QTest>

using namespace lp;

class TestPlanReading : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void fixtureLoops();
    void noLoopHasNothingToLiquidate();
    void targetsNameTheirTarget();
    void trackingBorrowReadsAsARatio();
    void followsTheFigures();
};

namespace {

QString readingOf(const Plan &plan)
{
    const auto r = computePlan(plan);
    return r ? planReading(*r) : QStringLiteral("invalid: %1").arg(r.errors().first().toString());
}

} // namespace

void TestPlanReading::fixtureLoops()
{
    // Hand loop (k = (1 - 0.0005)(1 - 0.001), t = 0.9 x 0.75 = 0.675, PA 3500, PB 3000), three times:
    // borrow = (t CV - DV) / PB, bought = borrow PB k / PA; gives C = 24.344129, D = 16.759949.
    // L = C PA / (C PA - D PB) = 2.4397 -> "2.44x"; liq = D PB / (C 0.8) = 2,581.72 -> "$2,582";
    // distance 1 - 2581.72 / 3500 = 26.24 % -> "26.2 %";
    // net APY = (CV (0.001 + 0.03) - DV 0.025) / E = 3.96 % -> "+4.0 %".
    QCOMPARE(readingOf(test::fixturePlan()),
             QStringLiteral("10 wstETH against WETH, 3 loops at 90 % of max LTV: 2.44x exposure, liquidated "
                            "below $2,582 (26.2 % below spot), net APY +4.0 %"));
}

void TestPlanReading::noLoopHasNothingToLiquidate()
{
    Plan p = test::costFreePlan();
    p.strategy.loops = 0;
    p.deposit = 2.5;
    QCOMPARE(readingOf(p),
             QStringLiteral("2.5 wstETH against WETH, no loop: no debt, so nothing to liquidate; "
                            "1.00x exposure, net APY +3.1 %"));
}

void TestPlanReading::targetsNameTheirTarget()
{
    Plan p = test::costFreePlan();
    p.collateral.supplyApy = 0;
    p.collateral.nativeYield = 0;
    p.borrow.borrowApy = 0;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 2.0;
    p.execution = Execution::FlashLoan;
    // Cost-free at 2x: E = 35,000, CV = 70,000, DV = 35,000 -> liq = 35,000 / (20 x 0.8) = $2,188 (37.5 %).
    QCOMPARE(readingOf(p),
             QStringLiteral("10 wstETH against WETH, target 2.00x by flash loan: 2.00x exposure, "
                            "liquidated below $2,188 (37.5 % below spot)"));
    p.strategy.mode = StrategyMode::TargetHealthFactor;
    p.strategy.healthFactor = 1.6;
    p.execution = Execution::Loop;
    const QString text = readingOf(p);
    // HF 1.6 with LT 0.8 means L = 1.6 / (1.6 - 0.8) = 2.00x; loops at 90 % of 75 % take 3 (partial last).
    QVERIFY2(text.startsWith(QStringLiteral("10 wstETH against WETH, target health factor 1.60 in ")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(": 2.00x exposure")), qPrintable(text));
}

void TestPlanReading::trackingBorrowReadsAsARatio()
{
    Plan p = test::costFreePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const QString text = readingOf(p);
    QVERIFY2(text.contains(QStringLiteral("liquidated below ")) &&
                 text.contains(QStringLiteral("WETH per wstETH")),
             qPrintable(text));
}

void TestPlanReading::followsTheFigures()
{
    // Property: more loops never read as less exposure; the reading carries the result's leverage.
    for (int loops = 1; loops <= 8; ++loops) {
        Plan p = test::fixturePlan();
        p.strategy.loops = loops;
        const auto r = computePlan(p);
        QVERIFY(r);
        QVERIFY(planReading(*r).contains(
            QStringLiteral(": %1 exposure").arg(display::leverage(r->position.leverage))));
    }
}

QTEST_GUILESS_MAIN(TestPlanReading)
#include "tst_planreading.moc"
