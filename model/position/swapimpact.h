#pragma once

#include "plan.h"

namespace lp {

// Price impact of one swap on the plan's route (Plan::priceImpact), apart from the fee and the slippage
// tolerance. A constant-product pool with reserves R_in and R_out pays dy = dx (1 - f) R_out / (R_in +
// dx (1 - f)) for dx (Uniswap v2's x y = k); against the pool's own price that loses the share
//   i = u / (R_in + u),  u = dx (1 - f) the input after the fee,
// with R_in the reserve of the token sold, valued in USD. "Depth at 1 % impact" D1 is the constant-product
// pool that loses 1 % on a D1 swap: R_in = 99 D1 both ways. Without a model nothing is lost.

enum class SwapSide {
    BuyCollateral,  // entry: B sold for A (R_in = the pool's B reserve)
    SellCollateral, // exit: A sold for B (R_in = the pool's A reserve)
};

// R_in in USD for a swap on `side`; +infinity without a model.
[[nodiscard]] double impactReserveUsd(const PriceImpact &impact, SwapSide side);

// The share i = u / (R_in + u) of `inUsd` (u, the input after the fee) lost to impact; 0 without a model.
[[nodiscard]] double impactShare(const PriceImpact &impact, SwapSide side, double inUsd);

// The input u after the fee for which u (1 - i(u)) = outUsd: u = N R / (R - N) with N = outUsd; N itself
// without a model; +infinity when the pool cannot pay N (R <= N).
[[nodiscard]] double impactInputForOutput(const PriceImpact &impact, SwapSide side, double outUsd);

} // namespace lp
