#pragma once

#include "marketregistry.h"

#include <QString>

namespace lp {

// Where the user's own markets live: the "markets" folder under QStandardPaths::AppDataLocation (on Linux
// ~/.local/share/LeveragePlanner/leverage-planner/markets). The window's Market editor saves there; the
// window and the headless commands read from there, so both know the same markets.
[[nodiscard]] QString userMarketsDirectory();

// The presets plus every user market in userMarketsDirectory(). Files that do not load are skipped and
// their problems added to *errors (when given).
[[nodiscard]] MarketRegistry presetAndUserMarkets(ValidationErrors *errors = nullptr);

} // namespace lp
