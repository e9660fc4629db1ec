#pragma once

// Which account to read and where, as the CLI (`position`, `watch`) and the window (File > Open Position...,
// File > Watch Position...) both name it: an Aave v3 family market by its PoolAddressesProvider (or a pool
// that names it), or a Morpho Blue market by Morpho's address and the market's id. Read-only: eth_call and
// block queries, nothing signed or sent.
#include "aavev3position.h"
#include "expected.h"
#include "jsonrpcclient.h"

#include <QString>

namespace lp::chain {

struct PositionQuery {
    QString poolProvider; // Aave v3: the PoolAddressesProvider
    QString pool;         // a deployment known by its pool only: the provider is asked of it (one round trip)
    QString morpho;       // Morpho Blue instead: the Morpho contract and the market's id (0x + 64 hex digits)
    QString marketId;
    QString user;

    [[nodiscard]] bool isMorpho() const { return !morpho.isEmpty(); }
};

// Reads the account: fetchMorphoPosition when the query names Morpho, else fetchAaveV3Position on the
// provider (asked of the pool first when only the pool is given). The errors are the reader's, or the
// pool's when it does not name a provider.
[[nodiscard]] Expected<FetchedPosition> fetchPosition(JsonRpcClient &client, const PositionQuery &query);

} // namespace lp::chain
