#pragma once

#include "engine.h"

namespace lp {

// Price impact, apart from the slippage tolerance (the plan's slippageBps is the most a swap may lose
// before it reverts; impact is what a swap of a given size against a pool of a given depth does lose).
//
// A route is either a constant-product pool with reserves R_in and R_out of the two tokens, for which a
// swap of dx pays dy = dx (1 - f) R_out / (R_in + dx (1 - f)) (Uniswap v2, the x y = k invariant), or a
// "depth at 1 % impact" figure D1 in USD, read as the constant-product pool that loses 1 % on a D1 swap:
// R_in = 99 D1 in USD. Impact is the share lost against the pool's own price after the fee:
// 1 - dy / (dx (1 - f) R_out / R_in) = dx (1 - f) / (R_in + dx (1 - f)).

struct SwapRoute {
    enum class Kind { ConstantProduct, DepthAtOnePercent };
    Kind kind = Kind::DepthAtOnePercent;
    double reserveInUsd = 0;  // ConstantProduct: R_in, valued in USD (the pool is symmetric in value)
    double reserveOutUsd = 0; // ConstantProduct: R_out, in USD
    double fee = 0;           // ConstantProduct: the pool's fee f (a fraction)
    double depthUsd = 0;      // DepthAtOnePercent: D1
};

// dy for dx, all in the same units as the reserves.
[[nodiscard]] double constantProductOut(double dx, double reserveIn, double reserveOut, double fee);

// The share of a swap of `sizeUsd` lost to impact on the route (0 for no size; 1 for no depth).
[[nodiscard]] double priceImpact(const SwapRoute &route, double sizeUsd);

struct ExecutionImpact {
    double entryUsd = 0;   // every opening swap (each loop's, or the flash loan's one) against the route
    double exitUsd = 0;    // one swap selling A for the whole debt D PB, against the route
    double entryShare = 0; // entryUsd / the value swapped on entry
    double exitShare = 0;  // exitUsd / D PB
    double swappedEntryUsd = 0;
};

// Each opening swap is its own transaction (arbitrage restores the pool between loops), so the loops pay
// the impact of several small swaps where a flash loan pays one large one; the exit is one swap of D PB.
[[nodiscard]] ExecutionImpact executionImpact(const PlanResult &result, const SwapRoute &route);

} // namespace lp
