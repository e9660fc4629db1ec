#pragma once

#include "plan.h"

#include <QStringList>

namespace lp {

// The field paths (as the plan file and the validator spell them: "deposit", "collateral.priceUsd")
// whose values differ between two plans, in the order of the field table (planfields.h). Bookkeeping members
// that are not values the user sets have their own names: "presetFields" (which values follow the market) and
// "unknownFields" (kept from a newer file). The undo history names its commands after these paths.
[[nodiscard]] QStringList changedPlanFields(const Plan &before, const Plan &after);

} // namespace lp
