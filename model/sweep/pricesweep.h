#pragma once

#include "liquidation.h"
#include "opening.h"
#include "plan.h"
#include "position.h"
#include "riskasset.h"

#include <vector>

namespace lp {

struct SweepOptions {
    int points = 2001;
    double fromFraction = 0.05; // of the spot price
    double toFraction = 3.0;
};

// The position at one Token A price, B's price held at the plan price (with priceModel
// tracksCollateral the axis therefore reads as the A/B ratio times B's price): PositionFigures at that
// price (a base, as in LoopStep), after any liquidations on the way down, then the sweep's own P&L.
struct SweepPoint : PositionFigures {
    double priceUsd = 0;
    double pnlUsd = 0;          // equity - deposit value at open - gas
    double pnlPct = 0;          // pnlUsd / deposit value at open
    double holdPnlUsd = 0;      // deposit x (price - spot): just holding Token A
    double liquidatedShare = 0; // share of the opened collateral seized by liquidators
};

// With risk asset Borrow (a short, riskasset.h) the sweep runs against B's USD price instead, A's held:
// priceUsd, the events' priceUsd and the sweep's prices below are B's, the path of liquidations is a rising
// B, and holding the deposit of A gains nothing.
struct PriceSweep {
    RiskAsset riskAsset = RiskAsset::Collateral; // Borrow: the axis is B's price; else A's (Ratio: x PB)
    std::vector<SweepPoint> points;              // ascending price
    std::vector<LiquidationEvent> liquidations;  // in the order they happen as the price falls
    double spotPriceUsd = 0;
    double depositValueUsd = 0;     // x0 x spot: what the user put in
    double liquidationPriceUsd = 0; // first liquidation, B's price held
    double breakEvenPriceUsd = 0;   // P&L = 0: (D pb + x0 pa0 + gas) / C
    double zeroEquityPriceUsd = 0;  // equity = 0 without liquidations: D pb / C
};

[[nodiscard]] ValidationErrors validateSweepOptions(const SweepOptions &options);

// P&L and risk against Token A's price. Above the liquidation price the opened position is valued as
// is; below it the price is taken as a falling path, and Aave v3.0 partial liquidations are applied at
// each crossing, so the curve shows the bonus lost rather than a cliff.
[[nodiscard]] PriceSweep sweepPrices(const Plan &plan, const OpenedPosition &opened,
                                     const SweepOptions &options = {});

} // namespace lp
