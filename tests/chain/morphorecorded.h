#pragma once

// A hand-made Morpho Blue deployment, as recorded answers (recordednode.h): what tst_morphoblue and the
// Morpho command tests read. Two markets:
//  - wstETH/WETH, LLTV 94.5 %, both 18 decimals; oracle 1.2 WETH per wstETH (1.2e36); 1000 WETH supplied
//    (1e27 shares), 900 borrowed (8.5e26 shares), fee 10 %; IRM rate 1268391679 per second (WAD, 4 % APR);
//  - WBTC (8 decimals)/USDC (6), LLTV 86 %; oracle 60000 USDC per WBTC (6e38 = 60000 x 1e36 x 1e6 / 1e8);
//    no IRM.
// And one account in the first market: 95 wstETH collateral, 100e24 + 12345 borrow shares, 30e24 + 7
// supply shares.
#include "abi.h"
#include "recordednode.h"

namespace morpho_recorded {

using recorded::a;
using recorded::addr;
using recorded::big;
inline QString e(int mantissa, int zeros)
{
    return QString::number(mantissa) + QString(zeros, u'0');
}
// A whole number written in decimal, as the figures in the comments are.
inline lp::chain::UInt256 u(const QString &decimal)
{
    return *lp::chain::UInt256::fromDecimal(decimal);
}

inline const QString kWstethWeth = QStringLiteral("0x") + QString(64, u'a');
inline const QString kWbtcUsdc = QStringLiteral("0x") + QString(63, u'b') + QLatin1Char('c');
inline const QString kUser = addr(0xcafe);
constexpr int kMorpho = 0xbbbb, kWeth = 0x10, kWsteth = 0x11, kOracle1 = 0x20, kIrm = 0x30, kUsdc = 0x12,
              kWbtc = 0x13, kOracle2 = 0x21;

inline lp::chain::AbiValue id(const QString &hex)
{
    return lp::chain::AbiValue::blob(QByteArray::fromHex(hex.mid(2).toLatin1()));
}

// `morpho` and `wstethWethId` default to the made-up ones above; the deployment tests give the real ones.
// `lastUpdate`: when the wstETH/WETH market's totals were last written; by default in the block read
// (1764462144, RecordedNode's block time), so that no interest accrues and the totals are as stated above.
inline RecordedNode node(const QString &morpho = addr(kMorpho), const QString &wstethWethId = kWstethWeth,
                         const QString &lastUpdate = QStringLiteral("1764462144"))
{
    using lp::chain::AbiValue;
    RecordedNode n;
    const QString &m = morpho;
    const QString params = QStringLiteral("address,address,address,address,uint256");
    const QString market = QStringLiteral("uint128,uint128,uint128,uint128,uint128,uint128");
    const QList<AbiValue> p1{a(kWeth), a(kWsteth), a(kOracle1), a(kIrm), big(e(945, 15))};
    const QList<AbiValue> s1{big(e(1, 21)),  big(e(1, 27)),   big(e(9, 20)),
                             big(e(85, 25)), big(lastUpdate), big(e(1, 17))};
    n.on(m, QStringLiteral("idToMarketParams(bytes32)"), {id(wstethWethId)}, params, p1);
    n.on(m, QStringLiteral("market(bytes32)"), {id(wstethWethId)}, market, s1);
    n.on(addr(kOracle1), QStringLiteral("price()"), {}, QStringLiteral("uint256"), {big(e(12, 35))});
    n.on(addr(kIrm),
         QStringLiteral("borrowRateView((address,address,address,address,uint256),"
                        "(uint128,uint128,uint128,uint128,uint128,uint128))"),
         {AbiValue::list(p1), AbiValue::list(s1)}, QStringLiteral("uint256"),
         {big(QStringLiteral("1268391679"))});
    const QList<AbiValue> p2{a(kUsdc), a(kWbtc), a(kOracle2), a(0), big(e(86, 16))};
    n.on(m, QStringLiteral("idToMarketParams(bytes32)"), {id(kWbtcUsdc)}, params, p2);
    n.on(m, QStringLiteral("market(bytes32)"), {id(kWbtcUsdc)}, market,
         {big(e(5, 12)), big(e(5, 18)), big(e(4, 12)), big(e(4, 18)), big(QStringLiteral("1764460000")),
          big(QStringLiteral("0"))});
    n.on(addr(kOracle2), QStringLiteral("price()"), {}, QStringLiteral("uint256"), {big(e(6, 38))});
    const auto token = [&n](int address, const QString &symbol, quint64 decimals) {
        n.on(addr(address), QStringLiteral("symbol()"), {}, QStringLiteral("string"),
             {AbiValue::text(symbol)});
        n.on(addr(address), QStringLiteral("decimals()"), {}, QStringLiteral("uint8"),
             {AbiValue::uint(lp::chain::UInt256(decimals))});
    };
    token(kWeth, QStringLiteral("WETH"), 18);
    token(kWsteth, QStringLiteral("wstETH"), 18);
    token(kUsdc, QStringLiteral("USDC"), 6);
    token(kWbtc, QStringLiteral("WBTC"), 8);
    n.on(m, QStringLiteral("position(bytes32,address)"), {id(wstethWethId), *AbiValue::address(kUser)},
         QStringLiteral("uint256,uint128,uint128"),
         {big(QStringLiteral("30000000000000000000000007")),
          big(QStringLiteral("100000000000000000000012345")), big(e(95, 18))});
    return n;
}

} // namespace morpho_recorded
