#pragma once

#include <QMainWindow>

namespace lp {

class PlanSession;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openPlanFile(const QString &path);

private:
    PlanSession *m_session;
};

} // namespace lp
