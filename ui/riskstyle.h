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

// Text colour for a level, readable on a light background.
[[nodiscard]] QColor colorFor(Level level);

} // namespace lp::risk
