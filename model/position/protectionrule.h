#pragma once

#include "validationerror.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lp {

struct Plan;

// Protection rules a plan may carry (plan JSON `protection: [...]`): the automations leverage services
// sell (DeFi Saver's auto-repay and auto-boost, Summer.fi's stop-loss and take-profit, trailing stops)
// and Morpho's borrower-authorised pre-liquidation. The rules are simulated by model/outlook/protection*
// (executor, Monte Carlo, backtest); this is the value type and its validation.
enum class ProtectionKind { AutoRepay, AutoBoost, StopLoss, TakeProfit, TrailingStop, PreLiquidation };

// Default service fee of an automation, per execution, on the USD amount it moves: 0.05 % (5 bps).
inline constexpr double kDefaultProtectionFeeBps = 5.0;
// The most steps (days) a rule may wait between its trigger and its execution.
inline constexpr int kMaxProtectionDelaySteps = 30;
// The most rules one plan may carry.
inline constexpr int kMaxProtectionRules = 16;

struct ProtectionRule {
    ProtectionKind kind = ProtectionKind::AutoRepay;
    double triggerHealthFactor = 0; // autoRepay (fires at HF <= trigger), autoBoost (HF >= trigger)
    double targetHealthFactor = 0;  // autoRepay, autoBoost: HF after the execution
    double priceUsd = 0;            // stopLoss (fires at A's price <= it), takeProfit (>= it)
    double fraction = 0;            // trailingStop: fires at price <= (1 - fraction) x running maximum
    double ltv = 0;                 // preLiquidation: fires at LTV >= ltv (the pre-liquidation LLTV)
    double closeFactor = 0;         // preLiquidation: share of the debt one call repays
    double incentive = 0;           // preLiquidation: the liquidator's bonus on what it repays
    // Service fee per execution in bps of the USD amount moved (0 for preLiquidation: the liquidator's
    // incentive is its price).
    double serviceFeeBps = kDefaultProtectionFeeBps;
    // Steps between the trigger and the execution: 0 executes at the trigger's price (a resting order,
    // watched continuously); 1 at the next step's price (a keeper that checks once a step), so a gap can
    // jump past the trigger. Default 1; preLiquidation 0 (liquidators watch every block).
    int delaySteps = 1;
    friend bool operator==(const ProtectionRule &, const ProtectionRule &) = default;

    // The rule with its kind's defaults (fee, delay).
    [[nodiscard]] static ProtectionRule ofKind(ProtectionKind kind);
    // True for the rules that close the whole position (stop-loss, take-profit, trailing stop).
    [[nodiscard]] bool closesPosition() const;
    // True for the rules an automation service executes (all but preLiquidation): they pay the service
    // fee, the swap and the gas.
    [[nodiscard]] bool isAutomation() const { return kind != ProtectionKind::PreLiquidation; }
};

using ProtectionRules = QList<ProtectionRule>;

// File-format spellings: autoRepay, autoBoost, stopLoss, takeProfit, trailingStop, preLiquidation.
[[nodiscard]] QString toString(ProtectionKind kind);
[[nodiscard]] bool protectionKindFromString(const QString &text, ProtectionKind *out);
[[nodiscard]] QStringList protectionKindNames();

// Every impossible rule of the plan, named by its field path (protection[2].targetHealthFactor): a
// target below its trigger (auto-repay) or above it (auto-boost), a target at or under 1, an auto-boost
// target that would pass the maximum LTV, a stop-loss at or above the collateral's price (a take-profit
// at or under it), a trailing fraction outside (0, 1), a pre-liquidation LTV at or above the liquidation
// threshold or whose incentive would seize more than the debt's collateral, fees and delays out of range.
[[nodiscard]] ValidationErrors validateProtection(const Plan &plan);

} // namespace lp
