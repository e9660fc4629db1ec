#pragma once

#include "expected.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace lp {

namespace chain {
class JsonRpcClient;
}

// One read off the GUI thread, the machinery that ChainFetch (a market), PositionFetch (an account) and the
// price fetch share: the read runs on a thread of its own, with a JsonRpcClient of its own when it asks a
// node; cancel() stops the round trip in flight (queued onto the read's thread, whose event loop waits for
// the answer) and raises the flag that a read without a client polls; finished() comes once, on the thread
// that made this object. Destroying it while a read runs cancels the read and waits for its thread.
class ChainRead : public QObject {
    Q_OBJECT
public:
    // Where a read that asks a node goes.
    struct Endpoint {
        QUrl rpc;
        std::optional<quint64> chainId; // fail unless the node serves this chain
        std::chrono::milliseconds timeout{20000};
    };

    explicit ChainRead(QObject *parent = nullptr);
    ~ChainRead() override;
    ChainRead(const ChainRead &) = delete;
    ChainRead &operator=(const ChainRead &) = delete;

    // Runs `job` on a new thread with a client for `endpoint`; false (and nothing started) while a read
    // runs. A cancel before the client exists skips the job.
    bool start(const Endpoint &endpoint, std::function<void(chain::JsonRpcClient &)> job);
    // Runs `job`, which asks no node through a client of this object (it may poll cancelFlag()).
    bool start(std::function<void()> job);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    [[nodiscard]] bool wasCancelled() const { return m_cancelled; }
    // Raised by cancel(), lowered by start(); lives as long as this object (which outlives its read).
    [[nodiscard]] const std::atomic<bool> *cancelFlag() const { return &m_cancelled; }
    // HTTP round trips of the last read's client (0 for a read without one).
    [[nodiscard]] int roundTrips() const { return m_roundTrips; }
    // Called on the read's thread: progress() is emitted on this object's thread.
    void reportProgress(int step, int steps, const QString &what);

    // What a cancelled read ends with: "cancelled", naming rpc.
    [[nodiscard]] static ValidationError cancelledError();

signals:
    void progress(int step, int steps, const QString &what);
    void finished();

protected:
    // On this object's thread once the read's thread has ended, before finished(): a typed read takes
    // its result here.
    virtual void collect() {}

private:
    bool launch(std::function<void()> body);
    void onThreadDone();

    QThread *m_thread = nullptr;
    std::mutex m_mutex; // guards m_client and m_threadRoundTrips
    chain::JsonRpcClient *m_client = nullptr;
    int m_threadRoundTrips = 0;
    std::atomic<bool> m_cancelled{false};
    int m_roundTrips = 0;
};

// A read whose outcome is an Expected<T>: result() holds it once finished() has come. A cancelled read's
// outcome is an error: the one the cancel made the read end with, or cancelledError() when the read was
// skipped or still succeeded. The read's thread writes only into a slot it shares, never into this object.
template <typename T> class ChainReadOf : public ChainRead {
public:
    using ChainRead::ChainRead;
    using Outcome = std::optional<Expected<T>>;

    bool start(const Endpoint &endpoint, std::function<Expected<T>(chain::JsonRpcClient &)> read)
    {
        auto slot = std::make_shared<Outcome>();
        return begin(slot, ChainRead::start(endpoint, [slot, run = std::move(read)](chain::JsonRpcClient &c) {
                         *slot = run(c);
                     }));
    }
    bool start(std::function<Expected<T>()> read)
    {
        auto slot = std::make_shared<Outcome>();
        return begin(slot, ChainRead::start([slot, run = std::move(read)] { *slot = run(); }));
    }
    [[nodiscard]] const Outcome &result() const { return m_result; }

protected:
    void collect() override
    {
        m_result = std::move(*m_slot);
        m_slot.reset();
        if (wasCancelled() && (!m_result || m_result->hasValue()))
            m_result = Expected<T>(cancelledError());
    }

private:
    bool begin(std::shared_ptr<Outcome> slot, bool started)
    {
        if (started) {
            m_slot = std::move(slot);
            m_result.reset();
        }
        return started;
    }

    std::shared_ptr<Outcome> m_slot;
    Outcome m_result;
};

} // namespace lp
