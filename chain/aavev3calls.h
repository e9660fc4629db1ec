#pragma once

// What the protocol readers (aavev3reader.cpp, aavev3position.cpp, morphoblue.cpp) share: the batched
// eth_calls of one round trip, each decoded with its function's outputs and every failure named by contract,
// function and address; the chain and block that open every read; and what tells Aave v3 versions apart.
#include "abi.h"
#include "expected.h"
#include "jsonrpcclient.h"
#include "liquidationrules.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lp::chain {

struct ContractCall {
    QString contract; // what the error names: "the data provider"
    QString to;
    const AbiFunction *function = nullptr;
    QList<AbiValue> arguments;
    bool optional = false; // a failure leaves the result empty instead of failing the fetch
};

using CallResults = QList<std::optional<QList<AbiValue>>>;

[[nodiscard]] ValidationError chainFailure(const QString &what, const QString &message);

// One round trip: `extra` raw calls first (their values in *extraResults), then the contract calls at
// `block`, each decoded with its function's outputs.
[[nodiscard]] Expected<CallResults> roundTrip(JsonRpcClient &client, const QList<ContractCall> &calls,
                                              const QString &block, const QList<RpcCall> &extra = {},
                                              QList<QJsonValue> *extraResults = nullptr);

// The chain and the latest block, as the first round trip of every read asks for them (headCalls(), its
// `extra` calls).
struct ChainHead {
    qint64 chainId = 0;
    quint64 blockNumber = 0;
    QDateTime blockTime;
    QString blockTag; // the block as the later calls name it: 0x and hex digits
};

[[nodiscard]] QList<RpcCall> headCalls();
// The head from the answers to headCalls(); an error naming eth_getBlockByNumber when they do not read.
[[nodiscard]] Expected<ChainHead> chainHead(const QList<QJsonValue> &answers);

// What differs between Aave v3 versions, known by what the pool answers (POOL_REVISION numbers differ
// between markets and forks): v3.1's rate data in basis points, v3.2's e-mode categories by id with member
// bitmaps (and no price source of their own), v3.3's getReserveDeficit (and with it the v3.3 liquidation
// rules, whose rule set rounds the health factor's values in the protocol's favour as v3.5 does), v3.6's
// per-category LTV-zero bitmap (getEModeCategoryLtvzeroBitmap, aave-dao/aave-v3-origin
// src/contracts/interfaces/IPool.sol; with it the v3.6 rule set).
struct AaveV3Features {
    bool rateDataBps = false;
    bool eModeBitmaps = false;
    bool keepsDeficit = false;
    bool eModeLtvZero = false;
    [[nodiscard]] LiquidationRuleSet liquidationRules() const
    {
        return keepsDeficit && eModeLtvZero ? LiquidationRuleSet::AaveV36
               : keepsDeficit               ? LiquidationRuleSet::AaveV33
                                            : LiquidationRuleSet::AaveV30;
    }
    // "3.6 or later", "3.3 or later", "3.2", "3.1" or "3.0".
    [[nodiscard]] QString version() const;
};

// The probe of v3.3's getReserveDeficit on `pool` for one of its reserves: optional, a revert means older.
[[nodiscard]] ContractCall reserveDeficitProbe(const QString &pool, const AbiValue &asset);

// A basis-point word (10000 = 1) as a fraction.
[[nodiscard]] inline double bps(const AbiValue &v)
{
    return v.word.toDouble(4);
}

} // namespace lp::chain
