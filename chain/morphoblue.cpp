// Morpho Blue read from the chain: markets by id and a position in one (morphoblue.h). Three round trips
// of batched eth_calls, each failure named by its contract, function and address.
#include "morphoblue.h"

#include "aavev3calls.h"
#include "abi.h"
#include "liquidationrules.h"

#include <QJsonObject>

#include <limits>

namespace lp::chain {

namespace {

// The reads, as morpho-org/morpho-blue's IMorpho and IIrm, and morpho-org/morpho-blue-oracles' IOracle
// declare them.
const AbiFunction kIdToMarketParams(u"idToMarketParams(bytes32)", u"address,address,address,address,uint256");
const AbiFunction kMarket(u"market(bytes32)", u"uint128,uint128,uint128,uint128,uint128,uint128");
const AbiFunction kPosition(u"position(bytes32,address)", u"uint256,uint128,uint128");
const AbiFunction kPrice(u"price()", u"uint256");
const AbiFunction kBorrowRateView(u"borrowRateView((address,address,address,address,uint256),"
                                  u"(uint128,uint128,uint128,uint128,uint128,uint128))",
                                  u"uint256");
const AbiFunction kSymbol(u"symbol()", u"string");
const AbiFunction kSymbolBytes32(u"symbol()", u"bytes32"); // tokens of the MKR kind
const AbiFunction kDecimals(u"decimals()", u"uint8");

const UInt256 kWad(1000000000000000000ULL);
const UInt256 kOraclePriceScale = *UInt256::fromDecimal(QStringLiteral("1") + QString(36, u'0'));

struct MorphoRead {
    FetchedRecord fetched;
    QString morpho;
    QList<MorphoMarketRead> markets;
    QList<UInt256> position; // supplyShares, borrowShares, collateral: with a user
};

std::optional<QByteArray> marketIdBytes(const QString &text)
{
    if (text.size() != 66 || !text.startsWith(QStringLiteral("0x")))
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(text.mid(2).toLatin1());
    if (raw.size() != 32 || QString::fromLatin1(raw.toHex()) != text.mid(2).toLower())
        return std::nullopt;
    return raw;
}

QString shortAddress(const QString &address)
{
    return address.left(8);
}

Expected<MorphoRead> readMorpho(JsonRpcClient &client, const QString &morphoText, const QStringList &ids,
                                const std::optional<AbiValue> &user,
                                const std::function<void(int, int, const QString &)> &progress)
{
    const std::optional<AbiValue> morphoValue = AbiValue::address(morphoText);
    if (!morphoValue)
        return chainFailure(
            QStringLiteral("morpho"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(morphoText.left(60)));
    if (ids.isEmpty())
        return chainFailure(QStringLiteral("market-id"), QStringLiteral("no market id given"));
    QList<AbiValue> idValues;
    for (const QString &id : ids) {
        const std::optional<QByteArray> raw = marketIdBytes(id);
        if (!raw)
            return chainFailure(
                QStringLiteral("market-id"),
                QStringLiteral("\"%1\" is not a market id (0x and 64 hex digits)").arg(id.left(80)));
        idValues << AbiValue::blob(*raw);
    }
    const auto step = [&progress](int n, const QString &what) {
        if (progress)
            progress(n, 3, what);
    };
    MorphoRead out;
    out.morpho = morphoValue->addressHex();
    const QString mo = QStringLiteral("Morpho");

    // 1: the chain, the block and each market's parameters (they never change once created).
    step(1, QStringLiteral("the chain, the block and each market's parameters"));
    QList<QJsonValue> answers;
    QList<ContractCall> calls1;
    for (const AbiValue &id : idValues)
        calls1 << ContractCall{mo, out.morpho, &kIdToMarketParams, {id}};
    Expected<CallResults> r1 = roundTrip(client, calls1, QStringLiteral("latest"), headCalls(), &answers);
    if (!r1)
        return r1.errors();
    const Expected<ChainHead> head = chainHead(answers);
    if (!head)
        return head.errors();
    out.fetched.chainId = head->chainId;
    out.fetched.blockNumber = static_cast<qint64>(head->blockNumber);
    out.fetched.blockTime = head->blockTime;
    out.fetched.rpcHost = redactedEndpoint(client.endpoint());
    const QString blockTag = head->blockTag;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QList<AbiValue> &p = *(*r1)[i];
        MorphoMarketRead m;
        m.id = idValues[i].bytes;
        m.params = {p[0].addressHex(), p[1].addressHex(), p[2].addressHex(), p[3].addressHex(), p[4].word};
        if (p[0].word.isZero())
            return chainFailure(QStringLiteral("market-id %1").arg(ids[i].toLower()),
                                QStringLiteral("Morpho (%1) has no market with this id").arg(out.morpho));
        out.markets << m;
    }

    // 2: at that block, each market's state, its oracle's price, its tokens; the user's position.
    step(2, QStringLiteral("each market's state, oracle price and tokens"));
    constexpr int kPerMarket = 8;
    QList<ContractCall> calls2;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const MorphoMarketParams &p = out.markets[i].params;
        const QString loan = QStringLiteral("the loan token");
        const QString coll = QStringLiteral("the collateral token");
        calls2 << ContractCall{mo, out.morpho, &kMarket, {idValues[i]}}
               << ContractCall{QStringLiteral("the oracle"), p.oracle, &kPrice, {}}
               << ContractCall{loan, p.loanToken, &kSymbol, {}, true}
               << ContractCall{loan, p.loanToken, &kSymbolBytes32, {}, true}
               << ContractCall{loan, p.loanToken, &kDecimals, {}}
               << ContractCall{coll, p.collateralToken, &kSymbol, {}, true}
               << ContractCall{coll, p.collateralToken, &kSymbolBytes32, {}, true}
               << ContractCall{coll, p.collateralToken, &kDecimals, {}};
    }
    if (user)
        calls2 << ContractCall{mo, out.morpho, &kPosition, {idValues.first(), *user}};
    Expected<CallResults> r2 = roundTrip(client, calls2, blockTag);
    if (!r2)
        return r2.errors();
    const auto symbolOf = [&r2](qsizetype at, const QString &address) {
        if ((*r2)[at] && !(*r2)[at]->first().toText().isEmpty())
            return (*r2)[at]->first().toText();
        if ((*r2)[at + 1] && !(*r2)[at + 1]->first().bytes32Text().isEmpty())
            return (*r2)[at + 1]->first().bytes32Text();
        return shortAddress(address);
    };
    for (qsizetype i = 0; i < ids.size(); ++i) {
        MorphoMarketRead &m = out.markets[i];
        const qsizetype at = i * kPerMarket;
        const QList<AbiValue> &s = *(*r2)[at];
        m.state = {s[0].word, s[1].word, s[2].word, s[3].word, s[4].word, s[5].word};
        m.oraclePrice = (*r2)[at + 1]->first().word;
        m.loanSymbol = symbolOf(at + 2, m.params.loanToken);
        m.loanDecimals = static_cast<int>((*r2)[at + 4]->first().word.low64());
        m.collateralSymbol = symbolOf(at + 5, m.params.collateralToken);
        m.collateralDecimals = static_cast<int>((*r2)[at + 7]->first().word.low64());
        if (m.loanDecimals > 36 || m.collateralDecimals > 36)
            return chainFailure(QStringLiteral("market-id %1").arg(ids[i].toLower()),
                                QStringLiteral("a token with more than 36 decimals"));
    }
    if (user) {
        const QList<AbiValue> &p = *r2->last();
        out.position = {p[0].word, p[1].word, p[2].word};
    }

    // 3: each IRM's borrow rate at the state just read (a market with no IRM pays none).
    step(3, QStringLiteral("the interest rate models"));
    QList<ContractCall> calls3;
    QList<qsizetype> withIrm;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const MorphoMarketRead &m = out.markets[i];
        if (AbiValue::address(m.params.irm)->word.isZero())
            continue;
        const AbiValue params =
            AbiValue::list({*AbiValue::address(m.params.loanToken),
                            *AbiValue::address(m.params.collateralToken), *AbiValue::address(m.params.oracle),
                            *AbiValue::address(m.params.irm), AbiValue::uint(m.params.lltv)});
        const AbiValue state = AbiValue::list(
            {AbiValue::uint(m.state.totalSupplyAssets), AbiValue::uint(m.state.totalSupplyShares),
             AbiValue::uint(m.state.totalBorrowAssets), AbiValue::uint(m.state.totalBorrowShares),
             AbiValue::uint(m.state.lastUpdate), AbiValue::uint(m.state.fee)});
        calls3 << ContractCall{
            QStringLiteral("the interest rate model"), m.params.irm, &kBorrowRateView, {params, state}};
        withIrm << i;
    }
    if (!calls3.isEmpty()) {
        Expected<CallResults> r3 = roundTrip(client, calls3, blockTag);
        if (!r3)
            return r3.errors();
        for (qsizetype k = 0; k < withIrm.size(); ++k)
            out.markets[withIrm[k]].borrowRatePerSecond = (*r3)[k]->first().word;
    }
    // The totals were last written at lastUpdate: accrue the interest since, to the block read, as Morpho
    // itself would before any action (and as its MorphoBalancesLib reports them).
    for (qsizetype i = 0; i < out.markets.size(); ++i) {
        MorphoMarketRead &m = out.markets[i];
        const std::optional<MorphoMarketState> accrued = morphoAccrued(
            m.state, m.borrowRatePerSecond, static_cast<quint64>(head->blockTime.toSecsSinceEpoch()));
        if (!accrued)
            return chainFailure(QStringLiteral("market-id %1").arg(ids[i].toLower()),
                                QStringLiteral("the interest since the last update overflows 256 bits"));
        m.accruedInterest = *UInt256::subtract(accrued->totalBorrowAssets, m.state.totalBorrowAssets);
        m.state = *accrued;
    }
    return out;
}

} // namespace

Expected<QList<Market>> fetchMorphoMarkets(JsonRpcClient &client, const QString &morpho,
                                           const QStringList &marketIds, const MorphoFetchOptions &options)
{
    const Expected<MorphoRead> read = readMorpho(client, morpho, marketIds, std::nullopt, options.progress);
    if (!read)
        return read.errors();
    QList<Market> out;
    for (const MorphoMarketRead &m : read->markets) {
        const Market market = morphoMarket(m, read->fetched, read->morpho,
                                           read->markets.size() == 1 ? options.marketId : QString());
        const ValidationErrors invalid = validateMarket(market);
        if (!invalid.isEmpty())
            return invalid;
        out << market;
    }
    return out;
}

Expected<FetchedPosition> fetchMorphoPosition(JsonRpcClient &client, const QString &morpho,
                                              const QString &marketId, const QString &userAddress)
{
    const std::optional<AbiValue> userValue = AbiValue::address(userAddress);
    if (!userValue)
        return chainFailure(
            QStringLiteral("address"),
            QStringLiteral("\"%1\" is not an address (0x and 40 hex digits)").arg(userAddress.left(60)));
    const Expected<MorphoRead> read = readMorpho(client, morpho, {marketId}, userValue, {});
    if (!read)
        return read.errors();
    const MorphoMarketRead &m = read->markets.first();
    const UInt256 supplyShares = read->position[0];
    const UInt256 borrowShares = read->position[1];
    const UInt256 collateral = read->position[2];
    const std::optional<UInt256> supplied =
        morphoToAssets(supplyShares, m.state.totalSupplyAssets, m.state.totalSupplyShares, false);
    const std::optional<UInt256> borrowed =
        morphoToAssets(borrowShares, m.state.totalBorrowAssets, m.state.totalBorrowShares, true);
    // Morpho's _isHealthy: maxBorrow = collateral x price / 1e36 (down) x lltv / 1e18 (down).
    const std::optional<UInt256> collateralValue =
        UInt256::mulDiv(collateral, m.oraclePrice, kOraclePriceScale);
    const std::optional<UInt256> maxBorrow =
        collateralValue ? UInt256::mulDiv(*collateralValue, m.params.lltv, kWad) : std::nullopt;
    if (!supplied || !borrowed || !maxBorrow)
        return chainFailure(QStringLiteral("Morpho position(%1)").arg(marketId.toLower()),
                            QStringLiteral("the shares or the collateral value overflow 256 bits"));

    FetchedPosition out;
    out.protocol = QStringLiteral("morpho-blue");
    out.marketId = marketId.toLower();
    out.priceUnit = m.loanSymbol;
    out.user = userValue->addressHex();
    out.poolAddress = read->morpho;
    out.chainId = read->fetched.chainId;
    out.blockNumber = static_cast<quint64>(read->fetched.blockNumber);
    out.blockTime = read->fetched.blockTime;
    out.rpcHost = read->fetched.rpcHost;
    const double lltv = m.params.lltv.toDouble(18);
    out.pool.totalCollateralUsd = collateralValue->toDouble(m.loanDecimals);
    out.pool.totalDebtUsd = borrowed->toDouble(m.loanDecimals);
    out.pool.liquidationThreshold = lltv;
    out.pool.ltv = lltv;
    out.pool.availableBorrowsUsd =
        *maxBorrow > *borrowed ? UInt256::subtract(*maxBorrow, *borrowed)->toDouble(m.loanDecimals) : 0.0;
    out.pool.healthFactor = borrowed->isZero() ? std::numeric_limits<double>::infinity()
                                               : maxBorrow->toDouble(m.loanDecimals) / out.pool.totalDebtUsd;
    out.account.liquidationRules = LiquidationRuleSet::MorphoBlue;
    out.account.thresholdStep = 0.0;
    if (!collateral.isZero()) {
        AccountAsset a;
        a.symbol = m.collateralSymbol;
        a.collateral = collateral.toDouble(m.collateralDecimals);
        a.priceUsd = morphoCollateralPrice(m.oraclePrice, m.collateralDecimals, m.loanDecimals);
        a.ltv = lltv; // Morpho lends up to the LLTV itself
        a.liquidationThreshold = lltv;
        a.liquidationBonus = morphoIncentiveFactor(lltv) - 1.0;
        out.account.assets << a;
        out.reserves << PositionReserve{m.collateralSymbol,
                                        m.params.collateralToken,
                                        m.collateralDecimals,
                                        collateral,
                                        UInt256(),
                                        true,
                                        0};
    }
    if (!supplied->isZero() || !borrowed->isZero()) {
        AccountAsset a;
        a.symbol = m.loanSymbol;
        a.collateral = supplied->toDouble(m.loanDecimals);
        a.debt = borrowed->toDouble(m.loanDecimals);
        a.priceUsd = 1.0;           // the unit the oracle prices the collateral in
        a.usedAsCollateral = false; // a Morpho supply earns interest but backs no loan
        out.account.assets << a;
        out.reserves << PositionReserve{
            m.loanSymbol, m.params.loanToken, m.loanDecimals, *supplied, *borrowed, false, 0};
    }
    return out;
}

} // namespace lp::chain
