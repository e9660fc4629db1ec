#pragma once

#include <QDialog>

namespace lp {

// Help > About Leverage Planner: what the program is, its version (the one `--version` prints), the Qt it
// runs on, and the risk disclaimer a planning tool for leveraged positions owes its users.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The dialog's text (rich text), also for tests.
    [[nodiscard]] static QString text();
    // The disclaimer alone, in plain text.
    [[nodiscard]] static QString disclaimer();
};

} // namespace lp
