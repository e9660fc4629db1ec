#pragma once

#include "healthseries.h"
#include "pricesweep.h"

#include <optional>

namespace lp {

// How the P&L chart reads the sweep's P&L: in USD, or as a fraction of the deposit's value at open.
enum class PnlUnit { Usd, Fraction };

// The leveraged position's P&L at a sweep point, in `unit` (pnlUsd or pnlPct as the sweep has them).
[[nodiscard]] double leveragedPnl(const SweepPoint &point, PnlUnit unit);
// Just holding the deposit at a sweep point, in `unit`: holdPnlUsd, or holdPnlUsd / the deposit's value at
// open (x0 (p - spot) / (x0 spot) = p / spot - 1).
[[nodiscard]] double holdPnl(const PriceSweep &sweep, const SweepPoint &point, PnlUnit unit);

// What the borrower lost to liquidation bonuses along the sweep's falling path: the sum of the events'
// penaltyUsd (seized value - repaid value).
[[nodiscard]] double liquidationPenaltyUsd(const PriceSweep &sweep);

// The sweep read at any price inside its grid, for the chart's crosshair: every field is interpolated
// linearly between the two grid points around `priceUsd` (the sweep is piecewise smooth and 2,001 points
// fine, so the error is far below what a read-out shows). A field that is not finite on either side
// (the health factor of a position without debt) takes the nearer point's value. Empty outside the grid
// or for an empty sweep.
[[nodiscard]] std::optional<SweepPoint> sweepPointAt(const PriceSweep &sweep, double priceUsd);

// The point of a health series (ascending in price) nearest to `priceUsd`; nullptr outside the series.
// Read, not interpolated: below the first liquidation the liquidation price moves in steps.
[[nodiscard]] const HealthPoint *nearestHealthPoint(const std::vector<HealthPoint> &series, double priceUsd);

} // namespace lp
