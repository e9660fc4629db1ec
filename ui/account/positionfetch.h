#pragma once

#include "aavev3position.h"
#include "expected.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

class QThread;

namespace lp {

namespace chain {
class JsonRpcClient;
}

// Where File > Open Position... and File > Watch Position... read an account: an Aave v3 family market by
// its PoolAddressesProvider (or a pool that names it), or a Morpho Blue market by Morpho's address and the
// market's id, over one JSON-RPC URL. Read-only: eth_call and block queries, nothing signed or sent.
struct PositionRequest {
    QUrl rpc;
    QString poolProvider;
    QString pool; // a deployment known by its pool only: the provider is asked of it
    QString morpho;
    QString marketId;
    QString user;
    std::optional<quint64> chainId; // fail unless the node serves this chain
    std::chrono::milliseconds timeout{20000};
    QString title; // what the window calls it ("aave-v3-ethereum, 0x12...")
};

// One reading of an account off the GUI thread, as ChainFetch reads a market: its own thread and
// JsonRpcClient, cancel() stops the round trip in flight, finished() comes once on the thread that made
// this object, and result() then holds the position or the errors (a cancel is an error that says so).
class PositionFetch : public QObject {
    Q_OBJECT
public:
    explicit PositionFetch(QObject *parent = nullptr);
    // Cancels a read in flight and waits for its thread.
    ~PositionFetch() override;

    // Starts a read; false (and nothing started) while one runs.
    bool start(const PositionRequest &request);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    [[nodiscard]] const std::optional<Expected<chain::FetchedPosition>> &result() const { return m_result; }

    // The reading itself, on the calling thread (the worker runs this).
    [[nodiscard]] static Expected<chain::FetchedPosition> read(chain::JsonRpcClient &client,
                                                               const PositionRequest &request);

signals:
    void finished();

private:
    void onThreadDone();

    QThread *m_thread = nullptr;
    std::mutex m_mutex; // guards m_client and m_done
    chain::JsonRpcClient *m_client = nullptr;
    std::optional<Expected<chain::FetchedPosition>> m_done;
    std::atomic<bool> m_cancelled{false};
    std::optional<Expected<chain::FetchedPosition>> m_result;
};

} // namespace lp
