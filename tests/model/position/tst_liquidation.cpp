// Aave v3.0 and v3.3 liquidations (docs/markets.md, "Liquidation"): close factor, seized collateral, the
// falling path, and v3.3's $2,000 close-factor threshold, $1,000 dust rule and bad-debt write-off.
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
// The same under the aave-v3.3 rule set.
LiquidationParams paramsV33(double lt = 0.8, double bonus = 0.05)
{
    return {1.0, lt, bonus, LiquidationRules::forRuleSet(LiquidationRuleSet::AaveV33)};
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
    void ruleSetSpellings();
    void smallPositionLiquidatesFullyUnderV33Only();
    void smallDebtLargeCollateralV33();
    void largePositionHalfUnderBothRuleSets();
    void dustRuleKeepsThousandDollarsOfCollateral();
    void v33BurnsDebtLeftWithoutCollateral();
    void v33FallingPathOnSmallPosition();
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

void TestLiquidation::ruleSetSpellings()
{
    LiquidationRuleSet r = LiquidationRuleSet::AaveV30;
    QVERIFY(liquidationRuleSetFromString(QStringLiteral("aave-v3.3"), &r));
    QCOMPARE(toString(r), QStringLiteral("aave-v3.3"));
    QCOMPARE(toString(r), QStringLiteral("aave-v3.3"));
    QVERIFY(!liquidationRuleSetFromString(QStringLiteral("aave-v3.1"), &r));
    QCOMPARE(toString(r), QStringLiteral("aave-v3.3"));
}

void TestLiquidation::smallPositionLiquidatesFullyUnderV33Only()
{
    // C = 20 A, D = 1,200 B ($1): liquidation price 1200 / (20 x 0.8) = 75. At 75 the collateral is worth
    // $1,500 and the debt $1,200, both under $2,000.
    // v3.0: HF 1 > 0.95 -> close factor 50 %: repay 600, seize 600 x 1.05 / 75 = 8.4 A -> C 11.6, D 600.
    double c = 20, d = 1200;
    const LiquidationEvent v30 = liquidateOnce(&c, &d, 75, params());
    QCOMPARE(v30.closeFactor, 0.5);
    LP_COMPARE_REL(v30.debtRepaid, 600.0, 1e-15);
    LP_COMPARE_REL(v30.collateralSeized, 8.4, 1e-14);
    LP_COMPARE_REL(c, 11.6, 1e-14);
    LP_COMPARE_REL(d, 600.0, 1e-15);
    // v3.3 (LiquidationLogic l.270-345): debt under MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD ($2,000) -> close
    // factor 100 %: repay all 1,200, seize 1200 x 1.05 / 75 = 16.8 A -> C 3.2 A, no debt left.
    c = 20;
    d = 1200;
    const LiquidationEvent v33 = liquidateOnce(&c, &d, 75, paramsV33());
    QCOMPARE(v33.closeFactor, 1.0);
    LP_COMPARE_REL(v33.debtRepaid, 1200.0, 1e-15);
    LP_COMPARE_REL(v33.collateralSeized, 16.8, 1e-14);
    LP_COMPARE_REL(v33.penaltyUsd, 60.0, 1e-12); // 1,260 seized - 1,200 repaid
    LP_COMPARE_REL(c, 3.2, 1e-13);
    QCOMPARE(d, 0.0);
    QCOMPARE(v33.debtWrittenOff, 0.0);
}

void TestLiquidation::smallDebtLargeCollateralV33()
{
    // Both sides must reach $2,000 for the 50 % cap. C = 10 A, D = 1,900: liquidation price 1900 / 8 =
    // 237.5, collateral $2,375 but debt $1,900 -> v3.3 closes 100 %: seize 1995 / 237.5 = 8.4 A, C 1.6.
    double c = 10, d = 1900;
    const LiquidationEvent e = liquidateOnce(&c, &d, 237.5, paramsV33());
    QCOMPARE(e.closeFactor, 1.0);
    LP_COMPARE_REL(e.collateralSeized, 8.4, 1e-14);
    QCOMPARE(d, 0.0);
    LP_COMPARE_REL(c, 1.6, 1e-13);
}

void TestLiquidation::largePositionHalfUnderBothRuleSets()
{
    // C = 10 A, D = 6,000: liquidation price 750; collateral $7,500 and debt $6,000, both >= $2,000, HF 1 >
    // 0.95: 50 % under both. Repay 3,000, seize 3150 / 750 = 4.2 A; $4,350 of collateral and $3,000 of debt
    // are left, above the $1,000 dust floor.
    for (const LiquidationParams &p : {params(), paramsV33()}) {
        double c = 10, d = 6000;
        const LiquidationEvent e = liquidateOnce(&c, &d, 750, p);
        QCOMPARE(e.closeFactor, 0.5);
        LP_COMPARE_REL(e.collateralSeized, 4.2, 1e-14);
        LP_COMPARE_REL(c, 5.8, 1e-14);
        LP_COMPARE_REL(d, 3000.0, 1e-15);
    }
    // Below HF 0.95 both close 100 %: at 700, HF = 10 x 700 x 0.8 / 6000 = 0.9333.
    for (const LiquidationParams &p : {params(), paramsV33()}) {
        double c = 10, d = 6000;
        QCOMPARE(liquidateOnce(&c, &d, 700, p).closeFactor, 1.0);
        QCOMPARE(d, 0.0);
        LP_COMPARE_REL(c, 10 - 6300.0 / 700, 1e-14); // 9 A seized, 1 A left
    }
}

void TestLiquidation::dustRuleKeepsThousandDollarsOfCollateral()
{
    // lt 93 %, bonus 7 % (lt (1 + bonus) = 0.9951). C = 20.8 A at $100 = $2,080, D = 2,034 B:
    // HF = 2080 x 0.93 / 2034 = 0.951032 > 0.95 and both sides >= $2,000 -> close factor 50 %.
    // v3.0: repay 1,017, seize 1017 x 1.07 / 100 = 10.8819 A, leaving 9.9181 A ($991.81).
    double c = 20.8, d = 2034;
    LiquidationParams v30 = paramsV33(0.93, 0.07);
    v30.rules = LiquidationRules::forRuleSet(LiquidationRuleSet::AaveV30);
    const LiquidationEvent a = liquidateOnce(&c, &d, 100, v30);
    QCOMPARE(a.closeFactor, 0.5);
    LP_COMPARE_REL(a.debtRepaid, 1017.0, 1e-15);
    LP_COMPARE_REL(c, 20.8 - 10.8819, 1e-13);
    // v3.3: 50 % would leave $991.81 < MIN_LEFTOVER_BASE ($1,000), which reverts (MUST_NOT_LEAVE_DUST); the
    // most a liquidator can repay leaves exactly $1,000: seized value 2080 - 1000 = $1,080 = 10.8 A, repaid
    // 1080 / 1.07 = 1,009.3457943925 B; the debt left, 1,024.654, is above $1,000 too.
    c = 20.8;
    d = 2034;
    const LiquidationEvent b = liquidateOnce(&c, &d, 100, paramsV33(0.93, 0.07));
    QCOMPARE(b.closeFactor, 0.5);
    LP_COMPARE_REL(b.debtRepaid, 1080.0 / 1.07, 1e-14);
    LP_COMPARE_REL(b.collateralSeized, 10.8, 1e-13);
    LP_COMPARE_REL(c * 100, 1000.0, 1e-12);
    LP_COMPARE_REL(d, 2034 - 1080.0 / 1.07, 1e-14);
    QVERIFY(d >= 1000.0);
}

void TestLiquidation::v33BurnsDebtLeftWithoutCollateral()
{
    // C = 10, D = 800 at price 80: HF 0.8 -> 100 %; 840 / 80 = 10.5 A > 10 A, so all 10 A go for 800 / 1.05
    // = 761.905 B. v3.0 leaves 38.095 B of debt with no collateral; v3.3 burns it as a deficit.
    double c = 10, d = 800;
    const LiquidationEvent e = liquidateOnce(&c, &d, 80, paramsV33());
    QCOMPARE(c, 0.0);
    QCOMPARE(d, 0.0);
    LP_COMPARE_REL(e.debtRepaid, 800.0 / 1.05, 1e-15);
    LP_COMPARE_REL(e.debtWrittenOff, 800.0 - 800.0 / 1.05, 1e-13);
    c = 10;
    d = 800;
    const LiquidationEvent f = liquidateOnce(&c, &d, 80, params());
    QCOMPARE(f.debtWrittenOff, 0.0);
    LP_COMPARE_REL(d, 800.0 - 800.0 / 1.05, 1e-13);
}

void TestLiquidation::v33FallingPathOnSmallPosition()
{
    // The small position of smallPositionLiquidatesFullyUnderV33Only on a falling path: v3.3 liquidates it
    // once, fully, at 75 and nothing is left to liquidate; v3.0 halves it at 75, 64.655 (= 75 / 1.16), ...
    FallingPathLiquidator v33(20, 1200, paramsV33());
    v33.advanceTo(10);
    QCOMPARE(v33.events().size(), size_t(1));
    LP_COMPARE_REL(v33.events()[0].priceUsd, 75.0, 1e-15);
    QCOMPARE(v33.debt(), 0.0);
    LP_COMPARE_REL(v33.collateral(), 3.2, 1e-13);
    FallingPathLiquidator v30(20, 1200, params());
    v30.advanceTo(64);
    QCOMPARE(v30.events().size(), size_t(2));
    LP_COMPARE_REL(v30.events()[1].priceUsd, 75.0 / 1.16, 1e-13);
    QVERIFY(v30.debt() > 0);
}

QTEST_APPLESS_MAIN(TestLiquidation)
#include "tst_liquidation.moc"
