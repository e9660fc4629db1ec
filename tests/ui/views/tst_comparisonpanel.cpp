// Compare plans in the real window (issue 3, point 5): pin, edit, pin again; the comparison table shows
// the pinned snapshots next to the live plan; rename and unpin. Also the plain-language reading above the
// charts. LP_SCREENSHOT_DIR=docs/screenshots writes compare.png.
#include "chartbase.h"
#include "charttabs.h"
#include "comparisonpanel.h"
#include "healthchart.h"
#include "loopschart.h"
#include "mainwindow.h"
#include "plancomparison.h"
#include "planreading.h"
#include "plansession.h"
#include "pnlchart.h"
#include "uitestutil.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QSlider>
#include <QTableView>
#include <QTabWidget>

#include <memory>

using namespace lp;
using namespace lp::uitest;

class TestComparisonPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init() { m_window = std::make_unique<MainWindow>(); }
    void cleanup() { m_window.reset(); }
    void readingFollowsTheForm();
    void pinTwoPlansAndCompare();
    void pinIsDisabledWhenFull();
    void renameAndUnpin();
    void copyIsTabSeparated();
    void screenshot();

private:
    void setLoops(int loops)
    {
        m_window->findChild<QSlider *>(QStringLiteral("strategy.loops.slider"))->setValue(loops);
        QCOMPARE(m_window->session()->plan().strategy.loops, loops);
    }
    [[nodiscard]] double cell(int column, PlanComparison::Figure figure) const
    {
        return m_window->comparisonPanel()
            ->comparison()
            ->index(figure, column)
            .data(PlanComparison::RawValueRole)
            .toDouble();
    }
    std::unique_ptr<MainWindow> m_window;
};

void TestComparisonPanel::readingFollowsTheForm()
{
    QLabel *reading = m_window->planReadingLabel();
    QCOMPARE(reading->text(), planReading(*m_window->session()->result()));
    QVERIFY(reading->text().contains(QStringLiteral("3 loops at 90 % of max LTV")));
    setLoops(5);
    QVERIFY2(reading->text().contains(QStringLiteral("5 loops at 90 % of max LTV")),
             qPrintable(reading->text()));
    QCOMPARE(reading->text(), planReading(expectedResult(m_window->session()->plan())));
}

void TestComparisonPanel::pinTwoPlansAndCompare()
{
    ComparisonPanel *panel = m_window->comparisonPanel();
    QCOMPARE(panel->comparison()->columnCount(), 1);
    const double threeLoops = m_window->session()->result()->position.leverage;
    panel->pinAction()->trigger();
    QCOMPARE(m_window->bottomTabs()->currentWidget(), static_cast<QWidget *>(panel));
    setLoops(6);
    const double sixLoops = m_window->session()->result()->position.leverage;
    panel->pinAction()->trigger();
    setLoops(1);
    QCOMPARE(panel->comparison()->columnCount(), 3);
    // Column 0 is live (1 loop); the pinned snapshots keep 3 and 6 loops.
    QCOMPARE(cell(0, PlanComparison::Leverage), m_window->session()->result()->position.leverage);
    QCOMPARE(cell(1, PlanComparison::Leverage), threeLoops);
    QCOMPARE(cell(2, PlanComparison::Leverage), sixLoops);
    QVERIFY(sixLoops > threeLoops);
    const PinnedPlots plots = panel->pinnedPlots();
    QCOMPARE(plots.size(), size_t(2));
    QCOMPARE(plots[0].color, ComparisonPanel::slotColor(0));
    QCOMPARE(plots[1].color, ComparisonPanel::slotColor(1));
    QCOMPARE(plots[1].result->plan.strategy.loops, 6);
    QVERIFY(plots[0].color != plots[1].color);

    // Every chart draws the two pinned plans as extra curves: the P&L chart each one's P&L against price,
    // the health chart its health factor, the loops chart its leverage.
    ChartTabs *charts = m_window->chartTabs();
    for (ChartBase *chart :
         std::initializer_list<ChartBase *>{charts->pnlChart(), charts->healthChart(), charts->loopsChart()})
        QCOMPARE(chart->pinnedGraphs().size(), size_t(2));
    QVERIFY(leveragedGraphMatches(charts->pnlChart()->pinnedGraphs().at(1), plots[1].result->sweep,
                                  axisScale(*plots[1].result)));
    QCOMPARE(charts->pnlChart()->pinnedGraphs().at(0)->name(),
             QStringLiteral("wstETH loop on Aave v3 Ethereum, 3 loops"));
    panel->unpin(0);
    QCOMPARE(charts->pnlChart()->pinnedGraphs().size(), size_t(1));
    QVERIFY(leveragedGraphMatches(charts->pnlChart()->pinnedGraphs().at(0), plots[1].result->sweep,
                                  axisScale(*plots[1].result)));
}

void TestComparisonPanel::pinIsDisabledWhenFull()
{
    ComparisonPanel *panel = m_window->comparisonPanel();
    for (int i = 0; i < PlanComparison::kMaxPinned; ++i) {
        QVERIFY(panel->pinAction()->isEnabled());
        setLoops(i + 1);
        panel->pinAction()->trigger();
    }
    QVERIFY(!panel->pinAction()->isEnabled());
    QCOMPARE(panel->pinCurrent(), -1);
    panel->unpinAllAction()->trigger();
    QVERIFY(panel->pinAction()->isEnabled());
    QVERIFY(!panel->unpinAllAction()->isEnabled());
}

void TestComparisonPanel::renameAndUnpin()
{
    ComparisonPanel *panel = m_window->comparisonPanel();
    QCOMPARE(panel->pinCurrent(), 0);
    setLoops(2);
    QCOMPARE(panel->pinCurrent(QStringLiteral("two")), 1);
    QVERIFY(panel->renamePinned(0, QStringLiteral("three")));
    QCOMPARE(panel->comparison()->headerData(1, Qt::Horizontal).toString(), QStringLiteral("three"));
    QCOMPARE(panel->pinnedPlots().at(0).name, QStringLiteral("three"));
    // Selecting a pinned column enables Unpin for it.
    panel->table()->setCurrentIndex(panel->table()->model()->index(0, 2));
    QCOMPARE(panel->selectedPinned(), 1);
    panel->unpin(panel->selectedPinned());
    QCOMPARE(panel->pinnedPlots().size(), size_t(1));
    QCOMPARE(panel->pinnedPlots().at(0).name, QStringLiteral("three"));
    // The swatch in the column title is the pinned plan's colour.
    const QIcon icon =
        panel->table()->model()->headerData(1, Qt::Horizontal, Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    QCOMPARE(icon.pixmap(12, 12).toImage().pixelColor(6, 6), ComparisonPanel::slotColor(0));
}

void TestComparisonPanel::copyIsTabSeparated()
{
    ComparisonPanel *panel = m_window->comparisonPanel();
    panel->pinCurrent(QStringLiteral("pinned"));
    const QStringList lines = panel->copyText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + int(PlanComparison::FigureCount));
    QCOMPARE(lines.first(), QStringLiteral("Figure\tCurrent plan\tpinned"));
    const QStringList leverage = lines.at(1 + PlanComparison::Leverage).split(QLatin1Char('\t'));
    QCOMPARE(leverage.first(), QStringLiteral("Leverage"));
    QCOMPARE(leverage.at(1).toDouble(), m_window->session()->result()->position.leverage);
}

void TestComparisonPanel::screenshot()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write compare.png");
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    ComparisonPanel *panel = m_window->comparisonPanel();
    setLoops(1);
    panel->pinCurrent(QStringLiteral("1 loop, careful"));
    setLoops(6);
    panel->pinCurrent(QStringLiteral("6 loops, aggressive"));
    setLoops(3);
    m_window->bottomTabs()->setCurrentWidget(panel);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::qWait(50);
    QVERIFY(m_window->grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("compare.png"))));
}

QTEST_MAIN(TestComparisonPanel)
#include "tst_comparisonpanel.moc"
