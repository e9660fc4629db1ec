#include "displayformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace lp::display {

namespace {

// Infinite and undefined values get a symbol instead of "inf"/"nan"; returns false for finite ones.
bool special(double value, QString *text)
{
    if (std::isnan(value)) {
        *text = undefinedMark();
        return true;
    }
    if (std::isinf(value)) {
        *text = value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
        return true;
    }
    return false;
}

} // namespace

QString undefinedMark()
{
    return QStringLiteral("—");
}

QLocale locale()
{
    QLocale loc;
    loc.setNumberOptions(loc.numberOptions() & ~QLocale::OmitGroupSeparator);
    return loc;
}

QString usd(double value, int decimals)
{
    QString text;
    if (special(value, &text))
        return text;
    const QLocale loc = locale();
    // The C locale (no LANG, as under cron or in CI) has no currency format of its own and would print
    // "2,065.38$": there the dollar is written as in English, "$2,065.38".
    if (loc.language() == QLocale::C)
        return (value < 0 ? QStringLiteral("-$") : QStringLiteral("$")) +
               loc.toString(std::abs(value), 'f', decimals);
    return loc.toCurrencyString(value, QStringLiteral("$"), decimals);
}

QString compactUsd(double value)
{
    QString text;
    if (special(value, &text))
        return text;
    struct Scale {
        double factor;
        const char *suffix;
    };
    static constexpr Scale scales[] = {
        {1e12, QT_TRANSLATE_NOOP("lp::display", "T")},
        {1e9, QT_TRANSLATE_NOOP("lp::display", "B")},
        {1e6, QT_TRANSLATE_NOOP("lp::display", "M")},
    };
    for (const Scale &scale : scales) {
        if (std::abs(value) >= scale.factor)
            return usd(value / scale.factor, 1) + QCoreApplication::translate("lp::display", scale.suffix);
    }
    return usd(value, 0);
}

QString number(double value, int decimals)
{
    QString text;
    if (special(value, &text))
        return text;
    return locale().toString(value, 'f', decimals);
}

QString parameter(double value)
{
    // The fewest decimals from 2 to kParameterMaxDecimals that print the value as it is.
    int decimals = 2;
    while (decimals < kParameterMaxDecimals && std::abs(QString::number(value, 'f', decimals).toDouble() -
                                                        value) > 1e-12 * std::max(1.0, std::abs(value)))
        ++decimals;
    return number(value, decimals);
}

QString percent(double fraction, int decimals)
{
    QString text;
    if (special(fraction, &text))
        return text;
    return QCoreApplication::translate("lp::display", "%1 %")
        .arg(locale().toString(fraction * 100.0, 'f', decimals));
}

QString signedPercent(double fraction, int decimals)
{
    QString text = percent(fraction, decimals);
    if (std::isfinite(fraction) && fraction > 0.0)
        return locale().positiveSign() + text;
    return text;
}

QString leverage(double value, int decimals)
{
    QString text;
    if (special(value, &text))
        return text;
    return QCoreApplication::translate("lp::display", "%1x").arg(locale().toString(value, 'f', decimals));
}

QString healthFactor(double value)
{
    return number(value, kHealthFactorDecimals);
}

QString units(double value, const QString &symbol, int decimals)
{
    return QCoreApplication::translate("lp::display", "%1 %2").arg(number(value, decimals), symbol);
}

QString ratio(double value, const QString &numerator, const QString &denominator)
{
    return QCoreApplication::translate("lp::display", "%1 %2 per %3")
        .arg(number(value, kRatioDecimals), numerator, denominator);
}

} // namespace lp::display
