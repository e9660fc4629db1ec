#include "jsonrpcclient.h"

#include "abi.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace lp::chain {

namespace {

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

} // namespace

QString rpcErrorKindName(RpcError::Kind kind)
{
    switch (kind) {
    case RpcError::Kind::None:
        return QStringLiteral("none");
    case RpcError::Kind::Network:
        return QStringLiteral("network");
    case RpcError::Kind::Http:
        return QStringLiteral("http");
    case RpcError::Kind::RateLimited:
        return QStringLiteral("rate limited");
    case RpcError::Kind::Timeout:
        return QStringLiteral("timeout");
    case RpcError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case RpcError::Kind::TooLarge:
        return QStringLiteral("too large");
    case RpcError::Kind::Malformed:
        return QStringLiteral("malformed");
    case RpcError::Kind::JsonRpc:
        return QStringLiteral("json-rpc error");
    case RpcError::Kind::Revert:
        return QStringLiteral("revert");
    case RpcError::Kind::WrongChain:
        return QStringLiteral("wrong chain");
    }
    return {};
}

RpcCall ethCall(const QString &to, const QByteArray &data, const QString &block)
{
    QJsonObject tx{{QStringLiteral("to"), to},
                   {QStringLiteral("data"), QString::fromLatin1("0x" + data.toHex())}};
    return RpcCall{QStringLiteral("eth_call"), QJsonArray{tx, block}};
}

std::optional<QByteArray> parseHexData(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    if (!text.startsWith(u"0x") || text.size() % 2 != 0)
        return std::nullopt;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (!isHexDigit(text[i]))
            return std::nullopt;
    }
    return QByteArray::fromHex(text.mid(2).toLatin1());
}

std::optional<UInt256> parseHexQuantity(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    QString text = value.toString();
    if (!text.startsWith(u"0x") || text.size() < 3 || text.size() > 66)
        return std::nullopt;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (!isHexDigit(text[i]))
            return std::nullopt;
    }
    QByteArray digits = text.mid(2).toLatin1();
    if (digits.size() % 2 != 0)
        digits.prepend('0');
    return UInt256::fromBigEndian(QByteArray::fromHex(digits));
}

QString revertReason(const QByteArray &data)
{
    if (data.isEmpty())
        return QStringLiteral("no reason given");
    const QByteArray selector = data.left(4);
    if (selector == functionSelector(u"Error(string)")) {
        const Expected<QList<AbiValue>> decoded =
            abiDecode(AbiType::parseList(u"string").value(), data.mid(4));
        if (decoded)
            return QStringLiteral("\"%1\"").arg(decoded->first().toText());
    }
    if (selector == functionSelector(u"Panic(uint256)")) {
        const Expected<QList<AbiValue>> decoded =
            abiDecode(AbiType::parseList(u"uint256").value(), data.mid(4));
        if (decoded)
            return QStringLiteral("panic 0x%1")
                .arg(QString::fromLatin1(decoded->first().word.toBigEndian().right(1).toHex()));
    }
    return QStringLiteral("custom error 0x%1").arg(QString::fromLatin1(selector.toHex()));
}

QString redactedEndpoint(const QUrl &url)
{
    QUrl shown;
    shown.setScheme(url.scheme());
    shown.setHost(url.host());
    shown.setPort(url.port());
    return shown.toString();
}

void RpcBatch::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (QNetworkReply *reply = m_reply.data(); reply != nullptr)
        reply->abort();
}

void RpcBatch::finish(RpcBatchResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    m_result = std::move(result);
    emit finished();
}

JsonRpcClient::JsonRpcClient(const QUrl &endpoint, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_network(new QNetworkAccessManager(this))
{
}

RpcBatch *JsonRpcClient::send(const QList<RpcCall> &calls)
{
    auto *batch = new RpcBatch(this);
    batch->m_calls = static_cast<int>(calls.size());
    QJsonArray body;
    const auto add = [&body](qsizetype id, const RpcCall &call) {
        body.append(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                {QStringLiteral("id"), static_cast<qint64>(id)},
                                {QStringLiteral("method"), call.method},
                                {QStringLiteral("params"), call.params}});
    };
    if (m_expectedChainId) {
        batch->m_checksChainId = true;
        add(0, RpcCall{QStringLiteral("eth_chainId"), {}});
    }
    for (qsizetype i = 0; i < calls.size(); ++i)
        add(i + 1, calls[i]);

    QNetworkRequest request(m_endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    ++m_roundTrips;
    batch->m_reply = reply;
    m_inFlight << batch;

    batch->m_timer = new QTimer(batch);
    batch->m_timer->setSingleShot(true);
    connect(batch->m_timer, &QTimer::timeout, batch, [batch] {
        batch->m_timedOut = true;
        if (QNetworkReply *inFlight = batch->m_reply.data(); inFlight != nullptr)
            inFlight->abort();
    });
    batch->m_timer->start(m_timeout);

    const auto checkSize = [this, batch, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (reply->bytesAvailable() > m_maxResponseBytes ||
            (length.isValid() && length.toLongLong() > m_maxResponseBytes)) {
            batch->m_tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, batch, checkSize);
    connect(reply, &QNetworkReply::readyRead, batch, checkSize);
    connect(reply, &QNetworkReply::finished, this, [this, batch] { onReplyFinished(batch); });
    return batch;
}

RpcBatchResult JsonRpcClient::sendAndWait(const QList<RpcCall> &calls)
{
    RpcBatch *batch = send(calls);
    if (!batch->isFinished()) {
        QEventLoop loop;
        connect(batch, &RpcBatch::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    RpcBatchResult result = batch->result();
    batch->deleteLater();
    return result;
}

void JsonRpcClient::cancelAll()
{
    const QList<QPointer<RpcBatch>> batches = m_inFlight;
    for (const QPointer<RpcBatch> &batch : batches) {
        if (batch)
            batch->cancel();
    }
}

void JsonRpcClient::onReplyFinished(RpcBatch *batch)
{
    m_inFlight.removeAll(batch);
    QNetworkReply *reply = batch->m_reply;
    reply->deleteLater();
    const QString host = redactedEndpoint(m_endpoint);
    const auto fail = [&](RpcError::Kind kind, const QString &message, int status = 0) {
        RpcBatchResult r;
        r.error = RpcError{kind, message, status, 0, {}};
        batch->finish(r);
    };
    if (batch->m_cancelled)
        return fail(RpcError::Kind::Cancelled, QStringLiteral("cancelled"));
    if (batch->m_timedOut)
        return fail(RpcError::Kind::Timeout, QStringLiteral("%1 did not answer within %2 s")
                                                 .arg(host)
                                                 .arg(static_cast<double>(m_timeout.count()) / 1000.0));
    if (batch->m_tooLarge)
        return fail(RpcError::Kind::TooLarge,
                    QStringLiteral("%1 answered with more than %2 bytes").arg(host).arg(m_maxResponseBytes));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 429) {
        const QByteArray retry = reply->rawHeader("Retry-After");
        return fail(
            RpcError::Kind::RateLimited,
            QStringLiteral("%1 is rate limiting (HTTP 429)%2")
                .arg(host, retry.isEmpty()
                               ? QString()
                               : QStringLiteral("; retry after %1 s").arg(QString::fromLatin1(retry))),
            status);
    }
    if (status != 0 && (status < 200 || status > 299)) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return fail(RpcError::Kind::Http,
                    QStringLiteral("%1 answered HTTP %2 %3").arg(host).arg(status).arg(reason).trimmed(),
                    status);
    }
    if (reply->error() != QNetworkReply::NoError)
        return fail(RpcError::Kind::Network, QStringLiteral("%1: %2").arg(host, reply->errorString()));
    const QByteArray body = reply->readAll();
    if (body.size() > m_maxResponseBytes)
        return fail(RpcError::Kind::TooLarge,
                    QStringLiteral("%1 answered with more than %2 bytes").arg(host).arg(m_maxResponseBytes));
    batch->finish(parseResponse(*batch, body));
}

RpcBatchResult JsonRpcClient::parseResponse(const RpcBatch &batch, const QByteArray &body) const
{
    const QString host = redactedEndpoint(m_endpoint);
    RpcBatchResult out;
    const auto batchError = [&](RpcError::Kind kind, const QString &message, qint64 code = 0) {
        out.error = RpcError{kind, message, 0, code, {}};
        out.results.clear();
        return out;
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return batchError(RpcError::Kind::Malformed,
                          QStringLiteral("%1 answered something that is not JSON (%2 at byte %3)")
                              .arg(host, parseError.errorString())
                              .arg(parseError.offset));
    if (doc.isObject()) {
        // A single error object for the whole batch (some nodes do this for a bad request).
        const QJsonObject error = doc.object().value(QStringLiteral("error")).toObject();
        if (!error.isEmpty())
            return batchError(RpcError::Kind::JsonRpc,
                              QStringLiteral("%1 refused the batch: %2 (code %3)")
                                  .arg(host, error.value(QStringLiteral("message")).toString())
                                  .arg(error.value(QStringLiteral("code")).toInteger()),
                              error.value(QStringLiteral("code")).toInteger());
        return batchError(RpcError::Kind::Malformed,
                          QStringLiteral("%1 answered a batch with one object").arg(host));
    }
    const qsizetype expected = batch.m_calls + (batch.m_checksChainId ? 1 : 0);
    QList<std::optional<QJsonObject>> byId(expected);
    const QJsonArray answers = doc.array();
    for (const auto &item : answers) {
        const QJsonObject object = item.toObject();
        const QJsonValue id = object.value(QStringLiteral("id"));
        const qint64 index = id.toInteger(-1) - (batch.m_checksChainId ? 0 : 1);
        if (!id.isDouble() || index < 0 || index >= expected || byId[index])
            return batchError(RpcError::Kind::Malformed,
                              QStringLiteral("%1 answered with an unknown or repeated id").arg(host));
        byId[index] = object;
    }
    for (qsizetype i = 0; i < expected; ++i) {
        if (!byId[i])
            return batchError(
                RpcError::Kind::Malformed,
                QStringLiteral("%1 answered %2 of %3 calls").arg(host).arg(doc.array().size()).arg(expected));
    }
    for (qsizetype i = 0; i < expected; ++i) {
        const QJsonObject &object = *byId[i];
        RpcResult result;
        if (object.contains(QStringLiteral("error"))) {
            const QJsonObject error = object.value(QStringLiteral("error")).toObject();
            const QString message = error.value(QStringLiteral("message")).toString();
            result.error.code = error.value(QStringLiteral("code")).toInteger();
            result.error.revertData =
                parseHexData(error.value(QStringLiteral("data"))).value_or(QByteArray());
            if (result.error.code == 3 || message.contains(u"revert", Qt::CaseInsensitive)) {
                result.error.kind = RpcError::Kind::Revert;
                result.error.message =
                    QStringLiteral("the call reverted: %1").arg(revertReason(result.error.revertData));
            } else {
                result.error.kind = RpcError::Kind::JsonRpc;
                result.error.message = QStringLiteral("%1 (code %2)").arg(message).arg(result.error.code);
            }
        } else if (!object.contains(QStringLiteral("result"))) {
            result.error = RpcError{RpcError::Kind::Malformed,
                                    QStringLiteral("an answer with neither result nor error"),
                                    0,
                                    0,
                                    {}};
        } else
            result.value = object.value(QStringLiteral("result"));
        out.results << result;
    }
    if (batch.m_checksChainId) {
        const RpcResult chain = out.results.takeFirst();
        const std::optional<UInt256> id = parseHexQuantity(chain.value);
        if (chain.error.isError())
            return batchError(chain.error.kind, QStringLiteral("eth_chainId: %1").arg(chain.error.message));
        if (!id)
            return batchError(RpcError::Kind::Malformed,
                              QStringLiteral("%1 answered eth_chainId with %2")
                                  .arg(host, chain.value.toVariant().toString().left(80)));
        if (*id != UInt256(*m_expectedChainId))
            return batchError(RpcError::Kind::WrongChain, QStringLiteral("%1 serves chain %2, not chain %3")
                                                              .arg(host, id->toDecimal())
                                                              .arg(*m_expectedChainId));
    }
    return out;
}

} // namespace lp::chain
