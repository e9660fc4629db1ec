// The window shows what `report` prints. The Time, Close and Risk pages read one LazyOutlook per result,
// the pipeline of `report` (lp::reportJson over lp::computeOutlook, as app/commands/reportcommand.cpp
// prints it): for every plan in tests/data that computes, the pages' time, close, risk and stress figures
// are the report JSON's sections, with the same Monte Carlo paths and seed and the plan's horizon. A
// flash-loan plan whose loop close is impossible shows the report's flash-close fallback on the Close tab
// (LP_SCREENSHOT_DIR=DIR writes close-flash-fallback.png).
#include "charttabs.h"
#include "closeview.h"
#include "displayformat.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "planjson.h"
#include "plansession.h"
#include "report.h"
#include "riskview.h"
#include "rowjson.h"
#include "timeview.h"
#include "uitestutil.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QTableWidget>

#include <memory>

using namespace lp;
using namespace lp::uitest;

namespace {

QString data(const QString &name)
{
    return QStringLiteral(LP_TEST_DATA_DIR "/") + name;
}

// The options both sides use: fewer paths than the default, to keep the test quick, and another seed.
OutlookOptions testOptions()
{
    OutlookOptions o;
    o.monteCarlo.paths = 2000;
    o.monteCarlo.seed = 7;
    return o;
}

QJsonObject reportFor(const Plan &plan, const OutlookOptions &options)
{
    const PlanResult result = expectedResult(plan);
    return reportJson(result, computeOutlook(result, options), MarketRegistry::builtIn());
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestOutlookReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setErrorReporter([](const QString &title, const QString &text) {
            qWarning("%s: %s", qPrintable(title), qPrintable(text));
        });
    }
    void cleanup() { m_window.reset(); }
    void closeTabShowsTheReportsFlashCloseFallback();
    void everyPlanAgreesWithTheReport_data();
    void everyPlanAgreesWithTheReport();
    void pagesShareOneOutlookFilledOnDemand();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestOutlookReport::closeTabShowsTheReportsFlashCloseFallback()
{
    // 4.8x on WETH with LT 0.825: HF = 0.825 x 4.8 / 3.8 = 1.042 at opening, under the 1.05 floor of
    // selling to repay, so the report closes with a flash loan and says why.
    QVERIFY(m_window->openPlanFile(data(QStringLiteral("weth-usdc-flash-no-sell.json"))));
    const Plan &plan = m_window->session()->plan();
    QVERIFY(plan.execution == Execution::FlashLoan);
    const QJsonObject report = reportFor(plan, OutlookOptions{})[QStringLiteral("close")].toObject();
    QCOMPARE(report[QStringLiteral("method")].toString(), QStringLiteral("flashClose"));
    QVERIFY(
        report[QStringLiteral("note")].toString().contains(QStringLiteral("sellToRepay was not possible")));

    ChartTabs *tabs = m_window->chartTabs();
    tabs->setCurrentIndex(4); // Close
    QCOMPARE(tabs->tabText(4), QStringLiteral("Close"));
    auto *summary = m_window->findChild<QLabel *>(QStringLiteral("close.summary"));
    QVERIFY2(summary, "the Close tab names the close the report prints");
    const QString walkAway = display::usd(report[QStringLiteral("walkAwayUsd")].toDouble());
    QVERIFY2(summary->text().contains(walkAway),
             qPrintable(summary->text() + QStringLiteral(" / ") + walkAway));
    QVERIFY2(summary->text().contains(display::usd(report[QStringLiteral("pnlUsd")].toDouble())),
             qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("flash loan")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("not possible")), qPrintable(summary->text()));
    // The comparison marks the flash close as the report's close, with the report's walk-away value.
    auto *table = m_window->findChild<QTableWidget *>(QStringLiteral("close.comparison"));
    QVERIFY(table);
    QVERIFY(table->horizontalHeaderItem(1)->font().bold());
    QVERIFY(!table->horizontalHeaderItem(0)->font().bold());
    QCOMPARE(cell(table, CloseView::WalkAwayUsd, 1), walkAway);
    QCOMPARE(cell(table, CloseView::WalkAwayUsd, 0), QStringLiteral("\u2014"));
    // And the figures behind it are the report's section, note included.
    QCOMPARE(outlookCloseJson(tabs->closeView()->shownClose()), report);

    const QByteArray shots = qgetenv("LP_SCREENSHOT_DIR");
    if (!shots.isEmpty() && QDir().mkpath(QString::fromLocal8Bit(shots))) {
        m_window->resize(1400, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->grab().save(
            QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("close-flash-fallback.png"))));
    }
}

void TestOutlookReport::everyPlanAgreesWithTheReport_data()
{
    QTest::addColumn<QString>("file");
    int computing = 0;
    const MarketRegistry markets = MarketRegistry::withBuiltIn();
    for (const QString &name : QDir(QStringLiteral(LP_TEST_DATA_DIR))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        Expected<Plan> plan = readPlanFile(data(name), markets);
        if (!plan || !computePlan(*plan))
            continue; // the bad-*.json fixtures: the window keeps its plan, `report` exits 2
        QTest::newRow(qPrintable(name)) << name;
        ++computing;
    }
    QVERIFY(computing >= 5);
}

void TestOutlookReport::everyPlanAgreesWithTheReport()
{
    QFETCH(QString, file);
    ChartTabs *tabs = m_window->chartTabs();
    tabs->setOutlookOptions(testOptions());
    QVERIFY(m_window->openPlanFile(data(file)));
    const Plan &plan = m_window->session()->plan();
    const QJsonObject report = reportFor(plan, testOptions());
    for (const ChartTabs::Page page : {ChartTabs::Page::Time, ChartTabs::Page::Close, ChartTabs::Page::Risk})
        tabs->showPage(page);

    // The figures each page holds, written as the report writes them.
    TimeView *time = tabs->timeView();
    CloseView *close = tabs->closeView();
    RiskView *risk = tabs->riskView();
    QCOMPARE(timelineJson(time->timeline()), report[QStringLiteral("time")].toObject());
    QCOMPARE(outlookCloseJson(close->shownClose()), report[QStringLiteral("close")].toObject());
    QCOMPARE(riskJson(plan, risk->closedFormProbability(), risk->monteCarlo()),
             report[QStringLiteral("risk")].toObject());
    QCOMPARE(stressJson(risk->stress()), report[QStringLiteral("stress")].toArray());

    // And what the pages print.
    const QJsonObject t = report[QStringLiteral("time")].toObject();
    QVERIFY(time->summaryLabel()->text().contains(display::percent(t[QStringLiteral("netApy")].toDouble())));
    const QJsonObject c = report[QStringLiteral("close")].toObject();
    if (c.contains(QStringLiteral("walkAwayUsd")))
        QVERIFY2(
            close->summaryLabel()->text().contains(display::usd(c[QStringLiteral("walkAwayUsd")].toDouble())),
            qPrintable(close->summaryLabel()->text()));
    else
        QVERIFY(close->summaryLabel()->text().contains(QStringLiteral("not possible")));
    const QJsonObject r = report[QStringLiteral("risk")].toObject();
    QVERIFY(risk->closedFormLabel()->text().contains(
        display::percent(r[QStringLiteral("liquidationProbability")].toDouble(), 1)));
    const QJsonObject mc = r[QStringLiteral("monteCarlo")].toObject();
    QVERIFY(risk->monteCarloLabel()->text().contains(
        display::percent(mc[QStringLiteral("probability")].toDouble(), 1)));
    QCOMPARE(mc[QStringLiteral("paths")].toInt(), 2000);
    QCOMPARE(mc[QStringLiteral("seed")].toInt(), 7);
    const QJsonArray stress = report[QStringLiteral("stress")].toArray();
    QCOMPARE(risk->stressTable()->rowCount(), int(stress.size()) + 1);
    for (int i = 0; i < int(stress.size()); ++i) {
        const QJsonObject after = stress[i].toObject()[QStringLiteral("after")].toObject();
        QCOMPARE(cell(risk->stressTable(), i + 1, RiskView::Equity),
                 display::usd(after[QStringLiteral("equityUsd")].toDouble()));
    }
}

void TestOutlookReport::pagesShareOneOutlookFilledOnDemand()
{
    ChartTabs *tabs = m_window->chartTabs();
    tabs->setOutlookOptions(testOptions());
    const std::shared_ptr<const LazyOutlook> outlook = tabs->outlook();
    QVERIFY(outlook);
    // The P&L page is on screen: nothing after opening has been computed yet.
    using Part = LazyOutlook::Part;
    for (const Part part : {Part::Timeline, Part::Close, Part::Probability, Part::MonteCarlo, Part::Stress})
        QVERIFY(!outlook->isComputed(part));
    tabs->showPage(ChartTabs::Page::Close);
    QVERIFY(outlook->isComputed(Part::Close));
    QVERIFY(!outlook->isComputed(Part::MonteCarlo));
    tabs->showPage(ChartTabs::Page::Time);
    tabs->showPage(ChartTabs::Page::Risk);
    QVERIFY(outlook->isComputed(Part::MonteCarlo));
    // One outlook, shared: the pages read the same parts, the timeline once.
    QCOMPARE(tabs->timeView()->outlook(), outlook);
    QCOMPARE(tabs->closeView()->outlook(), outlook);
    QCOMPARE(tabs->riskView()->outlook(), outlook);
    QCOMPARE(&tabs->timeView()->timeline(), &outlook->timeline());
    // The same result again (a new palette) keeps the outlook; a new plan makes a new one.
    m_window->setPalette(QPalette(Qt::darkGray));
    QCOMPARE(tabs->outlook(), outlook);
    Plan plan = m_window->session()->plan();
    plan.horizonDays = 90;
    m_window->session()->setPlan(plan);
    QVERIFY(tabs->outlook() != outlook);
    QCOMPARE(tabs->riskView()->outlook(), tabs->outlook()); // Risk is on screen: drawn at once
    QCOMPARE(tabs->timeView()->outlook(), outlook);         // Time is hidden: stale until shown
    QVERIFY(tabs->isStale(ChartTabs::Page::Time));
    QVERIFY(tabs->isStale(ChartTabs::Page::Pnl));
    tabs->showPage(ChartTabs::Page::Time);
    QCOMPARE(tabs->timeView()->timeline().points.size(), size_t(91));
}

QTEST_MAIN(TestOutlookReport)
#include "tst_outlookreport.moc"
