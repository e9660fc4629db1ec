#pragma once

#include "chainread.h"
#include "expected.h"
#include "market.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace lp {

// One read of an Aave v3 market (or a Morpho Blue market) from a JSON-RPC node, off the GUI thread: the
// window never waits on the network. The read runs in its own thread with its own JsonRpcClient (ChainRead);
// cancel() stops the round trip in flight. finished() comes once, on the thread that made this object;
// result() then holds the market or the errors (a cancel is an error that says so).
class ChainFetch : public QObject {
    Q_OBJECT
public:
    struct Request {
        QUrl rpc;
        QString poolAddressesProvider;
        QString morpho;                 // Morpho Blue instead: the Morpho contract and one market's id
        QString morphoMarketId;         // 0x and 64 hex digits
        std::optional<quint64> chainId; // fail unless the node serves this chain
        QString marketId;               // the fetched market's id; empty: aave-v3-<chain id>
        // A known deployment's pool, data provider and oracle (AaveV3FetchOptions): three round trips.
        QString knownPool;
        QString knownDataProvider;
        QString knownOracle;
        std::chrono::milliseconds timeout{20000};
    };

    explicit ChainFetch(QObject *parent = nullptr);
    // Cancels a read in flight and waits for its thread (the ChainRead's destructor).
    ~ChainFetch() override = default;

    // Starts a read; false (and nothing started) while one runs.
    bool start(const Request &request);
    void cancel() { m_read.cancel(); }
    [[nodiscard]] bool isRunning() const { return m_read.isRunning(); }
    [[nodiscard]] bool wasCancelled() const { return m_read.wasCancelled(); }
    [[nodiscard]] const std::optional<Expected<Market>> &result() const { return m_read.result(); }
    // HTTP round trips of the last read.
    [[nodiscard]] int roundTrips() const { return m_read.roundTrips(); }

signals:
    void progress(int step, int steps, const QString &what);
    void finished();

private:
    ChainReadOf<Market> m_read;
};

} // namespace lp
