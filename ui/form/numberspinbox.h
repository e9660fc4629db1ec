#pragma once

#include <QDoubleSpinBox>

namespace lp {

// A QDoubleSpinBox that accepts up to decimals() digits but shows no trailing zeros beyond
// minimumDisplayDecimals(): a price field can take 0.000123 yet show "3,500" rather than "3,500.000000".
class NumberSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    void setMinimumDisplayDecimals(int decimals) { m_minimumDisplayDecimals = decimals; }
    [[nodiscard]] int minimumDisplayDecimals() const { return m_minimumDisplayDecimals; }

    [[nodiscard]] QString textFromValue(double value) const override;
    // Sized for everyday values (a dozen digits) rather than for the range's extremes, which would make
    // every price field as wide as "1,000,000,000.000000"; longer values scroll within the field.
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

private:
    [[nodiscard]] int cappedWidth(int width) const;

    int m_minimumDisplayDecimals = 0;
};

} // namespace lp
