// The Time and Risk pages' plots behave as the price charts (ui/charts/chartbase.h): wheel zoom and drag
// pan that an edit of the plan keeps, reset by double-click, R or the context menu, and a crosshair whose
// read-out names what is under it. A page's plots export as one picture: the Time page's four as 2 x 2.
#include "chartexport.h"
#include "charttabs.h"
#include "displayformat.h"
#include "lazyoutlook.h"
#include "riskview.h"
#include "timeview.h"
#include "uitestutil.h"
#include "viewchart.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QTemporaryDir>

using namespace lp;
using namespace lp::uitest;

class TestViewCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void timePlotsZoomAndKeepTheViewUntilReset();
    void riskHeatmapZoomsAndResets();
    void crosshairReadsTheTimelineAndTheGrid();
    void crosshairOnTheRiskHeatmap();
    void gridCellsOfAPage();
    void timePageExportsFourPlots();
    void closePageHasNothingToExport();
};

void TestViewCharts::timePlotsZoomAndKeepTheViewUntilReset()
{
    TimeView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showResult(expectedResult(longDefaultPlan()));
    QCOMPARE(view.charts().size(), size_t(4));
    for (ViewChart *chart : view.charts()) {
        QVERIFY(!chart->isUserView());
        QVERIFY(chart->plot()->interactions().testFlag(QCP::iRangeZoom));
        QVERIFY(chart->plot()->interactions().testFlag(QCP::iRangeDrag));
    }
    ViewChart *value = view.charts().front();
    QCOMPARE(value->plot(), view.valuePlot());
    const QCPRange whole = view.valuePlot()->xAxis->range();
    QCOMPARE(whole.lower, 0.0);
    QCOMPARE(whole.upper, 365.0);
    // A wheel step over the plot zooms in around the mouse.
    const QPoint centre = view.valuePlot()->axisRect()->rect().center();
    QWheelEvent wheel(centre, view.valuePlot()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.valuePlot(), &wheel);
    QVERIFY(value->isUserView());
    const QCPRange zoomed = view.valuePlot()->xAxis->range();
    QVERIFY(zoomed.size() < whole.size());
    // Another plan keeps the user's view.
    Plan plan = longDefaultPlan();
    plan.horizonDays = 180;
    view.showResult(expectedResult(plan));
    QCOMPARE(view.valuePlot()->xAxis->range(), zoomed);
    // R resets to the whole of the new timeline, and follows edits again.
    value->resetViewAction()->trigger();
    QVERIFY(!value->isUserView());
    QCOMPARE(view.valuePlot()->xAxis->range().upper, 180.0);
    // Double-click resets too.
    view.healthPlot()->xAxis->setRange(10, 20);
    QVERIFY(view.charts()[2]->isUserView());
    QMouseEvent dbl(QEvent::MouseButtonDblClick, QPointF(centre),
                    view.healthPlot()->mapToGlobal(QPointF(centre)), Qt::LeftButton, Qt::LeftButton,
                    Qt::NoModifier);
    QApplication::sendEvent(view.healthPlot(), &dbl);
    QVERIFY(!view.charts()[2]->isUserView());
    QCOMPARE(view.healthPlot()->xAxis->range().upper, 180.0);
}

void TestViewCharts::riskHeatmapZoomsAndResets()
{
    RiskView view;
    MonteCarloOptions few = defaultMonteCarloOptions();
    few.paths = 500;
    view.setMonteCarloOptions(few);
    view.showResult(expectedResult(longDefaultPlan()));
    ViewChart *chart = view.heatmapChart();
    QCOMPARE(chart->plot(), view.heatmapPlot());
    QVERIFY(!chart->isUserView());
    QCOMPARE(view.heatmapPlot()->xAxis->range(), QCPRange(5.0, 155.0));
    QCOMPARE(view.heatmapPlot()->yAxis->range(), QCPRange(-0.5, 10.5));
    view.heatmapPlot()->xAxis->setRange(40.0, 80.0); // as a drag or wheel would
    QVERIFY(chart->isUserView());
    view.showResult(expectedResult(longDefaultPlan()));
    QCOMPARE(view.heatmapPlot()->xAxis->range(), QCPRange(40.0, 80.0));
    chart->resetView();
    QCOMPARE(view.heatmapPlot()->xAxis->range(), QCPRange(5.0, 155.0));
    QVERIFY(!chart->isUserView());
    QVERIFY(view.heatmapPlot()->actions().contains(chart->resetViewAction()));
}

void TestViewCharts::crosshairReadsTheTimelineAndTheGrid()
{
    TimeView view;
    view.showResult(expectedResult(longDefaultPlan()));
    const Timeline &tl = view.timeline();
    std::vector<ViewChart *> charts = view.charts();
    charts[0]->showCrosshairAt(100.2);
    QVERIFY(charts[0]->isCrosshairVisible());
    QCOMPARE(charts[0]->crosshairKey(), 100.2);
    const QString value = charts[0]->crosshairText();
    QVERIFY2(value.contains(QStringLiteral("Day 100")), qPrintable(value));
    QVERIFY2(value.contains(display::usd(tl.points[100].equityUsd)), qPrintable(value));
    QVERIFY2(value.contains(display::usd(tl.points[100].holdValueUsd)), qPrintable(value));
    charts[1]->showCrosshairAt(365);
    QVERIFY(charts[1]->crosshairText().contains(display::usd(tl.points[365].liquidationPriceUsd)));
    charts[2]->showCrosshairAt(0);
    QVERIFY(charts[2]->crosshairText().contains(display::healthFactor(tl.points[0].healthFactor)));
    // Past the horizon there is nothing to read: no crosshair.
    charts[0]->showCrosshairAt(400);
    QVERIFY(!charts[0]->isCrosshairVisible());
    QVERIFY(charts[0]->crosshairText().isEmpty());
    // The heatmap: the P&L at today's price (the middle row) in the nearest day column.
    const PnlGrid &grid = view.grid();
    charts[3]->showCrosshairAt(grid.days[10] + 1.0);
    const QString heat = charts[3]->crosshairText();
    QVERIFY2(heat.contains(QStringLiteral("Day %1").arg(grid.days[10])), qPrintable(heat));
    QVERIFY2(heat.contains(display::usd(grid.at(30, 10))), qPrintable(heat));
    QVERIFY2(heat.contains(display::usd(3500.0)), qPrintable(heat));
}

void TestViewCharts::crosshairOnTheRiskHeatmap()
{
    RiskView view;
    MonteCarloOptions few = defaultMonteCarloOptions();
    few.paths = 500;
    view.setMonteCarloOptions(few);
    view.showResult(expectedResult(longDefaultPlan())); // 3 loops
    view.heatmapChart()->showCrosshairAt(62.0);
    const QString text = view.heatmapChart()->crosshairText();
    // Nearest column: 60 %; the plan's row: 3 loops.
    QVERIFY2(text.contains(QStringLiteral("Volatility 60")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("3 loops: %1").arg(display::percent(view.grid().at(3, 5), 1))),
             qPrintable(text));
    view.heatmapChart()->showCrosshairAt(300.0);
    QVERIFY(!view.heatmapChart()->isCrosshairVisible());
}

void TestViewCharts::gridCellsOfAPage()
{
    using chartexport::gridCells;
    QVERIFY(gridCells(0, QSize(800, 600)).empty());
    QCOMPARE(gridCells(1, QSize(800, 600)), (std::vector<QRect>{QRect(0, 0, 800, 600)}));
    QCOMPARE(gridCells(2, QSize(800, 600)),
             (std::vector<QRect>{QRect(0, 0, 400, 600), QRect(400, 0, 400, 600)}));
    QCOMPARE(gridCells(4, QSize(800, 600)),
             (std::vector<QRect>{QRect(0, 0, 400, 300), QRect(400, 0, 400, 300), QRect(0, 300, 400, 300),
                                 QRect(400, 300, 400, 300)}));
}

void TestViewCharts::timePageExportsFourPlots()
{
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    QVERIFY(tabs.isStale(ChartTabs::Page::Time));
    const std::vector<QCustomPlot *> plots = tabs.plots(ChartTabs::Page::Time);
    QVERIFY(!tabs.isStale(ChartTabs::Page::Time)); // asked for its plots, the page caught up
    QCOMPARE(plots, tabs.timeView()->plots());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("time.png"));
    QString error;
    QVERIFY2(chartexport::writeCharts(plots, path, QSize(800, 600), &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 600));
    // Each quarter is its plot, drawn at that quarter's size.
    for (int i = 0; i < 4; ++i) {
        const QRect cell = chartexport::gridCells(4, QSize(800, 600))[size_t(i)];
        const QImage alone = plots[size_t(i)]->toPixmap(cell.width(), cell.height(), 1.0).toImage();
        QCOMPARE(image.copy(cell).convertToFormat(QImage::Format_RGB32),
                 alone.convertToFormat(QImage::Format_RGB32));
    }
}

void TestViewCharts::closePageHasNothingToExport()
{
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    QVERIFY(tabs.plots(ChartTabs::Page::Close).empty());
    QVERIFY(!tabs.isStale(ChartTabs::Page::Close));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("close.png"));
    QString error;
    QVERIFY(!chartexport::writeCharts({}, path, QSize(400, 300), &error));
    QVERIFY2(error.contains(QStringLiteral("no chart")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestViewCharts)
#include "tst_viewcharts.moc"
