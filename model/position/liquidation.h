#pragma once

#include <QString>

#include <vector>

namespace lp {

// Which Aave version's liquidation logic a market runs (markets-reference §4). ZeroLend's 2023 markets
// predate v3.1 and run v3.0; Aave v3 Ethereum runs v3.3 or later.
enum class LiquidationRuleSet { AaveV30, AaveV33 };

// File spellings: "aave-v3.0", "aave-v3.3".
[[nodiscard]] QString toString(LiquidationRuleSet rules);
[[nodiscard]] bool liquidationRuleSetFromString(const QString &text, LiquidationRuleSet *out);

// Liquidation rules (markets-reference §4). A liquidator repays up to the close factor of the debt and
// seizes collateral worth repaid x (1 + bonus). The liquidation protocol fee is part of the seized
// collateral, so it does not change what the borrower loses.
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

struct LiquidationEvent {
    double priceUsd = 0; // Token A's price when it happened
    double healthFactorBefore = 0;
    double closeFactor = 0;
    double debtRepaid = 0;       // units of B
    double collateralSeized = 0; // units of A
    double penaltyUsd = 0;       // seized value - repaid value: what the borrower lost to the bonus
    double collateralAfter = 0;
    double debtAfter = 0;
    double debtWrittenOff = 0; // v3.3: debt burned because no collateral was left (units of B)
};

struct LiquidationParams {
    double priceB = 1;
    double liquidationThreshold = 0.8;
    double liquidationBonus = 0.05;
    LiquidationRules rules;
};

// One liquidation call at price pa, repaying as much as the rules allow. When the collateral does not
// cover repaid x (1 + bonus), all of it is seized and the debt repaid shrinks to match.
LiquidationEvent liquidateOnce(double *collateral, double *debt, double priceA, const LiquidationParams &p);

// A position that Token A's price drags down continuously: liquidators act the moment HF drops below 1,
// i.e. exactly at the liquidation price, and repay the most the close factor allows. advanceTo(price)
// applies every liquidation between the last price and `price` (which must not rise).
class FallingPathLiquidator {
public:
    FallingPathLiquidator(double collateral, double debt, LiquidationParams params);

    void advanceTo(double priceA);

    [[nodiscard]] double collateral() const { return m_collateral; }
    [[nodiscard]] double debt() const { return m_debt; }
    [[nodiscard]] const std::vector<LiquidationEvent> &events() const { return m_events; }

private:
    double m_collateral;
    double m_debt;
    double m_dustDebt;
    LiquidationParams m_params;
    std::vector<LiquidationEvent> m_events;
};

// A sudden jump to priceA (a gap, as in a stress test): liquidations repeat at that price while HF < 1.
std::vector<LiquidationEvent> liquidateAfterGap(double *collateral, double *debt, double priceA,
                                                const LiquidationParams &p);

} // namespace lp
