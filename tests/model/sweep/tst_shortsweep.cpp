// A short (stable collateral, volatile debt) swept against the debt asset's price: the P&L falls as B
// rises, liquidations happen on the way up, and the stress shocks move B up.
#include "engine.h"
#include "healthseries.h"
#include "stress.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// 10,000 USDC against WETH at $3,000, ltv 0.75, lt 0.80, bonus 5 %, 3 loops at the full LTV, no costs:
// C = 27,343.75 USDC, D = 5.78125 WETH, WETH's liquidation price C lt / D = 3,783.7837... (tst_riskasset).
Plan shortPlan()
{
    Plan p;
    p.collateral = {QStringLiteral("USDC"), 1.0, 0.75, 0.80, 0.05, 0.0, 0.0};
    p.borrow = {QStringLiteral("WETH"), 3000.0, 0.0, PriceModel::Fixed};
    p.deposit = 10000.0;
    p.strategy.loops = 3;
    p.strategy.ltvFraction = 1.0;
    p.costs = {};
    return p;
}

constexpr double kC = 27343.75;
constexpr double kD = 5.78125;
constexpr double kLiquidation = kC * 0.80 / kD;

} // namespace

class TestShortSweep : public QObject {
    Q_OBJECT
private slots:
    void axisIsTheDebtAssetsPrice();
    void keyPricesByHand();
    void pnlByHandAboveAndBelowSpot();
    void pnlRisesAsTheDebtAssetFalls_data();
    void pnlRisesAsTheDebtAssetFalls();
    void liquidationsOnTheWayUp();
    void healthSeriesRunsAgainstB();
    void priceShockMovesTheDebtUp();
};

void TestShortSweep::axisIsTheDebtAssetsPrice()
{
    const PlanResult r = test::compute(shortPlan());
    QCOMPARE(toString(r.sweep.riskAsset), toString(RiskAsset::Borrow));
    QCOMPARE(r.sweep.spotPriceUsd, 3000.0);
    LP_COMPARE_REL(r.sweep.points.front().priceUsd, 150.0, 1e-12); // 5 % of $3,000
    LP_COMPARE_REL(r.sweep.points.back().priceUsd, 9000.0, 1e-12); // 300 %
    LP_COMPARE_REL(r.sweep.depositValueUsd, 10000.0, 1e-15);
    for (const SweepPoint &pt : r.sweep.points)
        QCOMPARE(pt.holdPnlUsd, 0.0); // holding the USDC deposit neither gains nor loses
}

void TestShortSweep::keyPricesByHand()
{
    // Break-even: C - D PB = 10,000 -> PB = 17,343.75 / 5.78125 = 3,000 (no costs: the spot price).
    // Zero equity: C / D = 4,729.7297...; liquidation C lt / D = 3,783.7837...
    const PlanResult r = test::compute(shortPlan());
    LP_COMPARE_REL(r.sweep.breakEvenPriceUsd, 3000.0, 1e-12);
    LP_COMPARE_REL(r.sweep.zeroEquityPriceUsd, kC / kD, 1e-12);
    LP_COMPARE_REL(r.sweep.liquidationPriceUsd, kLiquidation, 1e-12);
}

void TestShortSweep::pnlByHandAboveAndBelowSpot()
{
    // At WETH $2,400: equity 27,343.75 - 5.78125 x 2,400 = 13,468.75, P&L +3,468.75.
    // At WETH $3,600 (below the liquidation price): 27,343.75 - 20,812.5 = 6,531.25, P&L -3,468.75.
    const PlanResult r = test::compute(shortPlan(), {3, 0.8, 1.2});
    LP_COMPARE_REL(r.sweep.points[0].priceUsd, 2400.0, 1e-12);
    LP_COMPARE_REL(r.sweep.points[0].pnlUsd, 3468.75, 1e-12);
    QVERIFY(std::abs(r.sweep.points[1].pnlUsd) < 1e-9);
    LP_COMPARE_REL(r.sweep.points[2].pnlUsd, -3468.75, 1e-12);
    LP_COMPARE_REL(r.sweep.points[2].healthFactor, kC * 0.8 / (kD * 3600.0), 1e-12);
    QCOMPARE(r.sweep.points[2].liquidatedShare, 0.0);
}

void TestShortSweep::pnlRisesAsTheDebtAssetFalls_data()
{
    QTest::addColumn<int>("loops");
    QTest::addColumn<double>("ltvFraction");
    QTest::addColumn<double>("swapFeeBps");
    QTest::newRow("1 loop") << 1 << 1.0 << 0.0;
    QTest::newRow("3 loops") << 3 << 1.0 << 0.0;
    QTest::newRow("6 loops at 90 %, fees") << 6 << 0.9 << 30.0;
    QTest::newRow("12 loops") << 12 << 1.0 << 5.0;
}

void TestShortSweep::pnlRisesAsTheDebtAssetFalls()
{
    // Property: over the whole grid, liquidations included, a lower B price never gives a lower P&L.
    QFETCH(int, loops);
    QFETCH(double, ltvFraction);
    QFETCH(double, swapFeeBps);
    Plan p = shortPlan();
    p.strategy.loops = loops;
    p.strategy.ltvFraction = ltvFraction;
    p.costs.swapFeeBps = swapFeeBps;
    const PlanResult r = test::compute(p);
    for (size_t i = 1; i < r.sweep.points.size(); ++i) {
        const SweepPoint &lower = r.sweep.points[i - 1];
        const SweepPoint &higher = r.sweep.points[i];
        QVERIFY(lower.priceUsd < higher.priceUsd);
        QVERIFY2(lower.pnlUsd >= higher.pnlUsd - 1e-9 * std::abs(higher.pnlUsd),
                 qPrintable(QStringLiteral("at %1").arg(higher.priceUsd)));
    }
}

void TestShortSweep::liquidationsOnTheWayUp()
{
    const PlanResult r = test::compute(shortPlan());
    QVERIFY(!r.sweep.liquidations.empty());
    // The first call happens as WETH crosses its liquidation price, with HF at 1.
    LP_COMPARE_REL(r.sweep.liquidations.front().priceUsd, kLiquidation, 1e-9);
    double last = 0;
    for (const LiquidationEvent &e : r.sweep.liquidations) {
        QVERIFY(e.priceUsd >= last);
        last = e.priceUsd;
        // What was lost is the bonus on what was repaid, in USD at that WETH price:
        // seized x $1 - repaid x PB = repaid x PB x bonus (when the collateral covers it).
        if (e.collateralAfter > 0)
            LP_COMPARE_REL(e.penaltyUsd, e.debtRepaid * e.priceUsd * 0.05, 1e-9);
    }
    for (const SweepPoint &pt : r.sweep.points) {
        if (pt.priceUsd < kLiquidation * (1 - 1e-9))
            QCOMPARE(pt.liquidatedShare, 0.0);
    }
    QVERIFY(r.sweep.points.back().liquidatedShare > 0.0);
}

void TestShortSweep::healthSeriesRunsAgainstB()
{
    const PlanResult r = test::compute(shortPlan(), {3, 0.5, 1.0});
    const std::vector<HealthPoint> series = healthSeries(r);
    QCOMPARE(series.size(), size_t(3));
    LP_COMPARE_REL(series[2].priceUsd, 3000.0, 1e-12);
    LP_COMPARE_REL(series[2].liquidationPriceUsd, kLiquidation, 1e-12);
    LP_COMPARE_REL(series[0].healthFactor, kC * 0.8 / (kD * 1500.0), 1e-12);
}

void TestShortSweep::priceShockMovesTheDebtUp()
{
    const PlanResult r = test::compute(shortPlan());
    const StressResult small =
        runStress(r.plan, r.opened, {StressKind::PriceShock, QStringLiteral("s"), -0.10, 0});
    QCOMPARE(small.after.priceAUsd, 1.0);
    LP_COMPARE_REL(small.after.priceBUsd, 3300.0, 1e-12); // WETH +10 %: below $3,783.78, not liquidated
    QVERIFY(!small.liquidated);
    LP_COMPARE_REL(small.after.healthFactor, kC * 0.8 / (kD * 3300.0), 1e-12);
    const StressResult big =
        runStress(r.plan, r.opened, {StressKind::PriceShock, QStringLiteral("b"), -0.30, 0});
    LP_COMPARE_REL(big.after.priceBUsd, 3900.0, 1e-12); // WETH +30 %: above it, liquidated
    QVERIFY(big.liquidated);
    QVERIFY(big.penaltyUsd > 0.0);
}

QTEST_APPLESS_MAIN(TestShortSweep)
#include "tst_shortsweep.moc"
