#pragma once

#include "qcustomplot_include.h"

namespace lp {

// Tick labels in the user's locale (lp::display::locale()) with thousands separators ("10,500") and just
// enough decimals for the tick step (0.25 steps get two), whatever the axis's own number format says.
class LocaleTicker : public QCPAxisTicker {
public:
    LocaleTicker() = default;

protected:
    QVector<QString> createLabelVector(const QVector<double> &ticks, const QLocale &locale, QChar formatChar,
                                       int precision) override;
};

} // namespace lp
