#pragma once

#include "engine.h"
#include "rowcolumns.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace lp {

// CSV tables (README "CSV exports"): RFC 4180 (comma, CRLF line ends, quotes doubled), a header row of
// snake_case names with units, numbers in the C locale with full precision whatever the UI locale, UTF-8.
// Text cells starting with = + - @, tab or CR are prefixed with ' so spreadsheets do not run them as
// formulas. The row tables (loops, prices, timeline) are written from their column tables
// (rowcolumns.h), the same ones the report's JSON and the window's tables read.
enum class CsvTable { Loops, Prices, Timeline, Summary };

[[nodiscard]] QStringList csvTableNames();
[[nodiscard]] bool csvTableFromString(const QString &name, CsvTable *out);

[[nodiscard]] QByteArray exportCsv(const PlanResult &result, CsvTable table);

// One text cell, quoted and neutralised as above.
[[nodiscard]] QString csvTextCell(const QString &text);
// One number cell: shortest round-trip form, empty for NaN or infinity.
[[nodiscard]] QString csvNumberCell(double value);

// A header and rows of cells joined as a CSV file (CRLF after every line, UTF-8).
[[nodiscard]] QByteArray csvJoin(const QStringList &header, const QList<QStringList> &rows);

// One row of a row table: csvNumberCell of each column's value.
template <class Row> [[nodiscard]] QStringList csvCells(const TableColumns<Row> &columns, const Row &row)
{
    QStringList cells;
    cells.reserve(static_cast<qsizetype>(columns.size()));
    for (const TableColumn<Row> &c : columns)
        cells << csvNumberCell(c.value(row));
    return cells;
}

template <class Row>
[[nodiscard]] QList<QStringList> csvRows(const TableColumns<Row> &columns, const std::vector<Row> &rows)
{
    QList<QStringList> out;
    out.reserve(static_cast<qsizetype>(rows.size()));
    for (const Row &row : rows)
        out << csvCells(columns, row);
    return out;
}

template <class Row>
[[nodiscard]] QByteArray csvTable(const TableColumns<Row> &columns, const std::vector<Row> &rows)
{
    return csvJoin(csvColumnNames(columns), csvRows(columns, rows));
}

// The `timeline` table: one row per day of the timeline (exportCsv writes it at today's prices).
[[nodiscard]] QStringList timelineCsvHeader();
[[nodiscard]] QList<QStringList> timelineCsvRows(const Timeline &timeline);
[[nodiscard]] QByteArray timelineCsv(const Timeline &timeline);

} // namespace lp
