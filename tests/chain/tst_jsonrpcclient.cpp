#include "abi.h"
#include "fakerpcserver.h"
#include "jsonrpcclient.h"

#include <QtTest>

using namespace lp::chain;

namespace {

QJsonObject result(const QJsonValue &v)
{
    return QJsonObject{{QStringLiteral("result"), v}};
}

// A well-behaved node of chain 1 at block 0x10; eth_call returns one word, 42.
QJsonObject goodNode(const QString &method, const QJsonArray &)
{
    if (method == u"eth_chainId")
        return result(QStringLiteral("0x1"));
    if (method == u"eth_blockNumber")
        return result(QStringLiteral("0x10"));
    return result(QString::fromLatin1("0x" + UInt256(42).toBigEndian().toHex()));
}

const QList<RpcCall> kTwoCalls{
    RpcCall{QStringLiteral("eth_blockNumber"), {}},
    ethCall(QStringLiteral("0x0000000000000000000000000000000000000001"), QByteArray::fromHex("d1946dbc"))};

} // namespace

class TestJsonRpcClient : public QObject {
    Q_OBJECT

private slots:
    void batchAnsweredInAnyOrderIsMatchedById()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &request) {
            // The request is JSON-RPC 2.0: one object per call, ids 1 and 2 (0 is eth_chainId).
            if (request.size() != 3 ||
                request[0].toObject().value(QStringLiteral("jsonrpc")) != QStringLiteral("2.0"))
                return FakeRpcServer::http(400, "{}");
            return FakeRpcServer::answerEach(request, goodNode);
        });
        JsonRpcClient client(QUrl(server.url()));
        client.setExpectedChainId(1);
        const RpcBatchResult r = client.sendAndWait(kTwoCalls);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message));
        QCOMPARE(r.results.size(), qsizetype{2});
        QCOMPARE(parseHexQuantity(r.results[0].value).value(), UInt256(16));
        QCOMPARE(parseHexData(r.results[1].value).value(), UInt256(42).toBigEndian());
        QCOMPARE(client.roundTrips(), 1);
        QCOMPARE(server.requests(), 1);
    }

    void faultsGiveClearErrors_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("garbage") << 0 << int(RpcError::Kind::Malformed) << "not JSON";
        QTest::newRow("error object") << 1 << int(RpcError::Kind::JsonRpc) << "rate exceeded";
        QTest::newRow("wrong chain") << 2 << int(RpcError::Kind::WrongChain) << "serves chain 5, not chain 1";
        QTest::newRow("429") << 3 << int(RpcError::Kind::RateLimited) << "HTTP 429";
        QTest::newRow("oversized") << 4 << int(RpcError::Kind::TooLarge) << "more than";
        QTest::newRow("silence") << 5 << int(RpcError::Kind::Timeout) << "did not answer within 0.3 s";
        QTest::newRow("http 503") << 6 << int(RpcError::Kind::Http) << "HTTP 503";
        QTest::newRow("missing answer") << 7 << int(RpcError::Kind::Malformed) << "answered 1 of 3 calls";
    }
    void faultsGiveClearErrors()
    {
        QFETCH(int, fault);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        FakeRpcServer server;
        server.setResponder([fault](const QJsonArray &request) -> QByteArray {
            switch (fault) {
            case 0:
                return FakeRpcServer::http(200, "<html>502 Bad Gateway</html>");
            case 1:
                return FakeRpcServer::http(
                    200, R"({"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"rate exceeded"}})");
            case 2:
                return FakeRpcServer::answerEach(request, [](const QString &method, const QJsonArray &p) {
                    return method == u"eth_chainId" ? result(QStringLiteral("0x5")) : goodNode(method, p);
                });
            case 3:
                return FakeRpcServer::http(429, "{}", "Retry-After: 7\r\n");
            case 4:
                return FakeRpcServer::http(200, QByteArray(50 * 1024 * 1024, ' '));
            case 5:
                return {};
            case 6:
                return FakeRpcServer::http(503, "busy");
            default:
                return FakeRpcServer::http(200, R"([{"jsonrpc":"2.0","id":0,"result":"0x1"}])");
            }
        });
        JsonRpcClient client(QUrl(server.url()));
        client.setExpectedChainId(1);
        client.setTimeout(std::chrono::milliseconds(fault == 5 ? 300 : 10000));
        const RpcBatchResult r = client.sendAndWait(kTwoCalls);
        QCOMPARE(int(r.error.kind), kind);
        QVERIFY2(r.error.message.contains(mentions), qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(u"127.0.0.1") || fault == 2, qPrintable(r.error.message));
        QVERIFY2(!r.error.message.contains(u"SECRETKEY"), qPrintable(r.error.message));
        QVERIFY(r.results.isEmpty());
        if (fault == 3)
            QVERIFY(r.error.message.contains(u"retry after 7 s"));
    }

    void revertAndBadHexArePerCall()
    {
        FakeRpcServer server;
        const QByteArray revert =
            functionSelector(u"Error(string)") +
            abiEncode(AbiType::parseList(u"string").value(), {AbiValue::text(QStringLiteral("27"))}).value();
        server.setResponder([revert](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request, [revert](const QString &method, const QJsonArray &) {
                if (method == u"eth_blockNumber")
                    return result(QStringLiteral("0xzz"));
                return QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), 3},
                                 {QStringLiteral("message"), QStringLiteral("execution reverted")},
                                 {QStringLiteral("data"), QString::fromLatin1("0x" + revert.toHex())}}}};
            });
        });
        JsonRpcClient client(QUrl(server.url()));
        const RpcBatchResult r = client.sendAndWait(kTwoCalls);
        QVERIFY(!r.error.isError());
        QVERIFY(!parseHexQuantity(r.results[0].value).has_value()); // malformed hex is the reader's to report
        QCOMPARE(r.results[1].error.kind, RpcError::Kind::Revert);
        QCOMPARE(r.results[1].error.message, QStringLiteral("the call reverted: \"27\""));
    }

    void cancelFinishesTheBatch()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return QByteArray(); });
        JsonRpcClient client(QUrl(server.url()));
        RpcBatch *batch = client.send(kTwoCalls);
        QTimer::singleShot(50, &client, [&client] { client.cancelAll(); });
        QSignalSpy finished(batch, &RpcBatch::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(batch->result().error.kind, RpcError::Kind::Cancelled);
        QCOMPARE(client.timeout(), std::chrono::milliseconds(20000)); // the default
    }

    void connectionRefusedIsANetworkError()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        JsonRpcClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const RpcBatchResult r = client.sendAndWait(kTwoCalls);
        QCOMPARE(r.error.kind, RpcError::Kind::Network);
        QVERIFY2(r.error.message.startsWith(QStringLiteral("http://127.0.0.1:%1: ").arg(port)),
                 qPrintable(r.error.message));
    }

    void hexHelpers()
    {
        QCOMPARE(parseHexQuantity(QStringLiteral("0x0")).value(), UInt256(0));
        QCOMPARE(parseHexQuantity(QStringLiteral("0x1b4")).value(), UInt256(436));
        QVERIFY(!parseHexQuantity(QStringLiteral("1b4")).has_value());
        QVERIFY(!parseHexQuantity(QStringLiteral("0x")).has_value());
        QVERIFY(!parseHexQuantity(42).has_value());
        QCOMPARE(parseHexData(QStringLiteral("0x")).value(), QByteArray());
        QVERIFY(!parseHexData(QStringLiteral("0x123")).has_value());
        QVERIFY(!parseHexData(QStringLiteral("0xgg")).has_value());
        QCOMPARE(
            redactedEndpoint(QUrl(QStringLiteral("https://user:pw@eth.example.org:8443/v2/KEY?apikey=X"))),
            QStringLiteral("https://eth.example.org:8443"));
        QCOMPARE(revertReason(QByteArray::fromHex("4e487b71") + UInt256(0x11).toBigEndian()),
                 QStringLiteral("panic 0x11"));
        QCOMPARE(revertReason(QByteArray::fromHex("deadbeef")), QStringLiteral("custom error 0xdeadbeef"));
    }
};

QTEST_GUILESS_MAIN(TestJsonRpcClient)
#include "tst_jsonrpcclient.moc"
