// Aave v3.1 and later, on recorded answers (recordednode.h): a fake node (QTcpServer on 127.0.0.1) answers
// each eth_call of a two-reserve v3.3 market as aave-v3-origin's contracts do (the rate strategy's
// getInterestRateDataBps per reserve, e-mode categories by id with member bitmaps of reserve ids, the
// pool's getReserveDeficit) and reverts v3.0's getters, which those versions no longer have. The local
// anvil market of tst_aavev3reader covers v3.0 on the real contracts.
#include "aavev3reader.h"
#include "abi.h"
#include "deployments.h"
#include "fakerpcserver.h"
#include "recordednode.h"

#include <QtTest>

#include <tuple>

using namespace lp;
using namespace lp::chain;
using namespace recorded;

namespace {

const int kProvider = 1, kPool = 2, kDataProvider = 3, kOracle = 4, kStrategy = 5, kWeth = 0x10, kUsdc = 0x11,
          kAWeth = 0x20, kAUsdc = 0x21;

// A v3.3 market: WETH (reserve id 0) and USDC (reserve id 2: id 1 was dropped), one rate strategy for both,
// e-mode 1 "ETH correlated" (WETH), 2 "Stablecoins" (USDC), 3 unused.
RecordedNode v33Market()
{
    RecordedNode n;
    n.on(addr(kProvider), QStringLiteral("getPool()"), {}, QStringLiteral("address"), {a(kPool)});
    n.on(addr(kProvider), QStringLiteral("getPoolDataProvider()"), {}, QStringLiteral("address"),
         {a(kDataProvider)});
    n.on(addr(kProvider), QStringLiteral("getPriceOracle()"), {}, QStringLiteral("address"), {a(kOracle)});
    n.on(addr(kProvider), QStringLiteral("getMarketId()"), {}, QStringLiteral("string"),
         {AbiValue::text(QStringLiteral("Recorded v3.3"))});
    n.on(addr(kPool), QStringLiteral("getReservesList()"), {}, QStringLiteral("address[]"),
         {AbiValue::list({a(kWeth), a(kUsdc)})});
    n.on(addr(kPool), QStringLiteral("POOL_REVISION()"), {}, QStringLiteral("uint256"), {w(7)});
    n.on(addr(kPool), QStringLiteral("FLASHLOAN_PREMIUM_TOTAL()"), {}, QStringLiteral("uint128"), {w(5)});
    n.on(addr(kDataProvider), QStringLiteral("getAllReservesTokens()"), {},
         QStringLiteral("(string,address)[]"),
         {AbiValue::list({AbiValue::list({AbiValue::text(QStringLiteral("WETH")), a(kWeth)}),
                          AbiValue::list({AbiValue::text(QStringLiteral("USDC")), a(kUsdc)})})});
    n.on(addr(kOracle), QStringLiteral("BASE_CURRENCY_UNIT()"), {}, QStringLiteral("uint256"),
         {w(100000000)});
    struct R {
        int asset, aToken, id;
        quint64 decimals, ltv, lt, bonus, rf, fee, supplyCap, borrowCap, price;
        const char *supply, *debt, *available; // in the token's smallest unit
        quint64 optimal, base, slope1, slope2; // bps
    };
    const QList<R> reserves{{kWeth, kAWeth, 0, 18, 8050, 8300, 10500, 1500, 1000, 0, 0, 312345678901,
                             "1000000000000000000000", "400000000000000000000", "600000000000000000000", 9000,
                             0, 270, 8000},
                            {kUsdc, kAUsdc, 2, 6, 7500, 7800, 10450, 1000, 2000, 2000000, 1000000, 100010000,
                             "1000000000000", "900000000000", "100000000000", 9200, 25, 550, 3500}};
    QList<AbiValue> prices;
    for (const R &r : reserves) {
        const QList<AbiValue> arg{a(r.asset)};
        n.on(addr(kDataProvider), QStringLiteral("getReserveConfigurationData(address)"), arg,
             QStringLiteral("uint256,uint256,uint256,uint256,uint256,bool,bool,bool,bool,bool"),
             {w(r.decimals), w(r.ltv), w(r.lt), w(r.bonus), w(r.rf), AbiValue::boolean(true),
              AbiValue::boolean(true), AbiValue::boolean(false), AbiValue::boolean(true),
              AbiValue::boolean(r.asset == kUsdc)});
        n.on(addr(kDataProvider), QStringLiteral("getReserveCaps(address)"), arg,
             QStringLiteral("uint256,uint256"), {w(r.borrowCap), w(r.supplyCap)});
        n.on(addr(kDataProvider), QStringLiteral("getPaused(address)"), arg, QStringLiteral("bool"),
             {AbiValue::boolean(false)});
        n.on(addr(kDataProvider), QStringLiteral("getReserveData(address)"), arg,
             QStringLiteral("uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256,"
                            "uint256,uint40"),
             {w(0), w(0), big(r.supply), w(0), big(r.debt), big("20000000000000000000000000"),
              big("35000000000000000000000000"), w(0), w(0), w(0), w(0), w(1764462000)});
        n.on(addr(kDataProvider), QStringLiteral("getLiquidationProtocolFee(address)"), arg,
             QStringLiteral("uint256"), {w(r.fee)});
        n.on(addr(kDataProvider), QStringLiteral("getInterestRateStrategyAddress(address)"), arg,
             QStringLiteral("address"), {a(kStrategy)});
        n.on(addr(kDataProvider), QStringLiteral("getReserveTokensAddresses(address)"), arg,
             QStringLiteral("address,address,address"), {a(r.aToken), a(0), a(r.aToken + 0x100)});
        n.on(addr(kPool), QStringLiteral("getReserveData(address)"), arg,
             QStringLiteral("uint256,uint128,uint128,uint128,uint128,uint128,uint40,uint16,address,address,"
                            "address,address,uint128,uint128,uint128"),
             {w(0), w(0), w(0), w(0), w(0), w(0), w(0), w(static_cast<quint64>(r.id)), a(r.aToken), a(0),
              a(0), a(kStrategy), w(0), w(0), w(0)});
        n.on(addr(kStrategy), QStringLiteral("getInterestRateDataBps(address)"), arg,
             QStringLiteral("uint16,uint32,uint32,uint32"),
             {w(r.optimal), w(r.base), w(r.slope1), w(r.slope2)});
        n.on(addr(r.asset), QStringLiteral("balanceOf(address)"), {a(r.aToken)}, QStringLiteral("uint256"),
             {big(r.available)});
        prices << w(r.price);
    }
    n.on(addr(kOracle), QStringLiteral("getAssetsPrices(address[])"), {AbiValue::list({a(kWeth), a(kUsdc)})},
         QStringLiteral("uint256[]"), {AbiValue::list(prices)});
    n.on(addr(kPool), QStringLiteral("getReserveDeficit(address)"), {a(kWeth)}, QStringLiteral("uint256"),
         {w(0)});
    const QList<std::tuple<int, quint64, quint64, quint64, const char *, quint64>> eModes{
        {1, 9300, 9500, 10100, "ETH correlated", 1},
        {2, 9000, 9300, 10200, "Stablecoins", 4},
        {3, 0, 0, 0, "", 0}};
    for (const auto &[id, ltv, lt, bonus, label, bitmap] : eModes) {
        const QList<AbiValue> arg{w(static_cast<quint64>(id))};
        n.on(addr(kPool), QStringLiteral("getEModeCategoryCollateralConfig(uint8)"), arg,
             QStringLiteral("uint16,uint16,uint16"), {w(ltv), w(lt), w(bonus)});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryLabel(uint8)"), arg, QStringLiteral("string"),
             {AbiValue::text(QString::fromLatin1(label))});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryCollateralBitmap(uint8)"), arg,
             QStringLiteral("uint128"), {w(bitmap)});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryBorrowableBitmap(uint8)"), arg,
             QStringLiteral("uint128"), {w(bitmap)});
    }
    return n;
}

} // namespace

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
