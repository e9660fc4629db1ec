// The P&L sweep against Token A's price, with partial liquidations below the liquidation price.
#include "engine.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {
using test::compute;
} // namespace

class TestPriceSweep : public QObject {
    Q_OBJECT
private slots:
    void gridIs2001PointsFrom5To300Percent();
    void keyPricesByHand();
    void pnlAtSpotIsMinusCosts();
    void pnlAboveLiquidationByHand();
    void pnlNeverFallsAsPriceRises();
    void healthFallsWithPriceAboveLiquidation();
    void liquidationsMatchAnIndependentCascade();
    void penaltyShowsAsEquityDrop();
    void holdingPnl();
    void noDebtNoLiquidation();
    void breakEvenHasZeroPnl_data();
    void breakEvenHasZeroPnl();
    void badOptionsAreErrors();
};

void TestPriceSweep::gridIs2001PointsFrom5To300Percent()
{
    const PlanResult r = compute(test::fixturePlan());
    QCOMPARE(r.sweep.points.size(), size_t(2001));
    LP_COMPARE_REL(r.sweep.points.front().priceUsd, 175.0, 1e-15);  // 5 % of 3,500
    LP_COMPARE_REL(r.sweep.points.back().priceUsd, 10500.0, 1e-15); // 300 %
    for (size_t i = 1; i < r.sweep.points.size(); ++i)
        LP_COMPARE_REL(r.sweep.points[i].priceUsd - r.sweep.points[i - 1].priceUsd, 3500 * 2.95 / 2000, 1e-9);
}

void TestPriceSweep::keyPricesByHand()
{
    // C = 24.344128915014817, D = 16.75994861045867 (tst_opening): DV = 50,279.84583137601 USD, gas 5 USD.
    // Break-even: (50,279.846 + 35,000 + 5) / 24.344129 = 3503.3024237221553.
    // Zero equity: 50,279.846 / 24.344129 = 2065.378720549115. Liquidation: zero equity / lt =
    // 2581.7234006863932.
    const PlanResult r = compute(test::fixturePlan());
    LP_COMPARE_REL(r.sweep.breakEvenPriceUsd, 3503.3024237221553, 1e-12);
    LP_COMPARE_REL(r.sweep.zeroEquityPriceUsd, 2065.378720549115, 1e-12);
    LP_COMPARE_REL(r.sweep.liquidationPriceUsd, 2581.7234006863932, 1e-12);
    LP_COMPARE_REL(r.sweep.depositValueUsd, 35000.0, 1e-15);
}

void TestPriceSweep::pnlAtSpotIsMinusCosts()
{
    // A 3-point grid from 50 % to 150 % puts the middle point exactly on the spot price.
    const PlanResult r = compute(test::fixturePlan(), {3, 0.5, 1.5});
    const SweepPoint &spot = r.sweep.points[1];
    QCOMPARE(spot.priceUsd, 3500.0);
    LP_COMPARE_REL(spot.pnlUsd, -r.opened.costs.totalUsd(), 1e-9);
    LP_COMPARE_REL(spot.pnlPct, -r.opened.costs.totalUsd() / 35000.0, 1e-9);
    QCOMPARE(spot.holdPnlUsd, 0.0);
}

void TestPriceSweep::pnlAboveLiquidationByHand()
{
    // At $4,000: equity = 24.344129 x 4000 - 50,279.846 = 47,096.670 USD; P&L = that - 35,005 = 12,091.670.
    const PlanResult r = compute(test::fixturePlan(), {3, 4000.0 / 3500.0, 2.0});
    const SweepPoint &pt = r.sweep.points[0];
    LP_COMPARE_REL(pt.priceUsd, 4000.0, 1e-15);
    LP_COMPARE_REL(pt.equityUsd, 24.344128915014817 * 4000 - 16.75994861045867 * 3000, 1e-12);
    LP_COMPARE_REL(pt.pnlUsd, 24.344128915014817 * 4000 - 16.75994861045867 * 3000 - 35005, 1e-12);
    LP_COMPARE_REL(pt.healthFactor, 24.344128915014817 * 4000 * 0.8 / (16.75994861045867 * 3000), 1e-12);
    QCOMPARE(pt.liquidatedShare, 0.0);
}

void TestPriceSweep::pnlNeverFallsAsPriceRises()
{
    for (int loops : {0, 1, 3, 10, 20}) {
        Plan p = test::fixturePlan();
        p.strategy.loops = loops;
        const PlanResult r = compute(p);
        for (size_t i = 1; i < r.sweep.points.size(); ++i)
            QVERIFY(r.sweep.points[i].pnlUsd >= r.sweep.points[i - 1].pnlUsd);
    }
}

void TestPriceSweep::healthFallsWithPriceAboveLiquidation()
{
    const PlanResult r = compute(test::fixturePlan());
    for (size_t i = 1; i < r.sweep.points.size(); ++i) {
        const SweepPoint &lo = r.sweep.points[i - 1];
        if (lo.priceUsd >= r.sweep.liquidationPriceUsd)
            QVERIFY(lo.healthFactor < r.sweep.points[i].healthFactor);
        QVERIFY(lo.healthFactor >= 1.0 - 1e-12); // liquidators keep it at 1 or above on a falling path
    }
}

void TestPriceSweep::liquidationsMatchAnIndependentCascade()
{
    // Independent cascade: liquidation price L0 = 2581.72; after each 50 % liquidation at HF 1 the next
    // price is the last divided by 2 - 1.05 x 0.8 = 1.16. Down to $175 that is floor(ln(2581.72/175)/ln 1.16)
    // + 1 = 19 events.
    const PlanResult r = compute(test::fixturePlan());
    const auto &ev = r.sweep.liquidations;
    QCOMPARE(ev.size(), size_t(19));
    double price = 2581.7234006863932;
    double c = 24.344128915014817, d = 16.75994861045867;
    for (const LiquidationEvent &e : ev) {
        LP_COMPARE_REL(e.priceUsd, price, 1e-10);
        const double repaid = d / 2;
        const double seized = repaid * 3000 * 1.05 / price;
        c -= seized;
        d -= repaid;
        LP_COMPARE_REL(e.collateralAfter, c, 1e-10);
        price /= 1.16;
    }
    // The last point of the grid carries the state after every event.
    LP_COMPARE_REL(r.sweep.points.front().collateral, c, 1e-10);
    LP_COMPARE_REL(r.sweep.points.front().liquidatedShare, 1 - c / 24.344128915014817, 1e-10);
}

void TestPriceSweep::penaltyShowsAsEquityDrop()
{
    // Just above and just below the first liquidation price, equity differs by the bonus on the repaid debt.
    const PlanResult r = compute(test::fixturePlan());
    const LiquidationEvent &first = r.sweep.liquidations.front();
    LP_COMPARE_REL(first.penaltyUsd, first.debtRepaid * 3000 * 0.05, 1e-10);
    const double p = first.priceUsd;
    const double above = r.opened.collateral * p - r.opened.debt * 3000;
    const double below = first.collateralAfter * p - first.debtAfter * 3000;
    LP_COMPARE_REL(above - below, first.penaltyUsd, 1e-9);
    // Below the liquidation price P&L is better than "zero equity" would say: no cliff to -100 %.
    QVERIFY(r.sweep.points.front().equityUsd > 0);
}

void TestPriceSweep::holdingPnl()
{
    const PlanResult r = compute(test::fixturePlan());
    for (const SweepPoint &pt : r.sweep.points)
        LP_COMPARE_REL(pt.holdPnlUsd, 10 * (pt.priceUsd - 3500), 1e-9);
}

void TestPriceSweep::noDebtNoLiquidation()
{
    Plan p = test::fixturePlan();
    p.strategy.loops = 0;
    const PlanResult r = compute(p);
    QVERIFY(r.sweep.liquidations.empty());
    QCOMPARE(r.sweep.zeroEquityPriceUsd, 0.0);
    // Only the deposit's gas separates it from holding.
    for (const SweepPoint &pt : r.sweep.points)
        LP_COMPARE_REL(pt.pnlUsd, pt.holdPnlUsd - 0.5, 1e-9);
}

void TestPriceSweep::breakEvenHasZeroPnl_data()
{
    QTest::addColumn<int>("loops");
    QTest::addColumn<int>("execution");
    QTest::newRow("3 loops") << 3 << int(Execution::Loop);
    QTest::newRow("10 loops") << 10 << int(Execution::Loop);
    QTest::newRow("flash, 5 loops' exposure") << 5 << int(Execution::FlashLoan);
}

void TestPriceSweep::breakEvenHasZeroPnl()
{
    QFETCH(int, loops);
    QFETCH(int, execution);
    Plan p = test::fixturePlan();
    p.strategy.loops = loops;
    p.execution = static_cast<Execution>(execution);
    const PlanResult first = compute(p);
    const double be = first.sweep.breakEvenPriceUsd;
    QVERIFY(be > 3500); // costs must be earned back
    const PlanResult at = compute(p, {2, be / 3500, 2 * be / 3500});
    QVERIFY(std::fabs(at.sweep.points[0].pnlUsd) < 1e-9 * 35000);
}

void TestPriceSweep::badOptionsAreErrors()
{
    QVERIFY(!computePlan(test::fixturePlan(), {1, 0.05, 3.0}));
    QVERIFY(!computePlan(test::fixturePlan(), {100, 0.0, 3.0}));
    QVERIFY(!computePlan(test::fixturePlan(), {100, 2.0, 1.0}));
    const auto r = computePlan(test::fixturePlan(), {100, 2.0, 1.0});
    QCOMPARE(r.errors().first().field, QStringLiteral("sweep.range"));
}

QTEST_APPLESS_MAIN(TestPriceSweep)
#include "tst_pricesweep.moc"
