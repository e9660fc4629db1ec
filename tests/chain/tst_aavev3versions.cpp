// Aave v3.1 and later, on recorded answers (recordednode.h): a fake node (QTcpServer on 127.0.0.1) answers
// each eth_call of a two-reserve v3.3 market as aave-v3-origin's contracts do (the rate strategy's
// getInterestRateDataBps per reserve, e-mode categories by id with member bitmaps of reserve ids, the
// pool's getReserveDeficit) and reverts v3.0's getters, which those versions no longer have. The local
// anvil market of tst_aavev3reader covers v3.0 on the real contracts.
#include "aavev3reader.h"
#include "abi.h"
#include "deployments.h"
#include "fakerpcserver.h"
#include "recordedaavemarket.h"
#include "recordednode.h"

#include <QtTest>

using namespace lp;
using namespace lp::chain;
using namespace recorded;
using namespace recorded::aave;

class TestAaveV3Versions : public QObject {
    Q_OBJECT

private slots:
    void readsV33FromRecordedAnswers()
    {
        const RecordedNode node = v33Market();
        FakeRpcServer server;
        server.setResponder([&node](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request,
                                             [&node](const QString &method, const QJsonArray &params) {
                                                 return node.answer(method, params);
                                             });
        });
        JsonRpcClient client{QUrl(server.url())};
        const Expected<Market> market = fetchAaveV3Market(client, addr(kProvider));
        QVERIFY2(market.hasValue(), market.hasValue() ? "" : qPrintable(formatErrors(market.errors())));
        QCOMPARE(client.roundTrips(), 4);
        const Market &m = market.value();
        QCOMPARE(m.name, QStringLiteral("Recorded v3.3"));
        QCOMPARE(m.fetched->version, QStringLiteral("3.3 or later (pool revision 7)"));
        QVERIFY(m.liquidationRules == LiquidationRuleSet::AaveV33);
        QCOMPARE(m.fetched->blockNumber, qint64(21000000));
        QCOMPARE(m.asOf, QDate(2025, 11, 30));
        QCOMPARE(m.reserves.size(), 2);
        // v3.1's rate data, in basis points.
        const Reserve &weth = m.reserves[0];
        QCOMPARE(weth.symbol, QStringLiteral("WETH"));
        QCOMPARE(weth.rateStrategy->optimalUtilization, 0.9);
        QCOMPARE(weth.rateStrategy->baseRate, 0.0);
        QCOMPARE(weth.rateStrategy->slope1, 0.027);
        QCOMPARE(weth.rateStrategy->slope2, 0.8);
        const Reserve &usdc = m.reserves[1];
        QCOMPARE(usdc.rateStrategy->optimalUtilization, 0.92);
        QCOMPARE(usdc.rateStrategy->baseRate, 0.0025);
        QCOMPARE(usdc.rateStrategy->slope1, 0.055);
        QCOMPARE(usdc.rateStrategy->slope2, 0.35);
        QCOMPARE(usdc.liquidationThreshold, 0.78);
        QVERIFY(usdc.onChain->frozen);
        QVERIFY(std::abs(weth.onChain->priceUsd - 3123.45678901) < 1e-8);
        QVERIFY(std::abs(usdc.onChain->utilization - 0.9) < 1e-12);
        // v3.2's categories by id: the unused id 3 is left out; USDC is bit 2 (its reserve id), not bit 1.
        QCOMPARE(m.eModes.size(), 2);
        QCOMPARE(m.eModes[0].id, 1);
        QCOMPARE(m.eModes[0].label, QStringLiteral("ETH correlated"));
        QCOMPARE(m.eModes[0].members, QStringList{QStringLiteral("WETH")});
        QCOMPARE(m.eModes[0].liquidationThreshold, 0.95);
        QCOMPARE(m.eModes[0].liquidationBonus, 0.01);
        QCOMPARE(m.eModes[1].members, QStringList{QStringLiteral("USDC")});
        QCOMPARE(m.eModes[1].ltv, 0.9);
    }

    void aKnownDeploymentReadsInThreeRoundTrips()
    {
        // A deployment that lists the pool, data provider and oracle its provider names: the reader
        // verifies them in the first round trip and reads the same market in three round trips, not four.
        const QByteArray json =
            QStringLiteral(
                "{'format': 'leverage-planner-deployments', 'version': 1, 'deployments': ["
                "{'name': 'recorded', 'chain': 'Ethereum', 'chainId': 1, 'protocol': 'aave-v3',"
                "'poolAddressesProvider': '%1', 'pool': '%2', 'dataProvider': '%3', 'oracle': '%4',"
                "'addressesSource': 'the recorded answers', 'rpc': 'https://x.example', 'source': "
                "'s'}]}")
                .arg(addr(kProvider), addr(kPool), addr(kDataProvider), addr(kOracle))
                .toLatin1()
                .replace('\'', '"');
        const Expected<QList<Deployment>> parsed = parseDeployments(json);
        QVERIFY2(parsed.hasValue(), parsed.hasValue() ? "" : qPrintable(formatErrors(parsed.errors())));
        const Deployment &d = parsed->first();
        QVERIFY(d.hasKnownAddresses());
        const RecordedNode node = v33Market();
        FakeRpcServer server;
        server.setResponder([&node](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request,
                                             [&node](const QString &method, const QJsonArray &params) {
                                                 return node.answer(method, params);
                                             });
        });
        AaveV3FetchOptions options;
        options.knownPool = d.pool;
        options.knownDataProvider = d.dataProvider;
        options.knownOracle = d.oracle;
        QList<int> steps;
        options.progress = [&steps](int step, int total, const QString &) { steps << step * 10 + total; };
        JsonRpcClient known{QUrl(server.url())};
        const Expected<Market> fast = fetchAaveV3Market(known, d.poolAddressesProvider, options);
        QVERIFY2(fast.hasValue(), fast.hasValue() ? "" : qPrintable(formatErrors(fast.errors())));
        QCOMPARE(known.roundTrips(), 3);
        QCOMPARE(steps, (QList<int>{13, 23, 33}));
        JsonRpcClient plain{QUrl(server.url())};
        const Expected<Market> slow = fetchAaveV3Market(plain, d.poolAddressesProvider);
        QVERIFY(slow.hasValue());
        QCOMPARE(plain.roundTrips(), 4);
        QCOMPARE(fast->reserves.size(), slow->reserves.size());
        for (qsizetype i = 0; i < fast->reserves.size(); ++i) {
            QCOMPARE(fast->reserves[i].symbol, slow->reserves[i].symbol);
            QCOMPARE(fast->reserves[i].liquidationThreshold, slow->reserves[i].liquidationThreshold);
            QCOMPARE(fast->reserves[i].onChain->priceUsd, slow->reserves[i].onChain->priceUsd);
        }
    }

    void strategyWithoutEitherInterfaceIsNamed()
    {
        // A strategy that answers neither v3.0's getters nor getInterestRateDataBps: the error says so.
        const RecordedNode node = v33Market();
        FakeRpcServer server;
        server.setResponder([&node](const QJsonArray &request) {
            return FakeRpcServer::answerEach(
                request, [&node](const QString &method, const QJsonArray &params) {
                    if (method == u"eth_call" &&
                        params.at(0)
                            .toObject()
                            .value(QStringLiteral("data"))
                            .toString()
                            .startsWith(
                                QStringLiteral("0x") +
                                QString::fromLatin1(
                                    AbiFunction(u"getInterestRateDataBps(address)", u"").selector().toHex())))
                        return QJsonObject{
                            {QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), 3},
                                         {QStringLiteral("message"), QStringLiteral("execution reverted")}}}};
                    return node.answer(method, params);
                });
        });
        JsonRpcClient client{QUrl(server.url())};
        const Expected<Market> market = fetchAaveV3Market(client, addr(kProvider));
        QVERIFY(!market.hasValue());
        const QString message = formatErrors(market.errors());
        QVERIFY2(message.contains(QStringLiteral("getInterestRateDataBps")), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestAaveV3Versions)
#include "tst_aavev3versions.moc"
