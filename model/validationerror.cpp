#include "validationerror.h"

#include <QStringList>

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

} // namespace lp
