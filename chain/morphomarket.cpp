// Morpho Blue's numbers as the app uses them: shares to assets, the oracle's price, rates, and a market
// read from the chain in the app's market format (one reserve pair, as the presets in
// resources/markets/morpho-blue-*.json have it).
#include "morphoblue.h"

#include "aavev3reader.h"
#include "abi.h"
#include "liquidationrules.h"

#include <QRegularExpression>

#include <cmath>

namespace lp::chain {

namespace {

constexpr double kSecondsPerYear = 365.0 * 24 * 3600;

// Lower-case letters and digits of a symbol, for the market's id.
QString idPart(const QString &symbol)
{
    QString out = symbol.toLower();
    out.remove(QRegularExpression(QStringLiteral("[^a-z0-9]")));
    return out.left(12);
}

} // namespace

std::optional<UInt256> morphoToAssets(const UInt256 &shares, const UInt256 &totalAssets,
                                      const UInt256 &totalShares, bool roundUp)
{
    const std::optional<UInt256> assets = UInt256::add(totalAssets, UInt256(kMorphoVirtualAssets));
    const std::optional<UInt256> sharesPlus = UInt256::add(totalShares, UInt256(kMorphoVirtualShares));
    if (!assets || !sharesPlus)
        return std::nullopt;
    return UInt256::mulDiv(shares, *assets, *sharesPlus, roundUp);
}

std::optional<UInt256> morphoTaylorCompounded(const UInt256 &ratePerSecondWad, const UInt256 &elapsedSeconds)
{
    const UInt256 wad(1000000000000000000ULL);
    const std::optional<UInt256> first = UInt256::mulDiv(ratePerSecondWad, elapsedSeconds, UInt256(1));
    const std::optional<UInt256> twoWad = UInt256::mulDiv(wad, UInt256(2), UInt256(1));
    const std::optional<UInt256> threeWad = UInt256::mulDiv(wad, UInt256(3), UInt256(1));
    if (!first || !twoWad || !threeWad)
        return std::nullopt;
    const std::optional<UInt256> second = UInt256::mulDiv(*first, *first, *twoWad);
    const std::optional<UInt256> third = second ? UInt256::mulDiv(*second, *first, *threeWad) : std::nullopt;
    const std::optional<UInt256> firstTwo = second ? UInt256::add(*first, *second) : std::nullopt;
    if (!third || !firstTwo)
        return std::nullopt;
    return UInt256::add(*firstTwo, *third);
}

std::optional<MorphoMarketState> morphoAccrued(const MorphoMarketState &state,
                                               const UInt256 &borrowRatePerSecondWad, quint64 now)
{
    if (UInt256(now) <= state.lastUpdate)
        return state;
    const UInt256 wad(1000000000000000000ULL);
    const std::optional<UInt256> elapsed = UInt256::subtract(UInt256(now), state.lastUpdate);
    const std::optional<UInt256> growth =
        elapsed ? morphoTaylorCompounded(borrowRatePerSecondWad, *elapsed) : std::nullopt;
    const std::optional<UInt256> interest =
        growth ? UInt256::mulDiv(state.totalBorrowAssets, *growth, wad) : std::nullopt;
    if (!interest)
        return std::nullopt;
    MorphoMarketState out = state;
    out.lastUpdate = UInt256(now);
    const std::optional<UInt256> borrow = UInt256::add(state.totalBorrowAssets, *interest);
    const std::optional<UInt256> supply = UInt256::add(state.totalSupplyAssets, *interest);
    if (!borrow || !supply)
        return std::nullopt;
    out.totalBorrowAssets = *borrow;
    out.totalSupplyAssets = *supply;
    if (!state.fee.isZero()) {
        // SharesMathLib.toSharesDown(feeAmount, totalSupplyAssets - feeAmount, totalSupplyShares).
        const std::optional<UInt256> feeAmount = UInt256::mulDiv(*interest, state.fee, wad);
        const std::optional<UInt256> before =
            feeAmount ? UInt256::subtract(*supply, *feeAmount) : std::nullopt;
        const std::optional<UInt256> assetsPlus =
            before ? UInt256::add(*before, UInt256(kMorphoVirtualAssets)) : std::nullopt;
        const std::optional<UInt256> sharesPlus =
            UInt256::add(state.totalSupplyShares, UInt256(kMorphoVirtualShares));
        const std::optional<UInt256> feeShares =
            assetsPlus && sharesPlus ? UInt256::mulDiv(*feeAmount, *sharesPlus, *assetsPlus) : std::nullopt;
        const std::optional<UInt256> shares =
            feeShares ? UInt256::add(state.totalSupplyShares, *feeShares) : std::nullopt;
        if (!shares)
            return std::nullopt;
        out.totalSupplyShares = *shares;
    }
    return out;
}

double morphoCollateralPrice(const UInt256 &oraclePrice, int collateralDecimals, int loanDecimals)
{
    const int scale = 36 + loanDecimals - collateralDecimals;
    if (scale >= 0)
        return oraclePrice.toDouble(scale);
    return oraclePrice.toDouble(0) * std::pow(10.0, -scale);
}

double morphoRateToApy(const UInt256 &ratePerSecondWad)
{
    return std::expm1(ratePerSecondWad.toDouble(18) * kSecondsPerYear);
}

Market morphoMarket(const MorphoMarketRead &read, const FetchedRecord &fetched, const QString &morpho,
                    const QString &id)
{
    const double lltv = read.params.lltv.toDouble(18);
    const QString idHex = QStringLiteral("0x") + QString::fromLatin1(read.id.toHex());
    Market m;
    m.id = !id.isEmpty() ? id
                         : QStringLiteral("morpho-blue-%1-%2-%3-%4")
                               .arg(fetched.chainId)
                               .arg(idPart(read.collateralSymbol), idPart(read.loanSymbol), idHex.mid(2, 8));
    m.name = QStringLiteral("Morpho Blue %1 %2/%3 (%4 %)")
                 .arg(chainName(fetched.chainId), read.collateralSymbol, read.loanSymbol)
                 .arg(lltv * 100.0, 0, 'g', 6);
    m.chain = chainName(fetched.chainId);
    m.chainId = fetched.chainId <= std::numeric_limits<int>::max() ? static_cast<int>(fetched.chainId) : 0;
    m.asOf = fetched.blockTime.date();
    m.source = QStringLiteral("Read from %1 at block %2 (%3), Morpho %4, market %5")
                   .arg(fetched.rpcHost)
                   .arg(fetched.blockNumber)
                   .arg(fetched.blockTime.toString(Qt::ISODate), morpho, idHex);
    m.notes =
        QStringLiteral(
            "Prices are in %1, the loan token: a Morpho oracle prices the collateral in the loan token "
            "(set USD prices in the plan). The borrow limit (ltv) is set 0.5 points under the LLTV, as "
            "in the presets: Morpho lets a borrower go up to the LLTV itself. Liquidation bonus = "
            "incentive factor min(1.15, 1 / (0.3 LLTV + 0.7)) - 1. Supply APY = borrow APY x "
            "utilization x (1 - fee) (docs.morpho.org, Interest Rate Model). Totals include the "
            "interest since the market's last update (%2 %1), accrued to the block read as Morpho's "
            "_accrueInterest does.")
            .arg(read.loanSymbol, QString::number(read.accruedInterest.toDouble(read.loanDecimals), 'g', 12));
    m.liquidationRules = LiquidationRuleSet::MorphoBlue;
    m.flashLoanPremium = 0.0; // Morpho's flash loans are free
    const double borrowApy = morphoRateToApy(read.borrowRatePerSecond);
    const double fee = read.state.fee.toDouble(18);
    const double supplied = read.state.totalSupplyAssets.toDouble(read.loanDecimals);
    const double borrowed = read.state.totalBorrowAssets.toDouble(read.loanDecimals);
    const double utilization = supplied > 0.0 ? borrowed / supplied : 0.0;

    Reserve c;
    c.symbol = read.collateralSymbol;
    c.name = read.collateralSymbol;
    c.decimals = read.collateralDecimals;
    c.liquidationThreshold = lltv;
    c.ltv = std::max(0.0, lltv - 0.005);
    c.liquidationBonus = morphoIncentiveFactor(lltv) - 1.0;
    c.usableAsCollateral = true;
    c.borrowable = false;
    ReserveChainData cc;
    cc.address = read.params.collateralToken;
    cc.priceUsd = morphoCollateralPrice(read.oraclePrice, read.collateralDecimals, read.loanDecimals);
    c.defaultPriceUsd = cc.priceUsd;
    c.onChain = cc;
    c.estimates = {QStringLiteral("ltv"), QStringLiteral("defaultPriceUsd")};

    Reserve l;
    l.symbol = read.loanSymbol;
    l.name = read.loanSymbol;
    l.decimals = read.loanDecimals;
    l.reserveFactor = fee;
    l.borrowable = true;
    l.borrowApy = borrowApy;
    l.supplyApy = borrowApy * utilization * (1.0 - fee);
    ReserveChainData lc;
    lc.address = read.params.loanToken;
    lc.priceUsd = 1.0;
    lc.totalSupply = supplied;
    lc.totalDebt = borrowed;
    lc.availableLiquidity = std::max(0.0, supplied - borrowed);
    lc.utilization = utilization;
    l.defaultPriceUsd = 1.0;
    l.onChain = lc;
    l.estimates = {QStringLiteral("defaultPriceUsd")};
    m.reserves = {c, l};

    FetchedRecord f = fetched;
    f.protocol = QStringLiteral("morpho-blue");
    f.version = QStringLiteral("Morpho Blue");
    f.contracts = {{QStringLiteral("morpho"), morpho},
                   {QStringLiteral("marketId"), idHex},
                   {QStringLiteral("oracle"), read.params.oracle},
                   {QStringLiteral("irm"), read.params.irm},
                   {QStringLiteral("loanToken"), read.params.loanToken},
                   {QStringLiteral("collateralToken"), read.params.collateralToken}};
    m.fetched = f;
    return m;
}

} // namespace lp::chain
