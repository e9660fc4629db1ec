#pragma once

#include "csvexport.h"
#include "engine.h"
#include "safefile.h"
#include "validationerror.h"

#include <QByteArray>
#include <QString>

namespace lp {

// The plan as an indented JSON document (planToJson: unknown fields kept), written atomically
// (writeFileAtomically: never a half-written file, never through a link).
[[nodiscard]] ValidationErrors writePlanFile(const Plan &plan, const QString &path);

// One CSV table of a result (exportCsv), written atomically.
[[nodiscard]] ValidationErrors writeCsvFile(const PlanResult &result, CsvTable table, const QString &path);

} // namespace lp
