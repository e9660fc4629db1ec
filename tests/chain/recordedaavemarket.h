#pragma once

// A two-reserve Aave v3.3 market as recorded answers (recordednode.h) for the market reader's tests
// (tst_aavev3versions, tst_aavev3emoderoles): each eth_call answered as aave-v3-origin's contracts answer it,
// v3.0's getters reverting.
#include "recordednode.h"

#include <tuple>

namespace recorded::aave {

using lp::chain::AbiValue;

inline constexpr int kProvider = 1, kPool = 2, kDataProvider = 3, kOracle = 4, kStrategy = 5, kWeth = 0x10,
                     kUsdc = 0x11, kAWeth = 0x20, kAUsdc = 0x21;

// A v3.3 market: WETH (reserve id 0) and USDC (reserve id 2: id 1 was dropped), one rate strategy for both,
// e-mode 1 "ETH correlated" (WETH), 2 "Stablecoins" (USDC), 3 unused.
inline RecordedNode v33Market()
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

} // namespace recorded::aave
