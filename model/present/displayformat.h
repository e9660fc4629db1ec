#pragma once

#include <QLocale>
#include <QString>

namespace lp::display {

// Numbers as the window shows them: the user's locale (QLocale(), thousands separators included),
// "∞" for infinite values and an em dash for undefined ones. Machine-readable output uses QLocale::c()
// elsewhere; these are for people only.

// The user's locale (QLocale()), always with thousands separators, even where the locale omits them
// by default (the C locale).
[[nodiscard]] QLocale locale();

[[nodiscard]] QString usd(double value, int decimals = 2);
// Whole dollars up to a million, then "$350.0M", "$1.2B", "$3.5T": for labels that must stay short.
[[nodiscard]] QString compactUsd(double value);
[[nodiscard]] QString number(double value, int decimals);
// A fraction as percent: 0.656 -> "65.60 %".
[[nodiscard]] QString percent(double fraction, int decimals = 2);
// With an explicit sign, for returns: 0.042 -> "+4.20 %".
[[nodiscard]] QString signedPercent(double fraction, int decimals = 2);
[[nodiscard]] QString leverage(double value);
[[nodiscard]] QString healthFactor(double value);
[[nodiscard]] QString units(double value, const QString &symbol, int decimals = 4);
// Units of `numerator` per unit of `denominator`: "0.8571 WETH per wstETH".
[[nodiscard]] QString ratio(double value, const QString &numerator, const QString &denominator);

} // namespace lp::display
