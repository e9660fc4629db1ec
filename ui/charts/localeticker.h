#pragma once

#include "qcustomplot_include.h"

namespace lp {

// Tick labels in the user's locale (lp::display::locale()) with thousands separators ("10,500") and just
// enough decimals for the tick step (0.25 steps get two), whatever the axis's own number format says.
class LocaleTicker : public QCPAxisTicker {
public:
    LocaleTicker() = default;

    // Values are fractions shown as percent: 0.25 -> "25 %".
    void setPercent(bool percent) { m_percent = percent; }
    [[nodiscard]] bool isPercent() const { return m_percent; }

protected:
    QVector<QString> createLabelVector(const QVector<double> &ticks, const QLocale &locale, QChar formatChar,
                                       int precision) override;

private:
    bool m_percent = false;
};

} // namespace lp
