#pragma once

#include "engine.h"
#include "outlook.h"

#include <QJsonObject>
#include <QString>

namespace lp {

// The `report` command's JSON: position, loop steps, opening costs and the sweep's key prices, then
// what happens after opening (`time`, `close`, `risk`, `stress`: see outlook.h). Numbers keep full double
// precision; values that do not exist (HF with no debt, a USD liquidation price when B tracks A) are
// null. The one-argument forms compute the outlook with its defaults.
[[nodiscard]] QJsonObject reportJson(const PlanResult &result, const Outlook &outlook);
[[nodiscard]] QJsonObject reportJson(const PlanResult &result);

// The same for a terminal: aligned, rounded for reading, in the C locale.
[[nodiscard]] QString reportText(const PlanResult &result, const Outlook &outlook);
[[nodiscard]] QString reportText(const PlanResult &result);

} // namespace lp
