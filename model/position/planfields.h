#pragma once

#include "plan.h"

#include <QLatin1String>
#include <QString>

#include <optional>
#include <span>

namespace lp {

// The one table of a plan's fields. Each row names a value of Plan by its path in the plan document
// ("collateral.priceUsd", as the file, the validator and the form's editors spell it) and says how to
// read and write it, what users call it, which market value it is and, for numbers, its unit and range.
// The plan diff, the undo history's names, the form's editor binding, the market preset mapping, the
// JSON reader and writer of numbers and the range checks of validatePlan() all read this table: a new
// numeric field is a member of Plan plus one row in planfields.cpp.

enum class PlanFieldKind {
    Number,      // a double, read, written and range-checked from the table
    Integer,     // an int, likewise
    Text,        // a string (name, symbols); read and written by hand
    Choice,      // an enum, bool or id picked from a list; read and written by hand
    Bookkeeping, // not a value the user sets (presetFields, unknownFields): no title
};

enum class FieldUnit {
    None,        // a name, a choice, a plain factor (target health factor)
    Usd,         // USD per unit of the asset (or, for a pool's reserve or depth, USD)
    UsdPerTx,    // USD per transaction
    TokenA,      // units of Token A
    Fraction,    // 0.05 = 5 %
    BasisPoints, // 1 bp = 0.01 %
    Multiple,    // collateral value / equity
    Count,       // a number of loops
    Days,
};

// When the plan document must state a number.
enum class FieldRequired {
    No,
    Always,
    UnlessMarket, // unless the plan's market supplies it (PlanField::market)
    InItsMode,    // when PlanField::mode is the plan's strategy mode
};

// The values a number may take: finite and in [lo, hi], an "open" end excluding its bound. Integers
// take every whole number in [lo, hi].
struct FieldRange {
    double lo = 0;
    double hi = 0;
    bool loOpen = false;
    bool hiOpen = false;
};

struct PlanField {
    const char *path;
    // What users call the field in undo steps and diffs ("Token A Price"); translated in the
    // "lp::EditActions" context. Null for bookkeeping.
    const char *title;
    PlanFieldKind kind;
    FieldUnit unit;
    // The market value the field holds when it follows the plan's market (Plan::presetFields).
    std::optional<MarketField> market;
    // The choice brings other values with it: the market picker fills a reserve's parameters.
    bool bringsValues;
    FieldRequired required;
    // The strategy mode the field belongs to: it is checked, and required, only in that mode.
    std::optional<StrategyMode> mode;
    // Numbers: the range validatePlan() checks.
    FieldRange range;
    // Text: the longest value validatePlan() accepts (it must not be blank either); 0: not checked.
    int maxLength;
    // Numbers: the value as a double, and setting it (an Integer is whole); null for other kinds.
    double (*get)(const Plan &);
    void (*set)(Plan &, double);
    // Text: the value; null for other kinds.
    const QString &(*text)(const Plan &);
    // Every kind: whether two plans differ in this field, and copying it from one plan to another.
    bool (*differs)(const Plan &, const Plan &);
    void (*copy)(Plan &to, const Plan &from);
    // A check against other fields, made when the field's own range holds: an empty message or why the
    // combination is invalid.
    QString (*crossCheck)(const Plan &);

    [[nodiscard]] bool isNumeric() const
    {
        return kind == PlanFieldKind::Number || kind == PlanFieldKind::Integer;
    }
    [[nodiscard]] QLatin1String pathName() const { return QLatin1String(path); }
    // The object in the plan document that holds the field ("collateral"); empty at the top level.
    [[nodiscard]] QString group() const;
    // The field's key inside that object ("priceUsd").
    [[nodiscard]] QString key() const;
};

// Every field of Plan in document order.
[[nodiscard]] std::span<const PlanField> planFields();
// The row of a path or of a market value; null when there is none.
[[nodiscard]] const PlanField *planField(QStringView path);
[[nodiscard]] const PlanField *planField(MarketField field);

} // namespace lp
