#pragma once

#include "expected.h"
#include "jsonrpcclient.h"
#include "market.h"

#include <QString>

#include <functional>

namespace lp::chain {

struct AaveV3FetchOptions {
    QString marketId;   // the market's id in the app; empty: "aave-v3-<chain id>"
    QString marketName; // empty: the addresses provider's market id
    // A known deployment's (or an earlier read's) pool, data provider and oracle. With all three, the
    // first round trip also reads what needs only them, and the provider's own answers verify them: three
    // round trips instead of four. An address that differs from the provider's answer is not used (the read
    // then takes four round trips, as without them).
    QString knownPool;
    QString knownDataProvider;
    QString knownOracle;
    // Called before each round trip (step 1 to steps) with what it reads: the window's progress bar.
    std::function<void(int step, int steps, const QString &what)> progress;
};

// Reads an Aave v3 market (v3.0 to v3.7, and forks such as Spark) from its PoolAddressesProvider, at one
// block: the pool, data provider and oracle it names; every reserve's symbol, decimals, LTV, threshold,
// bonus, protocol fee, reserve factor, caps, status, totals, available liquidity, utilization, rates,
// rate strategy and oracle price; the e-mode categories with their members; the flash-loan premium.
// Four JSON-RPC round trips whatever the number of reserves, three with the known addresses of the options.
// What differs between versions is read by what the contracts answer: v3.0's rate strategy getters or v3.1's
// getInterestRateDataBps(reserve); v3.0's per-reserve e-mode id (every member in both roles) or v3.2's
// categories by id (1 to 32) with their collateral and borrowable bitmaps kept apart as the category's roles;
// v3.3's getReserveDeficit, which also selects the v3.3 liquidation rules; v3.6's LTV-zero bitmap per
// category (the category's ltvZero list; with it the v3.6 rules). The `fetched` record names the version
// read ("3.2 (pool revision 5)", "3.6 or later (pool revision 9)"). Any failure (network, chain, a revert of
// a call every version has, an answer that does not decode) is an error naming the call and contract; nothing
// is returned then.
[[nodiscard]] Expected<Market> fetchAaveV3Market(JsonRpcClient &client, const QString &poolAddressesProvider,
                                                 const AaveV3FetchOptions &options = {});

// The PoolAddressesProvider a pool names (its ADDRESSES_PROVIDER()), one round trip: for a deployment
// known by its pool only.
[[nodiscard]] Expected<QString> poolAddressesProviderOf(JsonRpcClient &client, const QString &pool);

// A rate as Aave's UI shows it: APY = (1 + APR / SPY)^SPY - 1 with SPY = 365 days in seconds,
// computed as expm1(SPY * log1p(APR / SPY)) so that small rates keep their precision.
[[nodiscard]] double aprToApy(double apr);

// The chain's common name ("Ethereum", "Base", ...), or "chain <id>".
[[nodiscard]] QString chainName(qint64 chainId);

} // namespace lp::chain
