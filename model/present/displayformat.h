#pragma once

#include <QLocale>
#include <QString>

namespace lp::display {

// Numbers as the window shows them: the user's locale (QLocale(), thousands separators included),
// "∞" for infinite values and undefinedMark() for undefined ones. Machine-readable output uses
// QLocale::c() elsewhere; these are for people only.

// Decimals shown for each kind of number, wherever the window shows one (the tables' columns take
// theirs from here too). Files keep every digit.
inline constexpr int kUsdDecimals = 2;
inline constexpr int kUnitsDecimals = 4;
inline constexpr int kPercentDecimals = 2;
inline constexpr int kLeverageDecimals = 2;
inline constexpr int kHealthFactorDecimals = 2;
inline constexpr int kRatioDecimals = 4;

// The one mark for a value that does not exist (a liquidation price with no debt, a USD liquidation
// price when B tracks A): an em dash. CSV writes such a value as an empty cell, JSON as null.
[[nodiscard]] QString undefinedMark();

// The user's locale (QLocale()), always with thousands separators, even where the locale omits them
// by default (the C locale).
[[nodiscard]] QLocale locale();

[[nodiscard]] QString usd(double value, int decimals = kUsdDecimals);
// Whole dollars up to a million, then "$350.0M", "$1.2B", "$3.5T": for labels that must stay short.
[[nodiscard]] QString compactUsd(double value);
[[nodiscard]] QString number(double value, int decimals);
// A market parameter in a formula (a liquidation threshold 0.825, a bonus factor 1.075): at least two
// decimals and as many more, up to kParameterMaxDecimals, as print it exactly, so that the numbers a formula
// shows give the result it shows.
inline constexpr int kParameterMaxDecimals = 6;
[[nodiscard]] QString parameter(double value);
// A fraction as percent: 0.656 -> "65.60 %".
[[nodiscard]] QString percent(double fraction, int decimals = kPercentDecimals);
// With an explicit sign, for returns: 0.042 -> "+4.20 %".
[[nodiscard]] QString signedPercent(double fraction, int decimals = kPercentDecimals);
[[nodiscard]] QString leverage(double value, int decimals = kLeverageDecimals);
[[nodiscard]] QString healthFactor(double value);
[[nodiscard]] QString units(double value, const QString &symbol, int decimals = kUnitsDecimals);
// Units of `numerator` per unit of `denominator`: "0.8571 WETH per wstETH".
[[nodiscard]] QString ratio(double value, const QString &numerator, const QString &denominator);

} // namespace lp::display
