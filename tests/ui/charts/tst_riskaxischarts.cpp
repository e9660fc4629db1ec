// The charts follow the plan's risk asset: a short's P&L and health run against the debt asset's price, a
// correlated pair's against the A/B ratio; the Carry chart draws lp::planCarry. With LP_SCREENSHOT_DIR set
// it also writes short.png, ratio.png and carry.png of the window.
#include "carrychart.h"
#include "charttabs.h"
#include "displayformat.h"
#include "healthchart.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plansession.h"
#include "pnlchart.h"
#include "uitestutil.h"

#include <QDir>

#include <cmath>

using namespace lp;
using namespace lp::uitest;

namespace {

// 10,000 USDC against WETH at $3,000, 3 loops at the full LTV 0.75, lt 0.80: WETH's liquidation price
// C PA lt / D = 3,783.78 (tests/model/position/tst_riskasset.cpp).
Plan shortPlan()
{
    Plan p;
    p.name = QStringLiteral("USDC collateral, short WETH");
    p.collateral = {QStringLiteral("USDC"), 1.0, 0.75, 0.80, 0.05, 0.05, 0.0};
    p.borrow = {QStringLiteral("WETH"), 3000.0, 0.02, PriceModel::Fixed};
    p.deposit = 10000.0;
    p.strategy.loops = 3;
    p.strategy.ltvFraction = 1.0;
    p.costs = {5.0, 10.0, 0.0, 0.5};
    return p;
}

Plan ratioPlan()
{
    Plan p = defaultPlan();
    p.name = QStringLiteral("wstETH against WETH, moving together");
    p.borrow.priceModel = PriceModel::TracksCollateral;
    return p;
}

} // namespace

class TestRiskAxisCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void shortRunsAgainstTheDebtAsset();
    void ratioRunsAgainstTheRatio();
    void healthChartFollowsTheAxis();
    void carryChartIsPlanCarry();
    void shortChartLabelsDoNotOverlap();
    void screenshots();
};

void TestRiskAxisCharts::shortRunsAgainstTheDebtAsset()
{
    const PlanResult result = expectedResult(shortPlan());
    PnlChart chart;
    chart.showResult(result);
    QVERIFY(chart.plot()->xAxis->label().startsWith(QStringLiteral("WETH price")));
    QVERIFY(chart.title().contains(QStringLiteral("WETH")));
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::Spot), 3000.0);
    // C PA lt / D of the opened position (with this plan's swap costs a little below the cost-free 3,783.78).
    const double liquidation = result.opened.collateral * 1.0 * 0.8 / result.opened.debt;
    LP_COMPARE_REL(chart.markerPriceUsd(PnlChart::Marker::Liquidation), liquidation, 1e-9);
    QVERIFY(liquidation > 3700.0 && liquidation < 3783.79);
    QCOMPARE(chart.markerLabel(PnlChart::Marker::Liquidation),
             QStringLiteral("Liquidation ") + display::usd(liquidation, 0));
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), result.sweep));
    // The curve falls as WETH rises.
    const QVector<QPointF> pts = graphPoints(chart.leveragedGraph());
    QVERIFY(pts.front().x() < pts.back().x() && pts.front().y() > pts.back().y());
}

void TestRiskAxisCharts::ratioRunsAgainstTheRatio()
{
    const PlanResult result = expectedResult(ratioPlan());
    PnlChart chart;
    chart.showResult(result);
    QVERIFY(chart.plot()->xAxis->label().startsWith(QStringLiteral("wstETH/WETH ratio")));
    LP_COMPARE_REL(chart.markerPriceUsd(PnlChart::Marker::Spot), 3500.0 / 3000.0, 1e-12);
    LP_COMPARE_REL(chart.markerPriceUsd(PnlChart::Marker::Liquidation), result.position.liquidationRatio,
                   1e-12);
    const QVector<QPointF> pts = graphPoints(chart.leveragedGraph());
    LP_COMPARE_REL(pts.back().x(), result.sweep.points.back().priceUsd / 3000.0, 1e-12);
}

void TestRiskAxisCharts::healthChartFollowsTheAxis()
{
    HealthChart shortChart;
    shortChart.showResult(expectedResult(shortPlan()));
    QVERIFY(shortChart.plot()->xAxis->label().startsWith(QStringLiteral("WETH price")));
    QVERIFY(shortChart.plot()->yAxis2->label().contains(QStringLiteral("of WETH")));
    HealthChart ratioChart;
    ratioChart.showResult(expectedResult(ratioPlan()));
    QVERIFY(ratioChart.plot()->xAxis->label().startsWith(QStringLiteral("wstETH/WETH ratio")));
}

void TestRiskAxisCharts::carryChartIsPlanCarry()
{
    const PlanResult result = expectedResult(defaultPlan());
    CarryChart chart;
    chart.setMarkets(&MarketRegistry::builtIn());
    chart.showResult(result);
    const CarryResult expected = planCarry(result, MarketRegistry::builtIn());
    const QVector<QPointF> pts = graphPoints(chart.netApyGraph());
    QCOMPARE(pts.size(), static_cast<qsizetype>(expected.byLeverage.size()));
    for (qsizetype i = 0; i < pts.size(); ++i) {
        QCOMPARE(pts[i].x(), expected.byLeverage[static_cast<size_t>(i)].leverage);
        QCOMPARE(pts[i].y(), expected.byLeverage[static_cast<size_t>(i)].netApy);
    }
    const QVector<QPointF> plan = graphPoints(chart.planGraph());
    QCOMPARE(plan.size(), 1);
    LP_COMPARE_REL(plan.front().x(), result.position.leverage, 1e-12);
    LP_COMPARE_REL(plan.front().y(), result.position.netApy, 1e-9);
    QVERIFY(chart.title().contains(QStringLiteral("break-even borrow APY")));
}

void TestRiskAxisCharts::shortChartLabelsDoNotOverlap()
{
    // The short's spot ($3,000), break-even and liquidation ($3,782) markers stand close together: their
    // labels stack in rows instead of covering each other or the legend, and the legend sits where the
    // curve is not (top right: a short's P&L falls to the right).
    for (const QSize size : {QSize(620, 440), QSize(900, 500), QSize(480, 360)}) {
        PnlChart chart;
        chart.resize(size);
        chart.showResult(expectedResult(shortPlan()));
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.plot()->replot();
        std::vector<QRectF> labels;
        for (int i = 0; i < chart.plot()->itemCount(); ++i) {
            const auto *text = qobject_cast<QCPItemText *>(chart.plot()->item(i));
            if (text && text->visible() && !text->text().isEmpty())
                labels.emplace_back(
                    QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()).normalized());
        }
        QVERIFY(labels.size() >= 4); // spot, break-even, liquidation, zero equity
        for (size_t i = 0; i < labels.size(); ++i)
            for (size_t j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].intersects(labels[j]),
                         qPrintable(QStringLiteral("labels %1 and %2 at %3x%4")
                                        .arg(i)
                                        .arg(j)
                                        .arg(size.width())
                                        .arg(size.height())));
        const QRect legend = chart.plot()->legend->outerRect();
        for (const QRectF &label : labels)
            QVERIFY2(!label.intersects(QRectF(legend)), "a label under the legend");
        const QCPGraph *curve = chart.leveragedGraph();
        for (const QPointF &p : graphPoints(curve)) {
            const QPointF pixel(chart.plot()->xAxis->coordToPixel(p.x()),
                                chart.plot()->yAxis->coordToPixel(p.y()));
            QVERIFY2(!legend.contains(pixel.toPoint()),
                     qPrintable(QStringLiteral("curve at %1, %2 under the legend").arg(p.x()).arg(p.y())));
        }
    }
}

void TestRiskAxisCharts::screenshots()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write short.png, ratio.png and carry.png");
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto shoot = [&](const Plan &plan, ChartTabs::Page page, const char *name) {
        window.session()->setPlan(plan);
        window.chartTabs()->showPage(page);
        QTest::qWait(80);
        return window.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QLatin1String(name)));
    };
    QVERIFY(shoot(shortPlan(), ChartTabs::Page::Pnl, "short.png"));
    QVERIFY(shoot(ratioPlan(), ChartTabs::Page::Pnl, "ratio.png"));
    Plan carry = defaultPlan();
    carry.borrow.priceModel = PriceModel::TracksCollateral;
    QVERIFY(shoot(carry, ChartTabs::Page::Carry, "carry.png"));
}

QTEST_MAIN(TestRiskAxisCharts)
#include "tst_riskaxischarts.moc"
