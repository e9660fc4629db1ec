#pragma once

// Numbers for machine output, messages and the plain-text report: JSON numbers (null where not finite)
// and C-locale text. One definition for every model file that writes them, in every room (so it sits at
// the model's root); the window formats for people in displayformat.h.
#include <QJsonValue>
#include <QLocale>
#include <QString>

#include <cmath>

namespace lp {

// Shortest round-trip spelling of a number in the C locale ("0.75", "NaN", "-Infinity"): what error
// messages quote, so that the value shown is exactly the value read.
inline QString formatNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace lp

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
