#pragma once

// The liquidation rules a plan names, apart from the liquidation math (liquidation.h), so that plan.h can
// hold them without including the math, which itself needs the position's formulas (position.h).
#include <QString>

namespace lp {

// Which Aave version's liquidation logic a market runs. ZeroLend's 2023 markets predate Aave v3.1 and run
// v3.0; Aave v3 Ethereum runs v3.3 or later (docs/markets.md, "Liquidation").
enum class LiquidationRuleSet { AaveV30, AaveV33 };

// File spellings: "aave-v3.0", "aave-v3.3".
[[nodiscard]] QString toString(LiquidationRuleSet rules);
[[nodiscard]] bool liquidationRuleSetFromString(const QString &text, LiquidationRuleSet *out);

// Aave v3's liquidation rules (docs/markets.md, "Liquidation"). A liquidator repays up to the close factor
// of the debt and seizes collateral worth repaid x (1 + bonus). The liquidation protocol fee is part of
// the seized collateral, so it does not change what the borrower loses.
//  - aave-v3.0 (ZeroLend): 50 %, or all of the debt once HF < 0.95.
//  - aave-v3.3: 100 % by default; 50 % only when collateral and debt are both worth at least $2,000 and
//    HF > 0.95. A partial liquidation must leave at least $1,000 of debt and of collateral (else it
//    reverts with MUST_NOT_LEAVE_DUST), and debt left with no collateral is burned as a deficit.
struct LiquidationRules {
    LiquidationRuleSet ruleSet = LiquidationRuleSet::AaveV30;
    double closeFactor = 0.5;                    // DEFAULT_LIQUIDATION_CLOSE_FACTOR
    double fullCloseBelowHealthFactor = 0.95;    // CLOSE_FACTOR_HF_THRESHOLD
    double minPositionUsdForCloseFactor = 2000.; // v3.3 MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD
    double minLeftoverUsd = 1000.;               // v3.3 MIN_LEFTOVER_BASE

    [[nodiscard]] static LiquidationRules forRuleSet(LiquidationRuleSet ruleSet);
};

// What a liquidation needs to know of a position besides its amounts: B's price, the collateral's
// threshold and bonus, and the rules.
struct LiquidationParams {
    double priceB = 1;
    double liquidationThreshold = 0.8;
    double liquidationBonus = 0.05;
    LiquidationRules rules;
};

} // namespace lp
