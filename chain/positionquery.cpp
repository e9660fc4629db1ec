#include "positionquery.h"

#include "aavev3reader.h"
#include "morphoblue.h"

namespace lp::chain {

Expected<FetchedPosition> fetchPosition(JsonRpcClient &client, const PositionQuery &query)
{
    if (query.isMorpho())
        return fetchMorphoPosition(client, query.morpho, query.marketId, query.user);
    QString provider = query.poolProvider;
    if (provider.isEmpty()) {
        const Expected<QString> resolved = poolAddressesProviderOf(client, query.pool);
        if (!resolved)
            return resolved.errors();
        provider = resolved.value();
    }
    return fetchAaveV3Position(client, provider, query.user);
}

} // namespace lp::chain
