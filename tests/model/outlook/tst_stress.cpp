// Stress presets (issue 6 §6): each scenario's figures before and after, by hand.
#include "engine.h"
#include "rowjson.h"
#include "stress.h"
#include "testutil.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// The shared hand plan (testutil.h): C = 17.5 A, D = 750 B, liquidation price 53.571429.
Plan handPlan()
{
    return test::oneFullLoopPlan();
}

StressResult stress(StressKind kind, double value, int days = 0, const Plan &plan = handPlan())
{
    const OpenedPosition opened = test::compute(plan).opened;
    return runStress(plan, opened, {kind, QStringLiteral("test"), value, days});
}

} // namespace

class TestStress : public QObject {
    Q_OBJECT
private slots:
    void beforeFiguresAreTheOpenedPosition();
    void priceShock_data();
    void priceShock();
    void borrowDepegBothWays();
    void borrowRateSpike();
    void thresholdCut();
    void thresholdCutCanLiquidate();
    void slippageSpikeMovesOnlyCloseValue();
    void presetsOnFixture();
    void stressJsonShape();
};

void TestStress::beforeFiguresAreTheOpenedPosition()
{
    const StressResult r = stress(StressKind::PriceShock, -0.1);
    LP_COMPARE_REL(r.before.healthFactor, 1.4 / 0.75, 1e-15);
    LP_COMPARE_REL(r.before.liquidationPriceUsd, 750.0 / 14.0, 1e-15);
    LP_COMPARE_REL(r.before.equityUsd, 1000.0, 1e-15);
    LP_COMPARE_REL(r.before.leverage, 1.75, 1e-15);
    LP_COMPARE_REL(r.before.closeValueUsd, 1000.0, 1e-14);
}

void TestStress::priceShock_data()
{
    QTest::addColumn<double>("shock");
    QTest::addColumn<bool>("liquidated");
    QTest::addColumn<double>("hfAfter");
    QTest::addColumn<double>("equityAfter");
    QTest::addColumn<double>("penalty");
    const double inf = std::numeric_limits<double>::infinity();
    // -10 %: $90, HF = 17.5 x 90 x 0.8 / 750 = 1.68, equity 1575 - 750 = 825.
    QTest::newRow("-10 %") << -0.10 << false << 1.68 << 825.0 << 0.0;
    // -30 %: $70, HF = 980 / 750 = 1.3066667, equity 475.
    QTest::newRow("-30 %") << -0.30 << false << 980.0 / 750.0 << 475.0 << 0.0;
    // -48 %: $52, HF 0.97067 -> 50 % close: seize 375 x 1.05 / 52 = 7.5721 A, HF after 1.1013333,
    // equity 9.9279 x 52 - 375 = 141.25, penalty 18.75.
    QTest::newRow("-48 %: half liquidated") << -0.48 << true << 1.1013333333333333 << 141.25 << 18.75;
    // -50 %: $50, HF 0.9333 < 0.95 -> full close: seize 750 x 1.05 / 50 = 15.75 A; 1.75 A left = 87.5 USD,
    // no debt; penalty 15.75 x 50 - 750 = 37.5.
    QTest::newRow("-50 %: fully liquidated") << -0.50 << true << inf << 87.5 << 37.5;
}

void TestStress::priceShock()
{
    QFETCH(double, shock);
    QFETCH(bool, liquidated);
    QFETCH(double, hfAfter);
    QFETCH(double, equityAfter);
    QFETCH(double, penalty);
    const StressResult r = stress(StressKind::PriceShock, shock);
    QCOMPARE(r.liquidated, liquidated);
    LP_COMPARE_REL(r.after.priceAUsd, 100.0 * (1.0 + shock), 1e-15);
    LP_COMPARE_REL(r.after.healthFactor, hfAfter, 1e-13);
    LP_COMPARE_REL(r.after.equityUsd, equityAfter, 1e-12);
    LP_COMPARE_REL(r.penaltyUsd, penalty, 1e-12);
    // Unchanged inputs stay unchanged.
    QCOMPARE(r.after.priceBUsd, 1.0);
    QCOMPARE(r.after.liquidationThreshold, 0.8);
}

void TestStress::borrowDepegBothWays()
{
    // B up 3 %: the debt is worth 772.5, HF = 1400 / 772.5 = 1.8122977346278317, liquidation price
    // 772.5 / 14 = 55.17857142857143, equity 977.5. B down 3 %: HF 1.9243986254295533, equity 1022.5.
    const StressResult up = stress(StressKind::BorrowDepeg, 1.03);
    LP_COMPARE_REL(up.after.priceBUsd, 1.03, 1e-15);
    LP_COMPARE_REL(up.after.healthFactor, 1.8122977346278317, 1e-14);
    LP_COMPARE_REL(up.after.liquidationPriceUsd, 55.17857142857143, 1e-14);
    LP_COMPARE_REL(up.after.equityUsd, 977.5, 1e-13);
    QVERIFY(!up.liquidated);
    const StressResult down = stress(StressKind::BorrowDepeg, 0.97);
    LP_COMPARE_REL(down.after.healthFactor, 1.9243986254295533, 1e-14);
    LP_COMPARE_REL(down.after.equityUsd, 1022.5, 1e-13);
    QVERIFY(down.after.healthFactor > down.before.healthFactor);
    QVERIFY(up.after.healthFactor < up.before.healthFactor);
}

void TestStress::borrowRateSpike()
{
    // 40 % APY for 30 days: D = 750 x 1.4^(30/365) = 771.030906379618; HF = 1400 / D =
    // 1.815750819346155; liquidation price D / 14 = 55.073636169972715; equity 1750 - D.
    const StressResult r = stress(StressKind::BorrowRateSpike, 0.40, 30);
    LP_COMPARE_REL(r.after.debt, 771.030906379618, 1e-14);
    LP_COMPARE_REL(r.after.healthFactor, 1.815750819346155, 1e-14);
    LP_COMPARE_REL(r.after.liquidationPriceUsd, 55.073636169972715, 1e-14);
    LP_COMPARE_REL(r.after.equityUsd, 978.969093620382, 1e-13);
    QCOMPARE(r.after.collateral, 17.5); // no supply rate in the hand plan
    QVERIFY(!r.liquidated);
}

void TestStress::thresholdCut()
{
    // lt 0.80 -> 0.75: HF = 17.5 x 100 x 0.75 / 750 = 1.75, liquidation price 750 / 13.125 = 57.142857.
    const StressResult r = stress(StressKind::ThresholdCut, 0.05);
    LP_COMPARE_REL(r.after.liquidationThreshold, 0.75, 1e-15);
    LP_COMPARE_REL(r.after.healthFactor, 1.75, 1e-15);
    LP_COMPARE_REL(r.after.liquidationPriceUsd, 400.0 / 7.0, 1e-14);
    QCOMPARE(r.after.equityUsd, r.before.equityUsd);
    QVERIFY(!r.liquidated);
}

void TestStress::thresholdCutCanLiquidate()
{
    // Loops stay at HF > lt / t, but a flash loan may go to the protocol's LTV. With ltv 78 % and a 4.5x
    // target, LTV = 1 - 1/4.5 = 0.7778 and HF = 0.8 / 0.7778 = 1.0285714; the cut to lt 0.75 gives
    // HF 0.75 / 0.7778 = 0.9642857 (>= 0.95: a 50 % liquidation), after which HF is above 1 again.
    Plan p = test::fixturePlan();
    p.collateral.ltv = 0.78;
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 4.5;
    const StressResult r = stress(StressKind::ThresholdCut, 0.05, 0, p);
    LP_COMPARE_REL(r.before.healthFactor, 0.8 / (1.0 - 1.0 / 4.5), 1e-12);
    QVERIFY(r.liquidated);
    QCOMPARE(r.liquidations.size(), size_t(1));
    LP_COMPARE_REL(r.liquidations.front().healthFactorBefore, 0.75 / (1.0 - 1.0 / 4.5), 1e-12);
    QCOMPARE(r.liquidations.front().closeFactor, 0.5);
    QVERIFY(r.after.healthFactor >= 1.0);
    // Penalty = bonus x repaid value: 5 % of half the debt.
    LP_COMPARE_REL(r.penaltyUsd, 0.05 * 0.5 * r.before.debt * 3000.0, 1e-12);
}

void TestStress::slippageSpikeMovesOnlyCloseValue()
{
    // 300 bps on the closing swap: sell 750 / 97 = 7.731958762886598 A instead of 7.5: close value
    // (17.5 - 7.731958762886598) x 100 = 976.8041237113402 against 1000.
    const StressResult r = stress(StressKind::SlippageSpike, 300.0);
    LP_COMPARE_REL(r.after.closeValueUsd, 976.8041237113402, 1e-13);
    QCOMPARE(r.after.healthFactor, r.before.healthFactor);
    QCOMPARE(r.after.equityUsd, r.before.equityUsd);
    QVERIFY(!r.liquidated);
}

void TestStress::presetsOnFixture()
{
    // Fixture: liquidation price 2581.72. -10 % ($3150) stays above it; -30 % ($2450) and -50 % ($1750)
    // gap below it and are liquidated. Every preset reports the same before figures.
    const PlanResult f = test::compute(test::fixturePlan());
    const std::vector<StressResult> all = runStressPresets(f.plan, f.opened);
    QCOMPARE(all.size(), defaultStressScenarios().size());
    QCOMPARE(all.size(), size_t(8));
    for (const StressResult &r : all) {
        QCOMPARE(r.before.healthFactor, f.position.healthFactor);
        QVERIFY(!r.scenario.id.isEmpty());
    }
    QVERIFY(!all[0].liquidated);
    QVERIFY(all[1].liquidated && all[2].liquidated);
    // -30 %: HF 1.3557 x 0.7 = 0.949 < 0.95, so the whole debt is repaid and the bonus is 5 % of it.
    LP_COMPARE_REL(all[1].penaltyUsd, 0.05 * f.opened.debt * 3000.0, 1e-12);
    QCOMPARE(all[1].after.debt, 0.0);
    // -50 %: the collateral (24.344 x 1750 = $42,602) does not cover the debt plus bonus ($52,794): all
    // of it is seized for 1/1.05 of its value, and the penalty is the bonus on what it could repay.
    QCOMPARE(all[2].after.collateral, 0.0);
    LP_COMPARE_REL(all[2].penaltyUsd, f.opened.collateral * 1750.0 * (1.0 - 1.0 / 1.05), 1e-12);
    QVERIFY(all[0].after.equityUsd > all[1].after.equityUsd &&
            all[1].after.equityUsd > all[2].after.equityUsd);
    QVERIFY(all[4].after.healthFactor < all[3].after.healthFactor);  // depeg up hurts, down helps
    QVERIFY(all[5].after.healthFactor < all[5].before.healthFactor); // 40 % for 30 days
    QVERIFY(all[7].after.closeValueUsd < all[7].before.closeValueUsd);
}

void TestStress::stressJsonShape()
{
    const PlanResult f = test::compute(test::fixturePlan());
    const QJsonArray a = stressJson(runStressPresets(f.plan, f.opened));
    QCOMPARE(a.size(), 8);
    const QJsonObject shock = a.at(2).toObject();
    QCOMPARE(shock.value(QStringLiteral("id")).toString(), QStringLiteral("priceShock-50"));
    QCOMPARE(shock.value(QStringLiteral("kind")).toString(), QStringLiteral("priceShock"));
    QVERIFY(shock.value(QStringLiteral("liquidated")).toBool());
    for (const char *key : {"healthFactor", "liquidationPriceUsd", "equityUsd", "leverage"})
        QVERIFY2(shock.value(QStringLiteral("before")).toObject().value(QLatin1String(key)).isDouble(), key);
    QVERIFY(shock.value(QStringLiteral("after")).toObject().contains(QStringLiteral("closeValueUsd")));
}

QTEST_APPLESS_MAIN(TestStress)
#include "tst_stress.moc"
