// `backtest`: a known liquidation replayed, and bad input.
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

class TestCliBacktest : public QObject {
    Q_OBJECT
private slots:
    void backtestReplaysAKnownLiquidation();
    void backtestBadInputExitsTwo();
};

void TestCliBacktest::backtestReplaysAKnownLiquidation()
{
    // tests/data/backtest-plan.json: 10 A at $100, B at $1, one loop at 75 %: C = 17.5, D = 750. The
    // prices 100, 90, 70, 55 keep HF >= 1.0267; on 2024-01-05 at $52 HF = 17.5 x 52 x 0.8 / 750 = 0.97067
    // (close factor 50 %): repaid 375, seized 375 x 1.05 / 52 = 7.572115384615385 A, penalty
    // 7.572115 x 52 - 375 = 18.75. At $80 on the last day: equity (17.5 - 7.572115) x 80 - 375 =
    // 419.2307692307692, P&L 419.23 - 1000 = -580.7692307692308; holding 10 A: 800 - 1000 = -200.
    const Run r =
        run({QStringLiteral("backtest"), data("backtest-plan.json"), data("backtest-liquidation.csv")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc[QStringLiteral("days")].toInt(), 7);
    const QJsonArray liquidations = doc[QStringLiteral("liquidations")].toArray();
    QCOMPARE(liquidations.size(), 1);
    const QJsonObject l = liquidations.at(0).toObject();
    QCOMPARE(l[QStringLiteral("date")].toString(), QStringLiteral("2024-01-05"));
    QCOMPARE(l[QStringLiteral("priceUsd")].toDouble(), 52.0);
    QCOMPARE(l[QStringLiteral("closeFactor")].toDouble(), 0.5);
    QVERIFY(rel(l[QStringLiteral("debtRepaid")].toDouble(), 375.0) < 1e-12);
    QVERIFY(rel(l[QStringLiteral("collateralSeized")].toDouble(), 7.572115384615385) < 1e-12);
    QVERIFY(rel(l[QStringLiteral("penaltyUsd")].toDouble(), 18.75) < 1e-9);
    QVERIFY(rel(doc[QStringLiteral("pnlUsd")].toDouble(), -580.7692307692308) < 1e-12);
    QVERIFY(rel(doc[QStringLiteral("holdPnlUsd")].toDouble(), -200.0) < 1e-12);

    const Run text =
        run({QStringLiteral("backtest"), data("backtest-plan.json"), data("backtest-liquidation.csv"),
             QStringLiteral("--format"), QStringLiteral("text")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("2024-01-05 at $52.00: repaid 375.000000 B"), text.out.constData());
}

void TestCliBacktest::backtestBadInputExitsTwo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,price\n2024-01-01,100\n2024-01-02,-5\n");
    f.close();
    const Run r = run({QStringLiteral("backtest"), data("backtest-plan.json"), bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("line 3")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(run({QStringLiteral("backtest"), data("backtest-plan.json")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("backtest"), data("backtest-plan.json"),
                  dir.filePath(QStringLiteral("none.csv"))})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestCliBacktest)
#include "tst_cli_backtest.moc"
