#pragma once

#include "engine.h"

#include <QJsonObject>
#include <QString>

namespace lp {

// The `report` command's JSON: position, loop steps, opening costs and the sweep's key prices. Numbers
// keep full double precision; values that do not exist (HF with no debt, a USD liquidation price when
// B tracks A) are null.
[[nodiscard]] QJsonObject reportJson(const PlanResult &result);

// The same for a terminal: aligned, rounded for reading, in the C locale.
[[nodiscard]] QString reportText(const PlanResult &result);

} // namespace lp
