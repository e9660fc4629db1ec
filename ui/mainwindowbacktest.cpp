// Compare > Backtest Against Price History...: the current plan replayed through a daily price file.
#include "backtestdialog.h"
#include "mainwindow.h"
#include "plansession.h"

#include <QAction>
#include <QMenu>

namespace lp {

void MainWindow::addBacktestAction(QMenu *menu)
{
    QAction *action = menu->addAction(tr("&Backtest Against Price History..."), this, [this] {
        // The last valid plan: the one whose figures are on screen (an invalid form is not replayed).
        auto *dialog = new BacktestDialog(m_session->result()->plan, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    action->setObjectName(QStringLiteral("actionBacktest"));
    action->setStatusTip(
        tr("Replay this plan through a file of daily prices (or fetch one from DefiLlama) and "
           "compare it with holding the deposit"));
    menu->addSeparator();
}

} // namespace lp
