// Compare mode off the GUI thread in the real window: the comparison's protection figures (each column's
// rules on the Monte Carlo paths) are simulated on a worker thread while the Compare tab is shown; the
// cells and a line beside the buttons say "computing" until they arrive; typing quickly yields one result,
// for the plan as it is at the end; a comparison closed while a simulation runs is not updated, and a
// window closed meanwhile does not crash. LP_SCREENSHOT_DIR=<dir> writes compare-computing.png and
// compare-computed.png (the same window once the figures are in).
#include "comparisoncompute.h"
#include "comparisonpanel.h"
#include "mainwindow.h"
#include "plancomparison.h"
#include "plansession.h"
#include "uitestutil.h"

#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>

#include <memory>

using namespace lp;

namespace {

constexpr int kWaitMs = 60000; // a simulation takes well under a second; CI's cores are shared

// The README's example plan over 180 days with an auto-repay at HF 1.3 back to 1.6.
Plan planWithRules(int loops)
{
    Plan p = test::fixturePlan();
    p.horizonDays = 180;
    p.strategy.loops = loops;
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    repay.targetHealthFactor = 1.6;
    p.protection = {repay};
    return p;
}

} // namespace

class TestComparisonCompute : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup() { m_window.reset(); }
    void figuresArriveFromAWorkerThread();
    void typingQuicklyYieldsOneResult();
    void pinnedPlansAreSimulatedToo();
    void closingWhileComputingNeitherCrashesNorUpdates();
    void screenshot();

private:
    [[nodiscard]] ComparisonPanel *panel() const { return m_window->comparisonPanel(); }
    [[nodiscard]] ComparisonCompute *compute() const { return panel()->compute(); }
    [[nodiscard]] QModelIndex cell(int column) const
    {
        return panel()->comparison()->index(PlanComparison::LiquidationWithRules, column);
    }
    void showCompare()
    {
        m_window->bottomTabs()->setCurrentWidget(panel());
        QVERIFY(panel()->isVisible());
    }
    void waitUntilIdle() { QTRY_VERIFY_WITH_TIMEOUT(!compute()->isComputing(), kWaitMs); }
    std::unique_ptr<MainWindow> m_window;
};

void TestComparisonCompute::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestComparisonCompute::figuresArriveFromAWorkerThread()
{
    showCompare();
    waitUntilIdle();
    m_window->session()->setPlan(planWithRules(3));
    // The plan is on screen before its simulation: the GUI thread did not run it.
    QVERIFY(panel()->comparison()->current() == m_window->session()->result());
    QVERIFY(compute()->isRunning());
    QVERIFY(compute()->isComputing());
    QVERIFY(panel()->computingLabel()->isVisible());
    QCOMPARE(cell(0).data().toString(), QStringLiteral("computing…"));
    QVERIFY(!cell(0).data(PlanComparison::RawValueRole).isValid());
    QSignalSpy arrived(compute(), &ComparisonCompute::figuresArrived);
    waitUntilIdle();
    QCOMPARE(arrived.count(), 1);
    QVERIFY(!panel()->computingLabel()->isVisible());
    // The figures are the plan's own simulation (20,000 paths, seed 1: the same draws on any thread).
    const auto expected = PlanComparison::simulateProtectionFigures(*m_window->session()->result());
    QVERIFY(expected);
    QCOMPARE(cell(0).data(PlanComparison::RawValueRole).toDouble(), expected->with);
    QVERIFY(cell(0).data().toString().contains(QStringLiteral("without")));
}

void TestComparisonCompute::typingQuicklyYieldsOneResult()
{
    showCompare();
    m_window->session()->setPlan(planWithRules(3));
    waitUntilIdle();
    const int applied = compute()->applied();
    const int dropped = compute()->dropped();
    QSignalSpy arrived(compute(), &ComparisonCompute::figuresArrived);
    // Four edits on the loops slider without the event loop in between, as fast keys would come: the
    // first starts a simulation, the others only mark the comparison as changed.
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("strategy.loops.slider"));
    QVERIFY(slider);
    for (const int loops : {1, 5, 2, 4}) {
        slider->setValue(loops);
        QCOMPARE(m_window->session()->plan().strategy.loops, loops);
    }
    QVERIFY(compute()->isRunning());
    waitUntilIdle();
    // One result reached the table, the last plan's; the first one's, stale when it ended, was dropped.
    QCOMPARE(arrived.count(), 1);
    QCOMPARE(compute()->applied(), applied + 1);
    QCOMPARE(compute()->dropped(), dropped + 1);
    const auto expected = PlanComparison::simulateProtectionFigures(*m_window->session()->result());
    QVERIFY(expected);
    QCOMPARE(cell(0).data(PlanComparison::RawValueRole).toDouble(), expected->with);
    QCOMPARE(panel()
                 ->comparison()
                 ->index(PlanComparison::RuleCosts, 0)
                 .data(PlanComparison::RawValueRole)
                 .toDouble(),
             expected->feesUsd);
}

void TestComparisonCompute::pinnedPlansAreSimulatedToo()
{
    showCompare();
    m_window->session()->setPlan(planWithRules(2));
    QCOMPARE(panel()->pinCurrent(QStringLiteral("two loops")), 0);
    m_window->session()->setPlan(planWithRules(4));
    waitUntilIdle();
    const PlanComparison *comparison = panel()->comparison();
    for (int column : {0, 1}) {
        const PlanResult &r = column == 0 ? *comparison->current() : *comparison->pinned().at(0).result;
        const auto expected = PlanComparison::simulateProtectionFigures(r);
        QVERIFY(expected);
        QCOMPARE(cell(column).data(PlanComparison::RawValueRole).toDouble(), expected->with);
    }
}

void TestComparisonCompute::closingWhileComputingNeitherCrashesNorUpdates()
{
    showCompare();
    waitUntilIdle();
    m_window->session()->setPlan(planWithRules(3));
    QVERIFY(compute()->isRunning());
    // Compare closed (another bottom tab) while the simulation runs: when it ends, nothing reaches the
    // table.
    QSignalSpy changed(panel()->comparison(), &QAbstractItemModel::dataChanged);
    QSignalSpy arrived(compute(), &ComparisonCompute::figuresArrived);
    m_window->bottomTabs()->setCurrentIndex(0);
    QVERIFY(!panel()->isVisible());
    QVERIFY(!compute()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(!compute()->isRunning(), kWaitMs);
    QCoreApplication::processEvents();
    QCOMPARE(arrived.count(), 0);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!compute()->isComputing());
    QCOMPARE(cell(0).data().toString(), QStringLiteral("computing…"));
    // Shown again, it simulates the plan on screen.
    showCompare();
    QVERIFY(compute()->isRunning());
    waitUntilIdle();
    QCOMPARE(arrived.count(), 1);
    QVERIFY(cell(0).data(PlanComparison::RawValueRole).isValid());
    // The window closed while a simulation runs: it waits for it, and nothing crashes.
    m_window->session()->setPlan(planWithRules(5));
    QVERIFY(compute()->isRunning());
    m_window.reset();
    QCoreApplication::processEvents();
}

void TestComparisonCompute::screenshot()
{
    const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
    QTemporaryDir tmp;
    const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
    QVERIFY(QDir().mkpath(dir.path()));
    showCompare();
    m_window->session()->setPlan(planWithRules(1));
    panel()->pinCurrent(QStringLiteral("1 loop, auto-repay"));
    waitUntilIdle();
    m_window->session()->setPlan(planWithRules(5));
    QVERIFY(panel()->computingLabel()->isVisible());
    const QString path = dir.filePath(QStringLiteral("compare-computing.png"));
    QVERIFY(m_window->grab().save(path));
    waitUntilIdle();
    QVERIFY(m_window->grab().save(dir.filePath(QStringLiteral("compare-computed.png"))));
}

QTEST_MAIN(TestComparisonCompute)
#include "tst_comparisoncompute.moc"
