#include "positionfetch.h"

#include "jsonrpcclient.h"

namespace lp {

PositionFetch::PositionFetch(QObject *parent) : QObject(parent)
{
    connect(&m_read, &ChainRead::finished, this, &PositionFetch::finished);
}

Expected<chain::FetchedPosition> PositionFetch::read(chain::JsonRpcClient &client,
                                                     const PositionRequest &request)
{
    return chain::fetchPosition(client, request.query());
}

bool PositionFetch::start(const PositionRequest &request)
{
    const ChainRead::Endpoint endpoint{request.rpc, request.chainId, request.timeout};
    return m_read.start(endpoint, [request](chain::JsonRpcClient &client) { return read(client, request); });
}

} // namespace lp
