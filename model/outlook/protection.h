#pragma once

#include "plan.h"
#include "protectionrule.h"

#include <optional>
#include <vector>

namespace lp {

// Executing protection rules (protectionrule.h) on a position: what one execution moves and what it
// costs. Shared by the Monte Carlo (protectionmontecarlo.h) and the backtest (backtest.h).
//
// Costs of an automation: the service fee f (serviceFeeBps) on the USD amount moved V, the plan's swap
// fee and slippage (a swap keeps k = (1 - swapFee)(1 - slippage) of V, so it costs V (1 - k)), and the
// plan's gas per transaction G. All are paid out of the position:
// - autoRepay sells V of A and repays V (k - f) - G of debt; for a target H:
//   V = (H (DV + G) - lt CV) / (H (k - f) - lt)
// - autoBoost borrows W of B and deposits W (k - f) - G of A; for a target H:
//   W = (lt (CV - G) - H DV) / (H - lt (k - f))
// - stopLoss, takeProfit, trailingStop close everything to B: sell all collateral (V = CV), repay the
//   debt, keep V (k - f) - G - DV (never below 0) as cash in B
// - preLiquidation (a liquidator's call): repays closeFactor x debt, seizes repaid x (1 + incentive) of
//   collateral (all of it when that is more); the incentive is the borrower's cost; no fee, swap or gas.
struct ProtectionCosts {
    double priceBUsd = 0;
    double liquidationThreshold = 0;
    double swapKeep = 1; // k
    double gasUsd = 0;   // G per transaction
};
[[nodiscard]] ProtectionCosts protectionCosts(const Plan &plan, double priceBUsd);

struct ProtectionExecution {
    int rule = 0; // index in the plan's rules
    ProtectionKind kind = ProtectionKind::AutoRepay;
    double priceUsd = 0; // Token A's price at the execution
    double healthFactorBefore = 0;
    double healthFactorAfter = 0; // +inf without debt
    double collateralSold = 0;    // units of A sold or seized
    double collateralBought = 0;  // units of A bought (autoBoost)
    double debtRepaid = 0;        // units of B
    double debtBorrowed = 0;      // units of B (autoBoost)
    double amountUsd = 0;         // V: the USD amount moved
    double serviceFeeUsd = 0;
    double swapCostUsd = 0; // V (1 - k)
    double gasUsd = 0;
    double incentiveUsd = 0; // preLiquidation: the liquidator's bonus
    bool closed = false;     // the position was closed
    [[nodiscard]] double costUsd() const { return serviceFeeUsd + swapCostUsd + gasUsd + incentiveUsd; }
};

// A position under protection: collateral and debt while open; after a closing rule, cash in USD.
struct ProtectedPosition {
    double collateral = 0;
    double debt = 0;
    bool closed = false;
    double cashUsd = 0;
    [[nodiscard]] double equityUsd(double priceAUsd, double priceBUsd) const;
};

// True when the rule's condition holds at Token A's price `priceAUsd` (runningMaxUsd: the highest price
// seen so far, for the trailing stop). A closed position triggers nothing.
[[nodiscard]] bool protectionTriggered(const ProtectionRule &rule, const ProtectedPosition &position,
                                       double priceAUsd, double runningMaxUsd, const ProtectionCosts &costs);

// Executes the rule on the position at Token A's price, whatever the trigger says (a delayed execution
// acts at the later price). nullopt when there is nothing to do: a closed position, no debt to repay, a
// health factor already at or beyond the target, an amount the costs would eat.
[[nodiscard]] std::optional<ProtectionExecution> executeProtection(const ProtectionRule &rule, int ruleIndex,
                                                                   ProtectedPosition *position,
                                                                   double priceAUsd,
                                                                   const ProtectionCosts &costs);

// Rules watched once a step (a daily close, as in the backtest): each step, pending executions run at
// this step's price, then the rules whose condition holds execute now (delaySteps 0) or are scheduled
// delaySteps steps later. A rule waiting for its execution does not trigger again.
class DiscreteProtection {
public:
    DiscreteProtection(ProtectionRules rules, ProtectionCosts costs);
    // The executions of this step, in the order they happened.
    std::vector<ProtectionExecution> step(ProtectedPosition *position, double priceAUsd);

private:
    ProtectionRules m_rules;
    ProtectionCosts m_costs;
    std::vector<int> m_pending; // steps until execution; -1: not scheduled
    double m_runningMax = 0;
};

} // namespace lp
