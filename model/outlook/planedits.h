#pragma once

#include "closing.h"
#include "expected.h"
#include "plan.h"

namespace lp {

// Edits of a plan's opened position (issue 15: "what happens if I add a loop or repay some, what do I get
// if I close now"): each takes the plan, opens it (computePlan) and returns the plan of the position after
// the edit, or an error naming what blocks it. The figures of the edit itself (what is repaid, sold or
// paid out) come with it, in units and in USD at the plan's prices.
//
// An edit that leaves a new collateral C' and debt D' (units of A and B) returns a plan that opens exactly
// that position (planHoldingPosition): the same assets, market, costs, rates, risk inputs and rules, with
// its deposit and strategy replaced. A Loops-mode plan's "add a loop" is simply one more loop.
struct PlanEdit {
    Plan plan;                  // the plan after the edit
    double collateralAfter = 0; // C', units of A
    double debtAfter = 0;       // D', units of B
    double repaidDebt = 0;      // units of B repaid (repay, deleverage)
    double soldCollateral = 0;  // units of A sold or withdrawn (deleverage)
    double borrowed = 0;        // units of B borrowed (add a loop)
    double proceedsUsd = 0;     // close now: the walk-away value, equity minus the closing costs
    double swapCostUsd = 0;     // deleverage: the sale's fee, price impact and slippage (USD)
    double flashPremiumUsd = 0; // deleverage by a flash loan: its premium (USD)
    QString summary;            // one sentence for the window: what the edit does, with its numbers
};

// A plan that opens C units of A against D units of B at the plan's prices, keeping its costs: with
// D = 0 a plain deposit of C (zero loops); otherwise one flash-loan transaction to leverage
// L = C PA / (C PA - D PB) from the deposit x0 = (C PA - k' y) / PA, y = D PB / (1 + phi) the flash loan
// in USD and k' = k (1 - i(y (1 - s))) what its swap keeps (k = (1 - s)(1 - q), i the price impact), so
// that the opened collateral is C and the debt D. Needs C PA > D PB.
[[nodiscard]] Expected<Plan> planHoldingPosition(const Plan &plan, double collateral, double debt);

// One more loop at the plan's per-loop LTV t = ltvFraction x ltv, the next row of the loop table: borrow
// y = t C PA - D PB (USD), swap it to A at k' and deposit it: C' = C + y k' / PA, D' = D + y / PB. A
// Loops-mode plan gets strategy.loops + 1 (error at the maximum); a target plan at or above t has no
// room left (error).
[[nodiscard]] Expected<PlanEdit> addLoop(const Plan &plan);

// Repays debt from outside the position until the health factor is `targetHealthFactor`: HF is
// C PA lt / (D PB), so HF' = HF D / (D - R) and R = D (1 - HF / H'). Collateral unchanged. Errors: no
// debt, a target at or below the current health factor, a target that is not a finite number above 1.
[[nodiscard]] Expected<PlanEdit> repayToHealthFactor(const Plan &plan, double targetHealthFactor);

// Sells S units of A to repay debt until the leverage is `targetLeverage`, the sale charged as a close
// charges it (sellCollateralUsd, closing.h): of V = S PA sold the position keeps V kappa in B, with
// kappa = k' = (1 - s)(1 - i(V (1 - s)))(1 - q) (i the price impact of the plan's route for a sale of that
// size, 0 without a model) when `method` is SellToRepay (withdraw, swap, repay: no premium), and
// kappa = k' / (1 + phi) when it is FlashClose (flash-borrow the B repaid, repay it with the swap's B plus
// the premium phi). Then C' = C - S, D' = D - V kappa / PB, E' = E - V (1 - kappa), and L = C' PA / E'
// gives V = (C PA - L E) / (1 - L (1 - kappa)). With a price impact kappa depends on V: V is iterated
// from kappa(0) to a fixed point (V grows at each step, so the first fixed point is the smallest sale
// that reaches L), at most 1000 steps, until a step moves V by at most 1e-13 of itself. Without costs
// kappa = 1: C' = L E / PA, D' = (L - 1) E / PB, equity kept. The sale is one swap: a sell-to-repay
// that withdraws in rounds pays at most this (each round's swap is smaller, so its impact is too).
// swapCostUsd is the sale's fee, impact and slippage, flashPremiumUsd the premium; E' = E - both.
// Errors: a target below 1, at or above the current leverage, or one the costs make unreachable
// (1 - L (1 - kappa) <= 0, a sale larger than the collateral, an iteration that does not settle).
[[nodiscard]] Expected<PlanEdit> deleverageToLeverage(const Plan &plan, double targetLeverage,
                                                      CloseMethod method = CloseMethod::SellToRepay);

// Closes the position now (day 0, the plan's prices) as the Close tab and `report --exit-day 0` close it
// with `options` (method, HF floor; its exit day and prices are ignored): the plan after it holds the
// walk-away collateral with no debt; proceedsUsd is the close's walk-away value.
[[nodiscard]] Expected<PlanEdit> closeNow(const Plan &plan, const CloseOptions &options = {});

} // namespace lp
