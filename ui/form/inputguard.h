#pragma once

#include <QObject>

class QWidget;

namespace lp {

// Keeps the form from editing what the user did not mean to edit, for every editor under a widget:
//  - the mouse wheel changes a spin box, combo box or slider only while it has the keyboard focus;
//    otherwise the wheel scrolls the scroll area around it (the form's);
//  - Undo and Redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) typed in a field undo the field's own text while it
//    has any, and otherwise reach the window's shortcuts (the plan's undo history).
class InputGuard : public QObject {
    Q_OBJECT
public:
    explicit InputGuard(QObject *parent = nullptr);
    // Installs the guard on every editor below `root` (existing children only).
    void guard(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace lp
