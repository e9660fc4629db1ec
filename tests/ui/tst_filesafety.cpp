// Start-up and opening can no longer hurt (ui/windowsettings.h, ui/fileactions.h): a stored geometry off
// every screen, splitter states with impossible sizes, a FIFO as the last file, the last run's untitled
// plan when a file is named on the command line, and a plan that opens but cannot be computed.
#include "charttabs.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "plandocument.h"
#include "plansession.h"
#include "settingskeys.h"
#include "uitestutil.h"
#include "windowsettings.h"

#include <QDataStream>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace lp;
using namespace lp::uitest;

namespace {

std::unique_ptr<MainWindow> makeWindow(QStringList *reported = nullptr)
{
    auto window = std::make_unique<MainWindow>();
    window->setErrorReporter([reported](const QString &title, const QString &text) {
        if (reported)
            *reported << title + QLatin1Char('\n') + text;
        else
            QFAIL(qPrintable(title + QLatin1Char('\n') + text));
    });
    window->fileActions()->setSavePrompt([] { return FileActions::SaveChoice::Discard; });
    return window;
}

void closeWindow(MainWindow *window)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(window->close());
}

QSplitter *splitter(const MainWindow &window, const char *name)
{
    auto *s = window.findChild<QSplitter *>(QLatin1String(name));
    if (!s)
        qFatal("no splitter %s", name);
    return s;
}

// A real splitter state with its pane sizes replaced.
QByteArray withSizes(const QByteArray &state, const QList<int> &sizes)
{
    QDataStream in(state);
    qint32 marker = 0;
    qint32 version = 0;
    QList<int> old;
    in >> marker >> version >> old;
    const QByteArray rest = state.mid(in.device()->pos());
    QByteArray out;
    QDataStream o(&out, QIODevice::WriteOnly);
    o << marker << version << sizes;
    return out + rest;
}

} // namespace

class TestFileSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void clampToRoomKeepsAWindowOnScreen();
    void splitterStatesAreJudged();
    void geometryOffScreenIsBroughtBack();
    void impossibleSplitterStatesAreThrownAway();
    void resetLayoutGoesBackToTheDefaults();
    void untitledPlanIsKeptWhenAFileIsNamed();
    void fifoAsLastFileDoesNotBlock();
    void planThatCannotBeComputedGreysTheCharts();
    void saveAndExportRefuseASymlink();
};

void TestFileSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-filesafety"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_filesafety"));
}

void TestFileSafety::init()
{
    QSettings().clear();
}

void TestFileSafety::clampToRoomKeepsAWindowOnScreen()
{
    const QRect room(0, 0, 1920, 1080);
    QCOMPARE(windowsettings::clampToRoom(QRect(100, 100, 800, 600), room), QRect(100, 100, 800, 600));
    QCOMPARE(windowsettings::clampToRoom(QRect(50000, -9000, 800, 600), room), QRect(1120, 0, 800, 600));
    // A damaged size: cut to the room, on the screen.
    QCOMPARE(windowsettings::clampToRoom(QRect(10, 10, 1 << 30, 1 << 30), room), QRect(0, 0, 1920, 1080));
    // Larger than the screen but not absurd: cut to the screen too, and moved wholly onto it.
    QCOMPARE(windowsettings::clampToRoom(QRect(-500, 300, 2500, 1200), room), QRect(0, 0, 1920, 1080));
    QCOMPARE(windowsettings::clampToRoom(QRect(1500, 900, 1000, 500), room), QRect(920, 580, 1000, 500));
    // A room that does not start at the origin (a second screen, a panel on the left).
    QCOMPARE(windowsettings::clampToRoom(QRect(0, 0, 3000, 400), QRect(1920, 40, 1280, 984)),
             QRect(1920, 40, 1280, 400));
    QCOMPARE(windowsettings::clampToRoom(QRect(5, 5, 10, 10), QRect()), QRect(5, 5, 10, 10));
}

void TestFileSafety::splitterStatesAreJudged()
{
    QSplitter s;
    s.addWidget(new QWidget);
    s.addWidget(new QWidget);
    s.resize(400, 300);
    const QByteArray state = s.saveState();
    QVERIFY(windowsettings::isSensibleSplitterState(withSizes(state, {100, 300}), 2));
    QVERIFY(windowsettings::isSensibleSplitterState(withSizes(state, {0, 300}), 2)); // one pane collapsed
    QVERIFY(!windowsettings::isSensibleSplitterState(withSizes(state, {0, 0}), 2));
    QVERIFY(!windowsettings::isSensibleSplitterState(withSizes(state, {2147483647, 5}), 2));
    QVERIFY(!windowsettings::isSensibleSplitterState(withSizes(state, {-5, 300}), 2));
    QVERIFY(!windowsettings::isSensibleSplitterState(withSizes(state, {100, 300}), 3));
    QVERIFY(!windowsettings::isSensibleSplitterState(QByteArray("garbage"), 2));
}

void TestFileSafety::geometryOffScreenIsBroughtBack()
{
    {
        auto first = makeWindow();
        first->setGeometry(60000, 60000, 30000, 20000);
        windowsettings::saveLayout(first.get());
    }
    auto second = makeWindow();
    second->restoreSettings(false);
    const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
    const QRect g = second->geometry();
    QVERIFY2(room.contains(g.topLeft()) && g.width() <= 2 * room.width() && g.height() <= 2 * room.height(),
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(second->x())
                            .arg(second->y())
                            .arg(second->width())
                            .arg(second->height())));
}

void TestFileSafety::impossibleSplitterStatesAreThrownAway()
{
    QList<int> defaults;
    {
        auto first = makeWindow();
        first->resize(1400, 900);
        first->show();
        QVERIFY(QTest::qWaitForWindowExposed(first.get()));
        defaults = splitter(*first, "chartTableSplitter")->sizes();
        const QByteArray state = splitter(*first, "chartTableSplitter")->saveState();
        const QByteArray form = splitter(*first, "formSplitter")->saveState();
        QVERIFY(first->close());
        // What a damaged settings file holds: every pane collapsed, and a pane 2^31 - 1 pixels wide.
        QSettings settings;
        settings.beginGroup(QLatin1String(settingskeys::splitterGroup));
        settings.setValue(QStringLiteral("chartTableSplitter"), withSizes(state, {0, 0}));
        settings.setValue(QStringLiteral("formSplitter"), withSizes(form, {2147483647, 5}));
    }
    auto second = makeWindow();
    second->restoreSettings(false);
    second->show();
    QVERIFY(QTest::qWaitForWindowExposed(second.get()));
    // The damaged states are ignored: both panes show, as they do by default.
    QCOMPARE(defaults.size(), 2);
    QVERIFY(defaults.at(0) > 0 && defaults.at(1) > 0);
    for (int size : splitter(*second, "chartTableSplitter")->sizes())
        QVERIFY2(size > 0, qPrintable(QString::number(size)));
    for (int size : splitter(*second, "formSplitter")->sizes())
        QVERIFY2(size > 0 && size < 100000, qPrintable(QString::number(size)));
}

void TestFileSafety::resetLayoutGoesBackToTheDefaults()
{
    auto window = makeWindow();
    const QSize size = window->size();
    window->restoreSettings(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QSplitter *table = splitter(*window, "chartTableSplitter");
    const QList<int> sizes = table->sizes();
    window->resize(size.width() + 200, size.height() + 100);
    table->setSizes({sizes.at(0) - 80, sizes.at(1) + 80});
    windowsettings::saveLayout(window.get());
    auto *reset = window->findChild<QAction *>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    QCoreApplication::processEvents();
    QCOMPARE(window->size(), size);
    QCOMPARE(table->sizes(), sizes);
    QVERIFY(!QSettings().contains(settingskeys::windowGeometry.key()));
}

void TestFileSafety::untitledPlanIsKeptWhenAFileIsNamed()
{
    {
        auto first = makeWindow();
        typeInto(first->findChild<QDoubleSpinBox *>(QStringLiteral("deposit")), QStringLiteral("42"));
        closeWindow(first.get());
    }
    {
        // `leverage-planner plan.json`: the named file wins, and is what is on screen at the close.
        auto second = makeWindow();
        second->restoreSettings(false);
        QVERIFY(second->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json")));
        closeWindow(second.get());
    }
    auto third = makeWindow();
    third->restoreSettings(true);
    QCOMPARE(third->session()->plan().deposit, 10.0);
    auto *kept = third->findChild<QAction *>(QStringLiteral("restoreKeptPlanAction"));
    QVERIFY2(kept, "File > Open Recent offers the unsaved plan of the last run");
    kept->trigger();
    QCOMPARE(third->session()->plan().deposit, 42.0);
    QVERIFY(third->fileActions()->document()->filePath().isEmpty());
    QCoreApplication::processEvents(); // the menu is rebuilt once the entry's own signal is done
    QVERIFY(!third->findChild<QAction *>(QStringLiteral("restoreKeptPlanAction"))); // offered once
}

void TestFileSafety::fifoAsLastFileDoesNotBlock()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    settingskeys::lastFile.write(fifo);
    // A FIFO opened for reading blocks until a writer comes: had it been opened, this would hang until
    // CTest's timeout stops the test.
    auto window = makeWindow();
    window->restoreSettings(true);
    QCOMPARE(window->session()->plan(), defaultPlan());
}

void TestFileSafety::planThatCannotBeComputedGreysTheCharts()
{
    QStringList reported;
    auto window = makeWindow(&reported);
    QVERIFY(window->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json")));
    QVERIFY(window->chartTabs()->isEnabled());
    QVERIFY(reported.isEmpty());
    // Valid values, but the target leverage cannot be reached: the figures on screen are the last plan's.
    QVERIFY(window->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/bad-impossible-target.json")));
    QVERIFY(!window->session()->isValid());
    QVERIFY(!window->chartTabs()->isEnabled());
    QCOMPARE(reported.size(), 1);
    QVERIFY2(reported.first().contains(QLatin1String("cannot be computed")) &&
                 reported.first().contains(window->session()->errors().first().message),
             qPrintable(reported.first()));
    // The first computable version brings them back.
    window->session()->setPlan(defaultPlan());
    QVERIFY(window->chartTabs()->isEnabled());
}

void TestFileSafety::saveAndExportRefuseASymlink()
{
    // File > Save As and File > Export Chart go through the one write path: a link is not followed.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("precious"));
    QFile f(target);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("precious");
    f.close();
    QStringList reported;
    auto window = makeWindow(&reported);
    for (const char *name : {"plan.json", "chart.png"}) {
        const QString link = dir.filePath(QLatin1String(name));
        QVERIFY(QFile::link(target, link));
        if (QLatin1String(name) == QLatin1String("plan.json")) {
            window->fileActions()->setPathChooser(
                [link](const QString &, const QString &, const QString &, bool) { return link; });
            QVERIFY(!window->fileActions()->saveAs());
        } else {
            QVERIFY(!window->fileActions()->exportChart(link, QSize(300, 200)));
        }
        QVERIFY(QFileInfo(link).isSymLink());
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
    QCOMPARE(reported.size(), 2);
    for (const QString &text : reported)
        QVERIFY2(text.contains(QLatin1String("symbolic link")), qPrintable(text));
}

QTEST_MAIN(TestFileSafety)
#include "tst_filesafety.moc"
