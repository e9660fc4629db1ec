// Risk figures of a position.
#include "position.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {
// Hand example used throughout: 10 A at $100 as collateral, 600 B at $1 as debt, lt 80 %.
// CV = 1,000, DV = 600, E = 400, leverage 2.5, LTV 60 %, HF = 800/600 = 1.3333, liq. price = 600/(10 x 0.8) =
// 75, distance 25 %. With supply 2 %, native 3 %, borrow 5 %: net APY = (1,000 x 5 % - 600 x 5 %) / 400 = 5
// %.
Plan handPlan()
{
    Plan p = test::fixturePlan();
    p.collateral.priceUsd = 100;
    p.collateral.liquidationThreshold = 0.8;
    p.collateral.supplyApy = 0.02;
    p.collateral.nativeYield = 0.03;
    p.borrow.priceUsd = 1;
    p.borrow.borrowApy = 0.05;
    return p;
}
} // namespace

class TestPosition : public QObject {
    Q_OBJECT
private slots:
    void handExample();
    void healthFactorAndLiquidationPrice_data();
    void healthFactorAndLiquidationPrice();
    void noDebtMeansInfiniteHealth();
    void tracksCollateralReportsRatio();
    void healthFactorIsOneAtLiquidationPrice();
    void healthFactorFallsWithPrice();
};

void TestPosition::handExample()
{
    const Plan p = handPlan();
    const PositionFigures f = positionFigures(10, 600, 100, 1, p);
    QCOMPARE(f.collateralUsd, 1000.0);
    QCOMPARE(f.debtUsd, 600.0);
    QCOMPARE(f.equityUsd, 400.0);
    LP_COMPARE_REL(f.leverage, 2.5, 1e-15);
    LP_COMPARE_REL(f.ltv, 0.6, 1e-15);
    LP_COMPARE_REL(f.healthFactor, 4.0 / 3.0, 1e-15);
    LP_COMPARE_REL(f.liquidationPriceUsd, 75.0, 1e-15);
    LP_COMPARE_REL(f.liquidationRatio, 75.0, 1e-15);
    LP_COMPARE_REL(f.distanceToLiquidation, 0.25, 1e-14);
    LP_COMPARE_REL(f.netApy, 0.05, 1e-14);
}

void TestPosition::healthFactorAndLiquidationPrice_data()
{
    QTest::addColumn<double>("c");
    QTest::addColumn<double>("d");
    QTest::addColumn<double>("pa");
    QTest::addColumn<double>("pb");
    QTest::addColumn<double>("lt");
    QTest::addColumn<double>("hf");
    QTest::addColumn<double>("liq");
    // HF = C pa lt / (D pb); liq = D pb / (C lt)
    QTest::newRow("2 ETH vs 3000 USDC")
        << 2.0 << 3000.0 << 2500.0 << 1.0 << 0.825 << 1.375 << 1818.181818181818;
    QTest::newRow("wBTC 0.5 vs 10 WETH") << 0.5 << 10.0 << 60000.0 << 3000.0 << 0.75 << 0.75 << 80000.0;
    QTest::newRow("e-mode stables") << 1000.0 << 900.0 << 1.0 << 1.0 << 0.975 << 1.0833333333333333
                                    << 0.923076923076923;
}

void TestPosition::healthFactorAndLiquidationPrice()
{
    QFETCH(double, c);
    QFETCH(double, d);
    QFETCH(double, pa);
    QFETCH(double, pb);
    QFETCH(double, lt);
    QFETCH(double, hf);
    QFETCH(double, liq);
    LP_COMPARE_REL(healthFactor(c, d, pa, pb, lt), hf, 1e-14);
    LP_COMPARE_REL(liquidationPrice(c, d, pb, lt), liq, 1e-14);
}

void TestPosition::noDebtMeansInfiniteHealth()
{
    const PositionFigures f = positionFigures(10, 0, 100, 1, handPlan());
    QVERIFY(std::isinf(f.healthFactor));
    QCOMPARE(f.liquidationPriceUsd, 0.0);
    QCOMPARE(f.distanceToLiquidation, 1.0);
    QCOMPARE(f.leverage, 1.0);
    QCOMPARE(f.ltv, 0.0);
    LP_COMPARE_REL(f.netApy, 0.05, 1e-15); // supply + native yield on the whole equity
}

void TestPosition::tracksCollateralReportsRatio()
{
    // wstETH 24.344 vs WETH 16.76 with lt 0.8: liquidated when wstETH/WETH < 16.76 / (24.344 x 0.8).
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const PositionFigures f = positionFigures(24.344128915014817, 16.75994861045867, 3500, 3000, p);
    QVERIFY(std::isnan(f.liquidationPriceUsd));
    LP_COMPARE_REL(f.liquidationRatio, 16.75994861045867 / (24.344128915014817 * 0.8), 1e-15);
    // Distance: 1 - ratio_liq / (3500/3000).
    LP_COMPARE_REL(f.distanceToLiquidation, 1.0 - f.liquidationRatio / (3500.0 / 3000.0), 1e-14);
}

void TestPosition::healthFactorIsOneAtLiquidationPrice()
{
    const double liq = liquidationPrice(24.3, 16.7, 3000, 0.8);
    LP_COMPARE_REL(healthFactor(24.3, 16.7, liq, 3000, 0.8), 1.0, 1e-14);
}

void TestPosition::healthFactorFallsWithPrice()
{
    double last = healthFactor(10, 600, 200, 1, 0.8);
    for (double price = 199; price > 1; price -= 1) {
        const double hf = healthFactor(10, 600, price, 1, 0.8);
        QVERIFY(hf < last);
        last = hf;
    }
}

QTEST_APPLESS_MAIN(TestPosition)
#include "tst_position.moc"
