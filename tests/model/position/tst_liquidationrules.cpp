// The rule sets as one concept (docs/architecture.md, "Liquidation rules"): Aave V4's Dutch-auction bonus
// and target-health-factor sizing against its docs' worked examples, Morpho Blue's incentive factor at the
// published LLTVs, pre-liquidation, and properties that hold under every rule set.
#include "liquidation.h"
#include "position.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {
LiquidationParams paramsFor(LiquidationRuleSet set, double lt, double bonus,
                            const LiquidationRuleParams &rp = {})
{
    return {1.0, lt, bonus, LiquidationRules::forRuleSet(set, rp)};
}
} // namespace

class TestLiquidationRules : public QObject {
    Q_OBJECT
private slots:
    void spellingsRoundTrip();
    void morphoIncentiveFactor_data();
    void morphoIncentiveFactor();
    void v4BonusDocsExamples_data();
    void v4BonusDocsExamples();
    void v4RepaysToTargetHealthFactor();
    void v4DustRepaysAllDebt();
    void v4FallingPathLandsOnTarget();
    void morphoRepaysAllDebt();
    void morphoRealisesBadDebt();
    void morphoNotLiquidatableAtLltv();
    void preLiquidationHandCase();
    void preLiquidationFallingPathStartsAtPreLltv();
    void v36AndV37LiquidateAsV33();
    void protocolFeeIsShareOfBonus();
    void v4RiskPremiumBorrowRate();
    void properties_data();
    void properties();
};

void TestLiquidationRules::spellingsRoundTrip()
{
    QCOMPARE(liquidationRuleSetSpellings().join(QLatin1Char(',')),
             QStringLiteral("aave-v3.0,aave-v3.3,aave-v3.6,aave-v3.7,aave-v4,morpho-blue,"
                            "morpho-blue-preliquidation"));
    for (const LiquidationRuleSet r : allLiquidationRuleSets) {
        LiquidationRuleSet back = LiquidationRuleSet::AaveV30;
        QVERIFY(liquidationRuleSetFromString(toString(r), &back));
        QVERIFY(back == r);
        QVERIFY(!describe(r).isEmpty());
        QVERIFY(!ruleSetSource(r).isEmpty());
    }
    LiquidationRuleSet r = LiquidationRuleSet::AaveV30;
    QVERIFY(!liquidationRuleSetFromString(QStringLiteral("aave-v9"), &r));
}

void TestLiquidationRules::morphoIncentiveFactor_data()
{
    // Morpho Blue's docs list the bonus at each LLTV to 0.01 %; the exact factor is
    // min(1.15, 1 / (0.3 LLTV + 0.7)).
    QTest::addColumn<double>("lltv");
    QTest::addColumn<double>("publishedBonusPercent");
    QTest::addColumn<double>("exact");
    QTest::newRow("62.5%") << 0.625 << 12.68 << 1.0 / 0.8875;
    QTest::newRow("77%") << 0.77 << 7.41 << 1.0 / 0.931;
    QTest::newRow("86%") << 0.86 << 4.38 << 1.0 / 0.958;
    QTest::newRow("91.5%") << 0.915 << 2.62 << 1.0 / 0.9745;
    QTest::newRow("94.5%") << 0.945 << 1.68 << 1.0 / 0.9835;
    QTest::newRow("96.5%") << 0.965 << 1.06 << 1.0 / 0.9895;
    QTest::newRow("98%") << 0.98 << 0.60 << 1.0 / 0.994;
    QTest::newRow("capped at 1.15") << 0.3 << 15.0 << 1.15; // 1 / 0.79 = 1.266 > 1.15
}

void TestLiquidationRules::morphoIncentiveFactor()
{
    QFETCH(double, lltv);
    QFETCH(double, publishedBonusPercent);
    QFETCH(double, exact);
    LP_COMPARE_REL(lp::morphoIncentiveFactor(lltv), exact, 1e-15);
    // The published figure rounds to 0.01 %.
    QVERIFY(std::abs((lp::morphoIncentiveFactor(lltv) - 1.0) * 100.0 - publishedBonusPercent) <= 0.005);
    // The rule set pays it whatever bonus the plan states.
    const LiquidationParams p = paramsFor(LiquidationRuleSet::MorphoBlue, lltv, 0.05);
    LP_COMPARE_REL(bonusAt(p, 0.99), exact - 1.0, 1e-12);
    LP_COMPARE_REL(maxBonus(p), exact - 1.0, 1e-12);
}

void TestLiquidationRules::v4BonusDocsExamples_data()
{
    // aave/aave-v4 docs/features/LiquidationEngine.md, "Dutch-Auction Style Liquidation Bonus", and the
    // repository's unit test test_calculateLiquidationBonus_MinBonusDueToRounding.
    QTest::addColumn<double>("maxBonus");
    QTest::addColumn<double>("bonusFactor");
    QTest::addColumn<double>("hfForMaxBonus");
    QTest::addColumn<double>("hf");
    QTest::addColumn<double>("expectedLb");
    QTest::newRow("example 1: HF 0.95") << 0.05 << 0.8 << 0.85 << 0.95 << 1.04 + 0.01 / 3.0;
    QTest::newRow("example 2: HF 0.80") << 0.05 << 0.8 << 0.85 << 0.80 << 1.05;
    QTest::newRow("at hfForMaxBonus") << 0.05 << 0.8 << 0.85 << 0.85 << 1.05;
    QTest::newRow("unit test: HF just below 1") << 0.10 << 0.5 << 0.8 << 1.0 - 1e-12 << 1.05;
    QTest::newRow("factor 1: flat") << 0.07 << 1.0 << 0.9 << 0.97 << 1.07;
}

void TestLiquidationRules::v4BonusDocsExamples()
{
    QFETCH(double, maxBonus);
    QFETCH(double, bonusFactor);
    QFETCH(double, hfForMaxBonus);
    QFETCH(double, hf);
    QFETCH(double, expectedLb);
    LiquidationRuleParams rp;
    rp.bonusFactor = bonusFactor;
    rp.healthFactorForMaxBonus = hfForMaxBonus;
    const LiquidationParams p = paramsFor(LiquidationRuleSet::AaveV4, 0.8, maxBonus, rp);
    LP_COMPARE_REL(1.0 + bonusAt(p, hf), expectedLb, 1e-9);
}

void TestLiquidationRules::v4RepaysToTargetHealthFactor()
{
    // C = 100 A at $100 ($10,000), D = 8,100 B at $1, lt 0.8, max bonus 5 %, THF 1.05, factor 0.8,
    // hfForMaxBonus 0.85. HF = 8000 / 8100 = 80/81 = 0.98765; lb = 1.04 + 0.01 (1 - 80/81) / 0.15 =
    // 1.0408230453; l = D (THF - HF) / (THF - lb lt) = 8100 x 0.0623457 / 0.2173416 = 2323.5316393 B;
    // seized = l lb / 100 = 24.1838528 A; afterwards HF = (10000 - l lb) 0.8 / (8100 - l) = 1.05.
    double c = 100, d = 8100;
    const LiquidationEvent e = liquidateOnce(&c, &d, 100, paramsFor(LiquidationRuleSet::AaveV4, 0.8, 0.05));
    LP_COMPARE_REL(e.bonus, 0.0408230452674898, 1e-12);
    LP_COMPARE_REL(e.debtRepaid, 2323.5316393380594, 1e-12);
    LP_COMPARE_REL(e.collateralSeized, 24.18385276631202, 1e-12);
    LP_COMPARE_REL(e.closeFactor, 2323.5316393380594 / 8100, 1e-12);
    LP_COMPARE_REL(e.healthFactorAfter, 1.05, 1e-12);
    LP_COMPARE_REL(healthFactor(c, d, 100, 1, 0.8), 1.05, 1e-12);
}

void TestLiquidationRules::v4DustRepaysAllDebt()
{
    // C = 17.15 A at $100 ($1,715), D = 1,400 B, lt 0.8: HF = 1372 / 1400 = 0.98; lb = 1.04 + 0.01 x 0.02 /
    // 0.15 = 1.0413333; the target-HF share (1.05 - 0.98) / (1.05 - 0.8 x 1.0413333) = 0.32268 would leave
    // 948 B < $1,000 of debt, so the call repays all 1,400 B and seizes 1400 x 1.0413333 / 100 = 14.578667 A.
    double c = 17.15, d = 1400;
    const LiquidationEvent e = liquidateOnce(&c, &d, 100, paramsFor(LiquidationRuleSet::AaveV4, 0.8, 0.05));
    QCOMPARE(e.closeFactor, 1.0);
    LP_COMPARE_REL(e.bonus, 0.04 + 0.01 * 0.02 / 0.15, 1e-12);
    LP_COMPARE_REL(e.debtRepaid, 1400.0, 1e-15);
    LP_COMPARE_REL(e.collateralSeized, 14.0 * (1.04 + 0.01 * 0.02 / 0.15), 1e-12);
    QCOMPARE(d, 0.0);

    // C = 12.6 A ($1,260), D = 1,250 B: HF 0.8064 <= 0.85 pays the maximum bonus, and reaching the target
    // would need more than all of the debt: all 12.6 A go for 12.6 x 100 / 1.05 = 1,200 B, and the 50 B
    // left with no collateral are reported as a deficit.
    double c2 = 12.6, d2 = 1250;
    const LiquidationEvent e2 =
        liquidateOnce(&c2, &d2, 100, paramsFor(LiquidationRuleSet::AaveV4, 0.8, 0.05));
    QCOMPARE(e2.closeFactor, 1.0);
    LP_COMPARE_REL(e2.bonus, 0.05, 1e-15);
    LP_COMPARE_REL(e2.debtRepaid, 1200.0, 1e-12);
    LP_COMPARE_REL(e2.debtWrittenOff, 50.0, 1e-9);
    QCOMPARE(c2, 0.0);
    QCOMPARE(d2, 0.0);
}

void TestLiquidationRules::v4FallingPathLandsOnTarget()
{
    // Each call on a falling path happens at HF = 1 with the minimum bonus and leaves HF = THF.
    FallingPathLiquidator path(1000, 80000, paramsFor(LiquidationRuleSet::AaveV4, 0.8, 0.05));
    path.advanceTo(60);
    QVERIFY(path.events().size() >= 2);
    for (const LiquidationEvent &e : path.events()) {
        QCOMPARE(e.healthFactorBefore, 1.0);
        LP_COMPARE_REL(e.bonus, 0.04, 1e-12); // minLB = 1 + 0.05 x 0.8
        if (e.debtAfter > 0)
            LP_COMPARE_REL(e.healthFactorAfter, 1.05, 1e-9);
    }
}

void TestLiquidationRules::morphoRepaysAllDebt()
{
    // LLTV 0.86, C = 10 A at $100, D = 870 B: LTV 0.87 > 0.86. The liquidator repays all 870 and seizes
    // 870 x 1.0438413 / 100 = 9.0814196 A; the borrower keeps 0.9185804 A.
    double c = 10, d = 870;
    const LiquidationEvent e =
        liquidateOnce(&c, &d, 100, paramsFor(LiquidationRuleSet::MorphoBlue, 0.86, 0.0));
    QCOMPARE(e.closeFactor, 1.0);
    LP_COMPARE_REL(e.debtRepaid, 870.0, 1e-15);
    LP_COMPARE_REL(e.collateralSeized, 870.0 / 0.958 / 100.0, 1e-12);
    LP_COMPARE_REL(c, 10.0 - 870.0 / 0.958 / 100.0, 1e-12);
    QCOMPARE(d, 0.0);
    QCOMPARE(e.protocolFeeCollateral, 0.0); // no protocol fee on Morpho Blue
    QVERIFY(std::isinf(e.healthFactorAfter));
}

void TestLiquidationRules::morphoRealisesBadDebt()
{
    // Price $80: 870 x 1.0438 = $908 > $800 of collateral. All 10 A go for 800 x 0.958 = 766.4 B; the other
    // 103.6 B are bad debt, realised at once.
    double c = 10, d = 870;
    const LiquidationEvent e =
        liquidateOnce(&c, &d, 80, paramsFor(LiquidationRuleSet::MorphoBlue, 0.86, 0.0));
    LP_COMPARE_REL(e.debtRepaid, 766.4, 1e-12);
    LP_COMPARE_REL(e.debtWrittenOff, 103.6, 1e-12);
    QCOMPARE(c, 0.0);
    QCOMPARE(d, 0.0);
}

void TestLiquidationRules::morphoNotLiquidatableAtLltv()
{
    const LiquidationParams p = paramsFor(LiquidationRuleSet::MorphoBlue, 0.86, 0.0);
    QVERIFY(!isLiquidatable(10, 859.99, 100, p));
    QVERIFY(!isLiquidatable(10, 860, 100, p)); // at the LLTV itself the position is still healthy
    QVERIFY(isLiquidatable(10, 860.01, 100, p));
    double c = 10, d = 859.99;
    const LiquidationEvent e = liquidateOnce(&c, &d, 100, p);
    QCOMPARE(e.debtRepaid, 0.0);
    QCOMPARE(d, 859.99);
}

void TestLiquidationRules::preLiquidationHandCase()
{
    // LLTV 0.86, preLltv 0.80, close factor 10 % -> 50 %, incentive 1.01 -> 1.03. C = 10 A at $100,
    // D = 830: LTV 0.83, halfway: close factor 30 %, incentive 1.02. Repay 249, seize 249 x 1.02 / 100 =
    // 2.5398 A. HF before is 860 / 830 = 1.0361: the call happens above HF 1.
    LiquidationRuleParams rp;
    rp.preLltv = 0.80;
    rp.preCloseFactor1 = 0.1;
    rp.preCloseFactor2 = 0.5;
    rp.preIncentiveFactor1 = 1.01;
    rp.preIncentiveFactor2 = 1.03;
    const LiquidationParams p = paramsFor(LiquidationRuleSet::MorphoBluePreLiquidation, 0.86, 0.0, rp);
    double c = 10, d = 830;
    const LiquidationEvent e = liquidateOnce(&c, &d, 100, p);
    LP_COMPARE_REL(e.healthFactorBefore, 860.0 / 830.0, 1e-15);
    LP_COMPARE_REL(e.closeFactor, 0.3, 1e-12);
    LP_COMPARE_REL(e.bonus, 0.02, 1e-12);
    LP_COMPARE_REL(e.debtRepaid, 249.0, 1e-12);
    LP_COMPARE_REL(e.collateralSeized, 2.5398, 1e-12);
    // Past the LLTV Morpho Blue's own liquidation applies: all of the debt.
    double c2 = 10, d2 = 870;
    QCOMPARE(liquidateOnce(&c2, &d2, 100, p).closeFactor, 1.0);
    // Below the preLltv nothing happens.
    QVERIFY(!isLiquidatable(10, 790, 100, p));
}

void TestLiquidationRules::preLiquidationFallingPathStartsAtPreLltv()
{
    LiquidationRuleParams rp;
    rp.preLltv = 0.80;
    const LiquidationParams p = paramsFor(LiquidationRuleSet::MorphoBluePreLiquidation, 0.86, 0.0, rp);
    // First call at D / (C preLltv) = 830 / 8 = $103.75, with the first close factor and incentive.
    LP_COMPARE_REL(liquidationTriggerPrice(10, 830, p), 103.75, 1e-15);
    FallingPathLiquidator path(10, 830, p);
    path.advanceTo(103.8);
    QVERIFY(path.events().empty());
    path.advanceTo(100);
    QVERIFY(!path.events().empty());
    const LiquidationEvent &first = path.events().front();
    LP_COMPARE_REL(first.priceUsd, 103.75, 1e-15);
    LP_COMPARE_REL(first.closeFactor, rp.preCloseFactor1, 1e-12);
    LP_COMPARE_REL(first.bonus, rp.preIncentiveFactor1 - 1.0, 1e-12);
    LP_COMPARE_REL(first.debtRepaid, 83.0, 1e-12);
}

void TestLiquidationRules::v36AndV37LiquidateAsV33()
{
    for (const LiquidationRuleSet set : {LiquidationRuleSet::AaveV36, LiquidationRuleSet::AaveV37}) {
        for (const double price : {99.0, 94.0, 60.0}) {
            double c1 = 100, d1 = 8000, c2 = 100, d2 = 8000;
            const LiquidationEvent a =
                liquidateOnce(&c1, &d1, price, paramsFor(LiquidationRuleSet::AaveV33, 0.8, 0.05));
            const LiquidationEvent b = liquidateOnce(&c2, &d2, price, paramsFor(set, 0.8, 0.05));
            QCOMPARE(b.debtRepaid, a.debtRepaid);
            QCOMPARE(b.collateralSeized, a.collateralSeized);
            QCOMPARE(b.debtWrittenOff, a.debtWrittenOff);
        }
    }
}

void TestLiquidationRules::protocolFeeIsShareOfBonus()
{
    // Aave: 10 % of the bonus part. Repay 400 at price 95, bonus 5 %: seized 4.4210526 A, bonus part
    // 4.4210526 - 4.4210526 / 1.05 = 0.2105263 A, fee 0.0210526 A (= 2 USD / 95).
    double c = 10, d = 800;
    const LiquidationEvent e = liquidateOnce(&c, &d, 95, paramsFor(LiquidationRuleSet::AaveV30, 0.8, 0.05));
    LP_COMPARE_REL(e.protocolFeeCollateral, 2.0 / 95.0, 1e-12);
}

void TestLiquidationRules::v4RiskPremiumBorrowRate()
{
    LiquidationRuleParams rp;
    rp.riskPremium = 0.25;
    // A 4 % base drawn rate with a 25 % premium costs 5 %; other rule sets pay the base rate.
    LP_COMPARE_REL(borrowRateUnder(LiquidationRules::forRuleSet(LiquidationRuleSet::AaveV4, rp), 0.04), 0.05,
                   1e-15);
    QCOMPARE(borrowRateUnder(LiquidationRules::forRuleSet(LiquidationRuleSet::AaveV33, rp), 0.04), 0.04);
}

void TestLiquidationRules::properties_data()
{
    QTest::addColumn<int>("ruleSet");
    for (const LiquidationRuleSet r : allLiquidationRuleSets)
        QTest::newRow(qPrintable(toString(r))) << static_cast<int>(r);
}

void TestLiquidationRules::properties()
{
    // Over random positions and prices: repaid never above the debt, the bonus never above its maximum,
    // and HF after a call never below HF before unless the call wrote off bad debt or the position was so
    // deep that every partial call lowers HF (HF < (1 + bonus) lt; aave-v4 LiquidationEngine.md,
    // "Preventing Liquidation Splits").
    QFETCH(int, ruleSet);
    QRandomGenerator rng(1234u + static_cast<unsigned>(ruleSet));
    int calls = 0;
    for (int i = 0; i < 4000; ++i) {
        const double lt = 0.5 + 0.45 * rng.generateDouble();
        const double bonus = std::min(0.15, (1.0 / lt - 1.0) * 0.9) * rng.generateDouble();
        LiquidationRuleParams rp;
        rp.preLltv = lt * (0.85 + 0.1 * rng.generateDouble());
        const LiquidationParams p = paramsFor(static_cast<LiquidationRuleSet>(ruleSet), lt, bonus, rp);
        const double c0 = std::pow(10.0, 6.0 * rng.generateDouble()); // 1 .. 1e6 units at $1
        const double ltv = lt * (0.7 + 0.6 * rng.generateDouble());
        double c = c0, d = c0 * ltv;
        const double d0 = d;
        const double hf0 = healthFactor(c, d, 1.0, 1.0, lt);
        const LiquidationEvent e = liquidateOnce(&c, &d, 1.0, p);
        QVERIFY(e.debtRepaid <= d0 * (1 + 1e-12));
        QVERIFY(e.bonus <= maxBonus(p) + 1e-15);
        QVERIFY(c >= 0.0 && d >= 0.0);
        if (e.debtRepaid <= 0.0)
            continue;
        ++calls;
        const bool deep = hf0 < (1.0 + e.bonus) * lt;
        if (e.debtWrittenOff == 0.0 && !deep && d > 0.0)
            QVERIFY2(e.healthFactorAfter >= hf0 * (1 - 1e-12),
                     qPrintable(QStringLiteral("HF %1 -> %2").arg(hf0).arg(e.healthFactorAfter)));
    }
    QVERIFY(calls > 500);
}

QTEST_GUILESS_MAIN(TestLiquidationRules)
#include "tst_liquidationrules.moc"
