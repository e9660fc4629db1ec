// Daily prices from DefiLlama's coins API (chain/pricehistory): the URL asked for, the answer turned into
// one price a day, the CSV that backtest reads back, and each fault of the HTTP server with its message.
// The server is a QTcpServer on 127.0.0.1 answering what DefiLlama's /chart answers (its documented shape).
#include "backtest.h"
#include "fakerpcserver.h"
#include "pricehistory.h"

#include <QtTest>

using namespace lp;
using namespace lp::chain;

namespace {

// 2023-12-31, 2024-01-01 (twice: the later one counts), 2024-01-03 and 2024-01-04, 00:00 UTC + a few seconds.
const QByteArray kAnswer = R"({"coins":{"coingecko:ethereum":{"symbol":"ETH","confidence":0.99,"prices":[
 {"timestamp":1703980805,"price":2281.5},
 {"timestamp":1704067210,"price":2352.25},
 {"timestamp":1704070000,"price":2353.125},
 {"timestamp":1704240010,"price":2209.0625},
 {"timestamp":1704326400,"price":2268.5}]}}})";

PriceHistoryRequest request(const QString &base)
{
    PriceHistoryRequest r;
    r.apiBase = QUrl(base);
    r.coin = QStringLiteral("coingecko:ethereum");
    r.from = QDate(2024, 1, 1);
    r.to = QDate(2024, 1, 3);
    r.timeout = std::chrono::milliseconds(3000);
    return r;
}

QString baseOf(const FakeRpcServer &server)
{
    const QUrl url(server.url());
    return QStringLiteral("http://127.0.0.1:%1").arg(url.port());
}

} // namespace

class TestPriceHistory : public QObject {
    Q_OBJECT

private slots:
    void coinIds()
    {
        QVERIFY(isValidCoinId(QStringLiteral("coingecko:ethereum")));
        QVERIFY(isValidCoinId(QStringLiteral("ethereum:0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2")));
        QVERIFY(!isValidCoinId(QStringLiteral("ethereum")));
        QVERIFY(!isValidCoinId(QStringLiteral("coingecko:eth/../x")));
        QVERIFY(!isValidCoinId(QStringLiteral("a:b?c=d")));
    }

    void urlAsksForTheDays()
    {
        // 2024-01-01 00:00 UTC is 1704067200; three days.
        const QUrl url = priceHistoryUrl(request(QStringLiteral("https://coins.llama.fi")));
        QCOMPARE(url.toString(), QStringLiteral("https://coins.llama.fi/chart/coingecko:ethereum"
                                                "?start=1704067200&span=3&period=1d&searchWidth=600"));
        // A base with a path keeps it.
        QCOMPARE(priceHistoryUrl(request(QStringLiteral("http://127.0.0.1:8/mirror/"))).path(),
                 QStringLiteral("/mirror/chart/coingecko:ethereum"));
    }

    void oneLastPriceADayInRange()
    {
        QString symbol;
        const Expected<std::vector<PricePoint>> points = parseLlamaChart(
            kAnswer, QStringLiteral("coingecko:ethereum"), QDate(2024, 1, 1), QDate(2024, 1, 3), &symbol);
        QVERIFY(points.hasValue());
        QCOMPARE(symbol, QStringLiteral("ETH"));
        // 2023-12-31 and 2024-01-04 are outside; 01-01 has two points, the later wins; 01-02 has none.
        const std::vector<PricePoint> expected{{QDate(2024, 1, 1), 2353.125}, {QDate(2024, 1, 3), 2209.0625}};
        QCOMPARE(points.value(), expected);
    }

    void badAnswersNameTheProblem()
    {
        const QString coin = QStringLiteral("coingecko:ethereum");
        const QDate a(2024, 1, 1);
        const QDate b(2024, 1, 3);
        QVERIFY(parseLlamaChart("<html>", coin, a, b)
                    .errors()
                    .first()
                    .message.contains(QStringLiteral("not JSON")));
        QVERIFY(parseLlamaChart(R"({"coins":{}})", coin, a, b)
                    .errors()
                    .first()
                    .message.contains(QStringLiteral("no prices for \"coingecko:ethereum\"")));
        QVERIFY(parseLlamaChart(
                    R"({"coins":{"coingecko:ethereum":{"prices":[{"timestamp":1704067210,"price":-1}]}}})",
                    coin, a, b)
                    .errors()
                    .first()
                    .message.contains(QStringLiteral("prices[0]")));
        QVERIFY(parseLlamaChart(kAnswer, coin, QDate(2020, 1, 1), QDate(2020, 1, 2))
                    .errors()
                    .first()
                    .message.contains(QStringLiteral("no price")));
    }

    void fetchWritesTheCsvBacktestReads()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return FakeRpcServer::http(200, kAnswer); });
        const Expected<PriceHistory> history = fetchPriceHistory(request(baseOf(server)));
        QVERIFY2(history.hasValue(), history.hasValue() ? "" : qPrintable(formatErrors(history.errors())));
        QCOMPARE(server.lastRequestLine(),
                 QByteArray("GET /chart/coingecko:ethereum?start=1704067200&span=3&period=1d&searchWidth=600 "
                            "HTTP/1.1"));
        QCOMPARE(history->points.size(), size_t(2));
        QCOMPARE(history->source, baseOf(server) + QStringLiteral("/chart/coingecko:ethereum"));
        const QByteArray csv = priceHistoryCsv(history.value());
        QVERIFY(csv.startsWith("# ETH daily prices in USD from " + history->source.toUtf8() + ", fetched "));
        QVERIFY(csv.contains("\ndate,price\n2024-01-01,2353.125\n2024-01-03,2209.0625\n"));
        const Expected<std::vector<PricePoint>> back = parsePriceCsv(csv);
        QVERIFY(back.hasValue());
        QCOMPARE(back.value(), history->points);
    }

    void faultsNameWhatFailed_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("429") << FakeRpcServer::http(429, "{}") << "rate limiting (HTTP 429)";
        QTest::newRow("500") << FakeRpcServer::http(500, "oops") << "HTTP 500";
        QTest::newRow("garbage") << FakeRpcServer::http(200, "\x01\x02garbage") << "not JSON";
        QTest::newRow("unknown coin") << FakeRpcServer::http(200, R"({"coins":{}})") << "no prices for";
        QTest::newRow("too large") << FakeRpcServer::http(200, QByteArray(5000, ' '))
                                   << "more than 1000 bytes";
        QTest::newRow("no answer") << QByteArray() << "did not answer within 0.3 s";
    }

    void faultsNameWhatFailed()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, mentions);
        FakeRpcServer server;
        server.setResponder([response](const QJsonArray &) { return response; });
        PriceHistoryRequest r = request(baseOf(server));
        r.maxResponseBytes = 1000;
        r.timeout = std::chrono::milliseconds(300);
        const Expected<PriceHistory> history = fetchPriceHistory(r);
        QVERIFY(!history.hasValue());
        const QString message = formatErrors(history.errors());
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestPriceHistory)
#include "tst_pricehistory.moc"
