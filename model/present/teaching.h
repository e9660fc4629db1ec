#pragma once

#include "liquidation.h"

#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace lp {

struct PlanResult;

// Teaching mode (the seed's six steps as a storyboard): the current plan walked through deposit ->
// borrow -> swap -> supply (each loop), then monitoring, then repaying and withdrawing. Every balance
// comes from the engine's loop steps and close simulator; this only arranges them into frames with
// words and substituted formulas for people.
enum class TeachingStage { Deposit, Borrow, Swap, Supply, FlashLoan, Monitor, Liquidation, Close };

struct TeachingFrame {
    TeachingStage stage = TeachingStage::Deposit;
    int loop = 0; // loop number for Borrow, Swap and Supply; 0 otherwise
    QString title;
    QString story;        // two or three sentences on what just happened
    QStringList formulas; // the formulas behind this frame's numbers, with the plan's numbers in them
    double priceAUsd = 0;
    double priceBUsd = 0;
    double walletA = 0; // units of A in the user's wallet (bought, not yet supplied; or withdrawn)
    double walletB = 0; // units of B in the user's wallet (borrowed, not yet swapped)
    double collateral = 0;
    double debt = 0;
    double collateralUsd = 0;
    double debtUsd = 0;
    double walletUsd = 0;
    double equityUsd = 0; // collateral + wallet - debt: what the user owns in all
    double healthFactor = std::numeric_limits<double>::infinity();
    double liquidationPriceUsd = std::numeric_limits<double>::quiet_NaN(); // NaN: none (or B tracks A)
    double liquidationRatio = std::numeric_limits<double>::quiet_NaN();
    double ltv = 0;
    double leverage = 1;
    double pnlUsd = 0;                          // equity - (deposit value at open + opening gas)
    double holdPnlUsd = 0;                      // deposit x (price now - price at open)
    std::vector<LiquidationEvent> liquidations; // Liquidation: the calls on the way down
};

// The frames of the walk-through, in order: Deposit; per loop Borrow, Swap, Supply (a flash loan is one
// FlashLoan frame); Monitor at today's prices; Close at the horizon and today's prices.
[[nodiscard]] std::vector<TeachingFrame> teachingFrames(const PlanResult &result);

// Monitoring with Token A's price moved by `priceChange` (-0.2 = 20 % lower), B's price held. A fall
// through the liquidation price is taken as a path: the Aave liquidations on the way are applied and
// the frame's stage is Liquidation, with the bonus the user lost in its story.
[[nodiscard]] TeachingFrame whatIfFrame(const PlanResult &result, double priceChange);

} // namespace lp
