#pragma once

#include "engine.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace lp {

// The CSV tables (README, "CSV exports"): RFC 4180 (comma, CRLF line ends, quotes doubled), a header row of
// snake_case names with units, numbers in the C locale with full precision whatever the UI locale, UTF-8.
// Text cells starting with = + - @, tab or CR are prefixed with ' so spreadsheets do not run them as
// formulas.
enum class CsvTable { Loops, Prices, Timeline, Summary };

[[nodiscard]] QStringList csvTableNames();
[[nodiscard]] bool csvTableFromString(const QString &name, CsvTable *out);

[[nodiscard]] QByteArray exportCsv(const PlanResult &result, CsvTable table);

// One text cell, quoted and neutralised as above.
[[nodiscard]] QString csvTextCell(const QString &text);
// One number cell: shortest round-trip form, empty for NaN or infinity.
[[nodiscard]] QString csvNumberCell(double value);

} // namespace lp
