// What the window keeps between runs (ui/windowsettings.h), through two real MainWindows: the first is
// closed, the second restores. Settings live in a test-only location, cleared before every case.
#include "charttabs.h"
#include "comparisonpanel.h"
#include "fileactions.h"
#include "healthchart.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plancomparison.h"
#include "plandocument.h"
#include "planform.h"
#include "planjson.h"
#include "plansession.h"
#include "settingskeys.h"
#include "uitestutil.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>

using namespace lp;
using namespace lp::uitest;

class TestWindowSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void firstStartKeepsTheDefaults();
    void safetyHealthFactorIsKept();
    void geometryAndSplittersRoundTrip();
    void untitledPlanComesBack();
    void invalidUntitledPlanComesBackAsItsLastValidVersion();
    void lastFileIsReopened();
    void missingLastFileIsSkipped();
    void commandLineFileWins();
    void pinnedPlansComeBack();
    void damagedPinnedPlansAreSkipped();

private:
    // A window whose prompts answer `choice` and whose error reports fail the test.
    static std::unique_ptr<MainWindow>
    makeWindow(FileActions::SaveChoice choice = FileActions::SaveChoice::Discard);
    static void closeWindow(MainWindow *window);
    static QSplitter *splitter(const MainWindow &window, const char *name);
};

void TestWindowSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Our own file: other test programs may run at the same time.
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-windowsettings"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_windowsettings"));
}

void TestWindowSettings::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestWindowSettings::makeWindow(FileActions::SaveChoice choice)
{
    auto window = std::make_unique<MainWindow>();
    window->setErrorReporter([](const QString &title, const QString &text) {
        QFAIL(qPrintable(title + QLatin1Char('\n') + text));
    });
    window->fileActions()->setSavePrompt([choice] { return choice; });
    return window;
}

void TestWindowSettings::closeWindow(MainWindow *window)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->close());
}

QSplitter *TestWindowSettings::splitter(const MainWindow &window, const char *name)
{
    auto *s = window.findChild<QSplitter *>(QLatin1String(name));
    if (!s)
        qFatal("no splitter %s", name);
    return s;
}

void TestWindowSettings::firstStartKeepsTheDefaults()
{
    auto window = makeWindow();
    const QSize size = window->size();
    window->restoreSettings();
    QCOMPARE(window->size(), size);
    QCOMPARE(window->session()->plan(), defaultPlan());
    QVERIFY(!window->fileActions()->document()->isModified());
}

void TestWindowSettings::geometryAndSplittersRoundTrip()
{
    QList<int> formSizes;
    QList<int> tableSizes;
    {
        auto first = makeWindow();
        first->resize(1500, 900);
        first->show();
        QVERIFY(QTest::qWaitForWindowExposed(first.get()));
        first->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->hide();
        QCoreApplication::processEvents(); // the central widget takes the toolbar's room
        QSplitter *form = splitter(*first, "formSplitter");
        form->setSizes({form->sizes().at(0) + 60, form->sizes().at(1) - 60});
        QSplitter *table = splitter(*first, "chartTableSplitter");
        table->setSizes({table->sizes().at(0) - 90, table->sizes().at(1) + 90});
        formSizes = form->sizes();
        QCOMPARE(first->size(), QSize(1500, 900));
        tableSizes = table->sizes();
        QVERIFY(first->close());
    }
    auto second = makeWindow();
    QVERIFY(second->size() != QSize(1500, 900));
    second->restoreSettings();
    second->show();
    QVERIFY(QTest::qWaitForWindowExposed(second.get()));
    QCOMPARE(second->size(), QSize(1500, 900));
    QCOMPARE(splitter(*second, "formSplitter")->sizes(), formSizes);
    QCOMPARE(splitter(*second, "chartTableSplitter")->sizes(), tableSizes);
    QVERIFY(second->findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isHidden());
}

void TestWindowSettings::untitledPlanComesBack()
{
    Plan edited = defaultPlan();
    {
        auto first = makeWindow(FileActions::SaveChoice::Discard); // "don't save to a file"
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("deposit")), QStringLiteral("42"));
        edited = first->session()->plan();
        QCOMPARE(edited.deposit, 42.0);
        closeWindow(first.get());
    }
    auto second = makeWindow();
    second->restoreSettings();
    QCOMPARE(second->session()->plan(), edited);
    QCOMPARE(second->planForm()->plan(), edited);
    QCOMPARE(second->findChild<QDoubleSpinBox *>(QStringLiteral("deposit"))->value(), 42.0);
    // Still untitled and unsaved: the next close asks again.
    QVERIFY(second->fileActions()->document()->filePath().isEmpty());
    QVERIFY(second->fileActions()->document()->isModified());
}

void TestWindowSettings::invalidUntitledPlanComesBackAsItsLastValidVersion()
{
    Plan lastValid;
    {
        auto first = makeWindow();
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("deposit")), QStringLiteral("8"));
        lastValid = first->session()->plan();
        // Threshold below the max LTV: not valid, the figures of deposit 8 stay on screen.
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("collateral.liquidationThreshold")),
                 QStringLiteral("70"));
        QVERIFY(!first->session()->isValid());
        closeWindow(first.get());
    }
    auto second = makeWindow();
    second->restoreSettings();
    QCOMPARE(second->session()->plan(), lastValid);
    QVERIFY(second->session()->isValid());
}

void TestWindowSettings::lastFileIsReopened()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.json"));
    QVERIFY(QFile::copy(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"), path));
    {
        auto first = makeWindow();
        QVERIFY(first->openPlanFile(path));
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("deposit")), QStringLiteral("3"));
        closeWindow(first.get()); // the change is discarded: the file is what comes back
    }
    auto second = makeWindow();
    second->restoreSettings();
    QCOMPARE(second->fileActions()->document()->filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(second->session()->plan(), readPlanFile(path, MarketRegistry::builtIn()).value());
    QVERIFY(!second->fileActions()->document()->isModified());
    QVERIFY(second->windowTitle().contains(QStringLiteral("kept.json")));
}

void TestWindowSettings::missingLastFileIsSkipped()
{
    QString path;
    {
        QTemporaryDir dir;
        path = dir.filePath(QStringLiteral("gone.json"));
        QVERIFY(QFile::copy(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"), path));
        auto first = makeWindow();
        QVERIFY(first->openPlanFile(path));
        closeWindow(first.get());
    }                           // the directory and the file are deleted here
    auto second = makeWindow(); // an error report would fail the test: the missing file is silent
    second->restoreSettings();
    QCOMPARE(second->session()->plan(), defaultPlan());
    QVERIFY(second->fileActions()->document()->filePath().isEmpty());
}

void TestWindowSettings::commandLineFileWins()
{
    {
        auto first = makeWindow();
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("deposit")), QStringLiteral("42"));
        closeWindow(first.get());
    }
    auto second = makeWindow();
    second->restoreSettings(false); // what app/main.cpp does when a file is named
    QCOMPARE(second->session()->plan(), defaultPlan());
    QVERIFY(second->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json")));
    QCOMPARE(second->session()->plan().deposit, 10.0);
}

void TestWindowSettings::safetyHealthFactorIsKept()
{
    {
        auto window = makeWindow();
        window->restoreSettings(false);
        HealthChart *health = window->chartTabs()->healthChart();
        QCOMPARE(health->safetyHealthFactor(), HealthChart::kDefaultSafetyHealthFactor);
        QVERIFY(health->plot()->actions().contains(health->safetyAction()));
        // What the dialog does when the user accepts 2.25.
        health->setSafetyHealthFactor(2.25);
        emit health->safetyHealthFactorChosen(2.25);
        closeWindow(window.get());
    }
    auto window = makeWindow();
    window->restoreSettings(false);
    QCOMPARE(window->chartTabs()->healthChart()->safetyHealthFactor(), 2.25);
    QVERIFY(window->chartTabs()->healthChart()->safetyLabel().contains(QStringLiteral("2.25")));
    // A value out of range in the settings file falls back to the default.
    QSettings().setValue(QStringLiteral("charts/safetyHealthFactor"), 0.5);
    QCOMPARE(HealthChart::savedSafetyHealthFactor(), HealthChart::kDefaultSafetyHealthFactor);
}

void TestWindowSettings::pinnedPlansComeBack()
{
    Plan safer = defaultPlan();
    safer.strategy.loops = 1;
    {
        auto first = makeWindow();
        QCOMPARE(first->comparisonPanel()->pinCurrent(), 0);
        first->session()->setPlan(safer);
        QCOMPARE(first->comparisonPanel()->pinCurrent(QStringLiteral("Safer")), 1);
        closeWindow(first.get());
    }
    auto second = makeWindow();
    second->restoreSettings();
    const std::vector<PlanComparison::Pinned> &pinned = second->comparisonPanel()->comparison()->pinned();
    QCOMPARE(pinned.size(), size_t{2});
    QCOMPARE(pinned[0].result->plan, defaultPlan());
    QCOMPARE(pinned[1].name, QStringLiteral("Safer"));
    QCOMPARE(pinned[1].result->plan, safer);
    // Computed again: the same figures as the plan computed here.
    QCOMPARE(pinned[1].result->position.leverage, expectedResult(safer).position.leverage);
    QCOMPARE(pinned[1].result->position.healthFactor, expectedResult(safer).position.healthFactor);
    // ... and drawn on the charts like pins made in this run.
    QCOMPARE(second->comparisonPanel()->pinnedPlots().size(), size_t{2});
    // Unpinned before closing: nothing comes back the next time.
    second->comparisonPanel()->unpinAll();
    closeWindow(second.get());
    QVERIFY(!settingskeys::pinnedPlans.isStored(QSettings()));
    auto third = makeWindow();
    third->restoreSettings();
    QVERIFY(third->comparisonPanel()->comparison()->pinned().empty());
}

void TestWindowSettings::damagedPinnedPlansAreSkipped()
{
    Plan invalid = defaultPlan();
    invalid.collateral.liquidationThreshold = 0.5; // below the max LTV: parsePlan refuses it
    const QByteArray stored =
        QJsonDocument(
            QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("broken")},
                            {QStringLiteral("plan"), planToJson(invalid, MarketRegistry::builtIn())}},
                QStringLiteral("not an object"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("good")},
                            {QStringLiteral("plan"), planToJson(defaultPlan(), MarketRegistry::builtIn())}}})
            .toJson();
    settingskeys::pinnedPlans.write(stored);
    auto window = makeWindow();
    window->restoreSettings();
    const std::vector<PlanComparison::Pinned> &pinned = window->comparisonPanel()->comparison()->pinned();
    QCOMPARE(pinned.size(), size_t{1});
    QCOMPARE(pinned[0].name, QStringLiteral("good"));
    settingskeys::pinnedPlans.write(QByteArray("{not json"));
    auto other = makeWindow();
    other->restoreSettings();
    QVERIFY(other->comparisonPanel()->comparison()->pinned().empty());
}

int main(int argc, char *argv[])
{
    // A 2560 x 1440 offscreen screen: the windows these tests size (1500 x 900) fit on it, so a restored
    // geometry comes back as it was rather than cut to the screen (tst_windowscreen tests the cut).
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write("{\"screens\": [{\"name\": \"test\", \"x\": 0, \"y\": 0, \"width\": 2560, \"height\": 1440, "
               "\"logicalDpi\": 96, \"logicalBaseDpi\": 96, \"dpr\": 1}]}");
    file.close();
    qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toLocal8Bit());
    QApplication app(argc, argv);
    TestWindowSettings test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_windowsettings.moc"
