#pragma once

// An account on an Aave v3 market, read by address (read-only: eth_call at one block, nothing signed or
// sent): the per-reserve balances through the data provider, the account's e-mode, and the pool's own
// account data as a cross-check (docs/architecture.md, "Accounts").
#include "account.h"
#include "expected.h"
#include "jsonrpcclient.h"
#include "uint256.h"

#include <QDateTime>
#include <QString>

namespace lp::chain {

// One reserve the account holds or owes, as the chain states it.
struct PositionReserve {
    QString symbol;
    QString address; // the underlying token
    int decimals = 18;
    UInt256 collateralUnits; // the aToken balance, in the token's smallest units
    UInt256 debtUnits;       // stable plus variable debt, in the token's smallest units
    bool usedAsCollateral = false;
    int eModeCategory = 0; // the reserve's category
};

// getUserAccountData as the pool reports it, in USD (the oracle's base currency) and fractions.
struct PoolAccountData {
    double totalCollateralUsd = 0.0;
    double totalDebtUsd = 0.0;
    double availableBorrowsUsd = 0.0;
    double liquidationThreshold = 0.0;
    double ltv = 0.0;
    double healthFactor = 0.0; // infinite when the pool reports uint256 max (no debt)
};

struct FetchedPosition {
    QString protocol = QStringLiteral("aave-v3"); // or "morpho-blue" (morphoblue.h)
    QString marketId;                             // Morpho Blue: the market's id (0x + 64 hex digits)
    QString priceUnit = QStringLiteral("USD");    // Morpho Blue: the loan token, which prices the collateral
    QString user;
    QString poolAddressesProvider;
    QString poolAddress; // Morpho Blue: the Morpho contract
    qint64 chainId = 0;
    quint64 blockNumber = 0;
    QDateTime blockTime;
    QString rpcHost;
    Account account; // the held and owed reserves, prices and parameters in force (e-mode applied)
    QList<PositionReserve> reserves; // the same order as account.assets
    PoolAccountData pool;            // what the pool itself reports
};

// Reads `user`'s account on the Aave v3 market of `poolAddressesProvider` at the latest block, in three
// round trips (four when the account's e-mode category has its own price source, v3.0 and v3.1). The pool's
// version is known by what it answers, as the market reader knows it (aavev3calls.h): v3.2+ e-mode
// categories by id with a collateral bitmap of reserve ids, or v3.0's category data; v3.3+'s
// getReserveDeficit selects the aave-v3.3 rule set, which values the health factor as v3.5 rounds it; v3.6's
// LTV-zero bitmap of the category gives its members LTV 0 (threshold kept) and selects the aave-v3.6 rules.
// Any failure names the call and the contract; nothing is returned then.
[[nodiscard]] Expected<FetchedPosition>
fetchAaveV3Position(JsonRpcClient &client, const QString &poolAddressesProvider, const QString &user);

} // namespace lp::chain
