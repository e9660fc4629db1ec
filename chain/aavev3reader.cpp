#include "aavev3reader.h"

#include "aavev3calls.h"
#include "abi.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

#include <cmath>

namespace lp::chain {

namespace {

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
// Aave v3.1 and later (aave-dao/aave-v3-origin): one rate strategy for all reserves, its parameters per
// reserve in basis points; the pool's reserve data with the reserve's id.
const AbiFunction kRateDataBps(u"getInterestRateDataBps(address)", u"uint16,uint32,uint32,uint32");
const AbiFunction kPoolReserveData(u"getReserveData(address)",
                                   u"uint256,uint128,uint128,uint128,uint128,uint128,uint40,uint16,address,"
                                   u"address,address,address,uint128,uint128,uint128");
// v3.2 and later: e-mode categories by id, their members as bitmaps of reserve ids.
const AbiFunction kEModeCollateral(u"getEModeCategoryCollateralConfig(uint8)", u"uint16,uint16,uint16");
const AbiFunction kEModeLabel(u"getEModeCategoryLabel(uint8)", u"string");
const AbiFunction kEModeCollateralBitmap(u"getEModeCategoryCollateralBitmap(uint8)", u"uint128");
const AbiFunction kEModeBorrowableBitmap(u"getEModeCategoryBorrowableBitmap(uint8)", u"uint128");
// v3.6 and later (aave-dao/aave-v3-origin src/contracts/interfaces/IPool.sol, getEModeCategoryLtvzeroBitmap):
// the category's collateral members that have LTV 0 in it. Older pools revert: the feature is absent.
const AbiFunction kEModeLtvzeroBitmap(u"getEModeCategoryLtvzeroBitmap(uint8)", u"uint128");
// The calls per probed category id: collateral config, label, collateral, borrowable and LTV-zero bitmaps.
constexpr int kPerEMode = 5;

// v3.2+ categories are probed by id (the pool has no count); ids above this are not read.
constexpr int kEModeProbe = 32;

double bonusOf(const AbiValue &v)
{
    return v.word.isZero() ? 0.0 : (v.word.toDouble(0) - 10000.0) / 10000.0;
}

} // namespace

Expected<Market> fetchAaveV3Market(JsonRpcClient &client, const QString &providerAddress,
                                   const AaveV3FetchOptions &options)
{
    const std::optional<AbiValue> providerValue = AbiValue::address(providerAddress);
    if (!providerValue)
        return chainFailure(
            QStringLiteral("pool-provider"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(providerAddress.left(60)));
    const QString provider = providerValue->addressHex();
    // The known addresses, when all three are given: their reads go in the first round trip.
    const std::optional<AbiValue> hintPool = AbiValue::address(options.knownPool);
    const std::optional<AbiValue> hintDataProvider = AbiValue::address(options.knownDataProvider);
    const std::optional<AbiValue> hintOracle = AbiValue::address(options.knownOracle);
    const bool hinted = hintPool && hintDataProvider && hintOracle;
    int steps = hinted ? 3 : 4;
    int stepsDone = 0;
    const auto step = [&options, &steps, &stepsDone](const QString &what) {
        ++stepsDone;
        if (options.progress)
            options.progress(stepsDone, std::max(steps, stepsDone), what);
    };
    const QString pl = QStringLiteral("the pool");
    const QString dp = QStringLiteral("the data provider");
    const QString orc = QStringLiteral("the oracle");
    // What needs only the pool, data provider and oracle: the reserves and the pool's version.
    const auto poolCalls = [&](const QString &poolAt, const QString &dataProviderAt, const QString &oracleAt,
                               bool optional) {
        return QList<ContractCall>{{pl, poolAt, &kReservesList, {}, optional},
                                   {pl, poolAt, &kPoolRevision, {}, optional},
                                   {pl, poolAt, &kFlashPremium, {}, optional},
                                   {dp, dataProviderAt, &kAllTokens, {}, optional},
                                   {orc, oracleAt, &kBaseUnit, {}, optional}};
    };

    // 1: the chain, the block, and what the addresses provider names (with known addresses, also what
    // needs only them, at the latest block).
    step(hinted ? QStringLiteral("the chain, the block, the PoolAddressesProvider and the pool's reserves")
                : QStringLiteral("the chain, the block and the PoolAddressesProvider"));
    QList<QJsonValue> answers;
    const QString p = QStringLiteral("the PoolAddressesProvider");
    QList<ContractCall> calls1{{p, provider, &kGetPool, {}},
                               {p, provider, &kGetDataProvider, {}},
                               {p, provider, &kGetOracle, {}},
                               {p, provider, &kGetMarketId, {}, true}};
    if (hinted)
        calls1 << poolCalls(hintPool->addressHex(), hintDataProvider->addressHex(), hintOracle->addressHex(),
                            true);
    Expected<CallResults> r1 = roundTrip(client, calls1, QStringLiteral("latest"), headCalls(), &answers);
    if (!r1)
        return r1.errors();
    const Expected<ChainHead> head = chainHead(answers);
    if (!head)
        return head.errors();
    const QString blockTag = head->blockTag;
    const QString pool = (*r1)[0]->first().addressHex();
    const QString dataProvider = (*r1)[1]->first().addressHex();
    const QString oracle = (*r1)[2]->first().addressHex();
    const QString marketIdText = (*r1)[3] ? (*r1)[3]->first().toText() : QString();

    // 2: the reserves and the pool's version, unless the first round trip read them at addresses the
    // provider has just confirmed.
    CallResults r2;
    const bool verified =
        hinted && hintPool->addressHex() == pool && hintDataProvider->addressHex() == dataProvider &&
        hintOracle->addressHex() == oracle &&
        std::all_of(r1->begin() + 4, r1->end(), [](const auto &r) { return r.has_value(); });
    if (verified) {
        r2 = r1->mid(4);
    } else {
        steps = stepsDone + 3;
        step(QStringLiteral("the pool's reserves and revision"));
        Expected<CallResults> read =
            roundTrip(client, poolCalls(pool, dataProvider, oracle, false), blockTag);
        if (!read)
            return read.errors();
        r2 = read.value();
    }
    const QList<AbiValue> assets = r2[0]->first().items;
    const UInt256 revision = r2[1]->first().word;
    const double flashPremium = bps(r2[2]->first());
    QHash<QByteArray, QString> symbolOf;
    for (const AbiValue &t : r2[3]->first().items)
        symbolOf.insert(t.items[1].addressRaw(), t.items[0].toText());
    const UInt256 baseUnit = r2[4]->first().word;
    if (baseUnit.isZero())
        return chainFailure(QStringLiteral("oracle"), QStringLiteral("BASE_CURRENCY_UNIT is 0"));
    const int baseDecimals = static_cast<int>(baseUnit.toDecimal().size()) - 1;

    // 3: each reserve's configuration, state and addresses; every price at once; whether the pool keeps
    // bad debt (v3.3+).
    step(QStringLiteral("each reserve's configuration, state and price"));
    constexpr int kPerReserve = 10;
    QList<ContractCall> calls3;
    for (const AbiValue &asset : assets) {
        const QString a = asset.addressHex();
        const QList<AbiValue> arg{asset};
        calls3 << ContractCall{dp, dataProvider, &kConfiguration, arg}
               << ContractCall{dp, dataProvider, &kCaps, arg} << ContractCall{dp, dataProvider, &kPaused, arg}
               << ContractCall{dp, dataProvider, &kReserveData, arg}
               << ContractCall{dp, dataProvider, &kProtocolFee, arg}
               << ContractCall{dp, dataProvider, &kReserveEMode, arg, true}
               << ContractCall{dp, dataProvider, &kStrategyAddress, arg}
               << ContractCall{dp, dataProvider, &kTokenAddresses, arg}
               << ContractCall{QStringLiteral("the token"), a, &kName, {}, true}
               << ContractCall{pl, pool, &kPoolReserveData, arg, true};
    }
    calls3 << ContractCall{orc, oracle, &kAssetsPrices, {AbiValue::list(assets)}};
    if (!assets.isEmpty())
        calls3 << reserveDeficitProbe(pool, assets.first());
    Expected<CallResults> r3 = roundTrip(client, calls3, blockTag);
    if (!r3)
        return r3.errors();
    const auto at3 = [&r3](qsizetype reserve, int k) -> const std::optional<QList<AbiValue>> & {
        return (*r3)[reserve * kPerReserve + k];
    };
    const QList<AbiValue> prices = (*r3)[assets.size() * kPerReserve]->first().items;
    if (prices.size() != assets.size())
        return chainFailure(
            QStringLiteral("oracle"),
            QStringLiteral("%1 prices for %2 reserves").arg(prices.size()).arg(assets.size()));
    AaveV3Features features;
    features.keepsDeficit = !assets.isEmpty() && r3->last().has_value();

    // 4: rate strategies (v3.0's getters, or v3.1's per-reserve data), available liquidity, e-mode
    // categories (v3.0: the ids the reserves name; v3.2+: every id up to kEModeProbe).
    step(QStringLiteral("the rate strategies, liquidity and e-mode categories"));
    constexpr int kPerReserve4 = 6;
    QList<ContractCall> calls4;
    QList<int> eModeIds;
    const QString st = QStringLiteral("the rate strategy");
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const QString strategy = at3(i, 6)->first().addressHex();
        calls4 << ContractCall{st, strategy, &kOptimal, {}, true}
               << ContractCall{st, strategy, &kBaseRate, {}, true}
               << ContractCall{st, strategy, &kSlope1, {}, true}
               << ContractCall{st, strategy, &kSlope2, {}, true}
               << ContractCall{st, strategy, &kRateDataBps, {assets[i]}, true}
               << ContractCall{
                      QStringLiteral("the token"), assets[i].addressHex(), &kBalanceOf, {at3(i, 7)->first()}};
        const int id = at3(i, 5) ? static_cast<int>(at3(i, 5)->first().word.low64() & 0xff) : 0;
        if (id != 0 && !eModeIds.contains(id))
            eModeIds << id;
    }
    std::sort(eModeIds.begin(), eModeIds.end());
    for (const int id : eModeIds)
        calls4 << ContractCall{
            pl, pool, &kEModeData, {AbiValue::uint(UInt256(static_cast<quint64>(id)))}, true};
    for (int id = 1; id <= kEModeProbe; ++id) {
        const QList<AbiValue> arg{AbiValue::uint(UInt256(static_cast<quint64>(id)))};
        calls4 << ContractCall{pl, pool, &kEModeCollateral, arg, true}
               << ContractCall{pl, pool, &kEModeLabel, arg, true}
               << ContractCall{pl, pool, &kEModeCollateralBitmap, arg, true}
               << ContractCall{pl, pool, &kEModeBorrowableBitmap, arg, true}
               << ContractCall{pl, pool, &kEModeLtvzeroBitmap, arg, true};
    }
    Expected<CallResults> r4 = roundTrip(client, calls4, blockTag);
    if (!r4)
        return r4.errors();
    const qsizetype legacyEModes = assets.size() * kPerReserve4;
    const qsizetype probes = legacyEModes + eModeIds.size();
    features.eModeBitmaps = (*r4)[probes].has_value();
    features.eModeLtvZero = features.eModeBitmaps && (*r4)[probes + 4].has_value();

    Market m;
    const qint64 chain = head->chainId;
    m.id = options.marketId.isEmpty() ? QStringLiteral("aave-v3-%1").arg(chain) : options.marketId;
    m.name = !options.marketName.isEmpty() ? options.marketName
             : !marketIdText.isEmpty()     ? marketIdText
                                           : QStringLiteral("Aave v3 on %1").arg(chainName(chain));
    m.chain = chainName(chain);
    m.chainId = chain <= std::numeric_limits<int>::max() ? static_cast<int>(chain) : 0;
    const QDateTime time = head->blockTime;
    m.asOf = time.date();
    m.source = QStringLiteral("Read from %1 at block %2 (%3), PoolAddressesProvider %4")
                   .arg(redactedEndpoint(client.endpoint()))
                   .arg(head->blockNumber)
                   .arg(time.toString(Qt::ISODate), provider);
    m.liquidationRules = features.liquidationRules();
    m.flashLoanPremium = flashPremium;
    QList<int> reserveIds;
    for (qsizetype i = 0; i < assets.size(); ++i) {
        const QList<AbiValue> &config = *at3(i, 0);
        const QList<AbiValue> &data = *at3(i, 3);
        Reserve r;
        r.symbol = symbolOf.value(assets[i].addressRaw(), assets[i].addressHex());
        r.name = at3(i, 8) ? at3(i, 8)->first().toText() : r.symbol;
        r.decimals = static_cast<int>(config[0].word.low64());
        r.ltv = bps(config[1]);
        r.liquidationThreshold = bps(config[2]);
        r.liquidationBonus = bonusOf(config[3]);
        r.reserveFactor = bps(config[4]);
        r.usableAsCollateral = config[5].toBool();
        r.borrowable = config[6].toBool();
        r.liquidationProtocolFee = bps((*at3(i, 4))[0]);
        const auto rate = [&r4, i](int k) -> const std::optional<QList<AbiValue>> & {
            return (*r4)[i * kPerReserve4 + k];
        };
        RateStrategy s;
        if (rate(4)) { // v3.1+: basis points
            features.rateDataBps = true;
            s.optimalUtilization = bps((*rate(4))[0]);
            s.baseRate = bps((*rate(4))[1]);
            s.slope1 = bps((*rate(4))[2]);
            s.slope2 = bps((*rate(4))[3]);
        } else if (rate(0) && rate(1) && rate(2) && rate(3)) { // v3.0: rays
            s.optimalUtilization = (*rate(0))[0].word.toDouble(27);
            s.baseRate = (*rate(1))[0].word.toDouble(27);
            s.slope1 = (*rate(2))[0].word.toDouble(27);
            s.slope2 = (*rate(3))[0].word.toDouble(27);
        } else {
            return chainFailure(QStringLiteral("the rate strategy (%1)").arg(at3(i, 6)->first().addressHex()),
                                QStringLiteral("answers neither v3.0's getters nor v3.1's "
                                               "getInterestRateDataBps for %1")
                                    .arg(r.symbol));
        }
        r.rateStrategy = s;
        r.supplyApy = aprToApy(data[5].word.toDouble(27));
        r.borrowApy = aprToApy(data[6].word.toDouble(27));
        ReserveChainData c;
        c.address = assets[i].addressHex();
        c.priceUsd = prices[i].word.toDouble(baseDecimals);
        r.defaultPriceUsd = c.priceUsd;
        c.active = config[8].toBool();
        c.frozen = config[9].toBool();
        c.paused = (*at3(i, 2))[0].toBool();
        c.borrowCap = (*at3(i, 1))[0].word.toDouble(0);
        c.supplyCap = (*at3(i, 1))[1].word.toDouble(0);
        c.totalSupply = data[2].word.toDouble(r.decimals);
        c.totalDebt = data[3].word.toDouble(r.decimals) + data[4].word.toDouble(r.decimals);
        c.availableLiquidity = (*rate(5))[0].word.toDouble(r.decimals);
        const double denominator = c.availableLiquidity + c.totalDebt;
        c.utilization = denominator > 0.0 ? c.totalDebt / denominator : 0.0;
        r.onChain = c;
        m.reserves << r;
        reserveIds << (at3(i, 9) ? static_cast<int>((*at3(i, 9))[7].word.low64()) : static_cast<int>(i));
    }
    if (features.eModeBitmaps) {
        for (int id = 1; id <= kEModeProbe; ++id) {
            const qsizetype k = probes + qsizetype{id - 1} * kPerEMode;
            if (!(*r4)[k] || (*(*r4)[k])[1].word.isZero())
                continue; // an unused id: no liquidation threshold
            EModeCategory category;
            category.id = id;
            category.ltv = bps((*(*r4)[k])[0]);
            category.liquidationThreshold = bps((*(*r4)[k])[1]);
            category.liquidationBonus = bonusOf((*(*r4)[k])[2]);
            category.label = (*r4)[k + 1] ? (*(*r4)[k + 1])[0].toText() : QString();
            // The roles apart: the category's values apply to its collateral members only, and only its
            // borrowable members may be borrowed in it; v3.6's LTV-zero bit counts for collateral members.
            const auto bitOf = [&r4, k](int call, int bitIndex) {
                return (*r4)[k + call] && (*(*r4)[k + call])[0].word.bit(bitIndex);
            };
            QStringList collateralMembers;
            QStringList borrowableMembers;
            for (qsizetype i = 0; i < assets.size(); ++i) {
                const int bitIndex = reserveIds[i];
                if (bitIndex < 0 || bitIndex >= 128)
                    continue;
                const QString &symbol = m.reserves[i].symbol;
                const bool collateral = bitOf(2, bitIndex);
                const bool borrowable = bitOf(3, bitIndex);
                if (collateral || borrowable)
                    category.members << symbol;
                if (collateral)
                    collateralMembers << symbol;
                if (borrowable)
                    borrowableMembers << symbol;
                if (collateral && bitOf(4, bitIndex))
                    category.ltvZero << symbol;
            }
            category.collateral = collateralMembers;
            category.borrowable = borrowableMembers;
            if (!category.members.isEmpty())
                m.eModes << category;
        }
    } else {
        for (qsizetype k = 0; k < eModeIds.size(); ++k) {
            if (!(*r4)[legacyEModes + k])
                return chainFailure(QStringLiteral("the pool (%1)").arg(pool),
                                    QStringLiteral("getEModeCategoryData(%1) failed").arg(eModeIds[k]));
            const QList<AbiValue> &e = (*(*r4)[legacyEModes + k])[0].items;
            EModeCategory category;
            category.id = eModeIds[k];
            category.ltv = bps(e[0]);
            category.liquidationThreshold = bps(e[1]);
            category.liquidationBonus = bonusOf(e[2]);
            category.label = e[4].toText();
            for (qsizetype i = 0; i < assets.size(); ++i) {
                if (at3(i, 5) && static_cast<int>(at3(i, 5)->first().word.low64() & 0xff) == category.id)
                    category.members << m.reserves[i].symbol;
            }
            m.eModes << category;
        }
    }
    FetchedRecord f;
    f.chainId = chain;
    f.blockNumber = static_cast<qint64>(head->blockNumber);
    f.blockTime = time;
    f.rpcHost = redactedEndpoint(client.endpoint());
    f.protocol = QStringLiteral("aave-v3");
    f.version = QStringLiteral("%1 (pool revision %2)").arg(features.version(), revision.toDecimal());
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
