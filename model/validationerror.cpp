#include "validationerror.h"

#include "machineformat.h"

#include <QStringList>

#include <cmath>

namespace lp {

QString ValidationError::toString() const
{
    if (field.isEmpty())
        return message;
    return field + QStringLiteral(": ") + message;
}

QString formatErrors(const ValidationErrors &errors)
{
    QStringList lines;
    lines.reserve(errors.size());
    for (const ValidationError &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

bool FieldChecker::range(const QString &field, double v, double lo, double hi, bool loOpen, bool hiOpen)
{
    if (!std::isfinite(v)) {
        fail(field, QStringLiteral("must be a finite number"));
        return false;
    }
    if (loOpen ? v <= lo : v < lo) {
        fail(field, QStringLiteral("must be %1 %2 (got %3)")
                        .arg(loOpen ? QStringLiteral("above") : QStringLiteral("at least"), formatNumber(lo),
                             formatNumber(v)));
        return false;
    }
    if (hiOpen ? v >= hi : v > hi) {
        fail(field, QStringLiteral("must be %1 %2 (got %3)")
                        .arg(hiOpen ? QStringLiteral("below") : QStringLiteral("at most"), formatNumber(hi),
                             formatNumber(v)));
        return false;
    }
    return true;
}

void FieldChecker::text(const QString &field, const QString &s, int maxLength)
{
    if (s.trimmed().isEmpty())
        fail(field, QStringLiteral("must not be empty"));
    else if (s.size() > maxLength)
        fail(field, QStringLiteral("must be at most %1 characters").arg(maxLength));
}

} // namespace lp
