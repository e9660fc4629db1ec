#include "aavev3position.h"

#include "aavev3calls.h"
#include "abi.h"

#include <QJsonObject>

#include <cmath>
#include <limits>

namespace lp::chain {

namespace {

// The reads, as @aave/core-v3 1.19's contracts declare them.
const AbiFunction kGetPool(u"getPool()", u"address");
const AbiFunction kGetDataProvider(u"getPoolDataProvider()", u"address");
const AbiFunction kGetOracle(u"getPriceOracle()", u"address");
const AbiFunction kReservesList(u"getReservesList()", u"address[]");
const AbiFunction kAllTokens(u"getAllReservesTokens()", u"(string,address)[]");
const AbiFunction kBaseUnit(u"BASE_CURRENCY_UNIT()", u"uint256");
const AbiFunction kUserEMode(u"getUserEMode(address)", u"uint256");
const AbiFunction kAccountData(u"getUserAccountData(address)",
                               u"uint256,uint256,uint256,uint256,uint256,uint256");
const AbiFunction kUserReserve(u"getUserReserveData(address,address)",
                               u"uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint40,bool");
const AbiFunction kConfiguration(u"getReserveConfigurationData(address)",
                                 u"uint256,uint256,uint256,uint256,uint256,bool,bool,bool,bool,bool");
const AbiFunction kReserveEMode(u"getReserveEModeCategory(address)", u"uint256");
const AbiFunction kAssetsPrices(u"getAssetsPrices(address[])", u"uint256[]");
const AbiFunction kAssetPrice(u"getAssetPrice(address)", u"uint256");
const AbiFunction kEModeData(u"getEModeCategoryData(uint8)", u"(uint16,uint16,uint16,address,string)");
// v3.2 and later (aave-dao/aave-v3-origin): e-mode categories by id, their collateral members as a bitmap of
// reserve ids; the pool's reserve data, which holds the reserve's id.
const AbiFunction kEModeCollateral(u"getEModeCategoryCollateralConfig(uint8)", u"uint16,uint16,uint16");
const AbiFunction kEModeLabel(u"getEModeCategoryLabel(uint8)", u"string");
const AbiFunction kEModeCollateralBitmap(u"getEModeCategoryCollateralBitmap(uint8)", u"uint128");
// v3.6 and later (aave-v3-origin src/contracts/interfaces/IPool.sol): the category's collateral members with
// LTV 0 in it; older pools revert.
const AbiFunction kEModeLtvzeroBitmap(u"getEModeCategoryLtvzeroBitmap(uint8)", u"uint128");
const AbiFunction kPoolReserveData(u"getReserveData(address)",
                                   u"uint256,uint128,uint128,uint128,uint128,uint128,uint40,uint16,address,"
                                   u"address,address,address,uint128,uint128,uint128");

double bonusOf(const AbiValue &v)
{
    return v.word.isZero() ? 0.0 : (v.word.toDouble(0) - 10000.0) / 10000.0;
}

} // namespace

Expected<FetchedPosition> fetchAaveV3Position(JsonRpcClient &client, const QString &providerAddress,
                                              const QString &userAddress)
{
    const std::optional<AbiValue> providerValue = AbiValue::address(providerAddress);
    if (!providerValue)
        return ValidationError{
            QStringLiteral("pool-provider"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(providerAddress.left(60))};
    const std::optional<AbiValue> userValue = AbiValue::address(userAddress);
    if (!userValue)
        return ValidationError{
            QStringLiteral("address"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(userAddress.left(60))};
    FetchedPosition out;
    out.poolAddressesProvider = providerValue->addressHex();
    out.user = userValue->addressHex();
    out.rpcHost = redactedEndpoint(client.endpoint());

    // 1: the chain, the block, and the contracts the addresses provider names.
    QList<QJsonValue> answers;
    const QString p = QStringLiteral("the PoolAddressesProvider");
    const Expected<CallResults> r1 = roundTrip(client,
                                               {{p, out.poolAddressesProvider, &kGetPool, {}},
                                                {p, out.poolAddressesProvider, &kGetDataProvider, {}},
                                                {p, out.poolAddressesProvider, &kGetOracle, {}}},
                                               QStringLiteral("latest"), headCalls(), &answers);
    if (!r1)
        return r1.errors();
    const Expected<ChainHead> head = chainHead(answers);
    if (!head)
        return head.errors();
    out.chainId = head->chainId;
    out.blockNumber = head->blockNumber;
    out.blockTime = head->blockTime;
    const QString blockTag = head->blockTag;
    out.poolAddress = (*r1)[0]->first().addressHex();
    const QString dataProvider = (*r1)[1]->first().addressHex();
    const QString oracle = (*r1)[2]->first().addressHex();

    // 2: the reserves, the account's e-mode and the pool's own figures for it.
    const QString pl = QStringLiteral("the pool");
    const QString dp = QStringLiteral("the data provider");
    const QString orc = QStringLiteral("the oracle");
    const Expected<CallResults> r2 = roundTrip(client,
                                               {{pl, out.poolAddress, &kReservesList, {}},
                                                {dp, dataProvider, &kAllTokens, {}},
                                                {orc, oracle, &kBaseUnit, {}},
                                                {pl, out.poolAddress, &kUserEMode, {*userValue}},
                                                {pl, out.poolAddress, &kAccountData, {*userValue}}},
                                               blockTag);
    if (!r2)
        return r2.errors();
    const QList<AbiValue> assets = (*r2)[0]->first().items;
    QHash<QByteArray, QString> symbolOf;
    for (const AbiValue &t : (*r2)[1]->first().items)
        symbolOf.insert(t.items[1].addressRaw(), t.items[0].toText());
    const UInt256 baseUnit = (*r2)[2]->first().word;
    if (baseUnit.isZero())
        return ValidationError{QStringLiteral("oracle"), QStringLiteral("BASE_CURRENCY_UNIT is 0")};
    const int baseDecimals = static_cast<int>(baseUnit.toDecimal().size()) - 1;
    const UInt256 eModeWord = (*r2)[3]->first().word;
    if (!eModeWord.fitsUint64() || eModeWord.low64() > 255)
        return ValidationError{QStringLiteral("pool getUserEMode"), QStringLiteral("not a category id")};
    const int eMode = static_cast<int>(eModeWord.low64());
    const QList<AbiValue> &data = *(*r2)[4];
    out.pool.totalCollateralUsd = data[0].word.toDouble(baseDecimals);
    out.pool.totalDebtUsd = data[1].word.toDouble(baseDecimals);
    out.pool.availableBorrowsUsd = data[2].word.toDouble(baseDecimals);
    out.pool.liquidationThreshold = bps(data[3]);
    out.pool.ltv = bps(data[4]);
    out.pool.healthFactor =
        data[5].word == UInt256::max() ? std::numeric_limits<double>::infinity() : data[5].word.toDouble(18);

    // 3: the account's balance of every reserve, each reserve's parameters and id, every price, whether the
    // pool keeps bad debt (v3.3+), and the account's e-mode category as v3.0 and v3.2+ state it (the calls a
    // version lacks revert, which tells the versions apart as the market reader does).
    constexpr int kPerReserve = 4;
    QList<ContractCall> calls3;
    for (const AbiValue &asset : assets) {
        calls3 << ContractCall{dp, dataProvider, &kUserReserve, {asset, *userValue}}
               << ContractCall{dp, dataProvider, &kConfiguration, {asset}}
               << ContractCall{dp, dataProvider, &kReserveEMode, {asset}, true}
               << ContractCall{pl, out.poolAddress, &kPoolReserveData, {asset}, true};
    }
    const qsizetype pricesAt = calls3.size();
    calls3 << ContractCall{orc, oracle, &kAssetsPrices, {AbiValue::list(assets)}};
    if (!assets.isEmpty())
        calls3 << reserveDeficitProbe(out.poolAddress, assets.first());
    // v3.6's LTV-zero bitmap of the account's category (of category 1 without one: only the version shows).
    const qsizetype ltvZeroAt = calls3.size();
    calls3 << ContractCall{pl,
                           out.poolAddress,
                           &kEModeLtvzeroBitmap,
                           {AbiValue::uint(UInt256(static_cast<quint64>(eMode != 0 ? eMode : 1)))},
                           true};
    const qsizetype eModeAt = calls3.size();
    if (eMode != 0) {
        const QList<AbiValue> id{AbiValue::uint(UInt256(static_cast<quint64>(eMode)))};
        calls3 << ContractCall{pl, out.poolAddress, &kEModeData, id, true}
               << ContractCall{pl, out.poolAddress, &kEModeCollateral, id, true}
               << ContractCall{pl, out.poolAddress, &kEModeLabel, id, true}
               << ContractCall{pl, out.poolAddress, &kEModeCollateralBitmap, id, true};
    }
    const Expected<CallResults> r3 = roundTrip(client, calls3, blockTag);
    if (!r3)
        return r3.errors();
    const QList<AbiValue> prices = (*r3)[pricesAt]->first().items;
    if (prices.size() != assets.size())
        return ValidationError{
            QStringLiteral("oracle"),
            QStringLiteral("%1 prices for %2 reserves").arg(prices.size()).arg(assets.size())};
    AaveV3Features features;
    features.keepsDeficit = !assets.isEmpty() && (*r3)[pricesAt + 1].has_value();
    features.eModeBitmaps = eMode != 0 && (*r3)[eModeAt + 1].has_value() && (*r3)[eModeAt + 3].has_value();
    features.eModeLtvZero = features.keepsDeficit && (*r3)[ltvZeroAt].has_value();
    const UInt256 eModeLtvZeroBitmap =
        features.eModeBitmaps && features.eModeLtvZero ? (*r3)[ltvZeroAt]->first().word : UInt256();
    double eModeLtv = 0.0;
    double eModeThreshold = 0.0;
    double eModeBonus = 0.0;
    UInt256 eModeCollateralBitmap;
    std::optional<double> eModePrice;
    if (features.eModeBitmaps) {
        // v3.2+: the category's own getters; no price source of its own.
        const QList<AbiValue> &e = *(*r3)[eModeAt + 1];
        eModeLtv = bps(e[0]);
        eModeThreshold = bps(e[1]);
        eModeBonus = bonusOf(e[2]);
        out.account.eModeLabel = (*r3)[eModeAt + 2] ? (*r3)[eModeAt + 2]->first().toText() : QString();
        eModeCollateralBitmap = (*r3)[eModeAt + 3]->first().word;
    } else if (eMode != 0) {
        if (!(*r3)[eModeAt])
            return ValidationError{QStringLiteral("the pool (%1)").arg(out.poolAddress),
                                   QStringLiteral("getEModeCategoryData(%1) failed").arg(eMode)};
        const QList<AbiValue> &e = (*r3)[eModeAt]->first().items;
        eModeLtv = bps(e[0]);
        eModeThreshold = bps(e[1]);
        eModeBonus = bonusOf(e[2]);
        out.account.eModeLabel = e[4].toText();
        // 4, only when the category prices its members from one source of its own (v3.0, v3.1).
        if (!e[3].word.isZero()) {
            const Expected<CallResults> r4 =
                roundTrip(client, {{orc, oracle, &kAssetPrice, {e[3]}}}, blockTag);
            if (!r4)
                return r4.errors();
            eModePrice = (*r4)[0]->first().word.toDouble(baseDecimals);
        }
    }
    out.account.eModeCategory = eMode;
    out.account.thresholdStep = 1e-4; // the pool's weighted LTV and threshold are whole basis points
    out.account.liquidationRules = features.liquidationRules();
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const QList<AbiValue> &user = *(*r3)[i * kPerReserve];
        const QList<AbiValue> &config = *(*r3)[i * kPerReserve + 1];
        const std::optional<QList<AbiValue>> &legacyCategory = (*r3)[i * kPerReserve + 2];
        const std::optional<QList<AbiValue>> &poolData = (*r3)[i * kPerReserve + 3];
        PositionReserve r;
        r.collateralUnits = user[0].word;
        // Stable and variable debt: their sum cannot overflow for any real token supply, but is checked.
        r.debtUnits = user[2].word;
        if (!user[1].word.isZero()) {
            if (!user[1].word.fitsUint64() || !user[2].word.fitsUint64())
                return ValidationError{QStringLiteral("data provider getUserReserveData"),
                                       QStringLiteral("a debt too large to add up")};
            r.debtUnits = UInt256(user[1].word.low64() + user[2].word.low64());
        }
        if (r.collateralUnits.isZero() && r.debtUnits.isZero())
            continue;
        r.address = assets[i].addressHex();
        r.symbol = symbolOf.value(assets[i].addressRaw(), r.address);
        r.decimals = static_cast<int>(config[0].word.low64());
        r.usedAsCollateral = user[8].toBool();
        // The reserve's place in the category: v3.2+ by its id's bit in the collateral bitmap (the id from
        // the pool's reserve data, else its place in the list), v3.0 by the category the reserve names.
        bool inEMode = false;
        bool ltvZero = false; // v3.6: LTV 0 in the account's category, its threshold kept
        if (features.eModeBitmaps) {
            const int id = poolData ? static_cast<int>((*poolData)[7].word.low64()) : static_cast<int>(i);
            inEMode = id >= 0 && id < 128 && eModeCollateralBitmap.bit(id);
            ltvZero = inEMode && eModeLtvZeroBitmap.bit(id);
            r.eModeCategory = inEMode ? eMode : 0;
        } else {
            r.eModeCategory =
                legacyCategory ? static_cast<int>(legacyCategory->first().word.low64() & 0xff) : 0;
            inEMode = eMode != 0 && r.eModeCategory == eMode;
        }
        AccountAsset a;
        a.symbol = r.symbol;
        a.collateral = r.collateralUnits.toDouble(r.decimals);
        a.debt = r.debtUnits.toDouble(r.decimals);
        a.priceUsd = inEMode && eModePrice ? *eModePrice : prices[i].word.toDouble(baseDecimals);
        // Before v3.6 the pool counts a reserve as collateral only when its own threshold is not 0, and its
        // own LTV 0 holds in e-mode too; in the account's e-mode category the category's values replace the
        // reserve's. v3.6 decouples them (docs/3.6/Aave-v3.6-features.md, "eMode Improvements"): a collateral
        // member takes the category's values whatever its own, with LTV 0 for a member of the LTV-zero list
        // (ValidationLogic.getUserReserveLtv): no borrowing power, the category's threshold unchanged.
        const double ownThreshold = bps(config[2]);
        const double ownLtv = bps(config[1]);
        const bool decoupled = features.eModeLtvZero;
        a.liquidationThreshold = (ownThreshold > 0.0 || decoupled) && inEMode ? eModeThreshold : ownThreshold;
        a.ltv = ltvZero ? 0.0 : (ownLtv > 0.0 || decoupled) && inEMode ? eModeLtv : ownLtv;
        a.liquidationBonus = inEMode ? eModeBonus : bonusOf(config[3]);
        a.usedAsCollateral = r.usedAsCollateral;
        a.decimals = r.decimals;
        out.account.assets << a;
        out.reserves << r;
    }
    return out;
}

} // namespace lp::chain
