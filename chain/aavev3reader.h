#pragma once

#include "expected.h"
#include "jsonrpcclient.h"
#include "market.h"

#include <QString>

namespace lp::chain {

struct AaveV3FetchOptions {
    QString marketId;   // the market's id in the app; empty: "aave-v3-<chain id>"
    QString marketName; // empty: the addresses provider's market id
};

// Reads an Aave v3 market (v3.0: pool revisions 1 and 2) from its PoolAddressesProvider, at one block:
// the pool, data provider and oracle it names; every reserve's symbol, decimals, LTV, threshold,
// bonus, protocol fee, reserve factor, caps, status, totals, available liquidity, utilization, rates,
// rate strategy and oracle price; the e-mode categories with their members; the flash-loan premium.
// Four JSON-RPC round trips whatever the number of reserves. Any failure (network, chain, a revert, an
// answer that does not decode) is an error naming the call and contract; nothing is returned then.
// Later pool revisions (v3.1+, whose rate strategies and e-modes are stored differently) are refused
// with a message that says so.
[[nodiscard]] Expected<Market> fetchAaveV3Market(JsonRpcClient &client, const QString &poolAddressesProvider,
                                                 const AaveV3FetchOptions &options = {});

// A rate as Aave's UI shows it: APY = (1 + APR / SPY)^SPY - 1 with SPY = 365 days in seconds,
// computed as expm1(SPY * log1p(APR / SPY)) so that small rates keep their precision.
[[nodiscard]] double aprToApy(double apr);

// The chain's common name ("Ethereum", "Base", ...), or "chain <id>".
[[nodiscard]] QString chainName(qint64 chainId);

} // namespace lp::chain
