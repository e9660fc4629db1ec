// Carry: net APY on equity against leverage, the own borrow moving the borrow rate up the kinked curve,
// the break-even borrow APY, the days of carry that pay back the costs and a borrow-rate path.
#include "carry.h"
#include "carryjson.h"
#include "marketregistry.h"
#include "testutil.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// Constant rates: y = 3.5 % (0.5 % supply + 3 % staking), b = 2.5 %, ltv 0.75 (max 4x), E = $10,000.
CarryInputs constantInputs()
{
    CarryInputs in;
    in.supplyApy = 0.005;
    in.nativeYield = 0.03;
    in.borrowApy = 0.025;
    in.maxLeverage = 4.0;
    in.equityUsd = 10000.0;
    in.priceAUsd = 3500.0;
    in.priceBUsd = 3000.0;
    return in;
}

// B's reserve: 1,000 WETH supplied, 700 borrowed (U = 0.70), Uopt 0.8, base 0, slope1 4 %, slope2 75 %.
ReserveState wethReserve()
{
    return ReserveState{RateStrategy{0.8, 0.0, 0.04, 0.75}, 0.15, 1000.0, 700.0};
}

} // namespace

class TestCarry : public QObject {
    Q_OBJECT
private slots:
    void constantRateByHand_data();
    void constantRateByHand();
    void curveRunsFromOneToTheMaximum();
    void ownBorrowBelowTheKink();
    void ownBorrowAboveTheKink();
    void ownSupplyLowersTheSupplyRate();
    void breakEvenIsTheYieldAtConstantRates();
    void breakEvenWithTheOwnBorrow();
    void paybackDaysByHand();
    void neverPaysBackWithoutCarry();
    void netApyFallsWithLeverageWhenBorrowExceedsYield();
    void ratePathByHand();
    void reportSection();
};

void TestCarry::constantRateByHand_data()
{
    QTest::addColumn<double>("leverage");
    QTest::addColumn<double>("expected");
    // y L - b (L - 1) with y = 0.035, b = 0.025.
    QTest::newRow("1x") << 1.0 << 0.035;
    QTest::newRow("2x") << 2.0 << 0.070 - 0.025;
    QTest::newRow("2.5x") << 2.5 << 0.0875 - 0.0375;
    QTest::newRow("4x") << 4.0 << 0.140 - 0.075;
}

void TestCarry::constantRateByHand()
{
    QFETCH(double, leverage);
    QFETCH(double, expected);
    const CarryPoint p = carryAt(constantInputs(), leverage);
    LP_COMPARE_REL(p.netApy, expected, 1e-12);
    QCOMPARE(p.borrowApy, 0.025);
    QVERIFY(std::isnan(p.borrowUtilization));
}

void TestCarry::curveRunsFromOneToTheMaximum()
{
    const CarryResult r = computeCarry(constantInputs(), 2.5, 0.0, 13);
    QCOMPARE(r.byLeverage.size(), size_t(13));
    QCOMPARE(r.byLeverage.front().leverage, 1.0);
    LP_COMPARE_REL(r.byLeverage.back().leverage, 4.0, 1e-15);
    LP_COMPARE_REL(r.byLeverage[4].leverage, 2.0, 1e-15); // steps of 0.25
    QVERIFY(!r.ownUtilization);
}

void TestCarry::ownBorrowBelowTheKink()
{
    // L = 3 on E = $30,000: debt 2 x 30,000 / 3,000 = 20 WETH, U = 720 / 1,000 = 0.72 <= Uopt:
    // APR = 0.04 x 0.72 / 0.8 = 0.036, APY = (1 + APR / SPY)^SPY - 1 ~ e^APR - 1 (within 1e-9 here).
    CarryInputs in = constantInputs();
    in.equityUsd = 30000.0;
    in.borrowReserve = wethReserve();
    const CarryPoint p = carryAt(in, 3.0);
    LP_COMPARE_REL(p.borrowUtilization, 0.72, 1e-12);
    LP_COMPARE_REL(p.borrowApy, std::expm1(0.036), 1e-6);
    LP_COMPARE_REL(p.netApy, 0.035 * 3 - std::expm1(0.036) * 2, 1e-6);
    QVERIFY(!p.exceedsLiquidity);
}

void TestCarry::ownBorrowAboveTheKink()
{
    // L = 3 on E = $300,000: 200 WETH, U = 0.90 > Uopt: APR = 0.04 + 0.75 x (0.9 - 0.8) / 0.2 = 0.415.
    CarryInputs in = constantInputs();
    in.equityUsd = 300000.0;
    in.borrowReserve = wethReserve();
    const CarryResult r = computeCarry(in, 3.0, 0.0);
    LP_COMPARE_REL(r.atPlan.borrowUtilization, 0.90, 1e-12);
    LP_COMPARE_REL(r.atPlan.borrowApy, std::expm1(0.415), 1e-6);
    QVERIFY(r.ownUtilization);
    LP_COMPARE_REL(r.ownUtilization->borrowUtilizationBefore, 0.70, 1e-12);
    LP_COMPARE_REL(r.ownUtilization->borrowApyBefore, std::expm1(0.04 * 0.7 / 0.8), 1e-6);
    LP_COMPARE_REL(r.ownUtilization->borrowApyAfter, std::expm1(0.415), 1e-6);
    // 4x borrows 300 WETH, all that is available (U = 1.0 exactly); 4.5x would need more.
    in.maxLeverage = 5.0;
    QVERIFY(!carryAt(in, 4.0).exceedsLiquidity);
    QVERIFY(carryAt(in, 4.5).exceedsLiquidity);
}

void TestCarry::ownSupplyLowersTheSupplyRate()
{
    // A's reserve: 100 wstETH supplied, 20 borrowed (U = 0.2), RF 10 %. Supplying L E / PA = 3 x 35,000 /
    // 3,500 = 30 wstETH: U = 20 / 130. Supply APR = borrow APR x U x 0.9, borrow APR = 0.04 U / 0.8.
    CarryInputs in = constantInputs();
    in.equityUsd = 35000.0;
    in.collateralReserve = ReserveState{RateStrategy{0.8, 0.0, 0.04, 0.75}, 0.10, 100.0, 20.0};
    const double u = 20.0 / 130.0;
    const double supplyApr = 0.04 * u / 0.8 * u * 0.9;
    const CarryPoint p = carryAt(in, 3.0);
    LP_COMPARE_REL(p.collateralYield, std::expm1(supplyApr) + 0.03, 1e-6);
    QVERIFY(carryAt(in, 1.0).collateralYield > p.collateralYield);
}

void TestCarry::breakEvenIsTheYieldAtConstantRates()
{
    const CarryResult r = computeCarry(constantInputs(), 2.5, 0.0);
    LP_COMPARE_REL(r.holdApy, 0.035, 1e-12);
    LP_COMPARE_REL(r.breakEvenBorrowApy, 0.035, 1e-12);
    // At that borrow APY the loop earns exactly what holding does.
    CarryInputs at = constantInputs();
    at.borrowApy = r.breakEvenBorrowApy;
    LP_COMPARE_REL(carryAt(at, 2.5).netApy, r.holdApy, 1e-12);
    QVERIFY(std::isnan(computeCarry(constantInputs(), 1.0, 0.0).breakEvenBorrowApy));
}

void TestCarry::breakEvenWithTheOwnBorrow()
{
    // With A's supply rate moved by the own supply, b* = (y(L) L - y(1)) / (L - 1): a loop at b* earns
    // exactly what holding earns.
    CarryInputs in = constantInputs();
    in.equityUsd = 35000.0;
    in.collateralReserve = ReserveState{RateStrategy{0.8, 0.0, 0.04, 0.75}, 0.10, 100.0, 20.0};
    const CarryResult r = computeCarry(in, 3.0, 0.0);
    in.borrowApy = r.breakEvenBorrowApy;
    LP_COMPARE_REL(carryAt(in, 3.0).netApy, r.holdApy, 1e-12);
}

void TestCarry::paybackDaysByHand()
{
    // Net APY at 2.5x 5 % of $10,000 = $500 a year; $100 of costs take 100 / (500 / 365) = 73 days.
    const CarryResult r = computeCarry(constantInputs(), 2.5, 100.0);
    LP_COMPARE_REL(r.paybackDays, 73.0, 1e-12);
}

void TestCarry::neverPaysBackWithoutCarry()
{
    CarryInputs in = constantInputs();
    in.borrowApy = 0.10; // 3.5 x 2.5 - 10 x 1.5 < 0
    QVERIFY(std::isinf(computeCarry(in, 2.5, 100.0).paybackDays));
}

void TestCarry::netApyFallsWithLeverageWhenBorrowExceedsYield()
{
    // Property: with b > y (constant, or moved up by the own borrow), every step up in leverage earns less.
    QRandomGenerator rng(17);
    for (int trial = 0; trial < 200; ++trial) {
        CarryInputs in = constantInputs();
        in.supplyApy = rng.bounded(0.05);
        in.nativeYield = rng.bounded(0.05);
        in.borrowApy = in.supplyApy + in.nativeYield + 1e-4 + rng.bounded(0.1);
        in.maxLeverage = 1.0 + rng.bounded(20.0);
        in.equityUsd = 1000.0 + rng.bounded(1e6);
        if (trial % 2)
            in.borrowReserve = ReserveState{RateStrategy{0.8, in.borrowApy, 0.04, 0.75}, 0.1, 1e5, 5e4};
        const CarryResult r = computeCarry(in, 1.0, 0.0, 31);
        for (size_t i = 1; i < r.byLeverage.size(); ++i)
            QVERIFY2(r.byLeverage[i].netApy < r.byLeverage[i - 1].netApy,
                     qPrintable(QStringLiteral("trial %1 at %2x").arg(trial).arg(r.byLeverage[i].leverage)));
    }
}

void TestCarry::ratePathByHand()
{
    // Utilization pushed to 0.95 for 30 of 365 days: APR = 0.04 + 0.75 x 0.15 / 0.2 = 0.6025.
    // During: 0.035 x 2.5 - b x 1.5; after: 5 %. Extra interest: 1.5 x 10,000 x (b - 0.025) x 30 / 365.
    const RatePathResult r = borrowRatePath(constantInputs(), wethReserve().strategy, 2.5, 0.95, 30, 365);
    const double b = std::expm1(0.6025);
    LP_COMPARE_REL(r.borrowApyDuring, b, 1e-6);
    LP_COMPARE_REL(r.netApyDuring, 0.0875 - b * 1.5, 1e-6);
    LP_COMPARE_REL(r.netApyAfter, 0.05, 1e-12);
    LP_COMPARE_REL(r.averageNetApy, ((0.0875 - b * 1.5) * 30 + 0.05 * 335) / 365, 1e-6);
    LP_COMPARE_REL(r.extraInterestUsd, 15000.0 * (b - 0.025) * 30 / 365, 1e-6);
}

void TestCarry::reportSection()
{
    // The fixture plan on a preset (no reserve sizes): constant rates, the plan's own net APY at its
    // leverage.
    const PlanResult result = test::compute(test::fixturePlan());
    const CarryResult carry = planCarry(result, MarketRegistry::builtIn());
    LP_COMPARE_REL(carry.atPlan.netApy, result.position.netApy, 1e-9);
    LP_COMPARE_REL(carry.breakEvenBorrowApy, 0.031, 1e-12);   // 0.1 % supply + 3 % staking
    QVERIFY(carry.costsUsd > result.opened.costs.totalUsd()); // closing costs added
    const QJsonObject json = carryJson(carry);
    const QJsonArray curve = json.value(QStringLiteral("netApyByLeverage")).toArray();
    QCOMPARE(curve.size(), 41);
    QCOMPARE(curve.first().toObject().value(QStringLiteral("leverage")).toDouble(), 1.0);
    QVERIFY(curve.last().toObject().contains(QStringLiteral("borrowApy")));
    QVERIFY(json.value(QStringLiteral("ownUtilizationImpact")).isNull());
    LP_COMPARE_REL(json.value(QStringLiteral("paybackDays")).toDouble(),
                   carry.costsUsd / (result.position.equityUsd * result.position.netApy / 365.0), 1e-9);
}

QTEST_GUILESS_MAIN(TestCarry)
#include "tst_carry.moc"
