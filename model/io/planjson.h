#pragma once

#include "expected.h"
#include "plan.h"

#include <QByteArray>
#include <QJsonObject>

namespace lp {

class MarketRegistry;

inline constexpr int kPlanFormatVersion = 1;
inline constexpr qint64 kMaxPlanFileBytes = qint64{16} * 1024 * 1024;
inline constexpr char kPlanFormatName[] = "leverage-planner-plan";

// Reads a plan document (README, "Plan file"). Every problem is reported with its field path: syntax errors
// with line and column, wrong types, missing required fields, a newer format version, and then the value
// checks of validatePlan(). Fields this version does not know are kept in Plan::unknownFields.
//
// A plan whose `market` is in `markets` takes every value it leaves out and that market has (the
// reserve's ltv, threshold, bonus, APYs and default price, the e-mode category's when both assets are
// in one and "eMode" is not false, the market's liquidation rules) and flags it in Plan::presetFields;
// the fields the market supplies are then not required. A plan naming a market `markets` lacks opens
// with its own values and the usual required fields. There is no default registry: the window passes the
// presets and the user's markets it shows, so that a plan on a user market keeps following it.
[[nodiscard]] Expected<Plan> parsePlan(const QByteArray &json, const MarketRegistry &markets);

// Reads and parses a plan file; unreadable or oversized files are errors naming the path.
[[nodiscard]] Expected<Plan> readPlanFile(const QString &path, const MarketRegistry &markets);

// The plan as a version-1 document, with the unknown fields it was read with merged back in. Values
// that still hold the preset of the plan's market (lp::isOverridden false) are left out, so the file
// keeps only what the user changed; with a market `markets` lacks every value is written.
[[nodiscard]] QJsonObject planToJson(const Plan &plan, const MarketRegistry &markets);

} // namespace lp
