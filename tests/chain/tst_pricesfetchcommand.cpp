// `prices fetch` as the user runs it: bad arguments exit 2, a failing API exits 1, and neither writes a
// file; a good answer is written as the CSV that `backtest` reads. The API is a QTcpServer on 127.0.0.1.
#include "apprun.h"
#include "backtest.h"
#include "fakerpcserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace lp;

namespace {

using Run = lp::test::AppRun;
using lp::test::runApp;

QStringList fetchArgs(const QString &api)
{
    return {QStringLiteral("prices"), QStringLiteral("fetch"),
            QStringLiteral("--coin"), QStringLiteral("coingecko:ethereum"),
            QStringLiteral("--from"), QStringLiteral("2024-01-01"),
            QStringLiteral("--to"),   QStringLiteral("2024-01-02"),
            QStringLiteral("--api"),  api};
}

const QByteArray kAnswer = R"({"coins":{"coingecko:ethereum":{"symbol":"ETH","prices":[
 {"timestamp":1704067210,"price":2352.25},{"timestamp":1704153600,"price":2355.5}]}}})";

} // namespace

class TestPricesFetchCommand : public QObject {
    Q_OBJECT

private slots:
    void badArgumentsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString api = QStringLiteral("http://127.0.0.1:9");
        QTest::newRow("no subcommand") << QStringList{QStringLiteral("prices")} << "fetch";
        QStringList a = fetchArgs(api);
        a[3] = QStringLiteral("ethereum");
        QTest::newRow("bad coin") << a << "--coin";
        a = fetchArgs(api);
        a[5] = QStringLiteral("2024-13-01");
        QTest::newRow("bad from") << a << "--from";
        a = fetchArgs(api);
        a[7] = QStringLiteral("2023-12-01");
        QTest::newRow("to before from") << a << "--to";
        QTest::newRow("bad api") << fetchArgs(QStringLiteral("file:///etc")) << "--api";
    }
    void badArgumentsExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("prices.csv"));
        const Run run = runApp(arguments + QStringList{QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }

    void apiFailureExits1AndWritesNothing()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return FakeRpcServer::http(429, "{}"); });
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("prices.csv"));
        const QString api = QStringLiteral("http://127.0.0.1:%1").arg(QUrl(server.url()).port());
        const Run run = runApp(fetchArgs(api) + QStringList{QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("HTTP 429")), qPrintable(run.err));
        QVERIFY(!QFile::exists(out));
    }

    void writesTheCsvBacktestReads()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return FakeRpcServer::http(200, kAnswer); });
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("prices.csv"));
        const QString api = QStringLiteral("http://127.0.0.1:%1").arg(QUrl(server.url()).port());
        const Run run = runApp(fetchArgs(api) + QStringList{QStringLiteral("-o"), out});
        QCOMPARE(run.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(
            csv.startsWith("# ETH daily prices in USD from " + api.toUtf8() + "/chart/coingecko:ethereum"));
        const Expected<std::vector<PricePoint>> points = parsePriceCsv(csv);
        QVERIFY(points.hasValue());
        const std::vector<PricePoint> expected{{QDate(2024, 1, 1), 2352.25}, {QDate(2024, 1, 2), 2355.5}};
        QCOMPARE(points.value(), expected);
        // Without -o the CSV goes to stdout.
        const Run toStdout = runApp(fetchArgs(api));
        QCOMPARE(toStdout.exitCode, 0);
        QVERIFY(toStdout.out.contains(QStringLiteral("2024-01-02,2355.5")));
    }
};

QTEST_GUILESS_MAIN(TestPricesFetchCommand)
#include "tst_pricesfetchcommand.moc"
