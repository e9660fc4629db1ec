// The window's File > Open Position... and File > Watch Position...: an account read from the chain, in
// the Position dock (with Plan From Position) and the Watch dock (the rest of MainWindow is in
// mainwindow.cpp).
#include "mainwindow.h"

#include "accountplan.h"
#include "accountview.h"
#include "editactions.h"
#include "positionsourcedialog.h"
#include "watchpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace lp {

namespace {

// The dock called `name`, made on first use at the window's right.
QDockWidget *dockNamed(QMainWindow *window, const QString &name, const QString &title)
{
    auto *dock = window->findChild<QDockWidget *>(name);
    if (!dock) {
        dock = new QDockWidget(title, window);
        dock->setObjectName(name);
        window->addDockWidget(Qt::RightDockWidgetArea, dock);
    }
    return dock;
}

QString sourceText(const chain::FetchedPosition &p)
{
    return MainWindow::tr("Read from %1 (chain %2) at block %3, %4; read-only, nothing was signed or sent.")
        .arg(p.rpcHost)
        .arg(p.chainId)
        .arg(p.blockNumber)
        .arg(p.blockTime.toUTC().toString(Qt::ISODate));
}

// The account as the plan `position --plan` writes (planFromAccount), if the planning views can take it: a
// plan that does not validate (a Morpho market, whose LTV is its LLTV, has no threshold above its LTV) is
// refused with the reasons.
Expected<Plan> positionAsPlan(const Account &account)
{
    Expected<Plan> plan = planFromAccount(account);
    if (!plan)
        return plan;
    const ValidationErrors errors = validatePlan(plan.value());
    if (!errors.isEmpty()) {
        ValidationErrors out;
        out.append(
            ValidationError{QStringLiteral("account"),
                            MainWindow::tr("the planning views cannot take this position as a plan:")});
        out.append(errors);
        return out;
    }
    return plan;
}

} // namespace

void MainWindow::addPositionActions(QMenu *file)
{
    file->addSeparator();
    QAction *open = file->addAction(tr("Open Pos&ition..."), this, [this] { openPosition(); });
    open->setObjectName(QStringLiteral("actionOpenPosition"));
    open->setStatusTip(tr("Read an account's position from the chain by its address (read-only) and see "
                          "every way it can be liquidated"));
    QAction *watch = file->addAction(tr("&Watch Position..."), this, [this] { watchPosition(); });
    watch->setObjectName(QStringLiteral("actionWatchPosition"));
    watch->setStatusTip(tr("Read an account on an interval, log every reading and alert when its health "
                           "factor falls below your level"));
}

PositionSourceDialog *MainWindow::openPosition()
{
    auto *dialog = new PositionSourceDialog(PositionSourceDialog::Purpose::Open, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->position())
            showPosition(*dialog->position(), dialog->request() ? dialog->request()->title : QString());
    });
    dialog->open();
    return dialog;
}

void MainWindow::showPosition(const chain::FetchedPosition &position, const QString &title)
{
    QDockWidget *dock = dockNamed(this, QStringLiteral("positionDock"), tr("Position"));
    if (!m_accountView) {
        auto *box = new QWidget;
        auto *layout = new QVBoxLayout(box);
        m_accountView = new AccountView;
        m_planFromPosition = new QPushButton(tr("Plan From Position"));
        m_planFromPosition->setObjectName(QStringLiteral("planFromPositionButton"));
        connect(m_planFromPosition, &QPushButton::clicked, this, &MainWindow::planFromPosition);
        layout->addWidget(m_accountView, 1);
        // resizeDocks below is not applied before the window is laid out (offscreen, or a first show):
        // the dock's own minimum keeps the assets table readable from the start.
        box->setMinimumWidth(560);
        layout->addWidget(m_planFromPosition, 0, Qt::AlignRight);
        dock->setWidget(box);
    }
    m_accountView->setAccount(position.account, title.isEmpty() ? position.user : title,
                              sourceText(position));
    const Expected<Plan> plan = positionAsPlan(position.account);
    m_planFromPosition->setEnabled(plan.hasValue());
    m_planFromPosition->setToolTip(
        plan ? tr("Make this position the current plan, as `position --plan` writes it: "
                  "every chart, the Close and Risk tabs and the backtest then work on it")
             : formatErrors(plan.errors()).trimmed());
    dock->show();
    dock->raise();
    // Wide enough for the assets table's columns.
    resizeDocks({dock}, {640}, Qt::Horizontal);
    m_statusLine->setText(tr("Opened the position of %1.").arg(position.user));
}

bool MainWindow::planFromPosition()
{
    if (!m_accountView)
        return false;
    const Expected<Plan> plan = positionAsPlan(m_accountView->account());
    if (!plan) {
        const QString text = formatErrors(plan.errors()).trimmed();
        if (m_reportError)
            m_reportError(tr("Plan From Position"), text);
        else
            QMessageBox::warning(this, tr("Plan From Position"), text);
        return false;
    }
    m_edits->applyStep(plan.value(), tr("Plan From Position"));
    m_statusLine->setText(tr("The position is now the plan: %1.").arg(plan->name));
    return true;
}

PositionSourceDialog *MainWindow::watchPosition()
{
    auto *dialog = new PositionSourceDialog(PositionSourceDialog::Purpose::Watch, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Expected<PositionRequest> request = dialog->request();
        if (!request)
            return;
        QDockWidget *dock = dockNamed(this, QStringLiteral("watchDock"), tr("Watch"));
        // A new watch replaces the one before (its reading in flight is cancelled with it).
        delete m_watch;
        m_watch = new WatchPanel;
        auto *fetch = new PositionFetch(m_watch);
        auto pending = std::make_shared<WatchPanel::ReadDone>();
        connect(fetch, &PositionFetch::finished, m_watch, [fetch, pending] {
            if (!*pending)
                return;
            const WatchPanel::ReadDone done = std::move(*pending);
            *pending = nullptr;
            const auto &result = fetch->result();
            if (result && result->hasValue())
                done(result->value().account);
            else if (result)
                done(result->errors());
            else
                done(ValidationError{QStringLiteral("rpc"), tr("no answer")});
        });
        m_watch->setAsyncReader([fetch, pending, r = request.value()](WatchPanel::ReadDone done) {
            *pending = std::move(done);
            fetch->start(r);
        });
        m_watch->setTitle(request->title);
        dock->setWidget(m_watch);
        dock->show();
        dock->raise();
        resizeDocks({dock}, {560}, Qt::Horizontal);
        m_watch->start();
    });
    dialog->open();
    return dialog;
}

} // namespace lp
