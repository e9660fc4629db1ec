#include "loopcountinput.h"

#include "plan.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

namespace lp {

LoopCountInput::LoopCountInput(QWidget *parent)
    : QWidget(parent), m_slider(new QSlider(Qt::Horizontal, this)), m_spinBox(new QSpinBox(this))
{
    m_slider->setRange(0, kSliderMaximum);
    m_slider->setPageStep(5);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(5);
    m_spinBox->setRange(0, limits::maxLoops);
    m_spinBox->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_spinBox->setKeyboardTracking(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);
    setFocusProxy(m_spinBox);
    // Tab enters through the focus proxy, the spin box; the slider comes next. In the creation order
    // (slider first) Qt would jump from the container to its proxy and never stop on the slider.
    setTabOrder(m_spinBox, m_slider);

    connect(m_slider, &QSlider::valueChanged, this, [this](int loops) {
        const QSignalBlocker blocker(m_spinBox);
        m_spinBox->setValue(loops);
        emit valueChanged(loops);
    });
    connect(m_spinBox, &QSpinBox::valueChanged, this, [this](int loops) {
        syncSlider(loops);
        emit valueChanged(loops);
    });
}

int LoopCountInput::value() const
{
    return m_spinBox->value();
}

void LoopCountInput::setValue(int loops)
{
    const QSignalBlocker blocker(m_spinBox);
    m_spinBox->setValue(loops);
    syncSlider(loops);
}

void LoopCountInput::syncSlider(int loops)
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(std::min(loops, kSliderMaximum));
}

} // namespace lp
