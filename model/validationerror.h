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

// Collects the problems of one validation pass (plans, markets), each named by its field path.
class FieldChecker {
public:
    explicit FieldChecker(ValidationErrors *errors) : m_errors(errors) {}

    void fail(const QString &field, const QString &message) { m_errors->append({field, message}); }

    // A finite number in [lo, hi] ("open" ends exclude the bound); false after reporting.
    bool range(const QString &field, double v, double lo, double hi, bool loOpen = false,
               bool hiOpen = false);
    // Not blank, and at most maxLength characters.
    void text(const QString &field, const QString &s, int maxLength);

private:
    ValidationErrors *m_errors;
};

} // namespace lp
