// File > Export Chart writes what is on screen: the chart of the current tab, whichever of the six it is.
// (It used to write the P&L chart from the Time and Risk tabs.) LP_SCREENSHOT_DIR=DIR writes the exports.
#include "charttabs.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "uitestutil.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QTemporaryDir>

#include <memory>

using namespace lp;
using namespace lp::uitest;

namespace {

QImage rgb(const QImage &image)
{
    return image.convertToFormat(QImage::Format_RGB32);
}

QImage plotImage(QCustomPlot *plot, QSize size)
{
    return rgb(plot->toPixmap(size.width(), size.height(), 1.0).toImage());
}

} // namespace

class TestExportChart : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->setErrorReporter([this](const QString &, const QString &text) { m_errors << text; });
        m_errors.clear();
    }
    void cleanup() { m_window.reset(); }
    void riskTabExportsTheRiskChart();
    void timeTabExportsItsFourPlots();
    void closeTabHasNoChartToExport();

private:
    QString exportCurrent(const QString &name, QSize size)
    {
        const QString path = m_dir.filePath(name);
        if (!m_window->fileActions()->exportChart(path, size))
            return {};
        const QByteArray shots = qgetenv("LP_SCREENSHOT_DIR");
        if (!shots.isEmpty() && QDir().mkpath(QString::fromLocal8Bit(shots)))
            QImage(path).save(QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("export-") + name));
        return path;
    }
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
    QStringList m_errors;
};

void TestExportChart::riskTabExportsTheRiskChart()
{
    const QSize size(600, 400);
    ChartTabs *tabs = m_window->chartTabs();
    tabs->setCurrentIndex(5);
    QCOMPARE(tabs->tabText(5), QStringLiteral("Risk"));
    auto *risk = m_window->findChild<QCustomPlot *>(QStringLiteral("risk.heatmapPlot"));
    auto *pnl = m_window->findChild<QCustomPlot *>(QStringLiteral("pnlPlot"));
    QVERIFY(risk);
    const QString path = exportCurrent(QStringLiteral("risk.png"), size);
    QVERIFY2(!path.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    const QImage exported = rgb(QImage(path));
    QCOMPARE(exported.size(), size);
    QVERIFY2(exported == plotImage(risk, size), "Export Chart on the Risk tab writes the risk heatmap");
    if (pnl)
        QVERIFY(exported != plotImage(pnl, size));
}

void TestExportChart::timeTabExportsItsFourPlots()
{
    const QSize size(800, 600);
    ChartTabs *tabs = m_window->chartTabs();
    tabs->showPage(ChartTabs::Page::Time);
    const QString path = exportCurrent(QStringLiteral("time.png"), size);
    QVERIFY2(!path.isEmpty(), qPrintable(m_errors.join(QLatin1Char('\n'))));
    const QImage exported = rgb(QImage(path));
    QCOMPARE(exported.size(), size);
    const std::vector<QCustomPlot *> plots = tabs->plots(ChartTabs::Page::Time);
    QCOMPARE(plots.size(), size_t(4));
    QCOMPARE(exported.copy(0, 0, 400, 300), plotImage(plots[0], QSize(400, 300)));
    QCOMPARE(exported.copy(400, 300, 400, 300), plotImage(plots[3], QSize(400, 300)));
    // P&L again: back to the one chart.
    tabs->showPage(ChartTabs::Page::Pnl);
    QCOMPARE(rgb(QImage(exportCurrent(QStringLiteral("pnl.png"), size))),
             plotImage(tabs->plot(ChartTabs::Page::Pnl), size));
}

void TestExportChart::closeTabHasNoChartToExport()
{
    ChartTabs *tabs = m_window->chartTabs();
    QAction *action = m_window->fileActions()->exportChartAction();
    QVERIFY(action->isEnabled());
    tabs->showPage(ChartTabs::Page::Close);
    QVERIFY(!action->isEnabled());
    // Called anyway: an error, and no file.
    QVERIFY(exportCurrent(QStringLiteral("close.png"), QSize(400, 300)).isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("close.png"))));
    QCOMPARE(m_errors.size(), 1);
    tabs->showPage(ChartTabs::Page::Risk);
    QVERIFY(action->isEnabled());
}

QTEST_MAIN(TestExportChart)
#include "tst_exportchart.moc"
