#pragma once

#include <QWidget>

class QSlider;
class QSpinBox;

namespace lp {

// Loop count as a slider (quick, 0..kSliderMaximum, where the leverage curve has long flattened) and a
// spin box (exact, up to the model's limit), kept in sync. Emits valueChanged once per change.
class LoopCountInput : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSliderMaximum = 20;

    explicit LoopCountInput(QWidget *parent = nullptr);

    [[nodiscard]] int value() const;
    void setValue(int loops); // does not emit
    [[nodiscard]] QSlider *slider() const { return m_slider; }
    [[nodiscard]] QSpinBox *spinBox() const { return m_spinBox; }

signals:
    void valueChanged(int loops);

private:
    void syncSlider(int loops);

    QSlider *m_slider;
    QSpinBox *m_spinBox;
};

} // namespace lp
