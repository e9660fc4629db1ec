// The `report` command after opening: time, close, risk and stress, their options and option errors.
#include "clitestutil.h"

#include <cmath>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliOutlook : public QObject {
    Q_OBJECT
private slots:
    void reportTimeCloseRiskStress();
    void reportMonteCarloOptionsAndReproducibility();
    void reportCloseOptions();
    void reportOptionErrorsExitTwo_data();
    void reportOptionErrorsExitTwo();
    void reportTextHasTheOutlook();
};

void TestCliOutlook::reportTimeCloseRiskStress()
{
    // Hand derivations (tst_report has the details): after opening C = 24.344128915014817 wstETH and
    // D = 16.75994861045867 WETH; one year at 0.1 % + 3 % on A and 2.5 % on B: C365 = C x 1.03103,
    // D365 = D x 1.025.
    const double c365 = 24.344128915014817 * 1.001 * 1.03;
    const double d365 = 16.75994861045867 * 1.025;
    const QJsonObject doc = reportOf();
    const QJsonObject time = doc[QStringLiteral("time")].toObject();
    QVERIFY(rel(time[QStringLiteral("netApy")].toDouble(), 0.03963800955750353) < 1e-9);
    QVERIFY(time[QStringLiteral("daysToLiquidation")].isNull()); // collateral grows faster than debt
    const QJsonObject h = time[QStringLiteral("atHorizon")].toObject();
    QVERIFY(rel(h[QStringLiteral("collateral")].toDouble(), c365) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("debt")].toDouble(), d365) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("equityUsd")].toDouble(), c365 * 3500 - d365 * 3000) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("healthFactor")].toDouble(), c365 * 3500 * 0.8 / (d365 * 3000)) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("liquidationPriceUsd")].toDouble(), d365 * 3000 / (c365 * 0.8)) < 1e-12);

    // Close at the horizon at today's price, selling A: walk-away C365 x 3500 - D365 x 3000 / k with
    // k = 0.9995 x 0.999 (every dollar of debt costs 1/k dollars of A).
    const QJsonObject close = doc[QStringLiteral("close")].toObject();
    QCOMPARE(close[QStringLiteral("exitDay")].toInt(), 365);
    QCOMPARE(close[QStringLiteral("exitPriceUsd")].toDouble(), 3500.0);
    const double k = 0.9995 * 0.999;
    const double walkAway = c365 * 3500 - d365 * 3000 / k;
    QVERIFY(rel(close[QStringLiteral("walkAwayUsd")].toDouble(), walkAway) < 1e-11);
    QVERIFY(rel(close[QStringLiteral("walkAwayCollateral")].toDouble(), walkAway / 3500) < 1e-11);
    const QJsonObject costs = close[QStringLiteral("costs")].toObject();
    const double gas = costs[QStringLiteral("gasUsd")].toDouble();
    QCOMPARE(gas, 0.5 * costs[QStringLiteral("transactions")].toInt());
    QVERIFY(rel(close[QStringLiteral("pnlUsd")].toDouble(), walkAway - gas - 35005.0) < 1e-11);
    QVERIFY(rel(close[QStringLiteral("holdPnlUsd")].toDouble(), 1050.0) < 1e-12); // 10 x 1.03 x 3500 - 35000
    for (const char *key : {"swapFeesUsd", "slippageUsd", "flashPremiumUsd", "gasUsd", "interestPaidUsd",
                            "yieldEarnedUsd", "totalUsd"})
        QVERIFY2(costs[QLatin1String(key)].isDouble(), key);

    // Closed form: P = N((ln(1/HF) + 0.18)/0.6) + HF N((ln(1/HF) - 0.18)/0.6), HF = 1.3556835713188593.
    const QJsonObject risk = doc[QStringLiteral("risk")].toObject();
    QVERIFY(rel(risk[QStringLiteral("liquidationProbability")].toDouble(), 0.7023346848721423) < 1e-9);
    const QJsonObject mc = risk[QStringLiteral("monteCarlo")].toObject();
    QCOMPARE(mc[QStringLiteral("paths")].toInt(), 10000); // the documented default
    QCOMPARE(mc[QStringLiteral("seed")].toDouble(), 1.0);
    const double p = mc[QStringLiteral("probability")].toDouble();
    QVERIFY(mc[QStringLiteral("ci95Low")].toDouble() < p && p < mc[QStringLiteral("ci95High")].toDouble());
    QVERIFY(std::fabs(p - 0.7023346848721423) < 0.05);

    const QJsonArray stress = doc[QStringLiteral("stress")].toArray();
    QCOMPARE(stress.size(), 8);
    const QJsonObject shock = stress[1].toObject();
    QCOMPARE(shock[QStringLiteral("id")].toString(), QStringLiteral("priceShock-30"));
    QCOMPARE(shock[QStringLiteral("after")].toObject()[QStringLiteral("priceAUsd")].toDouble(), 3500.0 * 0.7);
    QVERIFY(rel(shock[QStringLiteral("before")].toObject()[QStringLiteral("healthFactor")].toDouble(),
                1.3556835713188593) < 1e-12);
}

void TestCliOutlook::reportMonteCarloOptionsAndReproducibility()
{
    const QStringList opts{QStringLiteral("--paths"), QStringLiteral("3000"), QStringLiteral("--seed"),
                           QStringLiteral("42")};
    const QJsonObject a =
        reportOf(opts)[QStringLiteral("risk")].toObject()[QStringLiteral("monteCarlo")].toObject();
    const QJsonObject b =
        reportOf(opts)[QStringLiteral("risk")].toObject()[QStringLiteral("monteCarlo")].toObject();
    QCOMPARE(a[QStringLiteral("paths")].toInt(), 3000);
    QCOMPARE(a[QStringLiteral("seed")].toDouble(), 42.0);
    QCOMPARE(a[QStringLiteral("probability")].toDouble(), b[QStringLiteral("probability")].toDouble());
    const QJsonObject other =
        reportOf({QStringLiteral("--paths"), QStringLiteral("3000"), QStringLiteral("--seed"),
                  QStringLiteral("43")})[QStringLiteral("risk")]
            .toObject()[QStringLiteral("monteCarlo")]
            .toObject();
    QVERIFY(other[QStringLiteral("probability")].toDouble() != a[QStringLiteral("probability")].toDouble());
}

void TestCliOutlook::reportCloseOptions()
{
    // Day 30 at $4000: C30 = C x 1.03103^(30/365), D30 = D x 1.025^(30/365); walk-away C30 x 4000 -
    // D30 x 3000 / k; holding 10 x 1.03^(30/365) x 4000 - 35000.
    const QJsonObject close =
        reportOf({QStringLiteral("--exit-day"), QStringLiteral("30"), QStringLiteral("--exit-price"),
                  QStringLiteral("4000"), QStringLiteral("--paths"),
                  QStringLiteral("100")})[QStringLiteral("close")]
            .toObject();
    const double t = 30.0 / 365.0;
    const double c30 = 24.344128915014817 * std::pow(1.001 * 1.03, t);
    const double d30 = 16.75994861045867 * std::pow(1.025, t);
    QCOMPARE(close[QStringLiteral("exitDay")].toInt(), 30);
    QCOMPARE(close[QStringLiteral("exitPriceUsd")].toDouble(), 4000.0);
    QVERIFY(rel(close[QStringLiteral("walkAwayUsd")].toDouble(), c30 * 4000 - d30 * 3000 / (0.9995 * 0.999)) <
            1e-11);
    QVERIFY(rel(close[QStringLiteral("holdPnlUsd")].toDouble(), 10 * std::pow(1.03, t) * 4000 - 35000) <
            1e-11);
}

void TestCliOutlook::reportOptionErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("paths zero") << QStringList{QStringLiteral("--paths"), QStringLiteral("0")}
                                << "--paths must be a whole number from 1 to 10000000 (got \"0\")";
    QTest::newRow("paths text") << QStringList{QStringLiteral("--paths"), QStringLiteral("many")}
                                << "--paths must be a whole number";
    QTest::newRow("seed negative") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")}
                                   << "--seed must be a whole number";
    QTest::newRow("exit day") << QStringList{QStringLiteral("--exit-day"), QStringLiteral("99999")}
                              << "--exit-day must be a whole number from 0 to 36500";
    QTest::newRow("exit price") << QStringList{QStringLiteral("--exit-price"), QStringLiteral("nan")}
                                << "--exit-price must be a number above 0";
}

void TestCliOutlook::reportOptionErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{QStringLiteral("report"), data("wsteth-loop.json")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCliOutlook::reportTextHasTheOutlook()
{
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json"), QStringLiteral("--format"),
                       QStringLiteral("text"), QStringLiteral("--paths"), QStringLiteral("500")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("Days to liquidation      never")));
    QVERIFY(text.contains(QStringLiteral("Closing on day 365 at $3500.00 (sell to repay)")));
    QVERIFY(text.contains(QStringLiteral("Closed form              70.23 %")));
    QVERIFY(text.contains(QStringLiteral("500 paths, seed 1")));
    QVERIFY(text.contains(QStringLiteral("Stress (instant, at today's prices)")));
}

QTEST_GUILESS_MAIN(TestCliOutlook)
#include "tst_cli_outlook.moc"
