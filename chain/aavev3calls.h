#pragma once

// The batched eth_calls that the protocol readers make (aavev3reader.cpp): one round trip of calls, each
// decoded with its function's outputs, every failure named by contract, function and address.
#include "abi.h"
#include "expected.h"
#include "jsonrpcclient.h"

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

// A basis-point word (10000 = 1) as a fraction.
[[nodiscard]] inline double bps(const AbiValue &v)
{
    return v.word.toDouble(4);
}

} // namespace lp::chain
