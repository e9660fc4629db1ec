// ChainRead, the one background read behind ChainFetch, PositionFetch and the price fetch, against the fake
// JSON-RPC server of tests/chain on 127.0.0.1 (it answers from this thread's event loop, the read runs on
// its own thread): a result comes once with the client's round trips, a cancel stops a round trip that would
// never be answered long before its timeout, destroying the object while it reads cancels and waits for the
// thread, a read without a client stops on the cancel flag, and a cancelled read never ends as a success.
#include "chainread.h"
#include "fakerpcserver.h"
#include "jsonrpcclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace lp;

namespace {

// A server timeout far above what any test here waits for: a read that ends is a read that was stopped.
constexpr std::chrono::milliseconds kLongTimeout{30000};

ChainRead::Endpoint endpointOf(const FakeRpcServer &server)
{
    return ChainRead::Endpoint{QUrl(server.url()), std::nullopt, kLongTimeout};
}

// eth_blockNumber as a number, or the client's error naming rpc.
Expected<qint64> blockNumber(chain::JsonRpcClient &client)
{
    const chain::RpcBatchResult answer = client.sendAndWait({{QStringLiteral("eth_blockNumber"), {}}});
    if (answer.error.isError())
        return ValidationError{QStringLiteral("rpc"), answer.error.message};
    const std::optional<chain::UInt256> number = chain::parseHexQuantity(answer.results.first().value);
    if (!number)
        return ValidationError{QStringLiteral("rpc"), QStringLiteral("not a number")};
    return static_cast<qint64>(number->low64());
}

QByteArray answerBlock(const QJsonArray &request)
{
    return FakeRpcServer::answerEach(request, [](const QString &method, const QJsonArray &) {
        return method == QStringLiteral("eth_blockNumber")
                   ? QJsonObject{{QStringLiteral("result"), QStringLiteral("0x1b4")}}
                   : QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), -32601},
                                                                       {QStringLiteral("message"),
                                                                        QStringLiteral("no such method")}}}};
    });
}

QString errorsOf(const std::optional<Expected<qint64>> &result)
{
    return result && !result->hasValue() ? formatErrors(result->errors()) : QString();
}

} // namespace

class TestChainRead : public QObject {
    Q_OBJECT

private slots:
    void aResultComesOnceWithItsRoundTrips()
    {
        FakeRpcServer server;
        server.setResponder(answerBlock);
        ChainReadOf<qint64> read;
        QSignalSpy finished(&read, &ChainRead::finished);
        QSignalSpy progress(&read, &ChainRead::progress);
        QVERIFY(read.start(endpointOf(server), [&read](chain::JsonRpcClient &client) {
            read.reportProgress(1, 1, QStringLiteral("block"));
            return blockNumber(client);
        }));
        QVERIFY(read.isRunning());
        // One read at a time: a second start is refused and changes nothing.
        QVERIFY(!read.start(endpointOf(server), [](chain::JsonRpcClient &) { return Expected<qint64>(1); }));
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(finished.count()), 1, 20000);
        QVERIFY(!read.isRunning());
        QVERIFY2(read.result() && read.result()->hasValue(), qPrintable(errorsOf(read.result())));
        QCOMPARE(read.result()->value(), qint64{0x1b4}); // 436
        QCOMPARE(read.roundTrips(), 1);
        QCOMPARE(server.requests(), 1);
        QVERIFY(!read.wasCancelled());
        // The progress came on this thread, before finished().
        QCOMPARE(static_cast<int>(progress.count()), 1);
        QCOMPARE(progress.first().at(2).toString(), QStringLiteral("block"));
        // Once: nothing more arrives later.
        QTest::qWait(100);
        QCOMPARE(static_cast<int>(finished.count()), 1);
        // The next read starts afresh.
        QVERIFY(read.start(endpointOf(server), [](chain::JsonRpcClient &) { return Expected<qint64>(5); }));
        QVERIFY(!read.result()); // cleared at the start
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(finished.count()), 2, 20000);
        QCOMPARE(read.result()->value(), qint64{5});
        QCOMPARE(read.roundTrips(), 0);
    }

    void cancelStopsARoundTripThatIsNeverAnswered()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return QByteArray(); }); // never answers
        ChainReadOf<qint64> read;
        QSignalSpy finished(&read, &ChainRead::finished);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(read.start(endpointOf(server), blockNumber));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests(), 1, 20000); // the request is out
        QVERIFY(read.isRunning());
        read.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(finished.count()), 1, 10000);
        QVERIFY(clock.elapsed() < kLongTimeout.count() / 2);
        QVERIFY(read.wasCancelled());
        // The client's own "cancelled" error, naming rpc.
        QVERIFY(read.result() && !read.result()->hasValue());
        QCOMPARE(read.result()->errors().first().field, QStringLiteral("rpc"));
        QVERIFY2(errorsOf(read.result()).contains(QStringLiteral("cancelled")),
                 qPrintable(errorsOf(read.result())));
    }

    void aCancelledReadThatSucceededIsStillCancelled()
    {
        // A read that asks no node and polls the flag: it returns a value once cancelled, and the outcome is
        // the cancel, not that value.
        ChainReadOf<qint64> read;
        QSignalSpy finished(&read, &ChainRead::finished);
        const std::atomic<bool> *flag = read.cancelFlag();
        QVERIFY(read.start([flag] {
            for (int i = 0; i < 2000 && !flag->load(); ++i)
                QThread::msleep(5);
            return Expected<qint64>(flag->load() ? 42 : -1);
        }));
        QTest::qWait(20);
        read.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(finished.count()), 1, 10000);
        QVERIFY(read.result() && !read.result()->hasValue());
        QCOMPARE(read.result()->errors().first().field, QStringLiteral("rpc"));
        QCOMPARE(read.result()->errors().first().message, QStringLiteral("cancelled"));
        QCOMPARE(read.roundTrips(), 0);
        // A cancel at once, whether it lands before the client exists (the job is skipped), during the
        // round trip or after it: the outcome is a cancel, never the answer.
        FakeRpcServer server;
        server.setResponder(answerBlock);
        QVERIFY(read.start(endpointOf(server), blockNumber));
        QVERIFY(!read.wasCancelled()); // start lowered the flag
        read.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(finished.count()), 2, 10000);
        QVERIFY(read.result() && !read.result()->hasValue());
        QVERIFY(errorsOf(read.result()).contains(QStringLiteral("cancelled")));
    }

    void destroyingWhileReadingCancelsAndWaits()
    {
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return QByteArray(); }); // never answers
        auto ended = std::make_shared<std::atomic<bool>>(false);
        auto read = std::make_unique<ChainReadOf<qint64>>();
        QSignalSpy finished(read.get(), &ChainRead::finished);
        QVERIFY(read->start(endpointOf(server), [ended](chain::JsonRpcClient &client) {
            Expected<qint64> number = blockNumber(client);
            ended->store(true);
            return number;
        }));
        QTRY_COMPARE_WITH_TIMEOUT(server.requests(), 1, 20000);
        QElapsedTimer clock;
        clock.start();
        read.reset(); // cancels the round trip and waits for the thread
        QVERIFY(clock.elapsed() < kLongTimeout.count() / 2);
        QVERIFY(ended->load()); // the job had ended when the destructor returned
        QTest::qWait(100);      // nothing is delivered to the object that went
        QCOMPARE(static_cast<int>(finished.count()), 0);
    }
};

QTEST_MAIN(TestChainRead)
#include "tst_chainread.moc"
