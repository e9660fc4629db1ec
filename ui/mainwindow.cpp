#include "mainwindow.h"

#include "plansession.h"
#include "planjson.h"

namespace lp {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_session(new PlanSession(this)) {}

bool MainWindow::openPlanFile(const QString &path)
{
    const Expected<Plan> plan = readPlanFile(path);
    if (!plan)
        return false;
    m_session->setPlan(*plan);
    return true;
}

} // namespace lp
