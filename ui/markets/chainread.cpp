#include "chainread.h"

#include "jsonrpcclient.h"

#include <QThread>

namespace lp {

ChainRead::ChainRead(QObject *parent) : QObject(parent) {}

ChainRead::~ChainRead()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

ValidationError ChainRead::cancelledError()
{
    return ValidationError{QStringLiteral("rpc"), QStringLiteral("cancelled")};
}

bool ChainRead::start(const Endpoint &endpoint, std::function<void(chain::JsonRpcClient &)> job)
{
    return launch([this, endpoint, run = std::move(job)] {
        chain::JsonRpcClient client(endpoint.rpc);
        client.setExpectedChainId(endpoint.chainId);
        client.setTimeout(endpoint.timeout);
        {
            const std::lock_guard lock(m_mutex);
            m_client = &client;
        }
        // A cancel before the client was handed over found nothing to stop: the flag says it.
        if (!m_cancelled)
            run(client);
        const std::lock_guard lock(m_mutex);
        m_client = nullptr;
        m_threadRoundTrips = client.roundTrips();
    });
}

bool ChainRead::start(std::function<void()> job)
{
    return launch([this, run = std::move(job)] {
        if (!m_cancelled)
            run();
    });
}

bool ChainRead::launch(std::function<void()> body)
{
    if (m_thread)
        return false;
    m_cancelled = false;
    m_roundTrips = 0;
    {
        const std::lock_guard lock(m_mutex);
        m_threadRoundTrips = 0;
    }
    m_thread = QThread::create(std::move(body));
    connect(m_thread, &QThread::finished, this, &ChainRead::onThreadDone);
    m_thread->start();
    return true;
}

void ChainRead::cancel()
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

void ChainRead::reportProgress(int step, int steps, const QString &what)
{
    QMetaObject::invokeMethod(
        this, [this, step, steps, what] { emit progress(step, steps, what); }, Qt::QueuedConnection);
}

void ChainRead::onThreadDone()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        m_roundTrips = m_threadRoundTrips;
    }
    collect();
    emit finished();
}

} // namespace lp
