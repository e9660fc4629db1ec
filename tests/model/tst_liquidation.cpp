// Aave v3.0 liquidations (markets-reference §4): close factor, seized collateral, the falling path.
#include "liquidation.h"
#include "position.h"
#include "testutil.h"

#include <QTest>

using namespace lp;

namespace {
// Hand example: B at $1, lt 80 %, bonus 5 %.
LiquidationParams params()
{
    return {1.0, 0.8, 0.05, {}};
}
} // namespace

class TestLiquidation : public QObject {
    Q_OBJECT
private slots:
    void halfCloseAboveHf095();
    void fullCloseBelowHf095();
    void collateralCapLeavesBadDebt();
    void fallingPathWorkedExample();
    void eachLiquidationRestoresHealth_data();
    void eachLiquidationRestoresHealth();
    void fallingPathIsIndependentOfStepSize();
    void gapLiquidatesUntilHealthy();
    void nothingHappensAboveLiquidationPrice();
};

void TestLiquidation::halfCloseAboveHf095()
{
    // C = 10 A, D = 800 B, price 95: HF = 10 x 95 x 0.8 / 800 = 0.95, not below 0.95 -> close factor 50 %.
    // Repay 400, seize 400 x 1.05 / 95 = 4.421052631578947 A; penalty = 420 - 400 = 20 USD.
    double c = 10, d = 800;
    const LiquidationEvent e = liquidateOnce(&c, &d, 95, params());
    QCOMPARE(e.closeFactor, 0.5);
    LP_COMPARE_REL(e.healthFactorBefore, 0.95, 1e-15);
    LP_COMPARE_REL(e.debtRepaid, 400.0, 1e-15);
    LP_COMPARE_REL(e.collateralSeized, 4.421052631578947, 1e-15);
    LP_COMPARE_REL(e.penaltyUsd, 20.0, 1e-12);
    LP_COMPARE_REL(c, 10 - 4.421052631578947, 1e-15);
    LP_COMPARE_REL(d, 400.0, 1e-15);
    LP_COMPARE_REL(healthFactor(c, d, 95, 1, 0.8), 1.06, 1e-12); // 5.578947 x 95 x 0.8 / 400
}

void TestLiquidation::fullCloseBelowHf095()
{
    // Price 90: HF 0.9 < 0.95 -> all 800 repaid, 800 x 1.05 / 90 = 9.333... A seized, penalty 40 USD.
    double c = 10, d = 800;
    const LiquidationEvent e = liquidateOnce(&c, &d, 90, params());
    QCOMPARE(e.closeFactor, 1.0);
    LP_COMPARE_REL(e.collateralSeized, 28.0 / 3.0, 1e-15);
    LP_COMPARE_REL(e.penaltyUsd, 40.0, 1e-12);
    QCOMPARE(d, 0.0);
    LP_COMPARE_REL(c, 2.0 / 3.0, 1e-14);
}

void TestLiquidation::collateralCapLeavesBadDebt()
{
    // Price 80: repaying 800 would seize 840 / 80 = 10.5 A > 10 A: all 10 A go, for 10 x 80 / 1.05 = 761.905
    // B.
    double c = 10, d = 800;
    const LiquidationEvent e = liquidateOnce(&c, &d, 80, params());
    QCOMPARE(c, 0.0);
    LP_COMPARE_REL(e.debtRepaid, 800.0 / 1.05, 1e-15);
    LP_COMPARE_REL(d, 800.0 - 800.0 / 1.05, 1e-13);
}

void TestLiquidation::fallingPathWorkedExample()
{
    // C = 10, D = 600: liquidation price 600 / 8 = 75. At 75 repay 300 and seize 300 x 1.05 / 75 = 4.2 A:
    // C = 5.8, D = 300, next liquidation price 300 / (5.8 x 0.8) = 64.6551724137931 (= 75 / 1.16).
    // There repay 150 and seize 157.5 / 64.655 = 2.436 A: C = 3.364, D = 150, next price 55.737 (= 64.655
    // / 1.16).
    FallingPathLiquidator path(10, 600, params());
    path.advanceTo(80);
    QVERIFY(path.events().empty());
    path.advanceTo(60);
    QCOMPARE(path.events().size(), size_t(2));
    LP_COMPARE_REL(path.events()[0].priceUsd, 75.0, 1e-15);
    LP_COMPARE_REL(path.events()[0].collateralSeized, 4.2, 1e-14);
    LP_COMPARE_REL(path.events()[0].penaltyUsd, 15.0, 1e-12);
    LP_COMPARE_REL(path.events()[1].priceUsd, 64.6551724137931, 1e-13);
    LP_COMPARE_REL(path.events()[1].debtRepaid, 150.0, 1e-14);
    LP_COMPARE_REL(path.collateral(), 5.8 - 157.5 / 64.6551724137931, 1e-13);
    LP_COMPARE_REL(path.debt(), 150.0, 1e-14);
    path.advanceTo(55.8);
    QCOMPARE(path.events().size(), size_t(2));
    path.advanceTo(55.7);
    QCOMPARE(path.events().size(), size_t(3));
    LP_COMPARE_REL(path.events()[2].priceUsd, 75.0 / 1.16 / 1.16, 1e-13);
}

void TestLiquidation::eachLiquidationRestoresHealth_data()
{
    QTest::addColumn<double>("lt");
    QTest::addColumn<double>("bonus");
    QTest::newRow("lt 80 %, bonus 5 %") << 0.8 << 0.05;
    QTest::newRow("lt 97.5 %, bonus 1 % (stable e-mode)") << 0.975 << 0.01;
    QTest::newRow("lt 75 %, bonus 10 %") << 0.75 << 0.10;
}

void TestLiquidation::eachLiquidationRestoresHealth()
{
    // At HF = 1 a 50 % liquidation leaves HF = 2 - (1 + bonus) lt, so the next one comes at a price lower by
    // the factor 1 / (2 - (1 + bonus) lt).
    QFETCH(double, lt);
    QFETCH(double, bonus);
    const LiquidationParams p{1.0, lt, bonus, {}};
    FallingPathLiquidator path(10, 700, p);
    path.advanceTo(1.0);
    const auto &ev = path.events();
    QVERIFY(ev.size() > 3);
    const double factor = 2.0 - (1.0 + bonus) * lt;
    for (size_t i = 0; i < ev.size(); ++i) {
        QCOMPARE(ev[i].closeFactor, 0.5);
        LP_COMPARE_REL(healthFactor(ev[i].collateralAfter, ev[i].debtAfter, ev[i].priceUsd, 1.0, lt), factor,
                       1e-12);
        LP_COMPARE_REL(ev[i].penaltyUsd, ev[i].debtRepaid * bonus, 1e-9);
        if (i > 0)
            LP_COMPARE_REL(ev[i].priceUsd, ev[i - 1].priceUsd / factor, 1e-12);
    }
}

void TestLiquidation::fallingPathIsIndependentOfStepSize()
{
    FallingPathLiquidator coarse(10, 600, params());
    FallingPathLiquidator fine(10, 600, params());
    coarse.advanceTo(20);
    for (double p = 100; p >= 20; p -= 0.01)
        fine.advanceTo(p);
    fine.advanceTo(20);
    QCOMPARE(fine.events().size(), coarse.events().size());
    LP_COMPARE_REL(fine.collateral(), coarse.collateral(), 1e-15);
    LP_COMPARE_REL(fine.debt(), coarse.debt(), 1e-15);
}

void TestLiquidation::gapLiquidatesUntilHealthy()
{
    // A jump from 100 to 72 with C = 10, D = 600: HF = 0.96 -> 50 %: repay 300, seize 315/72 = 4.375 A;
    // HF after = 5.625 x 72 x 0.8 / 300 = 1.08: healthy, one event.
    double c = 10, d = 600;
    const auto events = liquidateAfterGap(&c, &d, 72, params());
    QCOMPARE(events.size(), size_t(1));
    LP_COMPARE_REL(c, 5.625, 1e-14);
    LP_COMPARE_REL(healthFactor(c, d, 72, 1, 0.8), 1.08, 1e-12);
    // A jump to 50: HF 0.667 -> 100 % close factor, 630/50 = 12.6 A > 10: everything seized, bad debt left.
    c = 10;
    d = 600;
    const auto crash = liquidateAfterGap(&c, &d, 50, params());
    QCOMPARE(crash.size(), size_t(1));
    QCOMPARE(c, 0.0);
    QVERIFY(d > 0);
}

void TestLiquidation::nothingHappensAboveLiquidationPrice()
{
    double c = 10, d = 600;
    QVERIFY(liquidateAfterGap(&c, &d, 76, params()).empty());
    FallingPathLiquidator path(10, 0, params());
    path.advanceTo(0.001);
    QVERIFY(path.events().empty());
}

QTEST_APPLESS_MAIN(TestLiquidation)
#include "tst_liquidation.moc"
