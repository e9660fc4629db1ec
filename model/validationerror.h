#pragma once

#include <QList>
#include <QString>

namespace lp {

// One problem with an input, named by its field path in the plan document
// ("collateral.liquidationThreshold") so the CLI can print it and the GUI can mark the field.
struct ValidationError {
    QString field;
    QString message;

    [[nodiscard]] QString toString() const;
    friend bool operator==(const ValidationError &, const ValidationError &) = default;
};

using ValidationErrors = QList<ValidationError>;

// "field: message" lines, one per error.
[[nodiscard]] QString formatErrors(const ValidationErrors &errors);

} // namespace lp
