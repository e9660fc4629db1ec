#pragma once

#include "jsonreader.h"
#include "protectionrule.h"

#include <QJsonArray>

namespace lp {

// Plan JSON `protection: [...]` (README, "Protection rules"): one object per rule, `kind` first, then the
// kind's own fields (autoRepay/autoBoost: triggerHealthFactor, targetHealthFactor; stopLoss/takeProfit:
// priceUsd; trailingStop: fraction; preLiquidation: ltv, closeFactor, incentive) and the optional
// serviceFeeBps and delaySteps. Reads the array under `reader`'s key "protection" (missing: no rules);
// problems, appended to `errors`, name protection[i].field. A rule's unknown fields are errors: a rule read
// wrongly would be simulated wrongly.
void readProtection(ObjectReader *reader, ValidationErrors *errors, ProtectionRules *out);

// The rules as the file writes them: the kind's fields, plus the fee and delay when not the defaults.
[[nodiscard]] QJsonArray protectionToJson(const ProtectionRules &rules);

} // namespace lp
