#include "riskstyle.h"

#include <cmath>

namespace lp::risk {

Level levelForHealthFactor(double healthFactor)
{
    if (std::isnan(healthFactor) || healthFactor < kDangerHealthFactor)
        return Level::Danger;
    if (healthFactor < kCautionHealthFactor)
        return Level::Caution;
    return Level::Safe;
}

QColor colorFor(Level level)
{
    switch (level) {
    case Level::Safe:
        return QColor(0x2e, 0x7d, 0x32); // green 800
    case Level::Caution:
        return QColor(0xb2, 0x6a, 0x00); // dark amber: amber 700 is unreadable on white
    case Level::Danger:
        return QColor(0xc6, 0x28, 0x28); // red 800
    }
    return {};
}

} // namespace lp::risk
