#include "aavev3calls.h"

#include <QJsonObject>

namespace lp::chain {

QList<RpcCall> headCalls()
{
    return {RpcCall{QStringLiteral("eth_chainId"), {}},
            RpcCall{QStringLiteral("eth_getBlockByNumber"), QJsonArray{QStringLiteral("latest"), false}}};
}

Expected<ChainHead> chainHead(const QList<QJsonValue> &answers)
{
    const std::optional<UInt256> chainId = answers.size() == 2 ? parseHexQuantity(answers[0]) : std::nullopt;
    const QJsonObject block = answers.value(1).toObject();
    const std::optional<UInt256> number = parseHexQuantity(block.value(QStringLiteral("number")));
    const std::optional<UInt256> time = parseHexQuantity(block.value(QStringLiteral("timestamp")));
    if (!chainId || !chainId->fitsUint64() || !number || !number->fitsUint64() || !time ||
        !time->fitsUint64())
        return chainFailure(QStringLiteral("eth_getBlockByNumber"),
                            QStringLiteral("the node's chain id or latest block is not readable"));
    ChainHead out;
    out.chainId = static_cast<qint64>(chainId->low64());
    out.blockNumber = number->low64();
    out.blockTime = QDateTime::fromSecsSinceEpoch(static_cast<qint64>(time->low64()), Qt::UTC);
    out.blockTag = QStringLiteral("0x%1").arg(out.blockNumber, 0, 16);
    return out;
}

QString AaveV3Features::version() const
{
    return keepsDeficit && eModeLtvZero ? QStringLiteral("3.6 or later")
           : keepsDeficit               ? QStringLiteral("3.3 or later")
           : eModeBitmaps               ? QStringLiteral("3.2")
           : rateDataBps                ? QStringLiteral("3.1")
                                        : QStringLiteral("3.0");
}

ContractCall reserveDeficitProbe(const QString &pool, const AbiValue &asset)
{
    static const AbiFunction reserveDeficit(u"getReserveDeficit(address)", u"uint256");
    return ContractCall{QStringLiteral("the pool"), pool, &reserveDeficit, {asset}, true};
}

ValidationError chainFailure(const QString &what, const QString &message)
{
    return ValidationError{what, message};
}

Expected<CallResults> roundTrip(JsonRpcClient &client, const QList<ContractCall> &calls, const QString &block,
                                const QList<RpcCall> &extra, QList<QJsonValue> *extraResults)
{
    QList<RpcCall> rpc = extra;
    for (const ContractCall &c : calls) {
        const Expected<QByteArray> data = c.function->encodeCall(c.arguments);
        if (!data)
            return data.errors();
        rpc << ethCall(c.to, data.value(), block);
    }
    const RpcBatchResult batch = client.sendAndWait(rpc);
    if (batch.error.isError())
        return chainFailure(QStringLiteral("rpc"), batch.error.message);
    for (qsizetype i = 0; i < extra.size(); ++i) {
        if (batch.results[i].error.isError())
            return chainFailure(extra[i].method, batch.results[i].error.message);
        if (extraResults)
            *extraResults << batch.results[i].value;
    }
    CallResults out;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const ContractCall &c = calls[i];
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
            return chainFailure(what, r.error.message);
        if (!data)
            return chainFailure(what, QStringLiteral("the answer is not hex data: %1")
                                          .arg(r.value.toVariant().toString().left(80)));
        if (data->isEmpty())
            return chainFailure(
                what, QStringLiteral("empty answer: no contract at this address, or not this function"));
        Expected<QList<AbiValue>> decoded = c.function->decodeResult(*data);
        if (!decoded) {
            if (c.optional) {
                out << std::nullopt;
                continue;
            }
            return chainFailure(
                what, QStringLiteral("the answer does not decode: %1").arg(formatErrors(decoded.errors())));
        }
        out << decoded.value();
    }
    return out;
}

} // namespace lp::chain
