// Fetch from DefiLlama, offscreen, against a fake coins API on 127.0.0.1 (tests/chain/fakerpcserver.h, the
// server the `prices fetch` tests use): the request carries the coin and the dates only, the CSV is the one
// `backtest` reads, written through the atomic write path; a failing server and a cancel write nothing and
// say so; a bad field is named before anything is sent. LP_SCREENSHOT_DIR=docs/screenshots writes
// backtest-fetch.png.
#include "backtest.h"
#include "fakerpcserver.h"
#include "pricefetchdialog.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

namespace {

// 2024-01-01 (twice: the later one counts) and 2024-01-03, 00:00 UTC + a few seconds.
const QByteArray kAnswer = R"({"coins":{"coingecko:ethereum":{"symbol":"ETH","confidence":0.99,"prices":[
 {"timestamp":1704067210,"price":2352.25},
 {"timestamp":1704070000,"price":2353.125},
 {"timestamp":1704240010,"price":2209.0625}]}}})";

QUrl baseOf(const FakeRpcServer &server)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(QUrl(server.url()).port()));
}

} // namespace

class TestPriceFetchDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-pricefetch"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_pricefetchdialog"));
        QSettings().clear();
    }

    void fetchesAndWritesTheBacktestCsv()
    {
        QTemporaryDir dir;
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return FakeRpcServer::http(200, kAnswer); });
        PriceFetchDialog dialog;
        dialog.setApiBase(baseOf(server));
        const QString path = dir.filePath(QStringLiteral("eth.csv"));
        dialog.setRequest(QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3), path);
        QCOMPARE(server.requests(), 0); // nothing is sent before Fetch
        // The dialog names where the request goes (the overridden base here).
        const QString privacy = dialog.findChild<QLabel *>(QStringLiteral("privacy"))->text();
        QVERIFY2(privacy.contains(QStringLiteral("127.0.0.1")) && privacy.contains(QStringLiteral("coin id")),
                 qPrintable(privacy));
        QSignalSpy saved(&dialog, &PriceFetchDialog::pricesSaved);
        QVERIFY(dialog.startFetch());
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.savedPath(), path);
        // One GET with the coin and the days (2024-01-01 00:00 UTC = 1704067200, three days), nothing more.
        QCOMPARE(server.requests(), 1);
        QCOMPARE(server.lastRequestLine(),
                 QByteArray("GET /chart/coingecko:ethereum?start=1704067200&span=3&period=1d&searchWidth=600 "
                            "HTTP/1.1"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("# ETH daily prices in USD from http://127.0.0.1:"), csv.constData());
        QVERIFY(csv.contains("\ndate,price\n2024-01-01,2353.125\n2024-01-03,2209.0625\n"));
        // The backtest's own parser reads it back: the later point of 01-01 and the point of 01-03.
        const Expected<std::vector<PricePoint>> points = parsePriceCsv(csv);
        QVERIFY2(points.hasValue(), points ? "" : qPrintable(formatErrors(points.errors())));
        QCOMPARE(points->size(), std::size_t{2});
        QCOMPARE(points->front().priceUsd, 2353.125);
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("Saved 2 daily prices of ETH")),
                 qPrintable(dialog.messageLabel()->text()));

        const QByteArray shots = qgetenv("LP_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            dialog.resize(620, 320);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(QDir().mkpath(QString::fromLocal8Bit(shots)));
            QVERIFY(dialog.grab().save(
                QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("backtest-fetch.png"))));
        }
    }

    void aFailureWritesNothingAndSaysWhy()
    {
        QTemporaryDir dir;
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return FakeRpcServer::http(500, "oops"); });
        PriceFetchDialog dialog;
        dialog.setApiBase(baseOf(server));
        const QString path = dir.filePath(QStringLiteral("eth.csv"));
        dialog.setRequest(QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3), path);
        QVERIFY(dialog.startFetch());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
        const QString message = dialog.messageLabel()->text();
        QVERIFY2(message.contains(QStringLiteral("failed; nothing was written")) &&
                     message.contains(QStringLiteral("HTTP 500")),
                 qPrintable(message));
        QVERIFY(!QFile::exists(path));
        QVERIFY(dialog.savedPath().isEmpty());
    }

    void cancelStopsTheRequestAndWritesNothing()
    {
        QTemporaryDir dir;
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return QByteArray(); }); // never answers
        PriceFetchDialog dialog;
        dialog.setApiBase(baseOf(server));
        const QString path = dir.filePath(QStringLiteral("eth.csv"));
        dialog.setRequest(QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3), path);
        QVERIFY(dialog.startFetch());
        QTRY_COMPARE(server.requests(), 1);
        dialog.cancelFetch();
        // Well before the 20 s timeout: the GET was aborted.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 5000);
        QCOMPARE(dialog.messageLabel()->text(), QStringLiteral("Cancelled: nothing was written."));
        QVERIFY(!QFile::exists(path));
    }

    void badFieldsAreNamedAndNothingIsSent()
    {
        QTemporaryDir dir;
        FakeRpcServer server;
        PriceFetchDialog dialog;
        dialog.setApiBase(baseOf(server));
        const QString path = dir.filePath(QStringLiteral("eth.csv"));
        dialog.setRequest(QStringLiteral("ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3), path);
        QVERIFY(!dialog.startFetch());
        QVERIFY(dialog.messageLabel()->text().startsWith(QStringLiteral("Coin:")));
        dialog.setRequest(QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 3), QDate(2024, 1, 1), path);
        QVERIFY(!dialog.startFetch());
        QVERIFY(dialog.messageLabel()->text().startsWith(QStringLiteral("From:")));
        dialog.setRequest(QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3),
                          QString());
        QVERIFY(!dialog.startFetch());
        QVERIFY(dialog.messageLabel()->text().startsWith(QStringLiteral("Save as:")));
        QCOMPARE(server.requests(), 0);
    }
};

QTEST_MAIN(TestPriceFetchDialog)
#include "tst_pricefetchdialog.moc"
