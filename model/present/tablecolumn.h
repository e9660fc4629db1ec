#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace lp {

// One description per column of a row table (the loop steps, the price sweep, the timeline, the stress
// figures), read by every place that shows or writes the table: the CSV export, the JSON report, the
// window's Qt model and, through it, the tab-separated copy. A column added, renamed or re-rounded here
// changes all of them at once, so the file, the report and the window cannot drift apart.
//
// It lives in present/ because its titles and decimals are for people; io/ only reads the key and the
// value. It is a plain struct with a function pointer, not a class hierarchy: the tables are constant
// data, readable top to bottom (rowcolumns.cpp).

// What a column's number is. It decides how the window shows it; files write the value as it is.
enum class ColumnUnit {
    Count,    // a whole number: a step, a day
    UnitsA,   // token units of A; the CSV name gets "_units"
    UnitsB,   // token units of B; the CSV name gets "_units"
    Usd,      // USD; the key ends in "Usd", so the CSV name ends in "_usd"
    Fraction, // a fraction (0.59), shown as percent (59.00 %); files keep the fraction
    Percent,  // already in percent (the key ends in "Pct"), shown with " %"
    Leverage, // a multiple, shown with "x"
    Number,   // any other plain number: a health factor, a price ratio
    Flag,     // 1 or 0; JSON writes true or false
};

struct ColumnSpec {
    // The JSON key, in camelCase. The CSV name is its snake_case, plus "_units" for token units
    // ("swappedToCollateral" -> "swapped_to_collateral_units", "liquidationPriceUsd" ->
    // "liquidation_price_usd"): csvColumnName().
    const char *key;
    // The window's title, translated in the "lp::columns" context; %1 is A's symbol, %2 is B's.
    const char *header;
    ColumnUnit unit;
    // Decimals the window shows (display::k*Decimals); files and the copy keep every digit.
    int decimals;
};

// A column of rows of type Row: its description and how to read it from a row. The value is NaN where it
// does not exist (shown as display::undefinedMark(), an empty CSV cell, JSON null) and may be infinite
// (HF with no debt: "∞", an empty CSV cell, JSON null).
template <class Row> struct TableColumn : ColumnSpec {
    double (*value)(const Row &row);
};

template <class Row> using TableColumns = std::vector<TableColumn<Row>>;

// "swappedToCollateral" + UnitsA -> "swapped_to_collateral_units".
[[nodiscard]] QString csvColumnName(const ColumnSpec &column);
// The title with the assets' symbols ("A" and "B" when empty).
[[nodiscard]] QString columnHeader(const ColumnSpec &column, const QString &collateralSymbol,
                                   const QString &borrowSymbol);
// The value as the window shows it, through display:: with the column's decimals.
[[nodiscard]] QString columnText(const ColumnSpec &column, double value);

template <class Row> [[nodiscard]] QStringList csvColumnNames(const TableColumns<Row> &columns)
{
    QStringList names;
    for (const ColumnSpec &c : columns)
        names << csvColumnName(c);
    return names;
}

} // namespace lp
