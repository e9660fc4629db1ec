#pragma once

// The liquidation math: one call, a price falling through the liquidation price, a sudden gap. The rules
// it follows are in liquidationrules.h.
#include "liquidationrules.h"

#include <vector>

namespace lp {

// One liquidation call as it happened.
struct LiquidationEvent {
    double priceUsd = 0; // Token A's price when it happened
    double healthFactorBefore = 0;
    double closeFactor = 0;
    double debtRepaid = 0;       // units of B
    double collateralSeized = 0; // units of A
    double penaltyUsd = 0;       // seized value - repaid value: what the borrower lost to the bonus
    double collateralAfter = 0;
    double debtAfter = 0;
    double debtWrittenOff = 0;        // debt written off because no collateral was left (units of B)
    double bonus = 0;                 // the bonus this call paid (seized value = repaid value x (1 + bonus))
    double protocolFeeCollateral = 0; // units of A of the seized collateral that went to the protocol
    double healthFactorAfter = 0;     // +infinity when no debt is left
};

// One liquidation call at price pa, repaying as much as the rules allow. When the collateral does not
// cover repaid x (1 + bonus), all of it is seized and the debt repaid shrinks to match. `atTrigger` treats
// the position as exactly at the rules' trigger (a falling path's crossing). A position short of the
// trigger (HF > 1, LTV < LLTV) is left as it is and the event repays nothing.
LiquidationEvent liquidateOnce(double *collateral, double *debt, double priceA, const LiquidationParams &p,
                               bool atTrigger = false);

// Whether the rules allow a call on this position at price pa (strictly past the trigger: HF < 1).
[[nodiscard]] bool isLiquidatable(double collateral, double debt, double priceA, const LiquidationParams &p);
// The price of A at which calls start: the liquidation price, or the pre-liquidation LTV's price.
[[nodiscard]] double liquidationTriggerPrice(double collateral, double debt, const LiquidationParams &p);

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

// A sudden jump to priceA (a gap, as in a stress test): liquidations repeat at that price while the rules
// allow one.
std::vector<LiquidationEvent> liquidateAfterGap(double *collateral, double *debt, double priceA,
                                                const LiquidationParams &p);

} // namespace lp
