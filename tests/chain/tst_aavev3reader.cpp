#include "aavev3reader.h"
#include "localnode.h"
#include "marketjson.h"
#include "marketregistry.h"
#include "planjson.h"
#include "planmarket.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;

namespace {

// A RAY (1e27) decimal string as a fraction, to the nearest double.
double fromRay(const QJsonValue &v)
{
    return UInt256::fromDecimal(v.toString()).value().toDouble(27);
}
int toBps(double fraction)
{
    return static_cast<int>(std::lround(fraction * 10000.0));
}

} // namespace

class TestAaveV3Reader : public QObject {
    Q_OBJECT

private:
    LocalNode m_node;
    std::optional<Market> m_market;
    int m_roundTrips = 0;

private slots:
    void initTestCase()
    {
        m_node = LocalNode::load();
        if (!m_node.skipReason.isEmpty())
            QSKIP(qPrintable(m_node.skipReason));
        JsonRpcClient client(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        client.setExpectedChainId(31337);
        QElapsedTimer timer;
        timer.start();
        Expected<Market> market =
            fetchAaveV3Market(client, m_node.state.value(QStringLiteral("poolAddressesProvider")).toString());
        QVERIFY2(market.hasValue(), market.hasValue() ? "" : qPrintable(formatErrors(market.errors())));
        m_market = market.value();
        m_roundTrips = client.roundTrips();
        qInfo("fetched %lld reserves in %d round trips, %lld ms",
              static_cast<long long>(m_market->reserves.size()), m_roundTrips,
              static_cast<long long>(timer.elapsed()));
    }

    void readsInFourRoundTrips() { QCOMPARE(m_roundTrips, 4); }

    void aPoolNamesItsProvider()
    {
        // A deployment known by its pool only (ZeroLend's): the provider is asked of the pool.
        JsonRpcClient client(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        const Expected<QString> provider =
            poolAddressesProviderOf(client, m_node.state.value(QStringLiteral("pool")).toString());
        QVERIFY2(provider.hasValue(), provider.hasValue() ? "" : qPrintable(formatErrors(provider.errors())));
        QCOMPARE(provider->toLower(),
                 m_node.state.value(QStringLiteral("poolAddressesProvider")).toString().toLower());
        QCOMPARE(client.roundTrips(), 1);
        // A token is no pool: the error names the call.
        const QString token = m_node.state.value(QStringLiteral("reserves"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("address"))
                                  .toString();
        const Expected<QString> wrong = poolAddressesProviderOf(client, token);
        QVERIFY(!wrong);
        QVERIFY2(formatErrors(wrong.errors()).contains(QStringLiteral("ADDRESSES_PROVIDER()")),
                 qPrintable(formatErrors(wrong.errors())));
    }

    void knownAddressesSaveARoundTripAndChangeNothing()
    {
        // A known deployment's pool, data provider and oracle: verified against the provider's answers in
        // the first round trip, which also reads the reserves list: three round trips, the same market.
        JsonRpcClient client(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        AaveV3FetchOptions options;
        options.knownPool = m_node.state.value(QStringLiteral("pool")).toString();
        options.knownDataProvider = m_node.state.value(QStringLiteral("dataProvider")).toString();
        options.knownOracle = m_node.state.value(QStringLiteral("oracle")).toString();
        QList<int> steps;
        options.progress = [&steps](int step, int total, const QString &) {
            steps << step;
            QCOMPARE(total, 3);
        };
        const QString provider = m_node.state.value(QStringLiteral("poolAddressesProvider")).toString();
        Expected<Market> hinted = fetchAaveV3Market(client, provider, options);
        QVERIFY2(hinted.hasValue(), hinted.hasValue() ? "" : qPrintable(formatErrors(hinted.errors())));
        QCOMPARE(client.roundTrips(), 3);
        QCOMPARE(steps, (QList<int>{1, 2, 3}));
        QVERIFY(hinted.value() == *m_market);

        // A stale known address (here the oracle's, given as the pool) is not used: four round trips, the
        // same market.
        JsonRpcClient again(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        options.knownPool = options.knownOracle;
        options.progress = {};
        Expected<Market> stale = fetchAaveV3Market(again, provider, options);
        QVERIFY2(stale.hasValue(), stale.hasValue() ? "" : qPrintable(formatErrors(stale.errors())));
        QCOMPARE(again.roundTrips(), 4);
        QVERIFY(stale.value() == *m_market);
    }

    void everyReserveIsAsDeployed()
    {
        const QJsonArray deployed = m_node.state.value(QStringLiteral("reserves")).toArray();
        QCOMPARE(m_market->reserves.size(), deployed.size());
        for (qsizetype i = 0; i < deployed.size(); ++i) {
            const QJsonObject d = deployed[i].toObject();
            const Reserve &r = m_market->reserves[i];
            const QString symbol = d.value(QStringLiteral("symbol")).toString();
            QCOMPARE(r.symbol, symbol);
            QCOMPARE(r.name, d.value(QStringLiteral("name")).toString());
            QCOMPARE(r.decimals, d.value(QStringLiteral("decimals")).toInt());
            // Basis points exactly.
            QCOMPARE(toBps(r.ltv), d.value(QStringLiteral("ltv")).toInt());
            QCOMPARE(toBps(r.liquidationThreshold), d.value(QStringLiteral("liquidationThreshold")).toInt());
            const int bonus = d.value(QStringLiteral("liquidationBonus")).toInt();
            QCOMPARE(toBps(r.liquidationBonus), bonus == 0 ? 0 : bonus - 10000);
            QCOMPARE(toBps(r.liquidationProtocolFee),
                     d.value(QStringLiteral("liquidationProtocolFee")).toInt());
            QCOMPARE(toBps(r.reserveFactor), d.value(QStringLiteral("reserveFactor")).toInt());
            QCOMPARE(r.usableAsCollateral, d.value(QStringLiteral("liquidationThreshold")).toInt() > 0);
            QCOMPARE(r.borrowable, d.value(QStringLiteral("borrowing")).toBool());
            // Prices to 1e-8 USD (the oracle's 8 decimals).
            const double price = d.value(QStringLiteral("price")).toString().toDouble() / 1e8;
            QVERIFY2(std::abs(r.onChain->priceUsd - price) < 1e-8, qPrintable(symbol));
            QCOMPARE(r.defaultPriceUsd, r.onChain->priceUsd);
            // Rates to 1e-9.
            const QJsonObject rate = d.value(QStringLiteral("rate")).toObject();
            QVERIFY(std::abs(r.rateStrategy->optimalUtilization - fromRay(rate[QStringLiteral("optimal")])) <
                    1e-9);
            QVERIFY(std::abs(r.rateStrategy->baseRate - fromRay(rate[QStringLiteral("base")])) < 1e-9);
            QVERIFY(std::abs(r.rateStrategy->slope1 - fromRay(rate[QStringLiteral("slope1")])) < 1e-9);
            QVERIFY(std::abs(r.rateStrategy->slope2 - fromRay(rate[QStringLiteral("slope2")])) < 1e-9);
            const double supplyApr = fromRay(d.value(QStringLiteral("liquidityRate")));
            const double borrowApr = fromRay(d.value(QStringLiteral("variableBorrowRate")));
            QVERIFY(std::abs(r.supplyApy - std::expm1(31536000.0 * std::log1p(supplyApr / 31536000.0))) <
                    1e-9);
            QVERIFY(std::abs(r.borrowApy - std::expm1(31536000.0 * std::log1p(borrowApr / 31536000.0))) <
                    1e-9);
            // Status, caps, totals.
            QCOMPARE(r.onChain->address, d.value(QStringLiteral("address")).toString());
            QCOMPARE(r.onChain->frozen, d.value(QStringLiteral("frozen")).toBool());
            QVERIFY(r.onChain->active);
            QVERIFY(!r.onChain->paused);
            QCOMPARE(r.onChain->supplyCap, d.value(QStringLiteral("supplyCap")).toDouble());
            QCOMPARE(r.onChain->borrowCap, d.value(QStringLiteral("borrowCap")).toDouble());
            const double decimals = std::pow(10.0, r.decimals);
            const double available =
                d.value(QStringLiteral("availableLiquidity")).toString().toDouble() / decimals;
            const double debt = d.value(QStringLiteral("totalDebt")).toString().toDouble() / decimals;
            QVERIFY(std::abs(r.onChain->availableLiquidity - available) <= 1e-12 * std::max(1.0, available));
            QVERIFY(std::abs(r.onChain->totalDebt - debt) <= 1e-9 * std::max(1.0, debt));
            if (available + debt > 0)
                QVERIFY(std::abs(r.onChain->utilization - debt / (available + debt)) < 1e-9);
        }
        // By hand: USDC, 1,000,000 supplied and 400,000 borrowed.
        const Reserve *usdc = m_market->reserve(QStringLiteral("USDC"));
        QVERIFY(std::abs(usdc->onChain->utilization - 0.4) < 1e-6);
        QVERIFY(std::abs(usdc->onChain->availableLiquidity - 600000.0) < 1e-6);
    }

    void marketLevelValues()
    {
        QCOMPARE(toBps(m_market->flashLoanPremium),
                 m_node.state.value(QStringLiteral("flashLoanPremiumTotal")).toInt());
        QCOMPARE(m_market->chainId, 31337);
        QVERIFY(m_market->liquidationRules == LiquidationRuleSet::AaveV30);
        const QJsonArray eModes = m_node.state.value(QStringLiteral("eModes")).toArray();
        QCOMPARE(m_market->eModes.size(), eModes.size());
        const QJsonObject e = eModes[0].toObject();
        QCOMPARE(m_market->eModes[0].id, e.value(QStringLiteral("id")).toInt());
        QCOMPARE(m_market->eModes[0].label, e.value(QStringLiteral("label")).toString());
        QCOMPARE(toBps(m_market->eModes[0].ltv), e.value(QStringLiteral("ltv")).toInt());
        QCOMPARE(toBps(m_market->eModes[0].liquidationThreshold), e.value(QStringLiteral("lt")).toInt());
        QCOMPARE(toBps(m_market->eModes[0].liquidationBonus),
                 e.value(QStringLiteral("bonus")).toInt() - 10000);
        QCOMPARE(m_market->eModes[0].members, QStringList({QStringLiteral("USDC"), QStringLiteral("DAI")}));

        const FetchedRecord &f = *m_market->fetched;
        QCOMPARE(f.chainId, qint64{31337});
        QVERIFY(f.blockNumber >= m_node.state.value(QStringLiteral("blockNumber")).toInteger());
        QVERIFY(f.blockTime.toSecsSinceEpoch() >=
                m_node.state.value(QStringLiteral("blockTime")).toInteger());
        QCOMPARE(m_market->asOf, f.blockTime.date());
        QCOMPARE(f.protocol, QStringLiteral("aave-v3"));
        QCOMPARE(f.version, QStringLiteral("3.0 (pool revision %1)")
                                .arg(m_node.state.value(QStringLiteral("poolRevision")).toString()));
        QCOMPARE(f.rpcHost, m_node.state.value(QStringLiteral("rpc")).toString());
        const auto contract = [&f](const char *name) {
            for (const auto &[key, address] : f.contracts) {
                if (key == QLatin1String(name))
                    return address;
            }
            return QString();
        };
        QCOMPARE(contract("pool"), m_node.state.value(QStringLiteral("pool")).toString());
        QCOMPARE(contract("poolDataProvider"), m_node.state.value(QStringLiteral("dataProvider")).toString());
        QCOMPARE(contract("priceOracle"), m_node.state.value(QStringLiteral("oracle")).toString());
    }

    void theFileOpensAndAPlanUsesIt()
    {
        const Expected<Market> back = parseMarket(QJsonDocument(marketToJson(*m_market)).toJson());
        QVERIFY2(back.hasValue(), back.hasValue() ? "" : qPrintable(formatErrors(back.errors())));
        QVERIFY(back.value() == *m_market);
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        QVERIFY(registry.add(*m_market).isEmpty());
        const QByteArray plan =
            QStringLiteral(R"({"format": "leverage-planner-plan", "version": 1, "name": "WETH against USDC",
                 "market": "%1", "collateral": {"symbol": "WETH"}, "borrow": {"symbol": "USDC", "priceModel": "fixed"},
                 "deposit": 5, "strategy": {"mode": "targetLeverage", "leverage": 3}, "execution": "flashLoan"})")
                .arg(m_market->id)
                .toUtf8();
        const Expected<Plan> parsed = parsePlan(plan, registry);
        QVERIFY2(parsed.hasValue(), parsed.hasValue() ? "" : qPrintable(formatErrors(parsed.errors())));
        const MarketPreset preset = marketPreset(registry, parsed.value());
        QCOMPARE(toBps(preset.collateral.ltv), 8050);
        QCOMPARE(toBps(preset.collateral.liquidationThreshold), 8300);
        QVERIFY(std::abs(preset.collateral.priceUsd - 2000.12345678) < 1e-8);
    }

    void aWrongAddressIsAClearError()
    {
        JsonRpcClient client(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        // The pool itself is no addresses provider: getPool() is not among its functions.
        const Expected<Market> market =
            fetchAaveV3Market(client, m_node.state.value(QStringLiteral("pool")).toString());
        QVERIFY(!market.hasValue());
        QVERIFY2(market.errors().first().field.contains(u"getPool()"),
                 qPrintable(formatErrors(market.errors())));
        QVERIFY(!fetchAaveV3Market(client, QStringLiteral("0x1234")).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestAaveV3Reader)
#include "tst_aavev3reader.moc"
