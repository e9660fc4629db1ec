// Usage, help, version, bad plans and unwritable output: exit codes and messages of the command line.
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

class TestCliUsage : public QObject {
    Q_OBJECT
private slots:
    void badPlansExitTwoNamingTheField_data();
    void badPlansExitTwoNamingTheField();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void helpAndVersion();
    void writeFailureExitsOne();
};

void TestCliUsage::badPlansExitTwoNamingTheField_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("ltv above lt") << data("bad-ltv-above-lt.json")
                                  << "collateral.liquidationThreshold: must be above ltv (0.85)";
    QTest::newRow("newer version")
        << data("bad-newer-version.json")
        << "version: this plan is format version 7; this Leverage Planner reads version 1";
    QTest::newRow("price zero, string, negative")
        << data("bad-price-zero.json") << "borrow.priceUsd: expected a number, got a string (\"3000\")";
    QTest::newRow("truncated") << data("bad-truncated.json") << "not valid JSON at line 4, column 94";
    QTest::newRow("impossible target")
        << data("bad-impossible-target.json") << "strategy.leverage: 4.20x needs LTV 76.2 %";
    QTest::newRow("missing file") << data("does-not-exist.json") << "does-not-exist.json: no such file";
    QTest::newRow("directory") << QStringLiteral(LP_TEST_DATA_DIR) << "is a directory, not a plan file";
}

void TestCliUsage::badPlansExitTwoNamingTheField()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const Run r = run({QStringLiteral("report"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty()); // nothing on stdout but the requested output
}

void TestCliUsage::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString plan = data("wsteth-loop.json");
    QTest::newRow("no plan") << QStringList{QStringLiteral("report")}
                             << "expected one plan file, got 0 arguments";
    QTest::newRow("two plans") << QStringList{QStringLiteral("report"), plan, plan}
                               << "expected one plan file, got 2 arguments";
    QTest::newRow("bad format") << QStringList{QStringLiteral("report"), plan, QStringLiteral("--format=xml")}
                                << "--format must be json or text (got \"xml\")";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("report"), plan,
                                                   QStringLiteral("--frobnicate")}
                                    << "Unknown option 'frobnicate'";
}

void TestCliUsage::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCliUsage::helpAndVersion()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("leverage-planner "));
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("report PLAN"));
    QVERIFY(help.out.contains("Exit codes"));
    const Run reportHelp = run({QStringLiteral("report"), QStringLiteral("--help")});
    QCOMPARE(reportHelp.exitCode, 0);
    QVERIFY(reportHelp.out.contains("--format"));
}

void TestCliUsage::writeFailureExitsOne()
{
    // A full disk is not the user's input: exit code 1, with a message.
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json")}, QStringLiteral("/dev/full"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("could not write")), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliUsage)
#include "tst_cli_usage.moc"
