#include "positionfetch.h"

#include "aavev3reader.h"
#include "jsonrpcclient.h"
#include "morphoblue.h"

#include <QThread>

namespace lp {

namespace {

ValidationError cancelled()
{
    return ValidationError{QStringLiteral("rpc"), QStringLiteral("cancelled")};
}

} // namespace

PositionFetch::PositionFetch(QObject *parent) : QObject(parent) {}

PositionFetch::~PositionFetch()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

Expected<chain::FetchedPosition> PositionFetch::read(chain::JsonRpcClient &client,
                                                     const PositionRequest &request)
{
    if (!request.morpho.isEmpty())
        return chain::fetchMorphoPosition(client, request.morpho, request.marketId, request.user);
    QString provider = request.poolProvider;
    if (provider.isEmpty()) {
        const Expected<QString> resolved = chain::poolAddressesProviderOf(client, request.pool);
        if (!resolved)
            return resolved.errors();
        provider = resolved.value();
    }
    return chain::fetchAaveV3Position(client, provider, request.user);
}

bool PositionFetch::start(const PositionRequest &request)
{
    if (m_thread)
        return false;
    m_cancelled = false;
    m_result.reset();
    m_thread = QThread::create([this, request] {
        chain::JsonRpcClient client(request.rpc);
        client.setExpectedChainId(request.chainId);
        client.setTimeout(request.timeout);
        {
            const std::lock_guard lock(m_mutex);
            m_client = &client;
        }
        Expected<chain::FetchedPosition> position =
            m_cancelled ? Expected<chain::FetchedPosition>(cancelled()) : read(client, request);
        const std::lock_guard lock(m_mutex);
        m_client = nullptr;
        m_done = std::move(position);
    });
    connect(m_thread, &QThread::finished, this, &PositionFetch::onThreadDone);
    m_thread->start();
    return true;
}

void PositionFetch::cancel()
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

void PositionFetch::onThreadDone()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        m_result = std::move(m_done);
        m_done.reset();
    }
    if (m_cancelled && m_result && m_result->hasValue())
        m_result = Expected<chain::FetchedPosition>(cancelled());
    emit finished();
}

} // namespace lp
