#include "mainwindow.h"

#include "aboutdialog.h"
#include "carrychart.h"
#include "charttabs.h"
#include "comparisonpanel.h"
#include "displayformat.h"
#include "editactions.h"
#include "errorsummary.h"
#include "examplemenu.h"
#include "fileactions.h"
#include "glossarydialog.h"
#include "healthchart.h"
#include "looptable.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "plandocument.h"
#include "planform.h"
#include "planreading.h"
#include "plansession.h"
#include "pnlchart.h"
#include "reportactions.h"
#include "riskstyle.h"
#include "summarypanel.h"
#include "teachingwindow.h"
#include "theme.h"
#include "usermarkets.h"
#include "windowsettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace lp {

namespace {

constexpr int kDefaultWidth = 1400;
constexpr int kDefaultHeight = 860;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new PlanSession(this)),
      m_markets(std::make_unique<MarketRegistry>(MarketRegistry::withBuiltIn())),
      m_userMarketsDirectory(userMarketsDirectory()), m_picker(new MarketPicker(m_markets.get())),
      m_form(new PlanForm), m_summary(new SummaryPanel), m_charts(new ChartTabs), m_files(nullptr),
      m_loopTable(new LoopTable), m_statusLine(new QLabel), m_marketFreshness(new QLabel),
      m_reading(new QLabel), m_errorSummary(new ErrorSummary), m_comparison(new ComparisonPanel),
      m_bottomTabs(new QTabWidget)
{
    m_files = new FileActions(this, m_session, m_charts, m_markets.get());
    m_reports = new ReportActions(this, m_session, m_charts, m_markets.get());
    m_charts->carryChart()->setMarkets(m_markets.get());
    m_edits = new EditActions(m_session, m_files->document(), this);
    connect(m_files->document(), &PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_files->document(), &PlanDocument::filePathChanged, this, &MainWindow::updateTitle);

    auto *formScroll = new QScrollArea;
    formScroll->setObjectName(QStringLiteral("planFormScroll"));
    // The market picker sits above the plan form, in the same scrolling column.
    const ValidationErrors marketErrors = m_markets->loadUserMarkets(m_userMarketsDirectory);
    m_picker->reloadMarkets();
    // A fetched market's caps and liquidity refuse a plan that does not fit, as an invalid value would.
    m_session->setMarkets(m_markets.get());
    auto *column = new QWidget;
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->addWidget(m_picker);
    columnLayout->addWidget(m_form);
    formScroll->setWidget(column);
    formScroll->setWidgetResizable(true);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setMinimumWidth(column->sizeHint().width() +
                                formScroll->verticalScrollBar()->sizeHint().width());

    m_reading->setObjectName(QStringLiteral("planReading"));
    m_reading->setWordWrap(true);
    m_reading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reading->setContentsMargins(6, 4, 6, 2);
    QFont readingFont = m_reading->font();
    readingFont.setPointSizeF(readingFont.pointSizeF() * 1.15);
    readingFont.setBold(true);
    m_reading->setFont(readingFont);
    m_reading->setToolTip(tr("The plan in one line: what you asked for, then what it does"));
    auto *centre = new QWidget;
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_reading);
    // An invalid plan's problems, each field's name a link to it in the form.
    m_errorSummary->setTitleLookup([this](const QString &path) { return m_form->fieldTitle(path); });
    connect(m_errorSummary, &ErrorSummary::fieldActivated, this, &MainWindow::goToField);
    centreLayout->addWidget(m_errorSummary);
    centreLayout->addWidget(m_charts, 1);

    m_bottomTabs->setObjectName(QStringLiteral("bottomTabs"));
    m_bottomTabs->setDocumentMode(true);
    m_bottomTabs->addTab(m_loopTable, tr("Loop Steps"));
    m_bottomTabs->addTab(m_comparison, tr("Compare"));
    m_bottomTabs->setTabToolTip(0, tr("The position after each step of opening, with totals"));
    m_bottomTabs->setTabToolTip(1, tr("Pinned plans side by side with the current one"));

    // Named, so that lp::windowsettings keeps their sizes.
    auto *top = new QSplitter(Qt::Horizontal);
    top->setObjectName(QStringLiteral("chartSummarySplitter"));
    top->addWidget(centre);
    top->addWidget(m_summary);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    auto *right = new QSplitter(Qt::Vertical);
    right->setObjectName(QStringLiteral("chartTableSplitter"));
    right->addWidget(top);
    right->addWidget(m_bottomTabs);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 0);
    auto *main = new QSplitter(Qt::Horizontal);
    main->setObjectName(QStringLiteral("formSplitter"));
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
    m_marketFreshness->setObjectName(QStringLiteral("marketFreshness"));
    statusBar()->addPermanentWidget(m_marketFreshness);
    buildMenus();
    // Pinning shows the comparison, so the user sees what they pinned.
    connect(m_comparison->pinAction(), &QAction::triggered, this,
            [this] { m_bottomTabs->setCurrentWidget(m_comparison); });
    connect(m_charts->healthChart(), &HealthChart::safetyHealthFactorChosen, this,
            &HealthChart::saveSafetyHealthFactor);
    // Export Chart writes the plots of the page on screen; the Close page has none.
    connect(m_charts, &QTabWidget::currentChanged, this, [this] {
        m_files->exportChartAction()->setEnabled(m_charts->currentPage() != ChartTabs::Page::Close);
    });
    // Pinned plans are drawn on every chart in their colour.
    connect(m_comparison, &ComparisonPanel::pinnedPlotsChanged, this,
            [this] { m_charts->setPinned(m_comparison->pinnedPlots()); });

    // Every edit is an undoable step that sets the session's plan (ui/editactions.h).
    connect(m_form, &PlanForm::planEdited, m_edits, &EditActions::applyEdit);
    connect(m_picker, &MarketPicker::planEdited, m_edits, &EditActions::applyEdit);
    connect(m_session, &PlanSession::planChanged, this, [this](const Plan &plan) {
        if (plan != m_form->plan()) // not the echo of the form's own edit
            m_form->setPlan(plan);
        if (plan != m_picker->plan())
            m_picker->setPlan(plan);
        updateTitle();
        updateMarketFreshness();
    });
    connect(m_session, &PlanSession::resultChanged, this, &MainWindow::showResult);
    connect(m_session, &PlanSession::errorsChanged, this, &MainWindow::showErrors);

    // The session computed the default plan before anything was connected.
    m_form->setPlan(m_session->plan());
    m_picker->setPlan(m_session->plan());
    showResult(m_session->result());
    showErrors(m_session->errors());
    if (!marketErrors.isEmpty())
        m_statusLine->setText(
            tr("Some of your markets could not be read: %1").arg(marketErrors.first().toString()));
    updateTitle();
    updateMarketFreshness();
    // The default size, cut to the screen's room for windows (a 1280 x 720 laptop included).
    QSize size(kDefaultWidth, kDefaultHeight);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    // Never below 1280 x 720, the smallest screen the layout is made for (its widgets need about that).
    resize(size.expandedTo(QSize(1280, 720)));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_files->addToMenu(file);
    m_reports->addToMenu(file);
    addPositionActions(file);
    // An example opens as an untitled copy: saving it asks where, never writes into the program.
    file->addMenu(createExampleMenu(this, [this](const QString &path) { m_files->openCopy(path); }));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Close the window; the plan and the layout are kept for next time"));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_edits->addToMenu(edit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addMenu(theme::createMenu(view));
    QAction *resetLayout =
        view->addAction(tr("Reset &Layout"), this, [this] { windowsettings::resetLayout(this); });
    resetLayout->setObjectName(QStringLiteral("resetLayoutAction"));
    resetLayout->setStatusTip(tr("Put the window's size and panes back as they were first"));
    QMenu *compare = menuBar()->addMenu(tr("&Compare"));
    addBacktestAction(compare);
    compare->addAction(m_comparison->pinAction());
    compare->addAction(m_comparison->unpinAllAction());
    buildPositionMenu();
    QMenu *markets = menuBar()->addMenu(tr("&Markets"));
    markets->addAction(tr("&Edit Markets..."), this, &MainWindow::editMarkets)
        ->setStatusTip(tr("Add, change or import lending markets and their reserves"));
    QAction *refresh =
        markets->addAction(tr("&Refresh From Chain..."), this, &MainWindow::refreshMarketFromChain);
    refresh->setObjectName(QStringLiteral("actionRefreshFromChain"));
    refresh->setStatusTip(
        tr("Read a market's parameters, prices and rates from a JSON-RPC node, review every "
           "change, then save them as your market"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *learn = help->addAction(tr("&Learn How a Loop Works"), this, &MainWindow::showTeaching);
    learn->setObjectName(QStringLiteral("actionLearn"));
    learn->setShortcut(QKeySequence::HelpContents);
    learn->setStatusTip(
        tr("Walk through the current plan step by step, with the formula behind every number"));
    help->addAction(tr("&Glossary"), this,
                    [this] {
                        auto *dialog = new GlossaryDialog(this);
                        dialog->setAttribute(Qt::WA_DeleteOnClose);
                        dialog->show();
                    })
        ->setStatusTip(tr("The words of leveraged lending, in plain sentences"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Leverage Planner"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setStatusTip(tr("Version, and what the figures can and cannot tell you"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setStatusTip(tr("The version of Qt this program runs on"));

    // The commands used most, with the platform's icons where it has them.
    QToolBar *tools = addToolBar(tr("Main Toolbar"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    const auto add = [tools](QAction *action, const char *iconName, QStyle::StandardPixmap fallback) {
        action->setIcon(QIcon::fromTheme(QLatin1String(iconName), tools->style()->standardIcon(fallback)));
        tools->addAction(action);
    };
    add(m_files->newAction(), "document-new", QStyle::SP_FileIcon);
    add(m_files->openAction(), "document-open", QStyle::SP_DialogOpenButton);
    add(m_files->saveAction(), "document-save", QStyle::SP_DialogSaveButton);
    tools->addSeparator();
    add(m_edits->undoAction(), "edit-undo", QStyle::SP_ArrowBack);
    add(m_edits->redoAction(), "edit-redo", QStyle::SP_ArrowForward);
    tools->addSeparator();
    add(m_files->exportChartAction(), "document-export", QStyle::SP_FileDialogContentsView);
    add(learn, "help-contents", QStyle::SP_DialogHelpButton);
    // No standard icon says "export" or "learn": these two show a short name too.
    m_files->exportChartAction()->setIconText(tr("Export"));
    learn->setIconText(tr("Learn"));
    for (QAction *named : {m_files->exportChartAction(), learn}) {
        if (auto *button = qobject_cast<QToolButton *>(tools->widgetForAction(named)))
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    }
    tools->toggleViewAction()->setText(tr("Tool&bar"));
    tools->toggleViewAction()->setStatusTip(tr("Show or hide the toolbar"));
    view->addAction(tools->toggleViewAction());
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreSettings(bool restorePlan)
{
    windowsettings::restoreLayout(this);
    m_charts->healthChart()->setSafetyHealthFactor(HealthChart::savedSafetyHealthFactor());
    windowsettings::restorePinned(m_comparison, *m_markets);
    if (restorePlan)
        windowsettings::restorePlan(m_files, m_session);
    else // a file from the command line: the last run's untitled plan is set aside, not lost
        windowsettings::keepUntitledPlan();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    windowsettings::saveLayout(this);
    windowsettings::savePlan(m_files, m_session);
    windowsettings::savePinned(m_comparison, *m_markets);
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        showResult(m_session->result());
        showErrors(m_session->errors());
    }
    QMainWindow::changeEvent(event);
}

TeachingWindow *MainWindow::showTeaching()
{
    if (!m_teaching)
        m_teaching = new TeachingWindow(m_session, this);
    m_teaching->show();
    m_teaching->raise();
    m_teaching->activateWindow();
    return m_teaching;
}

void MainWindow::setErrorReporter(ErrorReporter reporter)
{
    m_reportError = reporter;
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
    m_form->showLoopsUsed(result->opened.loops);
    m_charts->showResult(result);
    m_loopTable->showResult(*result);
    m_comparison->setCurrent(result);
    m_reading->setText(planReading(*result));
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
