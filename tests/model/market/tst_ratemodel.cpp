// The kink interest-rate model (docs/markets.md, "Interest rates and accrual"; core
// DefaultReserveInterestRateStrategy) and the APR -> APY conversion lending UIs show (@aave/math-utils: APY =
// (1 + APR / SPY)^SPY - 1, SPY = 31536000).
#include "ratemodel.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {
// ZeroLend zkSync "StableOne" (zl-deploy markets/aave/rateStrategies.ts): Uopt 0.90, base 0, s1 0.04, s2
// 0.60.
const RateStrategy kStableOne{0.90, 0.0, 0.04, 0.60};
// ZeroLend zkSync "VolatileOne": Uopt 0.45, base 0, s1 0.07, s2 3.00.
const RateStrategy kVolatileOne{0.45, 0.0, 0.07, 3.00};
// Aave v3 Ethereum wstETH (aave-eth snapshot): Uopt 0.45, base 0.0025, s1 0.045, s2 0.80.
const RateStrategy kAaveWstEth{0.45, 0.0025, 0.045, 0.80};
} // namespace

class TestRateModel : public QObject {
    Q_OBJECT
private slots:
    void borrowRateHandPoints_data();
    void borrowRateHandPoints();
    void supplyRateHandPoints();
    void aprToApyHandPoints_data();
    void aprToApyHandPoints();
    void apyToAprInvertsAprToApy();
    void curveIsContinuousAndRising();
    void utilizationIsClamped();
    void validation_data();
    void validation();
};

void TestRateModel::borrowRateHandPoints_data()
{
    QTest::addColumn<double>("uopt");
    QTest::addColumn<double>("base");
    QTest::addColumn<double>("slope1");
    QTest::addColumn<double>("slope2");
    QTest::addColumn<double>("utilization");
    QTest::addColumn<double>("expectedApr");
    const auto row = [](const char *name, const RateStrategy &s, double u, double apr) {
        QTest::newRow(name) << s.optimalUtilization << s.baseRate << s.slope1 << s.slope2 << u << apr;
    };
    // Below the kink: base + s1 U / Uopt.
    row("StableOne U 0 -> base", kStableOne, 0.0, 0.0);
    row("StableOne U 0.45: 0.04 x 0.45 / 0.9 = 0.02", kStableOne, 0.45, 0.02);
    row("StableOne at the kink U 0.9: 0.04", kStableOne, 0.90, 0.04);
    // Above the kink: base + s1 + s2 (U - Uopt) / (1 - Uopt).
    row("StableOne U 0.95: 0.04 + 0.6 x 0.05 / 0.1 = 0.34", kStableOne, 0.95, 0.34);
    row("StableOne U 1: 0.04 + 0.6 = 0.64", kStableOne, 1.0, 0.64);
    row("VolatileOne U 0.36: 0.07 x 0.36 / 0.45 = 0.056", kVolatileOne, 0.36, 0.056);
    row("VolatileOne U 0.95: 0.07 + 3 x 0.5 / 0.55 = 2.7972727...", kVolatileOne, 0.95, 0.07 + 3.0 / 1.1);
    row("Aave wstETH U 0.3: 0.0025 + 0.045 x 0.3 / 0.45 = 0.0325", kAaveWstEth, 0.30, 0.0325);
    row("Aave wstETH U 0.725: 0.0025 + 0.045 + 0.8 x 0.275 / 0.55 = 0.4475", kAaveWstEth, 0.725, 0.4475);
}

void TestRateModel::borrowRateHandPoints()
{
    QFETCH(double, uopt);
    QFETCH(double, base);
    QFETCH(double, slope1);
    QFETCH(double, slope2);
    QFETCH(double, utilization);
    QFETCH(double, expectedApr);
    const RateStrategy s{uopt, base, slope1, slope2};
    if (expectedApr == 0.0)
        QCOMPARE(borrowRate(s, utilization), 0.0);
    else
        LP_COMPARE_REL(borrowRate(s, utilization), expectedApr, 1e-14);
}

void TestRateModel::supplyRateHandPoints()
{
    // Supply APR = borrow APR x U x (1 - reserve factor).
    // StableOne, RF 10 %: U 0.72 (80 % of Uopt): 0.032 x 0.72 x 0.9 = 0.020736.
    LP_COMPARE_REL(supplyRate(kStableOne, 0.72, 0.10), 0.020736, 1e-14);
    // U 0.95 above the kink: 0.34 x 0.95 x 0.9 = 0.2907.
    LP_COMPARE_REL(supplyRate(kStableOne, 0.95, 0.10), 0.2907, 1e-14);
    // Nothing borrowed, nothing earned.
    QCOMPARE(supplyRate(kAaveWstEth, 0.0, 0.15), 0.0);
}

void TestRateModel::aprToApyHandPoints_data()
{
    // APY = (1 + r/n)^n - 1 with n = SPY = 31,536,000. Since n ln(1 + r/n) = r - r^2/(2n) + O(r^3/n^2),
    // APY = e^r e^(-r^2/(2n)) - 1 = expm1(r) - e^r r^2 / (2n) to ~1e-17. The expected values below are that
    // expression evaluated by hand (python, double precision):
    QTest::addColumn<double>("apr");
    QTest::addColumn<double>("expectedApy");
    // r 0.02: e^r - 1 = 0.0202013400267558, correction 1.0202 x 0.0004 / 63072000 = 6.47e-12.
    QTest::newRow("2 %") << 0.02 << 0.020201340020285737;
    // r 0.04: 0.0408107741923882 - 1.0408 x 0.0016 / 63072000 (= 2.640e-11).
    QTest::newRow("4 % (StableOne at the kink)") << 0.04 << 0.040810774165985116;
    // r 0.34: 0.404947590563594 - 1.40495 x 0.1156 / 63072000 (= 2.575e-9).
    QTest::newRow("34 % (StableOne at U 0.95)") << 0.34 << 0.40494758798856945;
    // r 0.64: 0.896480879304951 - 1.89648 x 0.4096 / 63072000 (= 1.2316e-8).
    QTest::newRow("64 % (StableOne at U 1)") << 0.64 << 0.8964808669888911;
    QTest::newRow("0") << 0.0 << 0.0;
}

void TestRateModel::aprToApyHandPoints()
{
    QFETCH(double, apr);
    QFETCH(double, expectedApy);
    if (expectedApy == 0.0)
        QCOMPARE(aprToApy(apr), 0.0);
    else
        LP_COMPARE_REL(aprToApy(apr), expectedApy, 1e-12);
    // The APY is always above the APR (compounding) but below continuous compounding e^r - 1.
    if (apr > 0) {
        QVERIFY(aprToApy(apr) > apr);
        QVERIFY(aprToApy(apr) < std::expm1(apr));
    }
}

void TestRateModel::apyToAprInvertsAprToApy()
{
    for (double apr : {0.0, 1e-6, 0.001, 0.0325, 0.34, 0.64, 2.797, 10.0})
        LP_COMPARE_REL(apyToApr(aprToApy(apr)), apr, 1e-12);
}

void TestRateModel::curveIsContinuousAndRising()
{
    // 101 points: U = 0, 0.01, ..., 1; the kink of StableOne (0.9) is point 90.
    const std::vector<RatePoint> curve = rateCurve(kStableOne, 0.1, 101);
    QCOMPARE(curve.size(), size_t(101));
    QCOMPARE(curve.front().utilization, 0.0);
    QCOMPARE(curve.back().utilization, 1.0);
    LP_COMPARE_REL(curve[90].borrowApr, 0.04, 1e-13);
    for (size_t i = 1; i < curve.size(); ++i) {
        QVERIFY(curve[i].borrowApr >= curve[i - 1].borrowApr);
        QVERIFY(curve[i].supplyApr >= curve[i - 1].supplyApr);
        QVERIFY(curve[i].borrowApy >= curve[i].borrowApr);
        QVERIFY(curve[i].supplyApr <= curve[i].borrowApr);
        LP_COMPARE_REL(curve[i].borrowApy, aprToApy(curve[i].borrowApr), 1e-15);
    }
    // Continuity at the kink: both branches give base + slope1 there.
    const double eps = 1e-9;
    QVERIFY(std::fabs(borrowRate(kVolatileOne, 0.45 + eps) - borrowRate(kVolatileOne, 0.45)) < 1e-8);
    QVERIFY(std::fabs(borrowRate(kVolatileOne, 0.45 - eps) - borrowRate(kVolatileOne, 0.45)) < 1e-8);
    // Fewer than two points are raised to two.
    QCOMPARE(rateCurve(kStableOne, 0.1, 0).size(), size_t(2));
}

void TestRateModel::utilizationIsClamped()
{
    QCOMPARE(borrowRate(kStableOne, 1.5), borrowRate(kStableOne, 1.0));
    QCOMPARE(borrowRate(kStableOne, -0.5), borrowRate(kStableOne, 0.0));
}

void TestRateModel::validation_data()
{
    QTest::addColumn<double>("uopt");
    QTest::addColumn<double>("base");
    QTest::addColumn<double>("slope1");
    QTest::addColumn<double>("slope2");
    QTest::addColumn<QString>("field");
    QTest::newRow("valid") << 0.8 << 0.0 << 0.04 << 0.75 << QString();
    QTest::newRow("Uopt 0") << 0.0 << 0.0 << 0.04 << 0.75 << QStringLiteral("rs.optimalUtilization");
    QTest::newRow("Uopt 1") << 1.0 << 0.0 << 0.04 << 0.75 << QStringLiteral("rs.optimalUtilization");
    QTest::newRow("negative base") << 0.8 << -0.01 << 0.04 << 0.75 << QStringLiteral("rs.baseRate");
    QTest::newRow("NaN slope1") << 0.8 << 0.0 << std::nan("") << 0.75 << QStringLiteral("rs.slope1");
    QTest::newRow("huge slope2") << 0.8 << 0.0 << 0.04 << 1000.0 << QStringLiteral("rs.slope2");
}

void TestRateModel::validation()
{
    QFETCH(double, uopt);
    QFETCH(double, base);
    QFETCH(double, slope1);
    QFETCH(double, slope2);
    QFETCH(QString, field);
    const ValidationErrors errors = validateRateStrategy({uopt, base, slope1, slope2}, QStringLiteral("rs"));
    if (field.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(formatErrors(errors)));
    } else {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().field, field);
    }
}

QTEST_APPLESS_MAIN(TestRateModel)
#include "tst_ratemodel.moc"
