#pragma once

#include <QList>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace lp {

// The example plans compiled into the program (resources/examples/examples.qrc; the package also
// installs them to share/leverage-planner/examples), offered from File > Open Example.
struct ExamplePlan {
    QString title;        // menu text, translated
    QString resourcePath; // ":/examples/<file>.lplan"
};

// In menu order. Every file of examples.qrc is listed (tests/ui/tst_examplemenu.cpp checks it).
[[nodiscard]] QList<ExamplePlan> examplePlans();

// A "Open Example" submenu with one action per example; choosing one calls `open` with its resource
// path. The menu belongs to `parent`.
[[nodiscard]] QMenu *createExampleMenu(QWidget *parent, const std::function<void(const QString &path)> &open);

} // namespace lp
