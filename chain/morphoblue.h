#pragma once

// Morpho Blue (github.com/morpho-org/morpho-blue, docs.morpho.org): markets by id and positions in them,
// read-only, with the same JSON-RPC client and batched eth_calls as the Aave reader. Morpho is tested on
// recorded answers (tests/chain/tst_morphoblue.cpp): its compiled contract is not in a registry package.
#include "aavev3position.h"
#include "expected.h"
#include "jsonrpcclient.h"
#include "market.h"
#include "uint256.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>

namespace lp::chain {

// MarketParams: what a market id is the hash of.
struct MorphoMarketParams {
    QString loanToken;
    QString collateralToken;
    QString oracle;
    QString irm;
    UInt256 lltv; // WAD (1e18 = 100 %)
};

// Market: the totals at the market's last update (lastUpdate, unix seconds); fee in WAD.
struct MorphoMarketState {
    UInt256 totalSupplyAssets;
    UInt256 totalSupplyShares;
    UInt256 totalBorrowAssets;
    UInt256 totalBorrowShares;
    UInt256 lastUpdate;
    UInt256 fee;
};

// SharesMathLib: shares become assets through virtual shares (1e6) and a virtual asset (1), so that an
// empty market has a price and no one can inflate it:
//   assets = shares x (totalAssets + 1) / (totalShares + 1e6)
// rounded down for what the user owns (supply) and up for what the user owes (borrow).
inline constexpr quint64 kMorphoVirtualShares = 1000000;
inline constexpr quint64 kMorphoVirtualAssets = 1;
[[nodiscard]] std::optional<UInt256> morphoToAssets(const UInt256 &shares, const UInt256 &totalAssets,
                                                    const UInt256 &totalShares, bool roundUp);

// MathLib.wTaylorCompounded: e^(rate x elapsed) - 1 in WAD by the first three terms of its series,
//   x = rate x elapsed,  x + x^2 / (2 WAD) + x^3 / (6 WAD^2)
// each term rounded down as Solidity divides (the third is the second times x over 3 WAD). Nullopt on
// overflow of 256 bits.
[[nodiscard]] std::optional<UInt256> morphoTaylorCompounded(const UInt256 &ratePerSecondWad,
                                                            const UInt256 &elapsedSeconds);

// The market's totals at `now` (unix seconds), as Morpho's _accrueInterest makes them and
// MorphoBalancesLib.expectedMarketBalances returns them: with elapsed = now - lastUpdate,
//   interest = totalBorrowAssets x wTaylorCompounded(borrowRate, elapsed) / WAD     (rounded down)
//   totalBorrowAssets += interest, totalSupplyAssets += interest
//   feeShares = (interest x fee / WAD) x (totalSupplyShares + 1e6) / (totalSupplyAssets - feeAmount + 1)
//   totalSupplyShares += feeShares (the fee recipient's), lastUpdate = now.
// `borrowRate` is the IRM's borrowRateView at the stale state, as Morpho asks it. Unchanged when no time
// has passed (or `now` is before lastUpdate); nullopt on overflow.
[[nodiscard]] std::optional<MorphoMarketState>
morphoAccrued(const MorphoMarketState &state, const UInt256 &borrowRatePerSecondWad, quint64 now);

// One market as read: its parameters, state, tokens, oracle price and the IRM's rate at that state.
struct MorphoMarketRead {
    QByteArray id; // 32 bytes
    MorphoMarketParams params;
    MorphoMarketState state; // accrued to the block read (morphoAccrued)
    UInt256 accruedInterest; // loan-token units added to the totals since the market's last update
    QString loanSymbol;
    QString collateralSymbol;
    int loanDecimals = 18;
    int collateralDecimals = 18;
    UInt256 oraclePrice;         // collateral in loan token, scaled by 1e36 x 10^loanDec / 10^collDec
    UInt256 borrowRatePerSecond; // WAD per second (0 with no IRM)
};

// The oracle's price as loan tokens per whole collateral token: price / 10^(36 + loanDec - collDec).
[[nodiscard]] double morphoCollateralPrice(const UInt256 &oraclePrice, int collateralDecimals,
                                           int loanDecimals);
// A per-second WAD rate as an APY, compounded continuously as Morpho's docs state: e^(rate x year) - 1.
[[nodiscard]] double morphoRateToApy(const UInt256 &ratePerSecondWad);

// The market in the app's format: one reserve pair (the collateral, with LLTV as its liquidation threshold,
// and the loan token), prices in loan tokens, rule set morpho-blue. `id` empty:
// morpho-blue-<chain>-<pair>-<id>.
[[nodiscard]] Market morphoMarket(const MorphoMarketRead &read, const FetchedRecord &fetched,
                                  const QString &morpho, const QString &id = {});

struct MorphoFetchOptions {
    QString marketId; // the app's id for a single market; empty: derived from the pair and the id
    std::function<void(int step, int steps, const QString &what)> progress;
};

// Reads the markets `marketIds` (0x + 64 hex digits each) of the Morpho contract at the latest block, in
// three round trips whatever their number: (1) the chain, the block and each id's parameters; (2) at that
// block, each market's state, its oracle's price and its tokens' symbols and decimals; (3) each IRM's
// borrowRateView at that state. An id Morpho does not know, or any failed call, is an error naming it.
[[nodiscard]] Expected<QList<Market>> fetchMorphoMarkets(JsonRpcClient &client, const QString &morpho,
                                                         const QStringList &marketIds,
                                                         const MorphoFetchOptions &options = {});

// Reads `user`'s position in one market (the same three round trips, position(id, user) in the second):
// the collateral, the supply and the debt from shares (borrow rounded up), the health factor as
// collateral x price x LLTV / debt, and, in `pool`, the same figures in Morpho's own integer arithmetic
// (its _isHealthy: collateral x price / 1e36 x LLTV / 1e18 against the debt) as the cross-check.
[[nodiscard]] Expected<FetchedPosition> fetchMorphoPosition(JsonRpcClient &client, const QString &morpho,
                                                            const QString &marketId, const QString &user);

} // namespace lp::chain
