#pragma once

#include "engine.h"

#include <vector>

namespace lp {

// The position's health against Token A's price, for the "HF and liquidation price" chart of the window.
struct HealthPoint {
    double priceUsd = 0;
    double healthFactor = 0;        // after any liquidations on the way down; +infinity with no debt
    double liquidationPriceUsd = 0; // of the position at that price (B held); NaN once no debt is left
};

// One point per price of the result's sweep, ascending. Above the first liquidation the liquidation
// price is the opened position's; below it, each partial liquidation moves it (D pb / (C lt)). For a
// short (the sweep runs against B's price) the prices are B's and the liquidation price is C pa lt / D.
[[nodiscard]] std::vector<HealthPoint> healthSeries(const PlanResult &result);

} // namespace lp
