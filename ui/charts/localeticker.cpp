#include "localeticker.h"

#include "displayformat.h"

#include <algorithm>
#include <cmath>

namespace lp {

QVector<QString> LocaleTicker::createLabelVector(const QVector<double> &ticks, const QLocale &, QChar, int)
{
    constexpr int kMaxDecimals = 8;
    int decimals = 0;
    if (ticks.size() > 1) {
        const double step = std::abs(ticks.at(1) - ticks.at(0));
        if (step > 0 && step < 1)
            decimals = std::min(kMaxDecimals, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
        // Steps such as 0.25 need one digit more than their order of magnitude.
        while (decimals < kMaxDecimals &&
               std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-6)
            ++decimals;
    }
    // The plot's own locale is ignored on purpose: tick labels follow the same locale as the rest of the
    // window.
    const QLocale display = display::locale();
    QVector<QString> labels;
    labels.reserve(ticks.size());
    for (double tick : ticks) {
        // -0 would print as "-0".
        const double value = std::abs(tick) < 1e-12 ? 0.0 : tick;
        if (m_percent)
            labels.append(display.toString(value * 100.0, 'f', std::max(0, decimals - 2)) +
                          QStringLiteral(" %"));
        else
            labels.append(display.toString(value, 'f', decimals));
    }
    return labels;
}

} // namespace lp
