// Reading the price sweep between its grid points (the P&L chart's crosshair) and in either P&L unit.
#include "engine.h"
#include "sweeplookup.h"
#include "testutil.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace lp;

namespace {

SweepPoint point(double price, double pnlUsd, double hf)
{
    SweepPoint p;
    p.priceUsd = price;
    p.pnlUsd = pnlUsd;
    p.pnlPct = pnlUsd / 1000.0;
    p.holdPnlUsd = price - 100.0;
    p.healthFactor = hf;
    p.equityUsd = pnlUsd + 1000.0;
    return p;
}

} // namespace

class TestSweepLookup : public QObject {
    Q_OBJECT
private slots:
    void interpolatesBetweenGridPoints();
    void gridPointsAndEdges();
    void infiniteHealthFactorTakesTheNearerPoint();
    void fixtureIsExactWhereTheSweepIsLinear();
    void pnlUnits();
    void penaltyIsTheSumOfTheEvents();
    void nearestHealthPoint();
};

void TestSweepLookup::interpolatesBetweenGridPoints()
{
    // Two points (100, -50, HF 1.0) and (200, 150, HF 2.0). At 125 the weight is (125 - 100) / 100 = 0.25:
    // P&L = -50 + 0.25 x 200 = 0; HF = 1 + 0.25 x 1 = 1.25; hold = 125 - 100 = 25; equity 1000.
    PriceSweep sweep;
    sweep.points = {point(100, -50, 1.0), point(200, 150, 2.0)};
    const auto r = sweepPointAt(sweep, 125.0);
    QVERIFY(r);
    QCOMPARE(r->priceUsd, 125.0);
    QCOMPARE(r->pnlUsd, 0.0);
    QCOMPARE(r->healthFactor, 1.25);
    QCOMPARE(r->holdPnlUsd, 25.0);
    QCOMPARE(r->equityUsd, 1000.0);
    QCOMPARE(r->pnlPct, 0.0);
}

void TestSweepLookup::gridPointsAndEdges()
{
    PriceSweep sweep;
    QVERIFY(!sweepPointAt(sweep, 1.0)); // empty
    sweep.points = {point(100, -50, 1.0), point(200, 150, 2.0), point(300, 350, 3.0)};
    QCOMPARE(sweepPointAt(sweep, 100.0)->pnlUsd, -50.0); // first point exactly
    QCOMPARE(sweepPointAt(sweep, 200.0)->pnlUsd, 150.0); // an inner point exactly
    QCOMPARE(sweepPointAt(sweep, 300.0)->pnlUsd, 350.0); // last point exactly
    // 250 lies between the 2nd and 3rd points: 150 + 0.5 x 200 = 250, HF 2.5.
    QCOMPARE(sweepPointAt(sweep, 250.0)->pnlUsd, 250.0);
    QCOMPARE(sweepPointAt(sweep, 250.0)->healthFactor, 2.5);
    QVERIFY(!sweepPointAt(sweep, 99.999));
    QVERIFY(!sweepPointAt(sweep, 300.001));
    QVERIFY(!sweepPointAt(sweep, std::numeric_limits<double>::quiet_NaN()));
}

void TestSweepLookup::infiniteHealthFactorTakesTheNearerPoint()
{
    // Debt fully repaid above 100 in this made-up sweep: HF is +inf at 200. Nearer to 100 -> 1.0; nearer to
    // 200 -> inf; never a NaN from inf - inf.
    const double inf = std::numeric_limits<double>::infinity();
    PriceSweep sweep;
    sweep.points = {point(100, -50, 1.0), point(200, 150, inf)};
    QCOMPARE(sweepPointAt(sweep, 140.0)->healthFactor, 1.0);
    QVERIFY(std::isinf(sweepPointAt(sweep, 160.0)->healthFactor));
    QCOMPARE(sweepPointAt(sweep, 160.0)->pnlUsd, 70.0); // finite fields still interpolate: -50 + 0.6 x 200
}

void TestSweepLookup::fixtureIsExactWhereTheSweepIsLinear()
{
    // Fixture plan, 3 loops: C = 24.344129 wstETH, D = 16.759949 WETH, lt 0.8, PB 3000 (tst_healthseries).
    // A 3-point sweep at 50 %, 100 % and 150 % of spot 3500 has points at 1750, 3500, 5250. Above the
    // liquidation price ($2,581.72) nothing is liquidated, so P&L = C p - D PB - basis and HF = C p lt / (D
    // PB) are linear in p and the interpolation at 4375 is exact:
    //   P&L(4375) = P&L(3500) + C x 875 = P&L(3500) + 21301.11;  HF(4375) = 1.3557 x 4375 / 3500 = 1.6946;
    //   hold P&L = 10 x (4375 - 3500) = 8750.
    const Expected<PlanResult> result = computePlan(test::fixturePlan(), {3, 0.5, 1.5});
    QVERIFY(result);
    const SweepPoint &spot = result->sweep.points.at(1);
    const auto r = sweepPointAt(result->sweep, 4375.0);
    QVERIFY(r);
    LP_COMPARE_REL(r->pnlUsd - spot.pnlUsd, 24.344129 * 875.0, 1e-6);
    LP_COMPARE_REL(r->healthFactor, 1.6946, 1e-4);
    LP_COMPARE_REL(r->holdPnlUsd, 8750.0, 1e-12);
    LP_COMPARE_REL(r->pnlPct, r->pnlUsd / 35000.0, 1e-12); // the deposit's value at open: 10 x 3500
}

void TestSweepLookup::pnlUnits()
{
    // Deposit value at open 1000 (say 10 units at 100): at p = 150 the hold P&L is 500, i.e. 0.5 of it.
    PriceSweep sweep;
    sweep.depositValueUsd = 1000.0;
    SweepPoint p = point(150, -20, 1.1);
    p.holdPnlUsd = 500.0;
    QCOMPARE(leveragedPnl(p, PnlUnit::Usd), -20.0);
    QCOMPARE(leveragedPnl(p, PnlUnit::Fraction), -0.02);
    QCOMPARE(holdPnl(sweep, p, PnlUnit::Usd), 500.0);
    QCOMPARE(holdPnl(sweep, p, PnlUnit::Fraction), 0.5);
}

void TestSweepLookup::penaltyIsTheSumOfTheEvents()
{
    PriceSweep sweep;
    QCOMPARE(liquidationPenaltyUsd(sweep), 0.0); // no liquidation, no penalty
    // Two made-up events losing 120 and 30.5: 150.5 in all.
    LiquidationEvent first;
    first.penaltyUsd = 120.0;
    LiquidationEvent second;
    second.penaltyUsd = 30.5;
    sweep.liquidations = {first, second};
    QCOMPARE(liquidationPenaltyUsd(sweep), 150.5);
    // The fixture's falling path: each event loses bonus x repaid value, 5 % of repaid x PB at lt 0.8.
    const Expected<PlanResult> result = computePlan(test::fixturePlan(), {201, 0.05, 3.0});
    QVERIFY(result);
    QVERIFY(!result->sweep.liquidations.empty());
    const LiquidationEvent &e = result->sweep.liquidations.front();
    LP_COMPARE_REL(e.penaltyUsd, 0.05 * e.debtRepaid * 3000.0, 1e-9);
    QVERIFY(liquidationPenaltyUsd(result->sweep) >= e.penaltyUsd);
}

void TestSweepLookup::nearestHealthPoint()
{
    // Points at 100, 200, 300: 149 is nearer to 100, 151 to 200; the ends are inside; outside is nothing.
    const std::vector<HealthPoint> series = {{100, 1.0, 80}, {200, 2.0, 80}, {300, 3.0, 80}};
    QCOMPARE(lp::nearestHealthPoint(series, 149.0)->priceUsd, 100.0);
    QCOMPARE(lp::nearestHealthPoint(series, 151.0)->priceUsd, 200.0);
    QCOMPARE(lp::nearestHealthPoint(series, 100.0)->priceUsd, 100.0);
    QCOMPARE(lp::nearestHealthPoint(series, 300.0)->healthFactor, 3.0);
    QVERIFY(!lp::nearestHealthPoint(series, 99.0));
    QVERIFY(!lp::nearestHealthPoint(series, 301.0));
    QVERIFY(!lp::nearestHealthPoint({}, 150.0));
}

QTEST_APPLESS_MAIN(TestSweepLookup)
#include "tst_sweeplookup.moc"
