#pragma once

#include "carry.h"

#include <QJsonObject>
#include <QStringList>

namespace lp {

// The report's `carry` section: {"netApyByLeverage": [{"leverage", "netApy", "borrowApy"}],
// "holdApy", "breakEvenBorrowApy", "costsUsd", "paybackDays" (null when the carry never pays them back),
// "ownUtilizationImpact": {"borrowUtilizationBefore", "borrowUtilizationAfter", "borrowApyBefore",
// "borrowApyAfter"[, "supplyApyBefore", "supplyApyAfter"]} or null without a reserve state}.
[[nodiscard]] QJsonObject carryJson(const CarryResult &carry);
// The same for the text report.
[[nodiscard]] QStringList carryText(const CarryResult &carry);

} // namespace lp
