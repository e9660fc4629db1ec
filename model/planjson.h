#pragma once

#include "expected.h"
#include "plan.h"

#include <QByteArray>
#include <QJsonObject>

namespace lp {

inline constexpr int kPlanFormatVersion = 1;
inline constexpr qint64 kMaxPlanFileBytes = 16 * 1024 * 1024;
inline constexpr char kPlanFormatName[] = "leverage-planner-plan";

// Reads a plan document (DESIGN §3). Every problem is reported with its field path: syntax errors with
// line and column, wrong types, missing required fields, a newer format version, and then the value
// checks of validatePlan(). Fields this version does not know are kept in Plan::unknownFields.
[[nodiscard]] Expected<Plan> parsePlan(const QByteArray &json);

// Reads and parses a plan file; unreadable or oversized files are errors naming the path.
[[nodiscard]] Expected<Plan> readPlanFile(const QString &path);

// The plan as a version-1 document, with the unknown fields it was read with merged back in.
[[nodiscard]] QJsonObject planToJson(const Plan &plan);

} // namespace lp
