// chain::fetchPosition, the one position read behind `position`, `watch` and the window's Open Position and
// Watch Position, on recorded answers served on 127.0.0.1 (servednode.h): the query picks the reader
// (Morpho Blue by Morpho's address and the market's id; else Aave v3 by its PoolAddressesProvider, or by
// the provider a pool names), and every eth_call the server sees is checked for where it went.
#include "positionquery.h"
#include "servednode.h"

#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;
using namespace morpho_recorded;

namespace {

const int kPool = 0x2, kProvider = 0x1;

// The recorded node served, with the `to` of every eth_call it is asked, in the order sent (lowercase).
struct Watched : Served {
    QStringList callsTo;
    explicit Watched(RecordedNode recorded = morpho_recorded::node()) : Served(std::move(recorded))
    {
        server.setResponder([this](const QJsonArray &request) {
            for (const QJsonValue &v : request) {
                const QJsonObject call = v.toObject();
                if (call.value(QStringLiteral("method")).toString() == QStringLiteral("eth_call"))
                    callsTo << call.value(QStringLiteral("params"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("to"))
                                   .toString()
                                   .toLower();
            }
            return FakeRpcServer::answerEach(request,
                                             [this](const QString &method, const QJsonArray &params) {
                                                 return node.answer(method, params);
                                             });
        });
    }
};

// A node where the pool names its provider and nothing else answers.
RecordedNode poolNamingItsProvider()
{
    RecordedNode node;
    node.on(addr(kPool), QStringLiteral("ADDRESSES_PROVIDER()"), {}, QStringLiteral("address"),
            {a(kProvider)});
    return node;
}

QString errorsOf(const Expected<FetchedPosition> &p)
{
    return p ? QString() : formatErrors(p.errors());
}

} // namespace

class TestPositionQuery : public QObject {
    Q_OBJECT

private slots:
    void morphoReadsTheMorphoAccount()
    {
        Watched s;
        JsonRpcClient client(QUrl(s.server.url()));
        PositionQuery query;
        query.morpho = addr(kMorpho);
        query.marketId = kWstethWeth;
        query.user = kUser;
        query.poolProvider = addr(kProvider); // Morpho named: the provider is not asked
        QVERIFY(query.isMorpho());
        const Expected<FetchedPosition> p = fetchPosition(client, query);
        QVERIFY2(p.hasValue(), qPrintable(errorsOf(p)));
        QCOMPARE(client.roundTrips(), 3);
        QCOMPARE(p->protocol, QStringLiteral("morpho-blue"));
        QCOMPARE(p->marketId, kWstethWeth);
        QCOMPARE(p->user.toLower(), kUser.toLower());
        // HF = 95 wstETH x 1.2 x 0.945 / 105.882352941176470589 WETH = 107.73 x 850 / 90000 = 1.01745.
        QVERIFY(std::abs(accountFigures(p->account).healthFactor - 1.01745) < 1e-12);
        QVERIFY(!s.callsTo.contains(addr(kProvider)));
        QVERIFY(s.callsTo.contains(addr(kMorpho)));
    }

    void aPoolIsAskedForItsProvider()
    {
        Watched s(poolNamingItsProvider());
        JsonRpcClient client(QUrl(s.server.url()));
        PositionQuery query;
        query.pool = addr(kPool);
        query.user = kUser;
        QVERIFY(!query.isMorpho());
        // The provider answers nothing here: the read fails at the provider's first call, which shows the
        // pool was asked first, alone, and its answer was where the Aave reader went.
        const Expected<FetchedPosition> p = fetchPosition(client, query);
        QVERIFY(!p.hasValue());
        QVERIFY(s.callsTo.size() >= 2);
        QCOMPARE(s.callsTo.first(), addr(kPool));
        QCOMPARE(s.callsTo.count(addr(kPool)), 1);
        QVERIFY2(s.callsTo.mid(1).contains(addr(kProvider)), qPrintable(s.callsTo.join(u' ')));
        QVERIFY2(errorsOf(p).contains(addr(kProvider)), qPrintable(errorsOf(p)));
    }

    void aProviderIsReadWithoutAskingThePool()
    {
        Watched s(poolNamingItsProvider());
        JsonRpcClient client(QUrl(s.server.url()));
        PositionQuery query;
        query.poolProvider = addr(kProvider);
        query.pool = addr(kPool); // the provider given wins: the pool is not asked
        query.user = kUser;
        const Expected<FetchedPosition> p = fetchPosition(client, query);
        QVERIFY(!p.hasValue());
        QVERIFY(!s.callsTo.isEmpty());
        QCOMPARE(s.callsTo.first(), addr(kProvider));
        QVERIFY(!s.callsTo.contains(addr(kPool)));
    }

    void aPoolThatNamesNoProviderIsAnError()
    {
        Watched s{RecordedNode()}; // every call reverts
        JsonRpcClient client(QUrl(s.server.url()));
        PositionQuery query;
        query.pool = addr(kPool);
        query.user = kUser;
        const Expected<FetchedPosition> p = fetchPosition(client, query);
        QVERIFY(!p.hasValue());
        QVERIFY2(errorsOf(p).contains(QStringLiteral("ADDRESSES_PROVIDER()")), qPrintable(errorsOf(p)));
        // One round trip, one call: nothing is read from a provider no pool named.
        QCOMPARE(client.roundTrips(), 1);
        QCOMPARE(s.callsTo, QStringList{addr(kPool)});
        // Not an address: named before anything is sent.
        query.pool = QStringLiteral("0x1234");
        const Expected<FetchedPosition> bad = fetchPosition(client, query);
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.errors().first().field, QStringLiteral("pool"));
        QCOMPARE(client.roundTrips(), 1);
    }
};

QTEST_MAIN(TestPositionQuery)
#include "tst_positionquery.moc"
