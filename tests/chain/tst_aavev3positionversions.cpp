// The position reader on a v3.0 and a v3.5 pool, from recorded answers (recordednode.h, served on 127.0.0.1):
// one account in e-mode 1 supplying WETH and borrowing USDC. v3.0 answers its getters (the reserve's e-mode
// id, getEModeCategoryData) and reverts the later ones; v3.5 answers aave-v3-origin's (getReserveDeficit,
// the category's collateral config, label and collateral bitmap of reserve ids) and reverts v3.0's. The
// pools' getUserAccountData answers are worked out below with each version's integer math, so the read
// account's health factor is checked against the pool's as each version computes it.
#include "aavev3position.h"
#include "servednode.h"

#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;
using namespace recorded;

namespace {

const int kProvider = 1, kPool = 2, kDataProvider = 3, kOracle = 4, kUser = 0x77, kUsdc = 0x10, kWeth = 0x11;

// The account's balances: WETH supplied (18 decimals) and USDC borrowed (6), in the tokens' smallest units.
struct Balances {
    const char *weth;
    quint64 usdc;
};

// WETH at $3,123.45678901 (LTV 80.5 %, LT 83 %, own category 1), USDC at $1.0001 (77 %, 80 %); e-mode 1
// "ETH correlated": LTV 93 %, LT 95 %, bonus 1 %, no price source of its own. The reserves are listed USDC,
// WETH; on v3.5 their ids are 0 and 3 (1 and 2 were dropped), so WETH is bit 3 of the collateral bitmap.
RecordedNode market(bool v35, const Balances &b, const QList<AbiValue> &accountData)
{
    RecordedNode n;
    const AbiValue user = a(kUser);
    n.on(addr(kProvider), QStringLiteral("getPool()"), {}, QStringLiteral("address"), {a(kPool)});
    n.on(addr(kProvider), QStringLiteral("getPoolDataProvider()"), {}, QStringLiteral("address"),
         {a(kDataProvider)});
    n.on(addr(kProvider), QStringLiteral("getPriceOracle()"), {}, QStringLiteral("address"), {a(kOracle)});
    n.on(addr(kPool), QStringLiteral("getReservesList()"), {}, QStringLiteral("address[]"),
         {AbiValue::list({a(kUsdc), a(kWeth)})});
    n.on(addr(kDataProvider), QStringLiteral("getAllReservesTokens()"), {},
         QStringLiteral("(string,address)[]"),
         {AbiValue::list({AbiValue::list({AbiValue::text(QStringLiteral("USDC")), a(kUsdc)}),
                          AbiValue::list({AbiValue::text(QStringLiteral("WETH")), a(kWeth)})})});
    n.on(addr(kOracle), QStringLiteral("BASE_CURRENCY_UNIT()"), {}, QStringLiteral("uint256"),
         {w(100000000)});
    n.on(addr(kPool), QStringLiteral("getUserEMode(address)"), {user}, QStringLiteral("uint256"), {w(1)});
    n.on(addr(kPool), QStringLiteral("getUserAccountData(address)"), {user},
         QStringLiteral("uint256,uint256,uint256,uint256,uint256,uint256"), accountData);
    n.on(addr(kOracle), QStringLiteral("getAssetsPrices(address[])"), {AbiValue::list({a(kUsdc), a(kWeth)})},
         QStringLiteral("uint256[]"), {AbiValue::list({w(100010000), w(312345678901)})});
    struct R {
        int asset, id, category;
        quint64 decimals, ltv, lt, bonus;
        AbiValue supplied, borrowed;
    };
    for (const R &r : {R{kUsdc, 0, 0, 6, 7700, 8000, 10450, w(0), w(b.usdc)},
                       R{kWeth, 3, 1, 18, 8050, 8300, 10500, big(b.weth), w(0)}}) {
        const QList<AbiValue> arg{a(r.asset)};
        n.on(addr(kDataProvider), QStringLiteral("getUserReserveData(address,address)"), {a(r.asset), user},
             QStringLiteral("uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint40,bool"),
             {r.supplied, w(0), r.borrowed, w(0), r.borrowed, w(0), w(0), w(0),
              AbiValue::boolean(r.asset == kWeth)});
        n.on(addr(kDataProvider), QStringLiteral("getReserveConfigurationData(address)"), arg,
             QStringLiteral("uint256,uint256,uint256,uint256,uint256,bool,bool,bool,bool,bool"),
             {w(r.decimals), w(r.ltv), w(r.lt), w(r.bonus), w(1000), AbiValue::boolean(true),
              AbiValue::boolean(true), AbiValue::boolean(false), AbiValue::boolean(true),
              AbiValue::boolean(false)});
        if (v35) {
            n.on(addr(kPool), QStringLiteral("getReserveData(address)"), arg,
                 QStringLiteral(
                     "uint256,uint128,uint128,uint128,uint128,uint128,uint40,uint16,address,address,"
                     "address,address,uint128,uint128,uint128"),
                 {w(0), w(0), w(0), w(0), w(0), w(0), w(0), w(static_cast<quint64>(r.id)), a(0x20 + r.asset),
                  a(0), a(0x30 + r.asset), a(0), w(0), w(0), w(0)});
        } else {
            n.on(addr(kDataProvider), QStringLiteral("getReserveEModeCategory(address)"), arg,
                 QStringLiteral("uint256"), {w(static_cast<quint64>(r.category))});
        }
    }
    const QList<AbiValue> one{w(1)};
    if (v35) {
        n.on(addr(kPool), QStringLiteral("getReserveDeficit(address)"), {a(kUsdc)}, QStringLiteral("uint256"),
             {w(0)});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryCollateralConfig(uint8)"), one,
             QStringLiteral("uint16,uint16,uint16"), {w(9300), w(9500), w(10100)});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryLabel(uint8)"), one, QStringLiteral("string"),
             {AbiValue::text(QStringLiteral("ETH correlated"))});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryCollateralBitmap(uint8)"), one,
             QStringLiteral("uint128"), {w(1ULL << 3)});
    } else {
        n.on(addr(kPool), QStringLiteral("getEModeCategoryData(uint8)"), one,
             QStringLiteral("(uint16,uint16,uint16,address,string)"),
             {AbiValue::list(
                 {w(9300), w(9500), w(10100), a(0), AbiValue::text(QStringLiteral("ETH correlated"))})});
    }
    return n;
}

struct Served : ServedNode {
    using ServedNode::ServedNode;
    FetchedPosition read(int *roundTrips)
    {
        JsonRpcClient client{QUrl(server.url())};
        Expected<FetchedPosition> p = fetchAaveV3Position(client, addr(kProvider), addr(kUser));
        if (!p)
            qFatal("read: %s", qPrintable(formatErrors(p.errors())));
        *roundTrips = client.roundTrips();
        return p.value();
    }
};

double relative(double a, double b)
{
    return std::abs(a / b - 1.0);
}

} // namespace

class TestAaveV3PositionVersions : public QObject {
    Q_OBJECT

private slots:
    // v3.0 (@aave/core-v3 GenericLogic): 10 WETH and 12,000 USDC. Collateral in base units (1e-8 USD)
    // 10e18 x 312345678901 / 1e18 = 3,123,456,789,010, debt 12,000e6 x 100010000 / 1e6 = 1,200,120,000,000;
    // HF = percentMul(collateral, 9500) wadDiv debt = 2.472489375695763757; available borrows
    // percentMul(collateral, 9300) - debt = 1,704,694,813,779.
    void readsV30()
    {
        Served s(market(false, {"10000000000000000000", 12000000000ULL},
                        {w(3123456789010ULL), w(1200120000000ULL), w(1704694813779ULL), w(9500), w(9300),
                         big("2472489375695763757")}));
        int trips = 0;
        const FetchedPosition p = s.read(&trips);
        QCOMPARE(trips, 3);
        QVERIFY(p.account.liquidationRules == LiquidationRuleSet::AaveV30);
        QCOMPARE(p.account.eModeCategory, 1);
        QCOMPARE(p.account.eModeLabel, QStringLiteral("ETH correlated"));
        const AccountAsset &weth = p.account.assets[p.account.indexOf(QStringLiteral("WETH"))];
        QCOMPARE(weth.liquidationThreshold, 0.95);
        QCOMPARE(weth.ltv, 0.93);
        QCOMPARE(weth.liquidationBonus, 0.01);
        QCOMPARE(p.account.assets[p.account.indexOf(QStringLiteral("USDC"))].liquidationThreshold, 0.80);
        const AccountFigures f = accountFigures(p.account);
        QVERIFY2(relative(f.healthFactor, p.pool.healthFactor) < 1e-9,
                 qPrintable(QStringLiteral("app %1, pool %2")
                                .arg(f.healthFactor, 0, 'g', 17)
                                .arg(p.pool.healthFactor, 0, 'g', 17)));
    }

    // v3.5 (aave-v3-origin GenericLogic, "Rounding for User Position Valuation in Base Currency"): a small
    // account, where rounding the values shows: 123,456,936,790,108 wei of WETH and 0.250001 USDC. Collateral
    // rounded down: floor(123456936790108 x 312345678901 / 1e18) = 38,561,240 (the exact value is
    // 38,561,240.737); debt rounded up: ceil(250001 x 100010000 / 1e6) = 25,002,601 (exact 25,002,600.01).
    // 38,561,240 x 0.95 is a whole number, so v3.5's HF is the same whether the threshold is applied before
    // or after dividing: 38,561,240 x 9500 / 10000 wadDiv 25,002,601 = 1.465174683225957171. Available
    // borrows: 38,561,240 x 0.93 - 25,002,601 = 10,859,352. Without the rounding the health factor would
    // be 5.9e-8 higher.
    void readsV35WithItsRounding()
    {
        Served s(
            market(true, {"123456936790108", 250001},
                   {w(38561240), w(25002601), w(10859352), w(9500), w(9300), big("1465174683225957171")}));
        int trips = 0;
        const FetchedPosition p = s.read(&trips);
        QCOMPARE(trips, 3);
        QVERIFY(p.account.liquidationRules == LiquidationRuleSet::AaveV33);
        QCOMPARE(p.account.eModeCategory, 1);
        QCOMPARE(p.account.eModeLabel, QStringLiteral("ETH correlated"));
        // WETH is in the category by its reserve id's bit (3), not its place in the list (1).
        const AccountAsset &weth = p.account.assets[p.account.indexOf(QStringLiteral("WETH"))];
        QCOMPARE(weth.liquidationThreshold, 0.95);
        QCOMPARE(weth.ltv, 0.93);
        QCOMPARE(p.reserves[p.account.indexOf(QStringLiteral("WETH"))].eModeCategory, 1);
        QCOMPARE(p.account.assets[p.account.indexOf(QStringLiteral("USDC"))].liquidationThreshold, 0.80);
        const AccountFigures f = accountFigures(p.account);
        QVERIFY2(relative(f.healthFactor, p.pool.healthFactor) < 1e-9,
                 qPrintable(QStringLiteral("app %1, pool %2")
                                .arg(f.healthFactor, 0, 'g', 17)
                                .arg(p.pool.healthFactor, 0, 'g', 17)));
        QVERIFY(std::abs(f.totalCollateralUsd - 0.38561240) < 1e-15);
        QVERIFY(std::abs(f.totalDebtUsd - 0.25002601) < 1e-15);
        // The same account valued exactly (v3.0's rules) misses the pool by the rounding.
        Account exact = p.account;
        exact.liquidationRules = LiquidationRuleSet::AaveV30;
        QVERIFY(relative(accountFigures(exact).healthFactor, p.pool.healthFactor) > 5e-8);
    }

    // v3.6 (aave-v3-origin ValidationLogic.getUserReserveLtv, GenericLogic.calculateUserAccountData): the
    // same small account, with WETH in e-mode 1's LTV-zero bitmap (getEModeCategoryLtvzeroBitmap(1), bit 3).
    // WETH keeps the category's 95 % threshold, so the pool's collateral, debt and HF are v3.5's above, but
    // its LTV is 0: the pool's average LTV and available borrows are 0, and so is the app's borrowing power.
    void readsV36LtvZeroMember()
    {
        RecordedNode n = market(true, {"123456936790108", 250001},
                                {w(38561240), w(25002601), w(0), w(9500), w(0), big("1465174683225957171")});
        n.on(addr(kPool), QStringLiteral("getEModeCategoryLtvzeroBitmap(uint8)"), {w(1)},
             QStringLiteral("uint128"), {w(1ULL << 3)});
        Served s(std::move(n));
        int trips = 0;
        const FetchedPosition p = s.read(&trips);
        QCOMPARE(trips, 3);
        QVERIFY(p.account.liquidationRules == LiquidationRuleSet::AaveV36);
        const AccountAsset &weth = p.account.assets[p.account.indexOf(QStringLiteral("WETH"))];
        QCOMPARE(weth.ltv, 0.0);
        QCOMPARE(weth.liquidationThreshold, 0.95);
        QCOMPARE(weth.liquidationBonus, 0.01);
        const AccountFigures f = accountFigures(p.account);
        QCOMPARE(f.ltv, p.pool.ltv);
        QCOMPARE(f.borrowingPowerUsd, 0.0);
        QCOMPARE(p.pool.availableBorrowsUsd, 0.0);
        QVERIFY2(relative(f.healthFactor, p.pool.healthFactor) < 1e-9,
                 qPrintable(QStringLiteral("app %1, pool %2")
                                .arg(f.healthFactor, 0, 'g', 17)
                                .arg(p.pool.healthFactor, 0, 'g', 17)));
        // Without the bitmap (v3.5) the same account had 93 % of its collateral as borrowing capacity.
        QVERIFY(accountFigures(Served(market(true, {"123456936790108", 250001},
                                             {w(38561240), w(25002601), w(10859352), w(9500), w(9300),
                                              big("1465174683225957171")}))
                                   .read(&trips)
                                   .account)
                    .borrowingPowerUsd > 0.1);
    }
};

QTEST_GUILESS_MAIN(TestAaveV3PositionVersions)
#include "tst_aavev3positionversions.moc"
