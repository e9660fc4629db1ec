// The health series behind the "HF and liquidation price against Token A's price" chart.
#include "engine.h"
#include "healthseries.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

class TestHealthSeries : public QObject {
    Q_OBJECT
private slots:
    void fixtureAtSpot();
    void properties();
    void noDebt();
};

void TestHealthSeries::fixtureAtSpot()
{
    // Fixture plan, 3 loops (see the report in README): C = 24.344129 wstETH, D = 16.759949 WETH, lt 0.8,
    // PB 3000. PA_liq = D PB / (C lt) = 50279.85 / 19.475303 = 2581.72; HF at spot 3500 =
    // C 3500 0.8 / (D 3000) = 68163.56 / 50279.85 = 1.3557. A sweep of 3 points at 50 %, 100 % and 150 %
    // of spot puts the middle one at the spot.
    const Expected<PlanResult> result = computePlan(test::fixturePlan(), {3, 0.5, 1.5});
    QVERIFY(result);
    const std::vector<HealthPoint> series = healthSeries(*result);
    QCOMPARE(series.size(), size_t{3});
    const HealthPoint &spot = series.at(1);
    LP_COMPARE_REL(spot.priceUsd, 3500.0, 1e-12);
    LP_COMPARE_REL(spot.liquidationPriceUsd, 2581.72, 1e-5);
    LP_COMPARE_REL(spot.healthFactor, 1.3557, 1e-4);
    // Nothing is liquidated above the liquidation price: the same liquidation price at 150 % of spot.
    LP_COMPARE_REL(series.at(2).liquidationPriceUsd, spot.liquidationPriceUsd, 1e-12);
}

void TestHealthSeries::properties()
{
    // With B's price fixed, HF = PA C lt / (D PB) = PA / PA_liq at every point that still has debt, before
    // and after liquidations; and HF never rises as the price falls above the first liquidation.
    const Expected<PlanResult> result = computePlan(test::fixturePlan(), {401, 0.05, 3.0});
    QVERIFY(result);
    const std::vector<HealthPoint> series = healthSeries(*result);
    QCOMPARE(series.size(), result->sweep.points.size());
    int checked = 0;
    for (size_t i = 0; i < series.size(); ++i) {
        const HealthPoint &p = series[i];
        QCOMPARE(p.priceUsd, result->sweep.points[i].priceUsd);
        QCOMPARE(p.healthFactor, result->sweep.points[i].healthFactor);
        if (result->sweep.points[i].debt > 0) {
            LP_COMPARE_REL(p.healthFactor, p.priceUsd / p.liquidationPriceUsd, 1e-12);
            ++checked;
        } else {
            QVERIFY(std::isnan(p.liquidationPriceUsd));
        }
        if (i > 0 && series[i - 1].priceUsd > result->sweep.liquidationPriceUsd)
            QVERIFY(series[i - 1].healthFactor <= p.healthFactor);
    }
    QVERIFY(checked > 300);
}

void TestHealthSeries::noDebt()
{
    Plan plan = test::fixturePlan();
    plan.strategy.loops = 0;
    const Expected<PlanResult> result = computePlan(plan, {5, 0.5, 1.5});
    QVERIFY(result);
    for (const HealthPoint &p : healthSeries(*result)) {
        QVERIFY(std::isinf(p.healthFactor));
        QVERIFY(std::isnan(p.liquidationPriceUsd));
    }
}

QTEST_APPLESS_MAIN(TestHealthSeries)
#include "tst_healthseries.moc"
