#include "inputguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace lp {

namespace {

// The text editor behind a field: the line edit itself or a spin box's.
QLineEdit *textOf(QObject *watched)
{
    if (auto *line = qobject_cast<QLineEdit *>(watched))
        return line;
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(watched))
        return spin->findChild<QLineEdit *>();
    return nullptr;
}

} // namespace

InputGuard::InputGuard(QObject *parent) : QObject(parent) {}

void InputGuard::guard(QWidget *root)
{
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool wheelEditor = qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractSlider *>(w);
        if (wheelEditor) {
            // The wheel must not give them the focus either: only a click or Tab does.
            w->setFocusPolicy(Qt::StrongFocus);
            w->installEventFilter(this);
        } else if (qobject_cast<QLineEdit *>(w) && !qobject_cast<QAbstractSpinBox *>(w->parentWidget())) {
            w->installEventFilter(this);
        }
    }
}

bool InputGuard::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget)
        return false;
    if (event->type() == QEvent::Wheel && !widget->hasFocus()) {
        // Scrolls the nearest scroll area around the editor instead, as if the editor were not there.
        for (QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
            if (auto *area = qobject_cast<QAbstractScrollArea *>(p)) {
                QCoreApplication::sendEvent(area->viewport(), event);
                break;
            }
        }
        return true;
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const bool redo =
            key->matches(QKeySequence::Redo) ||
            key->keyCombination() == QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_Z);
        QLineEdit *text = textOf(watched);
        if (text && ((undo && !text->isUndoAvailable()) || (redo && !text->isRedoAvailable()))) {
            // Not taken by the field: the window's Undo/Redo shortcut runs.
            event->ignore();
            return true;
        }
    }
    return false;
}

} // namespace lp
