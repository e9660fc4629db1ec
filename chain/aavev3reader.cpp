#include "aavev3reader.h"

#include "abi.h"

#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace lp::chain {

namespace {

constexpr double kSecondsPerYear = 365.0 * 24 * 3600;

// The reads, by contract. Outputs as the contracts of @aave/core-v3 1.19 declare them.
const AbiFunction kGetPool(u"getPool()", u"address");
const AbiFunction kGetDataProvider(u"getPoolDataProvider()", u"address");
const AbiFunction kGetOracle(u"getPriceOracle()", u"address");
const AbiFunction kGetMarketId(u"getMarketId()", u"string");
const AbiFunction kReservesList(u"getReservesList()", u"address[]");
const AbiFunction kPoolRevision(u"POOL_REVISION()", u"uint256");
const AbiFunction kFlashPremium(u"FLASHLOAN_PREMIUM_TOTAL()", u"uint128");
const AbiFunction kEModeData(u"getEModeCategoryData(uint8)", u"(uint16,uint16,uint16,address,string)");
const AbiFunction kAllTokens(u"getAllReservesTokens()", u"(string,address)[]");
const AbiFunction kConfiguration(u"getReserveConfigurationData(address)",
                                 u"uint256,uint256,uint256,uint256,uint256,bool,bool,bool,bool,bool");
const AbiFunction kCaps(u"getReserveCaps(address)", u"uint256,uint256");
const AbiFunction kPaused(u"getPaused(address)", u"bool");
const AbiFunction kReserveData(u"getReserveData(address)",
                               u"uint256,uint256,uint256,uint256,uint256,uint256,uint256,"
                               u"uint256,uint256,uint256,uint256,uint40");
const AbiFunction kProtocolFee(u"getLiquidationProtocolFee(address)", u"uint256");
const AbiFunction kReserveEMode(u"getReserveEModeCategory(address)", u"uint256");
const AbiFunction kStrategyAddress(u"getInterestRateStrategyAddress(address)", u"address");
const AbiFunction kTokenAddresses(u"getReserveTokensAddresses(address)", u"address,address,address");
const AbiFunction kAssetsPrices(u"getAssetsPrices(address[])", u"uint256[]");
const AbiFunction kBaseUnit(u"BASE_CURRENCY_UNIT()", u"uint256");
const AbiFunction kName(u"name()", u"string");
const AbiFunction kBalanceOf(u"balanceOf(address)", u"uint256");
const AbiFunction kOptimal(u"OPTIMAL_USAGE_RATIO()", u"uint256");
const AbiFunction kBaseRate(u"getBaseVariableBorrowRate()", u"uint256");
const AbiFunction kSlope1(u"getVariableRateSlope1()", u"uint256");
const AbiFunction kSlope2(u"getVariableRateSlope2()", u"uint256");

struct Call {
    QString contract; // what the error names: "the data provider"
    QString to;
    const AbiFunction *function = nullptr;
    QList<AbiValue> arguments;
    bool optional = false; // a failure leaves the result empty instead of failing the fetch
};

using Results = QList<std::optional<QList<AbiValue>>>;

ValidationError failure(const QString &what, const QString &message)
{
    return ValidationError{what, message};
}

// One round trip: the calls at `block`, each decoded with its function's outputs.
Expected<Results> roundTrip(JsonRpcClient &client, const QList<Call> &calls, const QString &block,
                            const QList<RpcCall> &extra = {}, QList<QJsonValue> *extraResults = nullptr)
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
        return failure(QStringLiteral("rpc"), batch.error.message);
    for (qsizetype i = 0; i < extra.size(); ++i) {
        if (batch.results[i].error.isError())
            return failure(extra[i].method, batch.results[i].error.message);
        if (extraResults)
            *extraResults << batch.results[i].value;
    }
    Results out;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const Call &c = calls[i];
        const RpcResult &r = batch.results[extra.size() + i];
        const QString what = QStringLiteral("%1 %2 (%3)").arg(c.contract, c.function->signature(), c.to);
        std::optional<QByteArray> data;
        if (!r.error.isError())
            data = parseHexData(r.value);
        if (c.optional && (r.error.isError() || !data)) {
            out << std::nullopt;
            continue;
        }
        if (r.error.isError())
            return failure(what, r.error.message);
        if (!data)
            return failure(what, QStringLiteral("the answer is not hex data: %1")
                                     .arg(r.value.toVariant().toString().left(80)));
        if (data->isEmpty())
            return failure(what,
                           QStringLiteral("empty answer: no contract at this address, or not this function"));
        Expected<QList<AbiValue>> decoded = c.function->decodeResult(*data);
        if (!decoded) {
            if (c.optional) {
                out << std::nullopt;
                continue;
            }
            return failure(
                what, QStringLiteral("the answer does not decode: %1").arg(formatErrors(decoded.errors())));
        }
        out << decoded.value();
    }
    return out;
}

double bps(const AbiValue &v)
{
    return v.word.toDouble(4);
}

} // namespace

double aprToApy(double apr)
{
    return std::expm1(kSecondsPerYear * std::log1p(apr / kSecondsPerYear));
}

QString chainName(qint64 chainId)
{
    switch (chainId) {
    case 1:
        return QStringLiteral("Ethereum");
    case 10:
        return QStringLiteral("Optimism");
    case 137:
        return QStringLiteral("Polygon");
    case 324:
        return QStringLiteral("zkSync Era");
    case 8453:
        return QStringLiteral("Base");
    case 42161:
        return QStringLiteral("Arbitrum");
    case 43114:
        return QStringLiteral("Avalanche");
    case 59144:
        return QStringLiteral("Linea");
    case 31337:
        return QStringLiteral("Local node");
    default:
        return QStringLiteral("chain %1").arg(chainId);
    }
}

Expected<Market> fetchAaveV3Market(JsonRpcClient &client, const QString &providerAddress,
                                   const AaveV3FetchOptions &options)
{
    const std::optional<AbiValue> providerValue = AbiValue::address(providerAddress);
    if (!providerValue)
        return failure(
            QStringLiteral("pool-provider"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(providerAddress.left(60)));
    const QString provider = providerValue->addressHex();

    // 1: the chain, the block, and what the addresses provider names.
    QList<QJsonValue> head;
    const QList<RpcCall> headCalls{
        RpcCall{QStringLiteral("eth_chainId"), {}},
        RpcCall{QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false}}};
    const QString p = QStringLiteral("the PoolAddressesProvider");
    Expected<Results> r1 = roundTrip(client,
                                     {{p, provider, &kGetPool, {}},
                                      {p, provider, &kGetDataProvider, {}},
                                      {p, provider, &kGetOracle, {}},
                                      {p, provider, &kGetMarketId, {}, true}},
                                     QStringLiteral("latest"), headCalls, &head);
    if (!r1)
        return r1.errors();
    const std::optional<UInt256> chainId = parseHexQuantity(head[0]);
    const QJsonObject block = head[1].toObject();
    const std::optional<UInt256> blockNumber = parseHexQuantity(block.value(QStringLiteral("number")));
    const std::optional<UInt256> blockTime = parseHexQuantity(block.value(QStringLiteral("timestamp")));
    if (!chainId || !chainId->fitsUint64() || !blockNumber || !blockNumber->fitsUint64() || !blockTime ||
        !blockTime->fitsUint64())
        return failure(QStringLiteral("eth_getBlockByNumber"),
                       QStringLiteral("the node's chain id or latest block is not readable"));
    const QString blockTag = QStringLiteral("0x%1").arg(blockNumber->low64(), 0, 16);
    const QString pool = (*r1)[0]->first().addressHex();
    const QString dataProvider = (*r1)[1]->first().addressHex();
    const QString oracle = (*r1)[2]->first().addressHex();
    const QString marketIdText = (*r1)[3] ? (*r1)[3]->first().toText() : QString();

    // 2: the reserves and the pool's version.
    const QString pl = QStringLiteral("the pool");
    const QString dp = QStringLiteral("the data provider");
    const QString orc = QStringLiteral("the oracle");
    Expected<Results> r2 = roundTrip(client,
                                     {{pl, pool, &kReservesList, {}},
                                      {pl, pool, &kPoolRevision, {}},
                                      {pl, pool, &kFlashPremium, {}},
                                      {dp, dataProvider, &kAllTokens, {}},
                                      {orc, oracle, &kBaseUnit, {}}},
                                     blockTag);
    if (!r2)
        return r2.errors();
    const QList<AbiValue> assets = (*r2)[0]->first().items;
    const UInt256 revision = (*r2)[1]->first().word;
    if (revision > UInt256(2))
        return failure(QStringLiteral("pool"),
                       QStringLiteral("pool revision %1 is Aave v3.1 or later, which this version "
                                      "does not read yet (it reads v3.0: revisions 1 and 2)")
                           .arg(revision.toDecimal()));
    const double flashPremium = bps((*r2)[2]->first());
    QHash<QByteArray, QString> symbolOf;
    for (const AbiValue &t : (*r2)[3]->first().items)
        symbolOf.insert(t.items[1].addressRaw(), t.items[0].toText());
    const UInt256 baseUnit = (*r2)[4]->first().word;
    if (baseUnit.isZero())
        return failure(QStringLiteral("oracle"), QStringLiteral("BASE_CURRENCY_UNIT is 0"));
    const int baseDecimals = static_cast<int>(baseUnit.toDecimal().size()) - 1;

    // 3: each reserve's configuration, state and addresses; every price at once.
    constexpr int kPerReserve = 9;
    QList<Call> calls3;
    for (const AbiValue &asset : assets) {
        const QString a = asset.addressHex();
        const QList<AbiValue> arg{asset};
        calls3 << Call{dp, dataProvider, &kConfiguration, arg} << Call{dp, dataProvider, &kCaps, arg}
               << Call{dp, dataProvider, &kPaused, arg} << Call{dp, dataProvider, &kReserveData, arg}
               << Call{dp, dataProvider, &kProtocolFee, arg} << Call{dp, dataProvider, &kReserveEMode, arg}
               << Call{dp, dataProvider, &kStrategyAddress, arg}
               << Call{dp, dataProvider, &kTokenAddresses, arg}
               << Call{QStringLiteral("the token"), a, &kName, {}, true};
    }
    calls3 << Call{orc, oracle, &kAssetsPrices, {AbiValue::list(assets)}};
    Expected<Results> r3 = roundTrip(client, calls3, blockTag);
    if (!r3)
        return r3.errors();
    const QList<AbiValue> prices = r3->last()->first().items;
    if (prices.size() != assets.size())
        return failure(QStringLiteral("oracle"),
                       QStringLiteral("%1 prices for %2 reserves").arg(prices.size()).arg(assets.size()));

    // 4: rate strategies, available liquidity, e-mode categories.
    QList<Call> calls4;
    QList<int> eModeIds;
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const QString strategy = (*r3)[i * kPerReserve + 6]->first().addressHex();
        const QString st = QStringLiteral("the rate strategy");
        calls4 << Call{st, strategy, &kOptimal, {}} << Call{st, strategy, &kBaseRate, {}}
               << Call{st, strategy, &kSlope1, {}} << Call{st, strategy, &kSlope2, {}}
               << Call{QStringLiteral("the token"),
                       assets[i].addressHex(),
                       &kBalanceOf,
                       {(*r3)[i * kPerReserve + 7]->first()}};
        const int id = static_cast<int>((*r3)[i * kPerReserve + 5]->first().word.low64() & 0xff);
        if (id != 0 && !eModeIds.contains(id))
            eModeIds << id;
    }
    std::sort(eModeIds.begin(), eModeIds.end());
    for (const int id : eModeIds)
        calls4 << Call{pl, pool, &kEModeData, {AbiValue::uint(UInt256(static_cast<quint64>(id)))}};
    Expected<Results> r4 = roundTrip(client, calls4, blockTag);
    if (!r4)
        return r4.errors();

    Market m;
    const qint64 chain = static_cast<qint64>(chainId->low64());
    m.id = options.marketId.isEmpty() ? QStringLiteral("aave-v3-%1").arg(chain) : options.marketId;
    m.name = !options.marketName.isEmpty() ? options.marketName
             : !marketIdText.isEmpty()     ? marketIdText
                                           : QStringLiteral("Aave v3 on %1").arg(chainName(chain));
    m.chain = chainName(chain);
    m.chainId = chain <= std::numeric_limits<int>::max() ? static_cast<int>(chain) : 0;
    const QDateTime time = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(blockTime->low64()), Qt::UTC);
    m.asOf = time.date();
    m.source = QStringLiteral("Read from %1 at block %2 (%3), PoolAddressesProvider %4")
                   .arg(redactedEndpoint(client.endpoint()))
                   .arg(blockNumber->low64())
                   .arg(time.toString(Qt::ISODate), provider);
    m.liquidationRules = LiquidationRuleSet::AaveV30;
    m.flashLoanPremium = flashPremium;
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const auto at = [&](int k) -> const QList<AbiValue> & { return *(*r3)[i * kPerReserve + k]; };
        const QList<AbiValue> &config = at(0);
        const QList<AbiValue> &data = at(3);
        Reserve r;
        r.symbol = symbolOf.value(assets[i].addressRaw(), assets[i].addressHex());
        r.name = (*r3)[i * kPerReserve + 8] ? (*r3)[i * kPerReserve + 8]->first().toText() : r.symbol;
        r.decimals = static_cast<int>(config[0].word.low64());
        r.ltv = bps(config[1]);
        r.liquidationThreshold = bps(config[2]);
        r.liquidationBonus = config[3].word.isZero() ? 0.0 : (config[3].word.toDouble(0) - 10000.0) / 10000.0;
        r.reserveFactor = bps(config[4]);
        r.usableAsCollateral = config[5].toBool();
        r.borrowable = config[6].toBool();
        r.liquidationProtocolFee = bps(at(4)[0]);
        const QList<AbiValue> &rates = *(*r4)[i * 5];
        RateStrategy s;
        s.optimalUtilization = rates[0].word.toDouble(27);
        s.baseRate = (*(*r4)[i * 5 + 1])[0].word.toDouble(27);
        s.slope1 = (*(*r4)[i * 5 + 2])[0].word.toDouble(27);
        s.slope2 = (*(*r4)[i * 5 + 3])[0].word.toDouble(27);
        r.rateStrategy = s;
        r.supplyApy = aprToApy(data[5].word.toDouble(27));
        r.borrowApy = aprToApy(data[6].word.toDouble(27));
        ReserveChainData c;
        c.address = assets[i].addressHex();
        c.priceUsd = prices[i].word.toDouble(baseDecimals);
        r.defaultPriceUsd = c.priceUsd;
        c.active = config[8].toBool();
        c.frozen = config[9].toBool();
        c.paused = at(2)[0].toBool();
        c.borrowCap = at(1)[0].word.toDouble(0);
        c.supplyCap = at(1)[1].word.toDouble(0);
        c.totalSupply = data[2].word.toDouble(r.decimals);
        c.totalDebt = data[3].word.toDouble(r.decimals) + data[4].word.toDouble(r.decimals);
        c.availableLiquidity = (*(*r4)[i * 5 + 4])[0].word.toDouble(r.decimals);
        const double denominator = c.availableLiquidity + c.totalDebt;
        c.utilization = denominator > 0.0 ? c.totalDebt / denominator : 0.0;
        r.onChain = c;
        m.reserves << r;
    }
    for (qsizetype k = 0; k < eModeIds.size(); ++k) {
        const QList<AbiValue> &e = (*(*r4)[assets.size() * 5 + k])[0].items;
        EModeCategory category;
        category.id = eModeIds[k];
        category.ltv = bps(e[0]);
        category.liquidationThreshold = bps(e[1]);
        category.liquidationBonus = e[2].word.isZero() ? 0.0 : (e[2].word.toDouble(0) - 10000.0) / 10000.0;
        category.label = e[4].toText();
        for (qsizetype i = 0; i < assets.size(); ++i) {
            if (static_cast<int>((*(*r3)[i * kPerReserve + 5])[0].word.low64() & 0xff) == category.id)
                category.members << m.reserves[i].symbol;
        }
        m.eModes << category;
    }
    FetchedRecord f;
    f.chainId = chain;
    f.blockNumber = static_cast<qint64>(blockNumber->low64());
    f.blockTime = time;
    f.rpcHost = redactedEndpoint(client.endpoint());
    f.protocol = QStringLiteral("aave-v3");
    f.version = QStringLiteral("3.0 (pool revision %1)").arg(revision.toDecimal());
    // By name, as the market file's object keeps them.
    f.contracts = {{QStringLiteral("pool"), pool},
                   {QStringLiteral("poolAddressesProvider"), provider},
                   {QStringLiteral("poolDataProvider"), dataProvider},
                   {QStringLiteral("priceOracle"), oracle}};
    m.fetched = f;
    const ValidationErrors invalid = validateMarket(m);
    if (!invalid.isEmpty())
        return invalid;
    return m;
}

} // namespace lp::chain
