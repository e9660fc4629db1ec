#include "mainwindow.h"

#include "charttabs.h"
#include "displayformat.h"
#include "fileactions.h"
#include "looptable.h"
#include "plandocument.h"
#include "planform.h"
#include "plansession.h"
#include "pnlchart.h"
#include "riskstyle.h"
#include "summarypanel.h"

#include <QAction>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>

namespace lp {

namespace {

constexpr int kDefaultWidth = 1400;
constexpr int kDefaultHeight = 860;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new PlanSession(this)), m_form(new PlanForm),
      m_summary(new SummaryPanel), m_charts(new ChartTabs), m_files(nullptr), m_loopTable(new LoopTable),
      m_statusLine(new QLabel)
{
    m_files = new FileActions(this, m_session, m_charts);
    connect(m_files->document(), &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_files->document(), &PlanDocument::filePathChanged, this, &MainWindow::updateTitle);

    auto *formScroll = new QScrollArea;
    formScroll->setObjectName(QStringLiteral("planFormScroll"));
    formScroll->setWidget(m_form);
    formScroll->setWidgetResizable(true);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setMinimumWidth(m_form->sizeHint().width() +
                                formScroll->verticalScrollBar()->sizeHint().width());

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_charts);
    top->addWidget(m_summary);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(top);
    right->addWidget(m_loopTable);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 0);
    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(formScroll);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setChildrenCollapsible(false);
    setCentralWidget(main);
    right->setSizes({600, 220});
    top->setSizes({800, 300});

    m_statusLine->setObjectName(QStringLiteral("statusLine"));
    m_statusLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_statusLine, 1);
    buildMenus();

    connect(m_form, &PlanForm::planEdited, m_session, &PlanSession::setPlan);
    connect(m_session, &PlanSession::planChanged, this, [this](const Plan &plan) {
        if (plan != m_form->plan()) // not the echo of the form's own edit
            m_form->setPlan(plan);
        updateTitle();
    });
    connect(m_session, &PlanSession::resultChanged, this, &MainWindow::showResult);
    connect(m_session, &PlanSession::errorsChanged, this, &MainWindow::showErrors);

    // The session computed the default plan before anything was connected.
    m_form->setPlan(m_session->plan());
    showResult(m_session->result());
    showErrors(m_session->errors());
    updateTitle();
    resize(kDefaultWidth, kDefaultHeight);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_files->addToMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::setErrorReporter(ErrorReporter reporter)
{
    m_files->setErrorReporter(std::move(reporter));
}

bool MainWindow::openPlanFile(const QString &path)
{
    return m_files->openFile(path);
}

PnlChart *MainWindow::pnlChart() const
{
    return m_charts->pnlChart();
}

void MainWindow::showResult(const std::shared_ptr<const PlanResult> &result)
{
    if (!result)
        return;
    m_summary->showResult(*result);
    m_charts->showResult(*result);
    m_loopTable->showResult(*result);
}

void MainWindow::showErrors(const ValidationErrors &errors)
{
    m_form->showErrors(errors);
    m_summary->setStale(!errors.isEmpty());
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

void MainWindow::updateTitle()
{
    const QString name = m_session->plan().name.isEmpty() ? tr("Untitled plan") : m_session->plan().name;
    const QString path = m_files->document()->filePath();
    // [*] shows where Qt puts the modified mark (setWindowModified).
    setWindowTitle(path.isEmpty() ? tr("%1[*]").arg(name)
                                  : tr("%1 (%2)[*]").arg(name, QFileInfo(path).fileName()));
    setWindowModified(m_files->document()->isModified());
}

} // namespace lp
