#pragma once

#include "uint256.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace lp::chain {

// What went wrong with a JSON-RPC call or a whole batch, in words that name what failed.
struct RpcError {
    enum class Kind {
        None,
        Network,     // no connection, DNS, TLS ...
        Http,        // a status other than 2xx (except 429)
        RateLimited, // HTTP 429
        Timeout,
        Cancelled,
        TooLarge,   // the response is above the size limit
        Malformed,  // not JSON-RPC 2.0, or a result that is not the hex it should be
        JsonRpc,    // an error object from the node
        Revert,     // the call reverted (error code 3 or "execution reverted")
        WrongChain, // eth_chainId differs from the one expected
    };
    Kind kind = Kind::None;
    QString message;
    int httpStatus = 0;
    qint64 code = 0;       // the JSON-RPC error code
    QByteArray revertData; // the revert's return data, when the node gives it

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
};

[[nodiscard]] QString rpcErrorKindName(RpcError::Kind kind);

struct RpcCall {
    QString method;
    QJsonArray params;
};

struct RpcResult {
    QJsonValue value;
    RpcError error;
};

// A batch's outcome: either `error` (the whole batch failed: nothing in `results` is usable) or one
// result per call, in the order of the calls, each with its own value or error.
struct RpcBatchResult {
    RpcError error;
    QList<RpcResult> results;
};

// An eth_call at a block ("latest", or a hex number).
[[nodiscard]] RpcCall ethCall(const QString &to, const QByteArray &data,
                              const QString &block = QStringLiteral("latest"));
// "0x" followed by an even number of hex digits, as eth_call returns; nullopt otherwise.
[[nodiscard]] std::optional<QByteArray> parseHexData(const QJsonValue &value);
// A QUANTITY, "0x1b4" (no leading zeros required); nullopt when not hex or above 2^256 - 1.
[[nodiscard]] std::optional<UInt256> parseHexQuantity(const QJsonValue &value);
// The reason of a revert's data: Error(string)'s message, Panic(uint256)'s code, or the selector.
[[nodiscard]] QString revertReason(const QByteArray &data);
// The endpoint as it may be shown and saved: scheme, host and port only. Keys that providers put in
// the path, the query or the user info never leave this function.
[[nodiscard]] QString redactedEndpoint(const QUrl &url);

class JsonRpcClient;

// One batch in flight. finished() is emitted once, also after cancel() or a timeout.
class RpcBatch : public QObject {
    Q_OBJECT

public:
    [[nodiscard]] bool isFinished() const { return m_finished; }
    [[nodiscard]] const RpcBatchResult &result() const { return m_result; }
    void cancel();

signals:
    void finished();

private:
    friend class JsonRpcClient;
    explicit RpcBatch(QObject *parent) : QObject(parent) {}
    void finish(RpcBatchResult result);

    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer = nullptr;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_cancelled = false;
    bool m_checksChainId = false;
    int m_calls = 0;
    RpcBatchResult m_result;
};

// JSON-RPC 2.0 over HTTP(S): each send() is one HTTP POST of a batch (one round trip).
class JsonRpcClient : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{20000};
    static constexpr qint64 kDefaultMaxResponseBytes = 32 * 1024 * 1024;

    explicit JsonRpcClient(const QUrl &endpoint, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    [[nodiscard]] qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    // When set, every batch also asks eth_chainId and fails whole with WrongChain if it differs.
    void setExpectedChainId(std::optional<quint64> chainId) { m_expectedChainId = chainId; }
    [[nodiscard]] const QUrl &endpoint() const { return m_endpoint; }
    [[nodiscard]] int roundTrips() const { return m_roundTrips; }

    // Starts a batch; the returned object belongs to the client and is deleted with it.
    RpcBatch *send(const QList<RpcCall> &calls);
    // Sends and waits (a local event loop) for the batch to finish.
    RpcBatchResult sendAndWait(const QList<RpcCall> &calls);
    // Cancels every batch in flight; each finishes with a Cancelled error.
    void cancelAll();

private:
    void onReplyFinished(RpcBatch *batch);
    RpcBatchResult parseResponse(const RpcBatch &batch, const QByteArray &body) const;

    QUrl m_endpoint;
    QNetworkAccessManager *m_network = nullptr;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    qint64 m_maxResponseBytes = kDefaultMaxResponseBytes;
    std::optional<quint64> m_expectedChainId;
    int m_roundTrips = 0;
    QList<QPointer<RpcBatch>> m_inFlight;
};

} // namespace lp::chain
