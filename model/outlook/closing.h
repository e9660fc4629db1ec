#pragma once

#include "expected.h"
#include "opening.h"
#include "plan.h"
#include "timeline.h"

#include <QJsonObject>

#include <limits>
#include <vector>

namespace lp {

// Closing a position: selling collateral to repay in rounds, or one flash-loan close.
//
// SellToRepay: rounds of withdraw A (keeping HF >= the floor after the withdrawal), swap it to B,
// repay; the last round sells only what repays the rest, then one withdrawal takes what is left. Each
// round is withdraw + swap + repay (3 transactions), the final withdrawal one more.
// FlashClose: one transaction: flash-borrow D of B (premium phi), repay all the debt, withdraw all the
// collateral, sell D pb (1 + phi) / (pa k) of A, repay the flash loan.
//
// Swaps sell A for B: of `value` USD of A sold the user receives value (1 - s)(1 - i)(1 - q) in B; the fee
// is value s, the price impact (value - fee) i (swapimpact.h, 0 without a model), the slippage what is
// left times q, as in opening.
enum class CloseMethod { SellToRepay, FlashClose };

struct CloseOptions {
    CloseMethod method = CloseMethod::SellToRepay;
    int exitDay = -1;                                                // < 0: the plan's horizonDays
    double exitPriceUsd = std::numeric_limits<double>::quiet_NaN();  // A; NaN: the plan's price
    double exitPriceBUsd = std::numeric_limits<double>::quiet_NaN(); // B; NaN: the plan's price
    double healthFactorFloor = 1.05; // SellToRepay: HF after each withdrawal; at least 1 (Aave's own)
    Incentives incentives;
    int maxRounds = 1000;
};

// One round of the unwind (for FlashClose the single transaction).
struct CloseRound {
    int round = 0;        // 1-based
    double withdrawn = 0; // units of A withdrawn in this round
    double sold = 0;      // units of A swapped to B
    double received = 0;  // units of B the swap returned
    double repaid = 0;    // units of B of debt repaid
    double collateralAfter = 0;
    double debtAfter = 0;
    double healthFactorAfter = 0; // +infinity once the debt is repaid
    double swapFeeUsd = 0;
    double slippageUsd = 0;
    double impactUsd = 0; // price impact of the round's swap (swapimpact.h)
    double flashPremiumUsd = 0;
};

struct ClosingCosts {
    double swapFeesUsd = 0;
    double slippageUsd = 0;
    double impactUsd = 0; // the exit swaps' price impact (0 without a model)
    double flashPremiumUsd = 0;
    double gasUsd = 0; // transactions x gasUsdPerTx, paid from the wallet in the chain's gas token
    int transactions = 0;
    // Informational, already inside the equity at exit (valued at the exit prices):
    double interestPaidUsd = 0; // (D_T - D) pb
    double yieldEarnedUsd = 0;  // (C_T - C) pa: supply APY and native yield together
    // What comes out of the position itself: equity at exit - walk-away value.
    [[nodiscard]] double inPositionUsd() const
    {
        return swapFeesUsd + slippageUsd + impactUsd + flashPremiumUsd;
    }
    [[nodiscard]] double totalUsd() const { return inPositionUsd() + gasUsd; }
};

struct CloseResult {
    CloseMethod method = CloseMethod::SellToRepay;
    int exitDay = 0;
    double exitPriceUsd = 0;
    double exitPriceBUsd = 0;
    double collateralAtExit = 0; // C_T, units of A
    double debtAtExit = 0;       // D_T, units of B
    double equityAtExitUsd = 0;  // C_T pa - D_T pb
    double healthFactorAtExit = 0;
    std::vector<CloseRound> rounds;
    double walkAwayCollateral = 0;  // units of A left after closing
    double walkAwayUsd = 0;         // x exit price = equity at exit - costs.inPositionUsd()
    double incentivesUsd = 0;       // reward tokens accrued (outside the position)
    double openingCostBasisUsd = 0; // deposit x opening price + opening gas
    // walkAway + incentives - closing gas - (deposit value at open + opening gas)
    double pnlUsd = 0;
    double holdValueUsd = 0; // x0 (1 + nativeYield)^(T/365) x exit price
    double holdPnlUsd = 0;   // hold value - deposit value at open
    ClosingCosts costs;
};

[[nodiscard]] QString toString(CloseMethod method);

// One sale of `valueUsd` worth of A on the plan's route, as every exit swap charges it (the close's rounds,
// a flash close, a deleverage): the fee valueUsd s, the price impact (value - fee) i(value - fee) on the
// SellCollateral side (swapimpact.h, 0 without a model), the slippage (value - fee - impact) q; the seller
// receives what is left, valueUsd (1 - s)(1 - i)(1 - q), in B.
struct CollateralSale {
    double feeUsd = 0;
    double impactUsd = 0;
    double slippageUsd = 0;
    double receivedUsd = 0;
    [[nodiscard]] double costUsd() const { return feeUsd + impactUsd + slippageUsd; }
};
[[nodiscard]] CollateralSale sellCollateralUsd(const Plan &plan, double valueUsd);

// Unwinds C units of A against D units of B at prices pa, pb. Fills rounds, walk-away and the swap,
// premium and gas costs of `out` (not the P&L). Errors name the option that blocks it: an HF at or
// below the floor (SellToRepay cannot withdraw anything), collateral that does not cover the debt plus
// costs, more rounds than maxRounds.
[[nodiscard]] Expected<CloseResult> unwindPosition(const Plan &plan, double collateral, double debt,
                                                   double priceA, double priceB, const CloseOptions &options);

// Accrues the opened position to the exit day (as timeline.h accrues it), closes it at the exit prices and
// compares with holding the deposit (x0 earning its native yield, an LST holder's alternative).
[[nodiscard]] Expected<CloseResult> simulateClose(const Plan &plan, const OpenedPosition &opened,
                                                  const CloseOptions &options = {});

// report JSON `close`: {method, exitDay, exitPriceUsd, walkAwayCollateral, walkAwayUsd, pnlUsd,
// holdPnlUsd, rounds, costs{swapFeesUsd, slippageUsd, impactUsd, flashPremiumUsd, gasUsd, transactions,
// interestPaidUsd, yieldEarnedUsd, totalUsd}}.
[[nodiscard]] QJsonObject closeJson(const CloseResult &close);

} // namespace lp
