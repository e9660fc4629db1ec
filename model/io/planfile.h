#pragma once

#include "csvexport.h"
#include "engine.h"
#include "safefile.h"
#include "validationerror.h"

#include <QByteArray>
#include <QString>

namespace lp {

class MarketRegistry;

// The plan as an indented JSON document (planToJson with `markets`: unknown fields kept, values that
// follow the plan's market left out), written atomically (writeFileAtomically: never a half-written file,
// never through a link).
[[nodiscard]] ValidationErrors writePlanFile(const Plan &plan, const QString &path,
                                             const MarketRegistry &markets);

// One CSV table of a result (exportCsv), written atomically.
[[nodiscard]] ValidationErrors writeCsvFile(const PlanResult &result, CsvTable table, const QString &path);

} // namespace lp
