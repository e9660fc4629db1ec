// What the user does with the charts (issue 3, points 2 and 5): the crosshair reads the sweep at the cursor,
// a zoom survives edits until reset, the charts follow a dark palette, pinned plans draw on every chart.
// LP_SCREENSHOT_DIR=docs/screenshots writes pnl-chart.png and pnl-chart-dark.png.
#include "charttabs.h"
#include "displayformat.h"
#include "healthchart.h"
#include "healthseries.h"
#include "loopcountseries.h"
#include "loopschart.h"
#include "pnlchart.h"
#include "sweeplookup.h"
#include "uitestutil.h"

#include <QAction>
#include <QApplication>
#include <QDir>

#include <memory>

using namespace lp;
using namespace lp::uitest;

namespace {

// The plot laid out at a fixed size, so that pixels map to prices.
void layOut(ChartBase &chart)
{
    chart.resize(900, 500);
    chart.plot()->resize(900, 500);
    chart.plot()->setViewport(chart.plot()->rect()); // a hidden widget gets its resize event only when shown
    chart.plot()->replot();
}

void moveMouse(QCustomPlot *plot, QPointF pos)
{
    QMouseEvent move(QEvent::MouseMove, pos, plot->mapToGlobal(pos), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(plot, &move);
}

void wheel(QCustomPlot *plot, QPointF pos, int delta)
{
    QWheelEvent event(pos, plot->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &event);
}

QPointF pixelOf(QCustomPlot *plot, double x)
{
    return {plot->xAxis->coordToPixel(x), double(plot->axisRect()->center().y())};
}

std::shared_ptr<const PlanResult> resultWithLoops(int loops)
{
    Plan plan = longDefaultPlan();
    plan.strategy.loops = loops;
    return std::make_shared<const PlanResult>(expectedResult(plan));
}

PinnedPlots twoPinned()
{
    return {{QStringLiteral("1 loop"), QColor(0x8e, 0x24, 0xaa), resultWithLoops(1)},
            {QStringLiteral("6 loops"), QColor(0x2e, 0x7d, 0x32), resultWithLoops(6)}};
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    return p;
}

} // namespace

class TestChartInteraction : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void crosshairReadsTheSweep();
    void crosshairHidesOnLeaveAndOutsideTheSweep();
    void healthCrosshairReadsHealthAndLiquidationPrice();
    void zoomIsKeptThroughEditsUntilReset();
    void resetByDoubleClickAndAction();
    void percentUnit();
    void zeroEquityAndLiquidationsAreMarked();
    void darkPaletteRestylesTheCharts();
    void pinnedPlansOnEveryChart();
    void pinnedPlansSurviveNewResultsAndAreCapped();
    void screenshots();
};

void TestChartInteraction::crosshairReadsTheSweep()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    PnlChart chart;
    chart.showResult(result);
    layOut(chart);
    QVERIFY(!chart.isCrosshairVisible());
    QVERIFY(chart.plot()->hasMouseTracking()); // moves without a button held reach the chart
    // Grid point 800 of 2,001: the read-out shows the sweep's own figures there (the pixel rounds, so read
    // the price the crosshair settled on and compare with the sweep read at that price).
    const SweepPoint &grid = result.sweep.points.at(800);
    moveMouse(chart.plot(), pixelOf(chart.plot(), grid.priceUsd));
    QVERIFY(chart.isCrosshairVisible());
    const double price = chart.crosshairKey();
    QVERIFY2(std::abs(price - grid.priceUsd) < 5.0, qPrintable(QString::number(price)));
    const std::optional<SweepPoint> at = sweepPointAt(result.sweep, price);
    QVERIFY(at);
    const QString text = chart.crosshairText();
    QVERIFY2(text.contains(QStringLiteral("wstETH at ") + display::usd(price)), qPrintable(text));
    QVERIFY2(text.contains(display::usd(at->pnlUsd)), qPrintable(text));
    QVERIFY2(text.contains(display::signedPercent(at->pnlPct)), qPrintable(text));
    QVERIFY2(text.contains(display::usd(at->holdPnlUsd)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Health factor: ") + display::healthFactor(at->healthFactor)),
             qPrintable(text));

    // Exactly at the spot: P&L is the opening costs (negative), hold P&L is zero, HF the position's.
    chart.showCrosshairAt(3500.0);
    const SweepPoint spot = *sweepPointAt(result.sweep, 3500.0);
    QVERIFY(spot.pnlUsd < 0);
    QVERIFY2(chart.crosshairText().contains(QStringLiteral("Hold: $0.00, ")),
             qPrintable(chart.crosshairText()));
    QVERIFY(chart.crosshairText().contains(display::healthFactor(result.position.healthFactor)));
}

void TestChartInteraction::crosshairHidesOnLeaveAndOutsideTheSweep()
{
    PnlChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    layOut(chart);
    moveMouse(chart.plot(), chart.plot()->axisRect()->center());
    QVERIFY(chart.isCrosshairVisible());
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(chart.plot(), &leave);
    QVERIFY(!chart.isCrosshairVisible());
    QVERIFY(chart.crosshairText().isEmpty());
    // Over the axis labels, outside the plot area: no crosshair.
    moveMouse(chart.plot(), QPointF(2, 2));
    QVERIFY(!chart.isCrosshairVisible());
    // A price outside the sweep (after a pan): nothing to read.
    chart.showCrosshairAt(1e9);
    QVERIFY(!chart.isCrosshairVisible());
}

void TestChartInteraction::healthCrosshairReadsHealthAndLiquidationPrice()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    HealthChart chart;
    chart.showResult(result);
    layOut(chart);
    const std::vector<HealthPoint> series = healthSeries(result);
    const HealthPoint &p = series.at(1200); // above the liquidation price: the opened position's
    chart.showCrosshairAt(p.priceUsd);
    const QString text = chart.crosshairText();
    QVERIFY2(text.contains(display::healthFactor(p.healthFactor)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Liquidation price: ") + display::usd(p.liquidationPriceUsd)),
             qPrintable(text));
    // The user's safety HF is a labelled line; NaN hides it.
    QCOMPARE(chart.safetyHealthFactor(), HealthChart::kDefaultSafetyHealthFactor);
    chart.setSafetyHealthFactor(1.8);
    QCOMPARE(chart.safetyLabel(), QStringLiteral("Safety HF ") + display::healthFactor(1.8));
    QVERIFY(chart.plot()->yAxis->range().contains(1.8));
    chart.setSafetyHealthFactor(qQNaN());
    QVERIFY(chart.safetyLabel().isEmpty());
}

void TestChartInteraction::zoomIsKeptThroughEditsUntilReset()
{
    PnlChart chart;
    const PlanResult first = expectedResult(longDefaultPlan());
    chart.showResult(first);
    layOut(chart);
    QVERIFY(!chart.isUserView());
    wheel(chart.plot(), chart.plot()->axisRect()->center(), 240); // zoom in
    QVERIFY(chart.isUserView());
    const QCPRange zoomedX = chart.plot()->xAxis->range();
    const QCPRange zoomedY = chart.plot()->yAxis->range();
    QVERIFY(zoomedX.size() < first.sweep.points.back().priceUsd - first.sweep.points.front().priceUsd);

    // An edit (another loop count) redraws the curve but keeps the user's view.
    const PlanResult second = expectedResult([] {
        Plan p = longDefaultPlan();
        p.strategy.loops = 5;
        return p;
    }());
    chart.showResult(second);
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), second.sweep));
    QCOMPARE(chart.plot()->xAxis->range(), zoomedX);
    QCOMPARE(chart.plot()->yAxis->range(), zoomedY);

    // Reset: the whole sweep again, and the next edit fits again.
    chart.resetView();
    QVERIFY(!chart.isUserView());
    QCOMPARE(chart.plot()->xAxis->range().lower, second.sweep.points.front().priceUsd);
    QCOMPARE(chart.plot()->xAxis->range().upper, second.sweep.points.back().priceUsd);
    chart.showResult(first);
    QVERIFY(!chart.isUserView());
}

void TestChartInteraction::resetByDoubleClickAndAction()
{
    LoopsChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    layOut(chart);
    const QCPRange fitted = chart.plot()->yAxis->range();
    chart.plot()->yAxis->setRange(1, 2); // as a drag would
    QVERIFY(chart.isUserView());
    const QPointF centre = chart.plot()->axisRect()->center();
    QMouseEvent dbl(QEvent::MouseButtonDblClick, centre, chart.plot()->mapToGlobal(centre), Qt::LeftButton,
                    Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(chart.plot(), &dbl);
    QVERIFY(!chart.isUserView());
    QCOMPARE(chart.plot()->yAxis->range(), fitted);

    chart.plot()->yAxis->setRange(1, 2);
    QCOMPARE(chart.resetViewAction()->shortcut(), QKeySequence(Qt::Key_R));
    QVERIFY(chart.plot()->actions().contains(chart.resetViewAction())); // in the context menu
    chart.resetViewAction()->trigger();
    QCOMPARE(chart.plot()->yAxis->range(), fitted);
}

void TestChartInteraction::percentUnit()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    PnlChart chart;
    chart.showResult(result);
    chart.setPinned(twoPinned());
    chart.percentAction()->setChecked(true);
    QCOMPARE(chart.pnlUnit(), PnlUnit::Fraction);
    QVERIFY(graphMatches(chart.leveragedGraph(), result.sweep.points,
                         [](const SweepPoint &p) { return p.pnlPct; }));
    QVERIFY(graphMatches(chart.holdGraph(), result.sweep.points,
                         [&](const SweepPoint &p) { return holdPnl(result.sweep, p, PnlUnit::Fraction); }));
    QVERIFY(graphMatches(chart.pinnedGraphs().at(0), twoPinned().at(0).result->sweep.points,
                         [](const SweepPoint &p) { return p.pnlPct; }));
    QVERIFY(chart.plot()->yAxis->label().contains(QLatin1Char('%')));
    layOut(chart);
    const QVector<QString> labels = chart.plot()->yAxis->tickVectorLabels();
    QVERIFY(!labels.isEmpty());
    for (const QString &label : labels)
        QVERIFY2(label.endsWith(QStringLiteral(" %")), qPrintable(label));
    chart.setPnlUnit(PnlUnit::Usd);
    QVERIFY(!chart.percentAction()->isChecked());
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), result.sweep));
}

void TestChartInteraction::zeroEquityAndLiquidationsAreMarked()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    PnlChart chart;
    chart.showResult(result);
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::ZeroEquity), result.sweep.zeroEquityPriceUsd);
    QVERIFY(chart.markerLabel(PnlChart::Marker::ZeroEquity).startsWith(QStringLiteral("Zero equity $")));
    // One point per partial liquidation, on the leveraged curve, named with the bonus paid.
    QVERIFY(!result.sweep.liquidations.empty());
    QCOMPARE(size_t(chart.liquidationsGraph()->data()->size()), result.sweep.liquidations.size());
    const LiquidationEvent &e = result.sweep.liquidations.front();
    QCOMPARE(chart.liquidationsGraph()->data()->constBegin()->key <= e.priceUsd, true);
    QVERIFY(chart.plot()->legend->hasItemWithPlottable(chart.liquidationsGraph()));
    QVERIFY2(chart.liquidationsGraph()->name().contains(display::usd(liquidationPenaltyUsd(result.sweep), 0)),
             qPrintable(chart.liquidationsGraph()->name()));
    Plan noDebt = longDefaultPlan();
    noDebt.strategy.loops = 0;
    chart.showResult(expectedResult(noDebt));
    QVERIFY(std::isnan(chart.markerPriceUsd(PnlChart::Marker::ZeroEquity)));
    QVERIFY(chart.liquidationsGraph()->data()->isEmpty());
    QVERIFY(!chart.plot()->legend->hasItemWithPlottable(chart.liquidationsGraph()));
}

void TestChartInteraction::darkPaletteRestylesTheCharts()
{
    PnlChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    QVERIFY(!chart.theme().dark);
    const QColor lightLabels = chart.plot()->xAxis->tickLabelColor();
    const QColor lightCurve = chart.leveragedGraph()->pen().color();
    chart.setPalette(darkPalette());
    QVERIFY(chart.theme().dark);
    QCOMPARE(chart.plot()->xAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));
    QVERIFY(chart.plot()->xAxis->tickLabelColor() != lightLabels);
    QVERIFY(chart.plot()->legend->brush().color().lightness() < 64);
    QVERIFY(chart.leveragedGraph()->pen().color() != lightCurve);
    QVERIFY(chart.leveragedGraph()->pen().color().lightness() > 128); // readable on dark
    // The background the plot paints is the palette's Base.
    const QImage image = chart.plot()->toPixmap(400, 300).toImage();
    QCOMPARE(QColor(image.pixel(1, 1)), QColor(0x20, 0x20, 0x20));

    // Back to light, and the other charts too (the app palette reaches them through propagation).
    chart.setPalette(QPalette(Qt::black, Qt::white, Qt::white, Qt::black, Qt::gray, Qt::black, Qt::white));
    QVERIFY(!chart.theme().dark);
    ChartTabs tabs;
    tabs.setPalette(darkPalette());
    QVERIFY(tabs.healthChart()->theme().dark);
    QVERIFY(tabs.loopsChart()->theme().dark);
    QCOMPARE(tabs.loopsChart()->plot()->yAxis->tickLabelColor(), QColor(0xee, 0xee, 0xee));
}

void TestChartInteraction::pinnedPlansOnEveryChart()
{
    const PinnedPlots pinned = twoPinned();
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    const int pnlGraphs = tabs.pnlChart()->plot()->graphCount();
    const int healthGraphs = tabs.healthChart()->plot()->graphCount();
    const int loopsGraphs = tabs.loopsChart()->plot()->graphCount();
    tabs.setPinned(pinned);
    QCOMPARE(tabs.pnlChart()->plot()->graphCount(), pnlGraphs + 2);
    QCOMPARE(tabs.healthChart()->plot()->graphCount(), healthGraphs + 2);
    QCOMPARE(tabs.loopsChart()->plot()->graphCount(), loopsGraphs + 2);

    // P&L: each pinned plan's leveraged P&L, in its colour, named in the legend.
    for (size_t i = 0; i < pinned.size(); ++i) {
        QCPGraph *graph = tabs.pnlChart()->pinnedGraphs().at(i);
        QVERIFY(leveragedGraphMatches(graph, pinned[i].result->sweep));
        QCOMPARE(graph->pen().color(), pinned[i].color);
        QCOMPARE(graph->name(), pinned[i].name);
        QVERIFY(tabs.pnlChart()->plot()->legend->hasItemWithPlottable(graph));
    }
    // Health: the pinned plan's HF series.
    const std::vector<HealthPoint> hf = healthSeries(*pinned[1].result);
    const QCPGraph *health = tabs.healthChart()->pinnedGraphs().at(1);
    QCOMPARE(size_t(health->data()->size()), hf.size());
    QCOMPARE((health->data()->constBegin() + 1500)->value, hf.at(1500).healthFactor);
    // Loops: the pinned plan's leverage against loop count (same plan, other loops: the same curve).
    const Expected<LoopCountSeries> series = loopCountSeries(*pinned[1].result, LoopsChart::kMaxLoops);
    const QCPGraph *loops = tabs.loopsChart()->pinnedGraphs().at(1);
    QCOMPARE(loops->data()->size(), 21);
    QCOMPARE((loops->data()->constBegin() + 6)->value, series->points.at(6).leverage);
    // The crosshair reads the pinned plans too.
    tabs.pnlChart()->showCrosshairAt(3000.0);
    QVERIFY(tabs.pnlChart()->crosshairText().contains(QStringLiteral("6 loops: ")));
}

void TestChartInteraction::pinnedPlansSurviveNewResultsAndAreCapped()
{
    PnlChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    const int own = chart.plot()->graphCount();
    chart.setPinned(twoPinned());
    const QVector<QPointF> before = graphPoints(chart.pinnedGraphs().at(1));
    // Redrawing the current plan keeps the pinned curves, and pinning keeps the current plan's.
    const PlanResult edited = expectedResult([] {
        Plan p = longDefaultPlan();
        p.deposit = 25;
        return p;
    }());
    chart.showResult(edited);
    QCOMPARE(chart.plot()->graphCount(), own + 2);
    QCOMPARE(graphPoints(chart.pinnedGraphs().at(1)), before);
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), edited.sweep));
    // Five pinned: four are drawn; none: back to the plan alone.
    PinnedPlots five;
    for (int i = 0; i < 5; ++i)
        five.push_back({QStringLiteral("plan %1").arg(i), QColor(Qt::darkMagenta), resultWithLoops(i + 1)});
    chart.setPinned(five);
    QCOMPARE(chart.plot()->graphCount(), own + ChartBase::kMaxPinned);
    QCOMPARE(chart.pinned().size(), size_t(ChartBase::kMaxPinned));
    chart.setPinned({});
    QCOMPARE(chart.plot()->graphCount(), own);
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), edited.sweep));
}

void TestChartInteraction::screenshots()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write the chart pictures");
    const QDir out(QString::fromLocal8Bit(dir));
    QVERIFY(QDir().mkpath(out.path()));
    const PinnedPlots pinned = twoPinned();
    for (const bool dark : {false, true}) {
        PnlChart chart;
        if (dark)
            chart.setPalette(darkPalette());
        chart.showResult(expectedResult(longDefaultPlan()));
        chart.setPinned(pinned);
        chart.resize(1100, 640);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.showCrosshairAt(5000.0);
        const QString name = dark ? QStringLiteral("pnl-chart-dark.png") : QStringLiteral("pnl-chart.png");
        QVERIFY(chart.grab().save(out.filePath(name)));
    }
}

QTEST_MAIN(TestChartInteraction)
#include "tst_chartinteraction.moc"
