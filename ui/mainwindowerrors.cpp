// The window while the plan is not valid: the status line, the error summary above the charts whose links
// lead to the fields, and the last valid figures greyed and marked as not current (the rest of MainWindow
// is in mainwindow.cpp).
#include "mainwindow.h"

#include "charttabs.h"
#include "displayformat.h"
#include "engine.h"
#include "errorsummary.h"
#include "formfield.h"
#include "looptable.h"
#include "planform.h"
#include "planreading.h"
#include "plansession.h"
#include "riskstyle.h"
#include "summarypanel.h"

#include <QGraphicsOpacityEffect>
#include <QLabel>
#include <QScrollArea>

namespace lp {

namespace {

// How much of the last valid figures shows through while they are not current.
constexpr double kStaleOpacity = 0.4;

void setFaded(QWidget *widget, bool faded)
{
    if (!faded) {
        widget->setGraphicsEffect(nullptr); // deletes the effect
        return;
    }
    if (qobject_cast<QGraphicsOpacityEffect *>(widget->graphicsEffect()))
        return;
    auto *effect = new QGraphicsOpacityEffect(widget);
    effect->setOpacity(kStaleOpacity);
    widget->setGraphicsEffect(effect);
}

} // namespace

void MainWindow::showErrors(const ValidationErrors &errors)
{
    m_form->showErrors(errors);
    m_summary->setStale(!errors.isEmpty());
    m_errorSummary->showErrors(errors);
    markFiguresStale(!errors.isEmpty());
    if (errors.isEmpty()) {
        const std::shared_ptr<const PlanResult> result = m_session->result();
        m_statusLine->setText(result
                                  ? tr("Plan valid: leverage %1, health factor %2, transactions to open: %3.")
                                        .arg(display::leverage(result->position.leverage),
                                             display::healthFactor(result->position.healthFactor))
                                        .arg(result->opened.costs.transactions)
                                  : QString());
        m_statusLine->setPalette(QPalette()); // back to the inherited colours
    } else {
        QStringList lines;
        for (const ValidationError &error : errors)
            lines.append(tr("%1: %2").arg(m_form->fieldTitle(error.field), error.message));
        m_statusLine->setText(
            tr("Plan not valid: %1. Showing the last valid results.").arg(lines.join(QStringLiteral("; "))));
        QPalette palette = m_statusLine->palette();
        palette.setColor(QPalette::WindowText, risk::colorFor(risk::Level::Danger));
        m_statusLine->setPalette(palette);
    }
}

void MainWindow::markFiguresStale(bool stale)
{
    m_figuresCurrent = !stale;
    // The plan's one line, the charts and the loop table keep the last valid plan's figures, faded; the
    // one line says so in words, and the summary cards are greyed by the summary itself.
    m_reading->setEnabled(!stale);
    if (const std::shared_ptr<const PlanResult> result = m_session->result())
        m_reading->setText(stale
                               ? tr("Last valid plan, not the one in the form: %1").arg(planReading(*result))
                               : planReading(*result));
    m_reading->setToolTip(stale ? tr("The last valid plan, not the one in the form: fix the problem above")
                                : tr("The plan in one line: what you asked for, then what it does"));
    setFaded(m_charts, stale);
    setFaded(m_loopTable, stale);
}

bool MainWindow::goToField(const QString &path)
{
    FormField *field = m_form->field(path);
    if (!field)
        return false;
    if (auto *scroll = findChild<QScrollArea *>(QStringLiteral("planFormScroll")))
        scroll->ensureWidgetVisible(field);
    field->editor()->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace lp
