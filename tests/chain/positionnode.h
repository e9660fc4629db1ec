#pragma once

// The local market with the five accounts of positions.mjs (the position_node fixture): raw JSON-RPC
// helpers for the tests that read them and that move a price feed on the node.
#include "abi.h"
#include "jsonrpcclient.h"
#include "localnode.h"
#include "uint256.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <limits>

namespace lp::chain::test {

inline QJsonValue rpc(JsonRpcClient &client, const QString &method, const QJsonArray &params = {})
{
    const RpcBatchResult r = client.sendAndWait({RpcCall{method, params}});
    if (r.error.isError() || r.results.first().error.isError())
        qFatal("%s failed: %s", qPrintable(method),
               qPrintable(r.error.isError() ? r.error.message : r.results.first().error.message));
    return r.results.first().value;
}

inline QString word(const UInt256 &value)
{
    return QStringLiteral("0x") + QString::fromLatin1(value.toBigEndian().toHex());
}

// Sets a MockAggregator's answer (its storage slot 0) to `price` USD with 8 decimals, and mines a block.
inline void setFeed(JsonRpcClient &client, const QString &aggregator, double price)
{
    const auto units = static_cast<quint64>(std::llround(price * 1e8));
    rpc(client, QStringLiteral("anvil_setStorageAt"), {aggregator, word(UInt256(0)), word(UInt256(units))});
    rpc(client, QStringLiteral("evm_mine"));
}

inline void setFeedUnits(JsonRpcClient &client, const QString &aggregator, const QString &decimalUnits)
{
    rpc(client, QStringLiteral("anvil_setStorageAt"),
        {aggregator, word(UInt256(0)), word(UInt256::fromDecimal(decimalUnits).value())});
    rpc(client, QStringLiteral("evm_mine"));
}

// One eth_call of `f` on `to` at `block`, decoded.
inline QList<AbiValue> call(JsonRpcClient &client, const QString &to, const AbiFunction &f,
                            const QList<AbiValue> &args, const QString &block)
{
    const QJsonValue v =
        rpc(client, QStringLiteral("eth_call"),
            {QJsonObject{{QStringLiteral("to"), to},
                         {QStringLiteral("data"),
                          QStringLiteral("0x") + QString::fromLatin1(f.encodeCall(args).value().toHex())}},
             block});
    return f.decodeResult(parseHexData(v).value()).value();
}

// The pool's health factor for `user` at the latest block (getUserAccountData); infinite with no debt.
inline double poolHealthFactor(JsonRpcClient &client, const QString &pool, const QString &user)
{
    static const AbiFunction accountData(u"getUserAccountData(address)",
                                         u"uint256,uint256,uint256,uint256,uint256,uint256");
    const UInt256 hf =
        call(client, pool, accountData, {*AbiValue::address(user)}, QStringLiteral("latest"))[5].word;
    return hf == UInt256::max() ? std::numeric_limits<double>::infinity() : hf.toDouble(18);
}

inline QJsonObject reserveState(const QJsonObject &state, const QString &symbol)
{
    for (const QJsonValue &r : state.value(QStringLiteral("reserves")).toArray())
        if (r.toObject().value(QStringLiteral("symbol")).toString() == symbol)
            return r.toObject();
    return {};
}

} // namespace lp::chain::test
