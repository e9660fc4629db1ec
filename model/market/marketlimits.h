#pragma once

#include "engine.h"
#include "market.h"
#include "validationerror.h"

namespace lp {

class MarketRegistry;

// What a market lets a plan open at all: B's borrow cap and the liquidity its reserve has left, and A's
// supply cap, from a fetched market's reserve state (ReserveChainData; a cap of 0 means none). The opened
// collateral C and debt D are proportional to the deposit (the loop and flash-loan formulas are linear
// in x0), so the largest deposit that fits is deposit x room / need for the tightest limit.

struct MarketLimit {
    QString name;    // "borrow cap of WETH", "available liquidity of WETH", "supply cap of wstETH"
    QString symbol;  // the asset it limits
    double need = 0; // units the plan needs: D, or C for the supply cap
    double room = 0; // units left under the limit
    double cap = 0;  // the cap itself (0 for the available liquidity)
    double used = 0; // already borrowed or supplied
};

// The limits the plan's reserves state, whether or not the plan fits them.
[[nodiscard]] std::vector<MarketLimit> marketLimits(const Plan &plan, double collateral, double debt,
                                                    const Reserve *collateralReserve,
                                                    const Reserve *borrowReserve);

// The largest deposit that fits every limit (+infinity without limits).
[[nodiscard]] double largestDepositThatFits(const Plan &plan, const std::vector<MarketLimit> &limits);

// The same for the plan as it opens: with price impact (swapimpact.h) C and D are no longer linear in
// the deposit, so the deposit is found by bisection on the opened position (to 1e-12 of the plan's
// deposit); without impact largestDepositThatFits of the plan's own limits.
[[nodiscard]] double largestFittingDeposit(const Plan &plan, const Reserve *collateralReserve,
                                           const Reserve *borrowReserve);

// One error per limit the plan exceeds, on field "deposit", naming the limit, what the plan needs, what is
// left and the largest deposit that fits. Empty when the plan fits or its market states no reserve state.
[[nodiscard]] ValidationErrors checkMarketLimits(const PlanResult &result, const MarketRegistry &markets);

} // namespace lp
