// The window's Position menu: edits of the plan's position with the plan before and after side by side
// (the rest of MainWindow is in mainwindow.cpp).
#include "mainwindow.h"

#include "editactions.h"
#include "planeditdialog.h"
#include "plansession.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace lp {

void MainWindow::buildPositionMenu()
{
    QMenu *position = menuBar()->addMenu(tr("&Position"));
    position->setObjectName(QStringLiteral("positionMenu"));
    const struct {
        PlanEditKind kind;
        const char *name;
        const char *tip;
    } edits[] = {
        {PlanEditKind::AddLoop, "actionAddLoop",
         QT_TR_NOOP("One more loop at the plan's LTV, before and after side by side")},
        {PlanEditKind::RepayToHealthFactor, "actionRepayToHealthFactor",
         QT_TR_NOOP("Repay debt from outside the position until the health factor is the one you ask")},
        {PlanEditKind::DeleverageToLeverage, "actionDeleverage",
         QT_TR_NOOP("Sell collateral to repay debt down to the leverage you ask, equity kept")},
        {PlanEditKind::CloseNow, "actionCloseNow",
         QT_TR_NOOP("Close the position at today's prices as the Close tab does, and keep what is left")},
    };
    for (const auto &e : edits) {
        QAction *action = position->addAction(PlanEditDialog::actionText(e.kind), this,
                                              [this, kind = e.kind] { editPosition(kind); });
        action->setObjectName(QLatin1String(e.name));
        action->setStatusTip(tr(e.tip));
        if (e.kind == PlanEditKind::CloseNow)
            position->insertSeparator(action);
    }
}

PlanEditDialog *MainWindow::editPosition(PlanEditKind kind)
{
    const std::shared_ptr<const PlanResult> result = m_session->result();
    if (!m_session->isValid() || !result) {
        const QString title = PlanEditDialog::stepName(kind);
        const QString text =
            tr("The plan has problems to fix first:\n\n%1").arg(formatErrors(m_session->errors()));
        if (m_reportError)
            m_reportError(title, text);
        else
            QMessageBox::warning(this, title, text);
        return nullptr;
    }
    auto *dialog = new PlanEditDialog(kind, result, CloseOptions{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_edits->applyStep(dialog->editedPlan(), PlanEditDialog::stepName(dialog->kind()));
        m_statusLine->setText(dialog->edit()->summary);
    });
    dialog->open();
    return dialog;
}

} // namespace lp
