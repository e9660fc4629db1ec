#include "chainfetch.h"

#include "aavev3reader.h"
#include "jsonrpcclient.h"
#include "morphoblue.h"

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

ChainFetch::ChainFetch(QObject *parent) : QObject(parent)
{
    connect(&m_read, &ChainRead::progress, this, &ChainFetch::progress);
    connect(&m_read, &ChainRead::finished, this, &ChainFetch::finished);
}

bool ChainFetch::start(const Request &request)
{
    const ChainRead::Endpoint endpoint{request.rpc, request.chainId, request.timeout};
    return m_read.start(endpoint, [read = &m_read, request](chain::JsonRpcClient &client) {
        chain::AaveV3FetchOptions options;
        options.marketId = request.marketId;
        options.knownPool = request.knownPool;
        options.knownDataProvider = request.knownDataProvider;
        options.knownOracle = request.knownOracle;
        options.progress = [read](int step, int steps, const QString &what) {
            read->reportProgress(step, steps, what);
        };
        return request.morpho.isEmpty()
                   ? chain::fetchAaveV3Market(client, request.poolAddressesProvider, options)
                   : fetchMorpho(client, request, options.progress);
    });
}

} // namespace lp
