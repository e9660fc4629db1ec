// The Time, Close and Risk tabs inside the real window: an edit in the plan form reaches the tab on
// screen at once and the hidden ones when they are shown. LP_SCREENSHOT_DIR=docs/screenshots writes
// time.png, close.png and risk.png.
#include "charttabs.h"
#include "closeview.h"
#include "liquidationprobability.h"
#include "mainwindow.h"
#include "numberspinbox.h"
#include "outlooktabs.h"
#include "plansession.h"
#include "pnlchart.h"
#include "riskview.h"
#include "timeview.h"
#include "uitestutil.h"

#include <QDir>
#include <QSlider>
#include <QTableWidget>

#include <memory>

using namespace lp;
using namespace lp::uitest;

class TestOutlookTabs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init() { m_window = std::make_unique<MainWindow>(); }
    void cleanup() { m_window.reset(); }
    void tabsNextToThePnlChart();
    void hiddenTabsCatchUpWhenShown();
    void formEditReachesEachView();
    void screenshots();

private:
    QDoubleSpinBox *priceEditor() const
    {
        return m_window->findChild<QDoubleSpinBox *>(QStringLiteral("collateral.priceUsd"));
    }
    std::unique_ptr<MainWindow> m_window;
};

void TestOutlookTabs::tabsNextToThePnlChart()
{
    OutlookTabs *tabs = m_window->outlookTabs();
    QCOMPARE(tabs->count(), 4);
    QCOMPARE(tabs->widget(0), static_cast<QWidget *>(m_window->chartTabs()));
    QCOMPARE(tabs->tabText(1), QStringLiteral("Time"));
    QCOMPARE(tabs->tabText(2), QStringLiteral("Close"));
    QCOMPARE(tabs->tabText(3), QStringLiteral("Risk"));
    QCOMPARE(tabs->currentIndex(), 0); // the P&L chart first, as before
}

void TestOutlookTabs::hiddenTabsCatchUpWhenShown()
{
    OutlookTabs *tabs = m_window->outlookTabs();
    // Nothing computed for tabs nobody looked at.
    QVERIFY(tabs->isStale(1) && tabs->isStale(2) && tabs->isStale(3));
    QVERIFY(tabs->timeView()->timeline().points.empty());
    tabs->setCurrentIndex(3);
    QVERIFY(!tabs->isStale(3));
    QVERIFY(tabs->riskView()->monteCarlo().has_value());
    QVERIFY(tabs->isStale(1));
    tabs->setCurrentIndex(1);
    QCOMPARE(tabs->timeView()->timeline().points.size(), size_t(366));
}

void TestOutlookTabs::formEditReachesEachView()
{
    OutlookTabs *tabs = m_window->outlookTabs();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    tabs->setCurrentIndex(1);
    QCOMPARE(tabs->timeView()->spotGraph()->data()->at(0)->value, 3500.0);
    typeInto(priceEditor(), QStringLiteral("4000"));
    QCOMPARE(m_window->session()->plan().collateral.priceUsd, 4000.0);
    QCOMPARE(tabs->timeView()->spotGraph()->data()->at(0)->value, 4000.0);
    const PlanResult expected = expectedResult(m_window->session()->plan());
    QCOMPARE(tabs->timeView()->timeline().points.back().equityUsd,
             computeTimeline(expected.plan, expected.opened).points.back().equityUsd);

    // The Close tab was hidden during the edit: it catches up, and its exit price follows the plan.
    QVERIFY(tabs->isStale(2));
    tabs->setCurrentIndex(2);
    QCOMPARE(tabs->closeView()->exitPriceInput()->value(), 4000.0);
    QCOMPARE(tabs->closeView()->close(CloseView::SellToRepay)->exitPriceUsd, 4000.0);

    tabs->setCurrentIndex(3);
    QCOMPARE(tabs->riskView()->stress().front().before.priceAUsd, 4000.0);
    const double before = tabs->riskView()->closedFormProbability();
    // Opening at another price keeps the same health factor, so the risk figures need another input:
    // more loops, a liquidation price closer to today's, more risk.
    m_window->findChild<QSlider *>(QStringLiteral("strategy.loops.slider"))->setValue(6);
    QCOMPARE(m_window->session()->plan().strategy.loops, 6);
    QVERIFY(tabs->riskView()->closedFormProbability() > before);
    const PlanResult six = expectedResult(m_window->session()->plan());
    QCOMPARE(tabs->riskView()->closedFormProbability(), liquidationProbability(six.plan, six.opened));
}

void TestOutlookTabs::screenshots()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write time.png, close.png and risk.png");
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    m_window->resize(1400, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const char *names[] = {"time.png", "close.png", "risk.png"};
    for (int tab = 1; tab <= 3; ++tab) {
        m_window->outlookTabs()->setCurrentIndex(tab);
        QTest::qWait(50);
        const QPixmap pixmap = m_window->grab();
        QVERIFY(pixmap.save(QDir(QString::fromLocal8Bit(dir)).filePath(QLatin1String(names[tab - 1]))));
    }
}

QTEST_MAIN(TestOutlookTabs)
#include "tst_outlooktabs.moc"
