// The teaching window's keys: Left/Right step, Space plays or pauses and Escape leaves full screen or
// closes, wherever the focus is (the rest of TeachingWindow is in teachingwindow.cpp).
#include "teachingwindow.h"

#include <QKeyEvent>
#include <QShortcut>
#include <QToolButton>

namespace lp {

void TeachingWindow::addKeys()
{
    // Shortcuts of the window, so that they work wherever the focus is: a focused button would take Space
    // and arrow keys would move the focus or the price slider instead.
    const auto add = [this](const QKeySequence &key, auto slot) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    add(QKeySequence(Qt::Key_Right), [this] { next(); });
    add(QKeySequence(Qt::Key_Left), [this] { previous(); });
    add(QKeySequence(Qt::Key_Space), [this] { setPlaying(!isPlaying()); });
    add(QKeySequence(Qt::Key_Escape), [this] {
        if (isFullScreen())
            m_fullScreen->setChecked(false);
        else
            close();
    });
}

void TeachingWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    // Right, Left, Space and Escape are the window's shortcuts (addKeys); they arrive here only when the
    // shortcut could not take them (no active window), and do the same.
    case Qt::Key_Right:
    case Qt::Key_PageDown:
        next();
        return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
        previous();
        return;
    case Qt::Key_Space:
        setPlaying(!isPlaying());
        return;
    case Qt::Key_Escape:
        isFullScreen() ? m_fullScreen->setChecked(false) : static_cast<void>(close());
        return;
    case Qt::Key_Home:
        setCurrentIndex(0);
        return;
    case Qt::Key_End:
        setCurrentIndex(frameCount() - 1);
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

} // namespace lp
