// The chart tabs: the health and loop-count charts draw the model's series as they are, and every chart
// exports to PNG and PDF at the chosen size (ui/charts/chartexport.h). LP_SCREENSHOT_DIR=docs/screenshots
// writes the pictures of the README.
#include "chartexport.h"
#include "charttabs.h"
#include "healthchart.h"
#include "healthseries.h"
#include "loopcountseries.h"
#include "loopschart.h"
#include "uitestutil.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cmath>

using namespace lp;
using namespace lp::uitest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Compares a graph's points with the expected (x, y) pairs; NaN stands for a gap and must stay one.
bool sameData(const QCPGraph *graph, const QVector<double> &xs, const QVector<double> &ys)
{
    const auto data = graph->data();
    if (data->size() != xs.size())
        return false;
    int i = 0;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it, ++i) {
        const bool bothNan = std::isnan(it->value) && std::isnan(ys[i]);
        if (it->key != xs[i] || (!bothNan && it->value != ys[i]))
            return false;
    }
    return true;
}

double finiteOrNan(double v)
{
    return std::isfinite(v) ? v : qQNaN();
}

} // namespace

class TestChartTabs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void healthChartIsTheHealthSeries();
    void loopsChartIsTheLoopSeries();
    void loopsChartWithFlashLoanHasNoCurrentPoint();
    void chartNames();
    void exportPngAtSize();
    void exportPdf();
    void exportFailsWithoutTouchingTheTarget();
    void parseSize_data();
    void parseSize();
    void screenshots();
};

void TestChartTabs::healthChartIsTheHealthSeries()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    HealthChart chart;
    chart.showResult(result);
    QVector<double> xs, hf, liq;
    for (const HealthPoint &p : healthSeries(result)) {
        xs << p.priceUsd;
        hf << finiteOrNan(p.healthFactor);
        liq << p.liquidationPriceUsd;
    }
    QCOMPARE(xs.size(), 2001);
    QVERIFY(sameData(chart.healthGraph(), xs, hf));
    QVERIFY(sameData(chart.liquidationGraph(), xs, liq));
    QVERIFY(chart.title().contains(QStringLiteral("wstETH")));
    // HF = 1 must be in view: that is where liquidations start.
    QVERIFY(chart.plot()->yAxis->range().contains(1.0));
}

void TestChartTabs::loopsChartIsTheLoopSeries()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    LoopsChart chart;
    chart.showResult(result);
    const Expected<LoopCountSeries> series = loopCountSeries(result, LoopsChart::kMaxLoops);
    QVERIFY(series);
    QVector<double> xs, lev, hf;
    for (const LoopCountPoint &p : series->points) {
        xs << p.loops;
        lev << p.leverage;
        hf << finiteOrNan(p.healthFactor);
    }
    QCOMPARE(xs.size(), 21);
    QVERIFY(sameData(chart.leverageGraph(), xs, lev));
    QVERIFY(sameData(chart.healthGraph(), xs, hf));
    QCOMPARE(chart.leverageCapShown(), series->leverageCap);
    // The plan's own count is highlighted: one point at (loops, leverage) of the opened position.
    QVERIFY(chart.currentLeverageGraph()->visible());
    QCOMPARE(chart.currentLeverageGraph()->data()->size(), 1);
    QCOMPARE(chart.currentLeverageGraph()->data()->constBegin()->key, double(result.opened.loops));
    QCOMPARE(chart.currentLeverageGraph()->data()->constBegin()->value, result.opened.steps.back().leverage);
}

void TestChartTabs::loopsChartWithFlashLoanHasNoCurrentPoint()
{
    Plan plan = longDefaultPlan();
    plan.execution = Execution::FlashLoan;
    LoopsChart chart;
    chart.showResult(expectedResult(plan));
    QVERIFY(!chart.currentLeverageGraph()->visible());
    QVERIFY(chart.title().contains(QStringLiteral("flash loan")));
}

void TestChartTabs::chartNames()
{
    // Every page with a chart, by the name `render --chart` takes; Close has tables only.
    QCOMPARE(ChartTabs::chartNames(),
             (QStringList{QStringLiteral("pnl"), QStringLiteral("health"), QStringLiteral("loops"),
                          QStringLiteral("time"), QStringLiteral("risk"), QStringLiteral("carry")}));
    ChartTabs::Page c{};
    QVERIFY(ChartTabs::chartFromName(QStringLiteral("loops"), &c));
    QCOMPARE(c, ChartTabs::Page::Loops);
    QVERIFY(ChartTabs::chartFromName(QStringLiteral("time"), &c));
    QCOMPARE(c, ChartTabs::Page::Time);
    QVERIFY(ChartTabs::chartFromName(QStringLiteral("risk"), &c));
    QCOMPARE(c, ChartTabs::Page::Risk);
    QVERIFY(ChartTabs::chartFromName(QStringLiteral("carry"), &c));
    QCOMPARE(c, ChartTabs::Page::Carry);
    QVERIFY(!ChartTabs::chartFromName(QStringLiteral("close"), &c));
    ChartTabs tabs;
    QCOMPARE(tabs.count(), 7);
    tabs.setCurrentIndex(1);
    QCOMPARE(tabs.currentPage(), ChartTabs::Page::Health);
    tabs.setCurrentIndex(5);
    QCOMPARE(tabs.currentPage(), ChartTabs::Page::Risk);
    tabs.setCurrentIndex(6);
    QCOMPARE(tabs.currentPage(), ChartTabs::Page::Carry);
}

void TestChartTabs::exportPngAtSize()
{
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    QTemporaryDir dir;
    for (const ChartTabs::Page chart :
         {ChartTabs::Page::Pnl, ChartTabs::Page::Health, ChartTabs::Page::Loops}) {
        const QString path = dir.filePath(QStringLiteral("chart%1.png").arg(int(chart)));
        QString error;
        QVERIFY2(chartexport::writeChart(tabs.plot(chart), path, QSize(640, 480), &error), qPrintable(error));
        QVERIFY(readAll(path).startsWith("\x89PNG\r\n\x1a\n"));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(640, 480));
        // Not blank: a good share of the pixels are not the background's.
        int drawn = 0;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                drawn += image.pixel(x, y) != image.pixel(0, 0) ? 1 : 0;
        QVERIFY2(drawn > 400, qPrintable(QString::number(drawn)));
    }
}

void TestChartTabs::exportPdf()
{
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loops.pdf"));
    QString error;
    QVERIFY2(chartexport::writeChart(tabs.plot(ChartTabs::Page::Loops), path, QSize(800, 600), &error),
             qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    // One page of exactly 800 x 600 points.
    static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 800(\\.0+)? 600(\\.0+)?\\]"));
    QVERIFY(box.match(QString::fromLatin1(pdf)).hasMatch());
}

void TestChartTabs::exportFailsWithoutTouchingTheTarget()
{
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    QString error;
    QVERIFY(!chartexport::writeChart(tabs.plot(ChartTabs::Page::Pnl),
                                     QStringLiteral("/nonexistent-dir/c.png"), QSize(300, 200), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/c.png")), qPrintable(error));
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("chart.txt"));
    QVERIFY(!chartexport::writeChart(tabs.plot(ChartTabs::Page::Pnl), text, QSize(300, 200), &error));
    QVERIFY(error.contains(QStringLiteral(".png or .pdf")));
    QVERIFY(!QFile::exists(text));
}

void TestChartTabs::parseSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QSize>("size"); // invalid when the text must be refused
    QTest::newRow("plain") << "1200x800" << QSize(1200, 800);
    QTest::newRow("capital X") << "640X480" << QSize(640, 480);
    QTest::newRow("smallest") << "100x100" << QSize(100, 100);
    QTest::newRow("largest") << "10000x10000" << QSize(10000, 10000);
    QTest::newRow("too small") << "99x100" << QSize();
    QTest::newRow("too large") << "10001x100" << QSize();
    QTest::newRow("negative") << "-100x100" << QSize();
    QTest::newRow("no height") << "1200" << QSize();
    QTest::newRow("words") << "big" << QSize();
    QTest::newRow("spaces") << "1200 x 800" << QSize();
    QTest::newRow("fraction") << "1200.5x800" << QSize();
    QTest::newRow("overflow") << "99999999999x1" << QSize();
}

void TestChartTabs::parseSize()
{
    QFETCH(QString, text);
    QFETCH(QSize, size);
    QSize parsed;
    QCOMPARE(chartexport::parseSize(text, &parsed), size.isValid());
    if (size.isValid())
        QCOMPARE(parsed, size);
}

void TestChartTabs::screenshots()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write the chart pictures");
    ChartTabs tabs;
    tabs.showResult(expectedResult(longDefaultPlan()));
    const QDir out(QString::fromLocal8Bit(dir));
    QVERIFY(QDir().mkpath(out.path()));
    QString error;
    QVERIFY(chartexport::writeChart(tabs.plot(ChartTabs::Page::Health),
                                    out.filePath(QStringLiteral("health-chart.png")), QSize(1000, 600),
                                    &error));
    QVERIFY(chartexport::writeChart(tabs.plot(ChartTabs::Page::Loops),
                                    out.filePath(QStringLiteral("loops-chart.png")), QSize(1000, 700),
                                    &error));
}

QTEST_MAIN(TestChartTabs)
#include "tst_charttabs.moc"
