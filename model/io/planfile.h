#pragma once

#include "csvexport.h"
#include "engine.h"
#include "validationerror.h"

#include <QByteArray>
#include <QString>

namespace lp {

class MarketRegistry;

// Writes bytes atomically (QSaveFile): the file at `path` is replaced only once everything is written, so
// a failure leaves whatever was there. An error names the path and why.
[[nodiscard]] ValidationErrors writeFileAtomically(const QByteArray &bytes, const QString &path);

// The plan as an indented JSON document (planToJson with `markets`: unknown fields kept, values that
// follow the plan's market left out), written atomically.
[[nodiscard]] ValidationErrors writePlanFile(const Plan &plan, const QString &path,
                                             const MarketRegistry &markets);

// One CSV table of a result (exportCsv), written atomically.
[[nodiscard]] ValidationErrors writeCsvFile(const PlanResult &result, CsvTable table, const QString &path);

} // namespace lp
