#include "aavev3position.h"

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

struct Call {
    QString contract;
    QString to;
    const AbiFunction *function = nullptr;
    QList<AbiValue> arguments;
};

// One round trip: the extra JSON-RPC calls first, then the eth_calls at `block`, each decoded.
Expected<QList<QList<AbiValue>>> roundTrip(JsonRpcClient &client, const QList<Call> &calls,
                                           const QString &block, const QList<RpcCall> &extra = {},
                                           QList<QJsonValue> *extraResults = nullptr)
{
    QList<RpcCall> rpc = extra;
    for (const Call &c : calls) {
        const Expected<QByteArray> data = c.function->encodeCall(c.arguments);
        if (!data)
            return data.errors();
        rpc << ethCall(c.to, data.value(), block);
    }
    const RpcBatchResult batch = client.sendAndWait(rpc);
    if (batch.error.isError())
        return ValidationError{QStringLiteral("rpc"), batch.error.message};
    for (qsizetype i = 0; i < extra.size(); ++i) {
        if (batch.results[i].error.isError())
            return ValidationError{extra[i].method, batch.results[i].error.message};
        if (extraResults)
            *extraResults << batch.results[i].value;
    }
    QList<QList<AbiValue>> out;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Call &c = calls[i];
        const RpcResult &r = batch.results[extra.size() + i];
        const QString what = QStringLiteral("%1 %2 (%3)").arg(c.contract, c.function->signature(), c.to);
        if (r.error.isError())
            return ValidationError{what, r.error.message};
        const std::optional<QByteArray> data = parseHexData(r.value);
        if (!data || data->isEmpty())
            return ValidationError{
                what,
                QStringLiteral("empty or not hex data: no contract at this address, or not this function")};
        Expected<QList<AbiValue>> decoded = c.function->decodeResult(*data);
        if (!decoded)
            return ValidationError{
                what, QStringLiteral("the answer does not decode: %1").arg(formatErrors(decoded.errors()))};
        out << decoded.value();
    }
    return out;
}

double bps(const AbiValue &v)
{
    return v.word.toDouble(4);
}

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
    QList<QJsonValue> head;
    const QString p = QStringLiteral("the PoolAddressesProvider");
    const Expected<QList<QList<AbiValue>>> r1 = roundTrip(
        client,
        {{p, out.poolAddressesProvider, &kGetPool, {}},
         {p, out.poolAddressesProvider, &kGetDataProvider, {}},
         {p, out.poolAddressesProvider, &kGetOracle, {}}},
        QStringLiteral("latest"),
        {RpcCall{QStringLiteral("eth_chainId"), {}},
         RpcCall{QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false}}},
        &head);
    if (!r1)
        return r1.errors();
    const std::optional<UInt256> chainId = parseHexQuantity(head[0]);
    const QJsonObject block = head[1].toObject();
    const std::optional<UInt256> number = parseHexQuantity(block.value(QStringLiteral("number")));
    const std::optional<UInt256> time = parseHexQuantity(block.value(QStringLiteral("timestamp")));
    if (!chainId || !chainId->fitsUint64() || !number || !number->fitsUint64() || !time ||
        !time->fitsUint64())
        return ValidationError{QStringLiteral("eth_getBlockByNumber"),
                               QStringLiteral("the node's chain id or latest block is not readable")};
    out.chainId = static_cast<qint64>(chainId->low64());
    out.blockNumber = number->low64();
    out.blockTime = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(time->low64()), Qt::UTC);
    const QString blockTag = QStringLiteral("0x%1").arg(out.blockNumber, 0, 16);
    out.poolAddress = (*r1)[0].first().addressHex();
    const QString dataProvider = (*r1)[1].first().addressHex();
    const QString oracle = (*r1)[2].first().addressHex();

    // 2: the reserves, the account's e-mode and the pool's own figures for it.
    const QString pl = QStringLiteral("the pool");
    const QString dp = QStringLiteral("the data provider");
    const QString orc = QStringLiteral("the oracle");
    const Expected<QList<QList<AbiValue>>> r2 =
        roundTrip(client,
                  {{pl, out.poolAddress, &kReservesList, {}},
                   {dp, dataProvider, &kAllTokens, {}},
                   {orc, oracle, &kBaseUnit, {}},
                   {pl, out.poolAddress, &kUserEMode, {*userValue}},
                   {pl, out.poolAddress, &kAccountData, {*userValue}}},
                  blockTag);
    if (!r2)
        return r2.errors();
    const QList<AbiValue> assets = (*r2)[0].first().items;
    QHash<QByteArray, QString> symbolOf;
    for (const AbiValue &t : (*r2)[1].first().items)
        symbolOf.insert(t.items[1].addressRaw(), t.items[0].toText());
    const UInt256 baseUnit = (*r2)[2].first().word;
    if (baseUnit.isZero())
        return ValidationError{QStringLiteral("oracle"), QStringLiteral("BASE_CURRENCY_UNIT is 0")};
    const int baseDecimals = static_cast<int>(baseUnit.toDecimal().size()) - 1;
    const UInt256 eModeWord = (*r2)[3].first().word;
    if (!eModeWord.fitsUint64() || eModeWord.low64() > 255)
        return ValidationError{QStringLiteral("pool getUserEMode"), QStringLiteral("not a category id")};
    const int eMode = static_cast<int>(eModeWord.low64());
    const QList<AbiValue> &data = (*r2)[4];
    out.pool.totalCollateralUsd = data[0].word.toDouble(baseDecimals);
    out.pool.totalDebtUsd = data[1].word.toDouble(baseDecimals);
    out.pool.availableBorrowsUsd = data[2].word.toDouble(baseDecimals);
    out.pool.liquidationThreshold = bps(data[3]);
    out.pool.ltv = bps(data[4]);
    out.pool.healthFactor =
        data[5].word == UInt256::max() ? std::numeric_limits<double>::infinity() : data[5].word.toDouble(18);

    // 3: the account's balance of every reserve, each reserve's parameters, every price, the e-mode.
    constexpr int kPerReserve = 3;
    QList<Call> calls3;
    for (const AbiValue &asset : assets) {
        calls3 << Call{dp, dataProvider, &kUserReserve, {asset, *userValue}}
               << Call{dp, dataProvider, &kConfiguration, {asset}}
               << Call{dp, dataProvider, &kReserveEMode, {asset}};
    }
    calls3 << Call{orc, oracle, &kAssetsPrices, {AbiValue::list(assets)}};
    if (eMode != 0)
        calls3 << Call{
            pl, out.poolAddress, &kEModeData, {AbiValue::uint(UInt256(static_cast<quint64>(eMode)))}};
    const Expected<QList<QList<AbiValue>>> r3 = roundTrip(client, calls3, blockTag);
    if (!r3)
        return r3.errors();
    const qsizetype pricesAt = assets.size() * kPerReserve;
    const QList<AbiValue> prices = (*r3)[pricesAt].first().items;
    if (prices.size() != assets.size())
        return ValidationError{
            QStringLiteral("oracle"),
            QStringLiteral("%1 prices for %2 reserves").arg(prices.size()).arg(assets.size())};
    double eModeLtv = 0.0;
    double eModeThreshold = 0.0;
    double eModeBonus = 0.0;
    std::optional<double> eModePrice;
    if (eMode != 0) {
        const QList<AbiValue> &e = (*r3)[pricesAt + 1].first().items;
        eModeLtv = bps(e[0]);
        eModeThreshold = bps(e[1]);
        eModeBonus = bonusOf(e[2]);
        out.account.eModeLabel = e[4].toText();
        // 4, only when the category prices its members from one source of its own.
        if (!e[3].word.isZero()) {
            const Expected<QList<QList<AbiValue>>> r4 =
                roundTrip(client, {{orc, oracle, &kAssetPrice, {e[3]}}}, blockTag);
            if (!r4)
                return r4.errors();
            eModePrice = (*r4)[0].first().word.toDouble(baseDecimals);
        }
    }
    out.account.eModeCategory = eMode;
    out.account.thresholdStep = 1e-4; // the pool's weighted LTV and threshold are whole basis points
    out.account.liquidationRules = LiquidationRuleSet::AaveV30;
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const QList<AbiValue> &user = (*r3)[i * kPerReserve];
        const QList<AbiValue> &config = (*r3)[i * kPerReserve + 1];
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
        r.eModeCategory = static_cast<int>((*r3)[i * kPerReserve + 2].first().word.low64() & 0xff);
        const bool inEMode = eMode != 0 && r.eModeCategory == eMode;
        AccountAsset a;
        a.symbol = r.symbol;
        a.collateral = r.collateralUnits.toDouble(r.decimals);
        a.debt = r.debtUnits.toDouble(r.decimals);
        a.priceUsd = inEMode && eModePrice ? *eModePrice : prices[i].word.toDouble(baseDecimals);
        // The pool counts a reserve as collateral only when its own threshold is not 0; in the account's
        // e-mode category the category's values replace it.
        const double ownThreshold = bps(config[2]);
        const double ownLtv = bps(config[1]);
        a.liquidationThreshold = ownThreshold > 0.0 && inEMode ? eModeThreshold : ownThreshold;
        a.ltv = ownLtv > 0.0 && inEMode ? eModeLtv : ownLtv;
        a.liquidationBonus = inEMode ? eModeBonus : bonusOf(config[3]);
        a.usedAsCollateral = r.usedAsCollateral;
        a.decimals = r.decimals;
        out.account.assets << a;
        out.reserves << r;
    }
    return out;
}

} // namespace lp::chain
