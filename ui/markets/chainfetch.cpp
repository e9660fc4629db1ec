#include "chainfetch.h"

#include "aavev3reader.h"
#include "jsonrpcclient.h"
#include "morphoblue.h"

#include <QThread>

namespace lp {

namespace {

// One Morpho Blue market, as fetchMorphoMarkets reads it (three round trips).
Expected<Market> fetchMorpho(chain::JsonRpcClient &client, const ChainFetch::Request &request,
                             const std::function<void(int, int, const QString &)> &progress)
{
    chain::MorphoFetchOptions options;
    options.marketId = request.marketId;
    options.progress = progress;
    const Expected<QList<Market>> markets =
        chain::fetchMorphoMarkets(client, request.morpho, {request.morphoMarketId}, options);
    if (!markets)
        return markets.errors();
    return markets->first();
}

} // namespace

ChainFetch::ChainFetch(QObject *parent) : QObject(parent) {}

ChainFetch::~ChainFetch()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool ChainFetch::start(const Request &request)
{
    if (m_thread)
        return false;
    m_cancelled = false;
    m_result.reset();
    m_roundTrips = 0;
    m_thread = QThread::create([this, request] {
        chain::JsonRpcClient client(request.rpc);
        client.setExpectedChainId(request.chainId);
        client.setTimeout(request.timeout);
        {
            const std::lock_guard lock(m_mutex);
            m_client = &client;
        }
        chain::AaveV3FetchOptions options;
        options.marketId = request.marketId;
        options.knownPool = request.knownPool;
        options.knownDataProvider = request.knownDataProvider;
        options.knownOracle = request.knownOracle;
        options.progress = [this](int step, int steps, const QString &what) {
            QMetaObject::invokeMethod(
                this, [this, step, steps, what] { emit progress(step, steps, what); }, Qt::QueuedConnection);
        };
        Expected<Market> market =
            m_cancelled
                ? Expected<Market>(ValidationError{QStringLiteral("rpc"), QStringLiteral("cancelled")})
            : request.morpho.isEmpty()
                ? chain::fetchAaveV3Market(client, request.poolAddressesProvider, options)
                : fetchMorpho(client, request, options.progress);
        const std::lock_guard lock(m_mutex);
        m_client = nullptr;
        m_threadRoundTrips = client.roundTrips();
        m_done = std::move(market);
    });
    connect(m_thread, &QThread::finished, this, &ChainFetch::onThreadDone);
    m_thread->start();
    return true;
}

void ChainFetch::cancel()
{
    m_cancelled = true;
    const std::lock_guard lock(m_mutex);
    if (m_client) {
        chain::JsonRpcClient *client = m_client;
        // Runs on the read's thread, inside the event loop that waits for the answer.
        QMetaObject::invokeMethod(
            client, [client] { client->cancelAll(); }, Qt::QueuedConnection);
    }
}

void ChainFetch::onThreadDone()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        m_result = std::move(m_done);
        m_done.reset();
    }
    m_roundTrips = m_threadRoundTrips;
    if (m_cancelled && m_result && m_result->hasValue())
        m_result = Expected<Market>(ValidationError{QStringLiteral("rpc"), QStringLiteral("cancelled")});
    emit finished();
}

} // namespace lp
