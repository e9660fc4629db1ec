// The review of a refresh from the chain: diffMarkets finds exactly the fields that differ, flags the
// statuses a user must see, and mergeMarket takes only the accepted changes.
#include "marketchangetext.h"
#include "marketdiff.h"
#include "marketjson.h"
#include "marketregistry.h"

#include <QJsonDocument>
#include <QtTest>

using namespace lp;

namespace {

Reserve reserve(const QString &symbol, double ltv, double lt, double price)
{
    Reserve r;
    r.symbol = symbol;
    r.name = symbol;
    r.decimals = 18;
    r.ltv = ltv;
    r.liquidationThreshold = lt;
    r.liquidationBonus = 0.05;
    r.liquidationProtocolFee = 0.1;
    r.reserveFactor = 0.15;
    r.usableAsCollateral = lt > 0.0;
    r.borrowable = true;
    r.rateStrategy = RateStrategy{0.8, 0.0, 0.028, 0.8};
    r.supplyApy = 0.01;
    r.borrowApy = 0.03;
    r.defaultPriceUsd = price;
    return r;
}

Market oldMarket()
{
    Market m;
    m.id = QStringLiteral("mine");
    m.name = QStringLiteral("Mine");
    m.chain = QStringLiteral("Ethereum");
    m.asOf = QDate(2025, 1, 2);
    m.source = QStringLiteral("my notes");
    m.flashLoanPremium = 0.0005;
    m.reserves = {reserve(QStringLiteral("WETH"), 0.805, 0.83, 2000.0),
                  reserve(QStringLiteral("USDC"), 0.77, 0.8, 1.0),
                  reserve(QStringLiteral("OLD"), 0.5, 0.6, 3.0)};
    m.reserves[0].estimates = {QStringLiteral("liquidationThreshold"), QStringLiteral("supplyApy")};
    EModeCategory e;
    e.id = 1;
    e.label = QStringLiteral("Stablecoins");
    e.ltv = 0.93;
    e.liquidationThreshold = 0.95;
    e.liquidationBonus = 0.01;
    e.members = {QStringLiteral("USDC"), QStringLiteral("OLD")};
    m.eModes = {e};
    return m;
}

// The same market as the chain has it now: WETH's threshold moved, USDC frozen, OLD gone, DAI new.
Market fetchedMarket()
{
    Market m = oldMarket();
    m.id = QStringLiteral("aave-v3-1");
    m.asOf = QDate(2026, 11, 30);
    m.source = QStringLiteral("Read from http://127.0.0.1:8545 at block 90");
    m.reserves[0].liquidationThreshold = 0.85;
    m.reserves.removeAt(2);
    m.reserves << reserve(QStringLiteral("DAI"), 0.0, 0.0, 0.9998);
    m.eModes[0].members = {QStringLiteral("USDC"), QStringLiteral("DAI")};
    for (Reserve &r : m.reserves) {
        ReserveChainData c;
        c.address = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        c.priceUsd = r.defaultPriceUsd;
        c.totalSupply = 100;
        c.totalDebt = 40;
        c.availableLiquidity = 60;
        c.utilization = 0.4;
        r.onChain = c;
    }
    m.reserves[1].onChain->frozen = true;
    FetchedRecord f;
    f.chainId = 1;
    f.blockNumber = 90;
    f.blockTime = QDateTime(QDate(2026, 11, 30), QTime(6, 0), Qt::UTC);
    f.protocol = QStringLiteral("aave-v3");
    m.fetched = f;
    return m;
}

} // namespace

class TestMarketDiff : public QObject {
    Q_OBJECT

private slots:
    void sameMarketHasNoChanges()
    {
        // Through a JSON round trip too: what a saved file gives back is no change.
        const Market m = fetchedMarket();
        QVERIFY(diffMarkets(m, m).isEmpty());
        const Expected<Market> back = parseMarket(QJsonDocument(marketToJson(m)).toJson());
        QVERIFY(back.hasValue());
        QVERIFY(diffMarkets(back.value(), m).isEmpty());
        // Every preset against itself.
        for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries())
            QVERIFY(diffMarkets(e.market, e.market).isEmpty());
    }

    void findsExactlyWhatChanged()
    {
        const QList<MarketChange> changes = diffMarkets(oldMarket(), fetchedMarket());
        // The old market holds no chain data: USDC's "frozen" compares with an unfrozen reserve.
        const QStringList expected{
            QStringLiteral("WETH liquidationThreshold: 83 % -> 85 % []"),
            QStringLiteral("USDC frozen: no -> yes [frozen]"),
            QStringLiteral("DAI : — -> — [new reserve]"),
            QStringLiteral("OLD : — -> — [reserve vanished]"),
            QStringLiteral("e-mode 1 members: USDC, OLD -> USDC, DAI []"),
        };
        QCOMPARE(lp::test::changeTexts(changes), expected);
        QCOMPARE(changes[0].oldValue.toDouble(), 0.83);
        QCOMPARE(changes[0].newValue.toDouble(), 0.85);
    }

    void flagsStatuses()
    {
        Market old = fetchedMarket();
        Market now = old;
        now.reserves[0].ltv = 0.0;
        now.reserves[0].onChain->paused = true;
        now.reserves[0].onChain->active = false;
        now.reserves[2].onChain->supplyCap = 100; // totalSupply 100: reached
        now.reserves[2].onChain->borrowCap = 50;  // totalDebt 40: not reached
        now.flashLoanPremium = 0.0009;
        const QStringList expected{
            QStringLiteral("market flashLoanPremium: 0.05 % -> 0.09 % []"),
            QStringLiteral("WETH ltv: 80.5 % -> 0 % [LTV 0]"),
            QStringLiteral("WETH active: yes -> no [inactive]"),
            QStringLiteral("WETH paused: no -> yes [paused]"),
            QStringLiteral("DAI supplyCap: no cap -> 100 []"),
            QStringLiteral("DAI borrowCap: no cap -> 50 []"),
            QStringLiteral("DAI supplyCapReached: no -> yes [supply cap reached]"),
        };
        QCOMPARE(lp::test::changeTexts(diffMarkets(old, now)), expected);
        // A cap reached before is no news.
        old.reserves[2].onChain->supplyCap = 90;
        QVERIFY(!lp::test::changeTexts(diffMarkets(old, now))
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("supplyCapReached")));
    }

    void movingChainStateIsNoChange()
    {
        const Market old = fetchedMarket();
        Market now = old;
        now.reserves[0].onChain->totalDebt = 41;
        now.reserves[0].onChain->utilization = 41.0 / 101.0;
        now.reserves[0].onChain->availableLiquidity = 60;
        QVERIFY(diffMarkets(old, now).isEmpty());
        // ... but the merge takes it.
        QCOMPARE(mergeMarket(old, now, {}).reserves[0].onChain->totalDebt, 41.0);
        // Within 1e-12 relative is the same number; beyond is a change.
        now = old;
        now.reserves[0].defaultPriceUsd = 2000.0 * (1 + 1e-13);
        QVERIFY(diffMarkets(old, now).isEmpty());
        now.reserves[0].defaultPriceUsd = 2000.0 * (1 + 1e-9);
        QCOMPARE(diffMarkets(old, now).size(), 1);
    }

    void mergeTakesAllAccepted()
    {
        const Market old = oldMarket();
        const Market now = fetchedMarket();
        const Market merged = mergeMarket(old, now, diffMarkets(old, now));
        // Everything accepted: the fetched market under the old id, name and notes.
        QCOMPARE(merged.id, old.id);
        QCOMPARE(merged.name, old.name);
        QCOMPARE(merged.asOf, now.asOf);
        QCOMPARE(merged.fetched, now.fetched);
        QCOMPARE(merged.reserves.size(), 3);
        QCOMPARE(merged.reserves[0].liquidationThreshold, 0.85);
        // The threshold is now read from the chain: no longer an estimate; supplyApy still is.
        QCOMPARE(merged.reserves[0].estimates, QStringList{QStringLiteral("supplyApy")});
        QVERIFY(merged.reserves[1].onChain->frozen);
        QCOMPARE(merged.reserves[2].symbol, QStringLiteral("DAI"));
        QCOMPARE(merged.eModes[0].members, (QStringList{QStringLiteral("USDC"), QStringLiteral("DAI")}));
        QVERIFY(validateMarket(merged).isEmpty());
        QVERIFY(diffMarkets(merged, now).isEmpty());
    }

    void mergeTakesOnlyAccepted()
    {
        const Market old = oldMarket();
        const Market now = fetchedMarket();
        const QList<MarketChange> changes = diffMarkets(old, now);
        // Accept USDC frozen and OLD vanished only.
        const QList<bool> accepted{false, true, false, true, false};
        const Market merged = mergeMarket(old, now, changes, accepted);
        QCOMPARE(merged.reserves.size(), 2);
        QCOMPARE(merged.reserves[0].liquidationThreshold, 0.83);
        QCOMPARE(merged.reserves[0].estimates, old.reserves[0].estimates);
        QVERIFY(merged.reserves[1].onChain->frozen);
        // OLD went, so the category keeps USDC alone (DAI was not accepted).
        QCOMPARE(merged.eModes[0].members, QStringList{QStringLiteral("USDC")});
        QVERIFY(validateMarket(merged).isEmpty());
        // WETH keeps its old price also as its chain price.
        QCOMPARE(merged.reserves[0].onChain->priceUsd, 2000.0);
        // What is left to review is exactly what was refused.
        QStringList left = lp::test::changeTexts(diffMarkets(merged, now));
        QCOMPARE(left, (QStringList{QStringLiteral("WETH liquidationThreshold: 83 % -> 85 % []"),
                                    QStringLiteral("DAI : — -> — [new reserve]"),
                                    QStringLiteral("e-mode 1 members: USDC -> USDC, DAI []")}));
    }

    void textFormats()
    {
        using F = MarketChange::Format;
        QCOMPARE(MarketChange::text(0.825, F::Percent), QStringLiteral("82.5 %"));
        QCOMPARE(MarketChange::text(2000.12345678, F::Usd), QStringLiteral("$2000.12345678"));
        QCOMPARE(MarketChange::text(0.0, F::Amount), QStringLiteral("no cap"));
        QCOMPARE(MarketChange::text(2500.0, F::Amount), QStringLiteral("2500"));
        QCOMPARE(MarketChange::text(QVariant(), F::Percent), QStringLiteral("—"));
    }
};

QTEST_GUILESS_MAIN(TestMarketDiff)
#include "tst_marketdiff.moc"
