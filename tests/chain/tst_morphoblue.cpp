// Morpho Blue on recorded answers (morphorecorded.h, served by servednode.h): Morpho's compiled contract is
// in no registry package (@morpho-org/morpho-blue on npm has the sources only), so a fake node on 127.0.0.1
// answers the exact calls with values encoded from a hand-made market and account. Every decoded field is
// checked against values derived by hand in the comments.
#include "morphoblue.h"
#include "servednode.h"

#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;
using namespace morpho_recorded;

class TestMorphoBlue : public QObject {
    Q_OBJECT

private slots:
    void sharesToAssetsRoundEachWay()
    {
        // 2 500 000 shares of a market with 1000 assets and 2e9 shares:
        // 2.5e6 x (1000 + 1) / (2e9 + 1e6) = 2 502 500 000 / 2 001 000 000 = 1.2506: 1 down, 2 up.
        QCOMPARE(morphoToAssets(2500000, 1000, 2000000000, false).value(), UInt256(1));
        QCOMPARE(morphoToAssets(2500000, 1000, 2000000000, true).value(), UInt256(2));
        // An empty market: 1e6 shares are worth the virtual asset, 1e6 x (0 + 1) / (0 + 1e6) = 1.
        // 1e6 = 1.
        QCOMPARE(morphoToAssets(1000000, 0, 0, false).value(), UInt256(1));
        // Fewer shares than 1e6 in an empty market are worth nothing down, 1 up.
        QCOMPARE(morphoToAssets(999999, 0, 0, false).value(), UInt256(0));
        QCOMPARE(morphoToAssets(999999, 0, 0, true).value(), UInt256(1));
        // The recorded account's borrow: (100e24 + 12345) x (900e18 + 1) / (850e24 + 1e6)
        // = 105.882352941176470588... WETH; the remainder is not 0, so the debt rounds up to ...589.
        QCOMPARE(
            morphoToAssets(u(QStringLiteral("100000000000000000000012345")), u(e(9, 20)), u(e(85, 25)), true)
                .value()
                .toDecimal(),
            QStringLiteral("105882352941176470589"));
        QCOMPARE(
            morphoToAssets(u(QStringLiteral("100000000000000000000012345")), u(e(9, 20)), u(e(85, 25)), false)
                .value()
                .toDecimal(),
            QStringLiteral("105882352941176470588"));
    }

    void sharesToAssetsProperty()
    {
        // Up is down or down + 1, and converting all shares never gives more than the assets plus the
        // virtual one (the rest is the virtual shares' part).
        QRandomGenerator rng(15);
        for (int i = 0; i < 300; ++i) {
            const UInt256 totalAssets(rng.generate64() >> 8);
            const UInt256 totalShares(rng.generate64() >> 4);
            const UInt256 shares(rng.bounded(quint64{1} << 40) + (totalShares.low64() >> 3));
            const UInt256 down = morphoToAssets(shares, totalAssets, totalShares, false).value();
            const UInt256 up = morphoToAssets(shares, totalAssets, totalShares, true).value();
            QVERIFY(up == down || up == UInt256::add(down, 1).value());
            QVERIFY(morphoToAssets(totalShares, totalAssets, totalShares, false).value() <=
                    UInt256::add(totalAssets, 1).value());
        }
    }

    void priceAndRateScales()
    {
        // 1.2e36 with equal decimals: 1.2 loan tokens per collateral token.
        QCOMPARE(morphoCollateralPrice(u(e(12, 35)), 18, 18), 1.2);
        // WBTC (8) in USDC (6): 6e38 / 10^(36 + 6 - 8) = 60000.
        QCOMPARE(morphoCollateralPrice(u(e(6, 38)), 8, 6), 60000.0);
        // 1268391679e-18 per second x 31 536 000 s = 0.039999999988944 APR; APY = e^APR - 1.
        QVERIFY(std::abs(morphoRateToApy(1268391679) - std::expm1(0.039999999988944)) < 1e-15);
        QVERIFY(std::abs(morphoRateToApy(1268391679) - 0.0408107741808810) < 1e-12);
        QCOMPARE(morphoRateToApy(0), 0.0);
    }

    void fetchesTwoMarketsInThreeRoundTrips()
    {
        Served s;
        JsonRpcClient client(QUrl(s.server.url()));
        const Expected<QList<Market>> markets =
            fetchMorphoMarkets(client, addr(kMorpho), {kWstethWeth, kWbtcUsdc.toUpper().replace(u'X', u'x')});
        QVERIFY2(markets.hasValue(), qPrintable(markets ? QString() : formatErrors(markets.errors())));
        QCOMPARE(client.roundTrips(), 3);
        QCOMPARE(markets->size(), 2);

        const Market &m = markets->at(0);
        QCOMPARE(m.id, QStringLiteral("morpho-blue-1-wsteth-weth-aaaaaaaa"));
        QVERIFY(m.liquidationRules == LiquidationRuleSet::MorphoBlue);
        QCOMPARE(m.chainId, 1);
        QCOMPARE(m.asOf, QDate(2025, 11, 30));
        QCOMPARE(m.flashLoanPremium, 0.0);
        QCOMPARE(m.reserves.size(), 2);
        const Reserve &c = m.reserves[0];
        QCOMPARE(c.symbol, QStringLiteral("wstETH"));
        QCOMPARE(c.decimals, 18);
        QCOMPARE(c.liquidationThreshold, 0.945);
        QVERIFY(std::abs(c.ltv - 0.94) < 1e-12);
        // 1 / (0.3 x 0.945 + 0.7) - 1 = 1 / 0.9835 - 1 = 0.016776817...
        QVERIFY(std::abs(c.liquidationBonus - 0.0167768174885614) < 1e-12);
        QVERIFY(c.usableAsCollateral && !c.borrowable);
        QCOMPARE(c.onChain->priceUsd, 1.2);
        QCOMPARE(c.onChain->address, addr(kWsteth));
        const Reserve &l = m.reserves[1];
        QCOMPARE(l.symbol, QStringLiteral("WETH"));
        QVERIFY(l.borrowable && !l.usableAsCollateral);
        QCOMPARE(l.liquidationThreshold, 0.0);
        QCOMPARE(l.reserveFactor, 0.1);
        QCOMPARE(l.onChain->totalSupply, 1000.0);
        QCOMPARE(l.onChain->totalDebt, 900.0);
        QCOMPARE(l.onChain->availableLiquidity, 100.0);
        QCOMPARE(l.onChain->utilization, 0.9);
        QCOMPARE(l.onChain->priceUsd, 1.0);
        QVERIFY(std::abs(l.borrowApy - 0.0408107741808810) < 1e-12);
        // Supply APY = borrow APY x utilization x (1 - fee) = 0.04081077 x 0.9 x 0.9 = 0.03305673.
        QVERIFY(std::abs(l.supplyApy - 0.0330567270865136) < 1e-12);
        QCOMPARE(m.fetched->protocol, QStringLiteral("morpho-blue"));
        QCOMPARE(m.fetched->blockNumber, qint64{0x1406f40});
        QVERIFY(m.fetched->contracts.contains({QStringLiteral("marketId"), kWstethWeth}));
        QVERIFY(m.fetched->contracts.contains({QStringLiteral("irm"), addr(kIrm)}));
        QVERIFY(!m.fetched->rpcHost.contains(QStringLiteral("SECRETKEY")));

        const Market &b = markets->at(1);
        QCOMPARE(b.id, QStringLiteral("morpho-blue-1-wbtc-usdc-bbbbbbbb"));
        QCOMPARE(b.reserves[0].symbol, QStringLiteral("WBTC"));
        QCOMPARE(b.reserves[0].decimals, 8);
        QCOMPARE(b.reserves[0].liquidationThreshold, 0.86);
        QCOMPARE(b.reserves[0].onChain->priceUsd, 60000.0);
        QCOMPARE(b.reserves[1].decimals, 6);
        QCOMPARE(b.reserves[1].onChain->totalSupply, 5000000.0);
        QCOMPARE(b.reserves[1].onChain->utilization, 0.8);
        QCOMPARE(b.reserves[1].borrowApy, 0.0); // no IRM: no interest
        QVERIFY(validateMarket(b).isEmpty());
    }

    void readsAPositionWithItsHealthFactor()
    {
        Served s;
        JsonRpcClient client(QUrl(s.server.url()));
        const Expected<FetchedPosition> p = fetchMorphoPosition(client, addr(kMorpho), kWstethWeth, kUser);
        QVERIFY2(p.hasValue(), qPrintable(p ? QString() : formatErrors(p.errors())));
        QCOMPARE(client.roundTrips(), 3);
        QCOMPARE(p->protocol, QStringLiteral("morpho-blue"));
        QCOMPARE(p->marketId, kWstethWeth);
        QCOMPARE(p->account.assets.size(), 2);
        QCOMPARE(p->reserves[0].collateralUnits.toDecimal(), e(95, 18));
        // Debt rounded up (above); supply (30e24 + 7) x (1000e18 + 1) / (1000e24 + 1e6) = 30e18 rounded down.
        QCOMPARE(p->reserves[1].debtUnits.toDecimal(), QStringLiteral("105882352941176470589"));
        QCOMPARE(p->reserves[1].collateralUnits.toDecimal(), QStringLiteral("30000000000000000000"));
        QCOMPARE(p->account.assets[0].priceUsd, 1.2);
        QCOMPARE(p->account.assets[0].liquidationThreshold, 0.945);
        QVERIFY(!p->account.assets[1].countsAsCollateral());
        // HF = 95 x 1.2 x 0.945 / 105.882352941176470589 = 107.73 x 850 / 90000 = 1.01745.
        const AccountFigures f = accountFigures(p->account);
        QVERIFY(std::abs(f.healthFactor - 1.01745) < 1e-12);
        QVERIFY(std::abs(f.totalCollateralUsd - 114.0) < 1e-12);
        // Morpho's own arithmetic: collateral value 114e18, max borrow 107.73e18, the same health factor.
        QCOMPARE(p->pool.totalCollateralUsd, 114.0);
        QVERIFY(std::abs(p->pool.healthFactor - 1.01745) < 1e-12);
        QVERIFY(std::abs(p->pool.availableBorrowsUsd - (107.73 - 105.882352941176470589)) < 1e-12);
        // The collateral's liquidation price: HF 1 at 1.2 / 1.01745 = 1.17941... WETH per wstETH.
        const AccountLiquidationPrice lp = liquidationPriceOf(p->account, {QStringLiteral("wstETH")}, {});
        QVERIFY(std::abs(lp.priceUsd - 1.2 / 1.01745) < 1e-9);
    }

    void failuresNameWhatFailed()
    {
        Served s;
        JsonRpcClient client(QUrl(s.server.url()));
        // An id Morpho never created answers zeros: named, not a market of zeros.
        const QString unknown = QStringLiteral("0x") + QString(64, u'd');
        s.node.on(addr(kMorpho), QStringLiteral("idToMarketParams(bytes32)"), {id(unknown)},
                  QStringLiteral("address,address,address,address,uint256"),
                  {a(0), a(0), a(0), a(0), big(QStringLiteral("0"))});
        Expected<QList<Market>> r = fetchMorphoMarkets(client, addr(kMorpho), {unknown});
        QVERIFY(!r);
        QVERIFY2(formatErrors(r.errors()).contains(QStringLiteral("no market with this id")),
                 qPrintable(formatErrors(r.errors())));
        // Not an id, not an address.
        r = fetchMorphoMarkets(client, addr(kMorpho), {QStringLiteral("0x1234")});
        QVERIFY(!r && formatErrors(r.errors()).contains(QStringLiteral("market-id")));
        r = fetchMorphoMarkets(client, QStringLiteral("0xnope"), {kWstethWeth});
        QVERIFY(!r && formatErrors(r.errors()).contains(QStringLiteral("morpho")));
        // The oracle reverts: the error names the oracle and its call.
        s.node.drop(addr(kOracle1), QStringLiteral("price()"), {});
        r = fetchMorphoMarkets(client, addr(kMorpho), {kWstethWeth});
        QVERIFY(!r);
        QVERIFY2(formatErrors(r.errors()).contains(QStringLiteral("the oracle price()")),
                 qPrintable(formatErrors(r.errors())));
    }
};

QTEST_GUILESS_MAIN(TestMorphoBlue)
#include "tst_morphoblue.moc"
