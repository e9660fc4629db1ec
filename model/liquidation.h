#pragma once

#include <vector>

namespace lp {

// Aave v3.0 liquidation rules, as ZeroLend runs them (markets-reference §4): a liquidator may repay up
// to the close factor of the debt (50 %, or all of it once HF < 0.95) and seizes collateral worth
// repaid x (1 + bonus). The liquidation protocol fee is part of the seized collateral, so it does not
// change what the borrower loses.
struct LiquidationRules {
    double closeFactor = 0.5;
    double fullCloseBelowHealthFactor = 0.95;
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
};

struct LiquidationParams {
    double priceB = 1;
    double liquidationThreshold = 0.8;
    double liquidationBonus = 0.05;
    LiquidationRules rules;
};

// One liquidation call at price pa, repaying as much as the close factor allows. When the collateral
// does not cover repaid x (1 + bonus), all of it is seized and the debt repaid shrinks to match.
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
