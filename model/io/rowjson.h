#pragma once

#include "rowcolumns.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <vector>

namespace lp {

// The report's JSON of the row tables, written from their column tables (rowcolumns.h), so each row
// has the keys the CSV has: the column's key, its value as is (null where not finite), a count as an
// integer and a flag as true or false.

[[nodiscard]] QJsonValue columnJson(const ColumnSpec &column, double value);

template <class Row> [[nodiscard]] QJsonObject rowJson(const TableColumns<Row> &columns, const Row &row)
{
    QJsonObject out;
    for (const TableColumn<Row> &c : columns)
        out.insert(QLatin1String(c.key), columnJson(c, c.value(row)));
    return out;
}

// report JSON `loops`: one object per step, the `loops` CSV's columns.
[[nodiscard]] QJsonArray loopStepsJson(const std::vector<LoopStep> &steps);

// report JSON `time`: {netApy, netApyParts{...}, daysToLiquidation (null = never), atHorizon{the last
// day's timeline columns, and horizonDays (= day)}}.
[[nodiscard]] QJsonObject timelineJson(const Timeline &timeline);

// report JSON `stress`: an array of {id, kind, value, days, liquidated, liquidations, penaltyUsd,
// before{...}, after{...}}, before and after with the stress figures' columns.
[[nodiscard]] QJsonArray stressJson(const std::vector<StressResult> &results);

} // namespace lp
