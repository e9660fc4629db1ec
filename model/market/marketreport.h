#pragma once

#include "plan.h"

#include <QJsonValue>
#include <QStringList>

namespace lp {

class MarketRegistry;

// The report's `market` section: which market the plan names and, for every value a market can supply,
// the value in use, whether it came from the plan or the preset (and where in the market file), and
// whether the preset marks it as an estimate. Null for a plan that names no market.
//
//   {"id", "known", "name", "chain", "asOf", "source", "liquidationRules", "liquidationRulesSource":
//    "plan" | "preset", "liquidationRulesDescription", "liquidationRulesReference" (the rule set's public
//    source), "eMode": label | null,
//    "collateral": {"symbol", "inMarket", "parameters": {"ltv": {"value", "source": "plan" | "preset",
//                   "presetField": "reserves[1].ltv" | null, "estimate"}, ...}},
//    "borrow": {...}}
[[nodiscard]] QJsonValue marketReportJson(const Plan &plan, const MarketRegistry &markets);

// The same as text lines for the text report; empty for a plan that names no market.
[[nodiscard]] QStringList marketReportText(const Plan &plan, const MarketRegistry &markets);

} // namespace lp
