#include "riskstyle.h"

#include "theme.h"

#include <QGuiApplication>
#include <QPalette>

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
    return colorFor(level, theme::isDark(QGuiApplication::palette()));
}

QColor colorFor(Level level, bool darkBackground)
{
    switch (level) {
    case Level::Safe:
        return darkBackground ? QColor(0x81, 0xc7, 0x84)  // green 300
                              : QColor(0x2e, 0x7d, 0x32); // green 800
    case Level::Caution:
        return darkBackground ? QColor(0xff, 0xb7, 0x4d)  // orange 300
                              : QColor(0xb2, 0x6a, 0x00); // dark amber: amber 700 is unreadable on white
    case Level::Danger:
        return darkBackground ? QColor(0xef, 0x9a, 0x9a)  // red 200
                              : QColor(0xc6, 0x28, 0x28); // red 800
    }
    return {};
}

QColor textColorOn(const QColor &background)
{
    // Rec. 601 luma: good enough to choose between black and white.
    const float luma =
        0.299f * background.redF() + 0.587f * background.greenF() + 0.114f * background.blueF();
    return luma > 0.6f ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace lp::risk
