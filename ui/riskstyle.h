#pragma once

#include <QColor>

namespace lp::risk {

// How the window colours a position's risk. One place for the thresholds so the summary, the chart and
// later views agree. Aave liquidates at HF < 1; below 1.1 a few percent of price move is enough, and
// 1.5 is the margin lending UIs commonly suggest.
inline constexpr double kDangerHealthFactor = 1.1;
inline constexpr double kCautionHealthFactor = 1.5;

enum class Level { Safe, Caution, Danger };

// Infinite HF (no debt) is safe; NaN is treated as danger so that a broken number never looks reassuring.
[[nodiscard]] Level levelForHealthFactor(double healthFactor);

// Text colour for a level, readable on the application palette's background: the dark shades on a light
// palette, light shades on a dark one (lp::theme::isDark). Widgets that keep such a colour set it again
// when the palette changes.
[[nodiscard]] QColor colorFor(Level level);
// The same for a given kind of background: contrast at least 3:1 on Fusion's light window, 4.5:1 on the
// dark palette's (tests/ui/tst_theme.cpp).
[[nodiscard]] QColor colorFor(Level level, bool darkBackground);
// Black or white, whichever reads better on `background` (text on a coloured badge).
[[nodiscard]] QColor textColorOn(const QColor &background);

} // namespace lp::risk
