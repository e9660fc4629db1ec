#pragma once

// Numbers for machine output and the plain-text report: JSON numbers (null where not finite) and
// C-locale text. One definition for every model file that writes them; the window formats for people
// in displayformat.h.
#include <QJsonValue>
#include <QString>

#include <cmath>

namespace lp::machine {

// A finite number, or null: JSON has no NaN or infinity.
inline QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// Fixed decimals in the C locale; "n/a", "inf", "-inf" for what is not a number.
inline QString fixed(double v, int decimals)
{
    if (std::isnan(v))
        return QStringLiteral("n/a");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'f', decimals);
}

inline QString percent(double fraction)
{
    return fixed(fraction * 100.0, 2) + QStringLiteral(" %");
}

inline QString usd(double v)
{
    return QLatin1Char('$') + fixed(v, 2);
}

} // namespace lp::machine
