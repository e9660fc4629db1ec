#pragma once

#include "aavev3position.h"
#include "chainread.h"
#include "expected.h"
#include "positionquery.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace lp {

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

    // The account and the market, as chain::fetchPosition reads them (the CLI's `position` too).
    [[nodiscard]] chain::PositionQuery query() const { return {poolProvider, pool, morpho, marketId, user}; }
};

// One reading of an account off the GUI thread, as ChainFetch reads a market (ChainRead): its own thread and
// JsonRpcClient, cancel() stops the round trip in flight, finished() comes once on the thread that made
// this object, and result() then holds the position or the errors (a cancel is an error that says so).
class PositionFetch : public QObject {
    Q_OBJECT
public:
    explicit PositionFetch(QObject *parent = nullptr);
    // Cancels a read in flight and waits for its thread (the ChainRead's destructor).
    ~PositionFetch() override = default;

    // Starts a read; false (and nothing started) while one runs.
    bool start(const PositionRequest &request);
    void cancel() { m_read.cancel(); }
    [[nodiscard]] bool isRunning() const { return m_read.isRunning(); }
    [[nodiscard]] const std::optional<Expected<chain::FetchedPosition>> &result() const
    {
        return m_read.result();
    }

    // The reading itself, on the calling thread (the worker runs this): chain::fetchPosition.
    [[nodiscard]] static Expected<chain::FetchedPosition> read(chain::JsonRpcClient &client,
                                                               const PositionRequest &request);

signals:
    void finished();

private:
    ChainReadOf<chain::FetchedPosition> m_read;
};

} // namespace lp
