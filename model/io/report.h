#pragma once

#include "engine.h"
#include "outlook.h"

#include <QJsonObject>
#include <QString>

namespace lp {

class MarketRegistry;

// The `report` command's JSON: position, loop steps, opening costs and the sweep's key prices, then
// what happens after opening (`time`, `close`, `risk`, `stress`: see outlook.h). Numbers keep full double
// precision; values that do not exist (HF with no debt, a USD liquidation price when B tracks A) are
// null. The `market` section looks the plan's market up in `markets` (no default: the CLI passes the
// presets and the user's markets). The forms without an outlook compute it with its defaults.
[[nodiscard]] QJsonObject reportJson(const PlanResult &result, const Outlook &outlook,
                                     const MarketRegistry &markets);
[[nodiscard]] QJsonObject reportJson(const PlanResult &result, const MarketRegistry &markets);

// The same for a terminal: aligned, rounded for reading, in the C locale.
[[nodiscard]] QString reportText(const PlanResult &result, const Outlook &outlook,
                                 const MarketRegistry &markets);
[[nodiscard]] QString reportText(const PlanResult &result, const MarketRegistry &markets);

} // namespace lp
