#pragma once

#include "tablecolumn.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace lp::reporthtml {

// The one-file report's figures: every number it prints comes from the `report` JSON (report.h), read
// by its path ("position.leverage", "loops.2.collateral"), and is shown in the user's locale
// (display::). Each one is wrapped in <span class="fig" data-key="PATH" data-scale="S"
// data-decimals="D">, so that a reader (the tests) can check that the shown number is the JSON's value
// times S, rounded to D decimals. An undefined value (JSON null) shows display::undefinedMark() or "∞".

enum class FigureKind {
    Usd,      // $1,234.56
    Units,    // 24.3441 wstETH
    Fraction, // 0.042 -> 4.20 %
    Leverage, // 2.44x
    Health,   // 1.36
    Count,    // 365
    Number,   // a plain number with 4 decimals
};

// The value at `path` in `report`: objects by key, arrays by index; Undefined when there is none.
[[nodiscard]] QJsonValue valueAt(const QJsonObject &report, const QString &path);

// The figure at `path` as a span, `symbol` for Units.
[[nodiscard]] QString figure(const QJsonObject &report, const QString &path, FigureKind kind,
                             const QString &symbol = {});
// A row table's cell, formatted by its column (columnText) and wrapped the same way.
[[nodiscard]] QString columnFigure(const QJsonObject &report, const QString &path, const ColumnSpec &column);

// HTML building blocks: a section with its id and heading, a two-column table of label and value, a
// paragraph. Text is escaped; values are HTML already.
[[nodiscard]] QString section(const QString &id, const QString &title);
[[nodiscard]] QString row(const QString &label, const QString &valueHtml);
[[nodiscard]] QString table(const QString &rowsHtml);
[[nodiscard]] QString paragraph(const QString &text);
[[nodiscard]] QString escaped(const QString &text);

} // namespace lp::reporthtml
