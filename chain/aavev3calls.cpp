#include "aavev3calls.h"

namespace lp::chain {

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
