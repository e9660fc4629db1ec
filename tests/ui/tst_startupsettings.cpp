// Starting the window on what the last run left in QSettings, as app/main.cpp does (a MainWindow,
// restoreSettings(no file named), the named file opened, shown; closed, which saves), each start a child
// process of this program: a start that crashes or blocks fails its case instead of the whole program.
// The settings are written here with the keys the window has always used (window/geometry,
// window/splitters/<name>, session/lastFile, session/untitledPlan), damaged as a user's can be: a
// geometry off every screen, splitter states with impossible sizes, a FIFO as the last file, and the
// last run's unsaved plan when a file is named on the command line. Only the window's long-standing API is
// used (MainWindow, restoreSettings, openPlanFile, session, fileActions), so that the same program also
// runs against older builds of the window.
#include "fileactions.h"
#include "mainwindow.h"
#include "plandocument.h"
#include "plansession.h"

#include <QApplication>
#include <QDataStream>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lp;

namespace {

// A child that has not finished by then is blocked (a start takes a second or two; this is generous for a
// loaded machine or a sanitizer build).
constexpr int kStartTimeoutMs = 120000;

QString rect(const QRect &r)
{
    return QStringLiteral("%1,%2,%3,%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

QRect parseRect(const QString &text)
{
    const QStringList p = text.split(QLatin1Char(','));
    return p.size() == 4 ? QRect(p[0].toInt(), p[1].toInt(), p[2].toInt(), p[3].toInt()) : QRect();
}

// The child: one start of the window. LP_STARTUP_FILE is the file named on the command line (none when
// empty); LP_STARTUP_DEPOSIT, when set, is typed as the plan's deposit before the close. Prints what the
// window shows, one "key=value" a line, then closes it (the close saves the settings).
int startWindow()
{
    const QString file = qEnvironmentVariable("LP_STARTUP_FILE");
    MainWindow window;
    window.setErrorReporter([](const QString &title, const QString &text) {
        qWarning("reported: %s: %s", qPrintable(title), qPrintable(text));
    });
    window.fileActions()->setSavePrompt([] { return FileActions::SaveChoice::Discard; });
    window.restoreSettings(file.isEmpty());
    if (!file.isEmpty())
        window.openPlanFile(file);
    if (qEnvironmentVariableIsSet("LP_STARTUP_DEPOSIT")) {
        Plan plan = window.session()->plan();
        plan.deposit = qEnvironmentVariable("LP_STARTUP_DEPOSIT").toDouble();
        window.session()->setPlan(plan);
    }
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 3;
    window.repaint(); // painted now, into the window's backing store
    QCoreApplication::processEvents();
    QTextStream out(stdout);
    out << "deposit=" << window.session()->plan().deposit << '\n';
    out << "file=" << window.fileActions()->document()->filePath() << '\n';
    out << "geometry=" << rect(window.frameGeometry()) << '\n';
    out << "room=" << rect(window.screen()->availableGeometry()) << '\n';
    for (const QSplitter *s : window.findChildren<QSplitter *>()) {
        if (s->objectName().isEmpty())
            continue;
        QStringList sizes;
        for (int size : s->sizes())
            sizes << QString::number(size);
        out << "splitter." << s->objectName() << '=' << sizes.join(QLatin1Char(',')) << '\n';
    }
    out.flush();
    return window.close() ? 0 : 4;
}

// What one start printed, or why it did not finish.
struct Start {
    bool finished = false;
    bool crashed = false;
    int exitCode = -1;
    QMap<QString, QString> shown;
    QString log;
};

Start start(const QString &file = {}, const QString &deposit = {})
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LP_STARTUP_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("LP_STARTUP_FILE"), file);
    if (!deposit.isEmpty())
        env.insert(QStringLiteral("LP_STARTUP_DEPOSIT"), deposit);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    Start s;
    s.finished = child.waitForFinished(kStartTimeoutMs);
    if (!s.finished) {
        child.kill();
        child.waitForFinished();
    }
    s.crashed = child.exitStatus() == QProcess::CrashExit;
    s.exitCode = child.exitCode();
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    s.log = out + QString::fromUtf8(child.readAllStandardError());
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        s.shown.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    return s;
}

// The start finished on its own, normally, and showed the window.
bool startedWell(const Start &s, QString *why)
{
    if (!s.finished)
        *why = QStringLiteral("the start blocked: killed after %1 s").arg(kStartTimeoutMs / 1000);
    else if (s.crashed)
        *why = QStringLiteral("the start crashed (signal %1)").arg(s.exitCode); // QProcess's code for a crash
    else if (s.exitCode != 0)
        *why = QStringLiteral("the start exited %1").arg(s.exitCode);
    else
        return true;
    *why += QStringLiteral("\n") + s.log;
    return false;
}

// Each access reads the settings file afresh: the children write it.
void store(const QString &key, const QVariant &value)
{
    QSettings settings;
    settings.setValue(key, value);
} // written here

QVariant stored(const QString &key)
{
    const QSettings settings;
    return settings.value(key);
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

// A QMainWindow geometry (Qt's format: magic, version, frame, normal geometry, screen, flags, screen
// width, geometry) of a window laid at `frame` on a screen that is not this one.
QByteArray geometryAt(const QRect &frame)
{
    MainWindow saved;
    QByteArray geometry = saved.saveGeometry();
    QDataStream out(&geometry, QIODevice::ReadWrite);
    out.setVersion(QDataStream::Qt_4_0);
    out.skipRawData(4 + 2 + 2);
    out << frame << frame;
    out.skipRawData(4 + 1 + 1 + 4);
    out << frame;
    return geometry;
}

} // namespace

class TestStartupSettings : public QObject {
    Q_OBJECT
private slots:
    void init() { QSettings().clear(); }
    void untitledPlanSurvivesAFileNamedAtStart();
    void geometryOffEveryScreenStartsOnScreen_data();
    void geometryOffEveryScreenStartsOnScreen();
    void impossibleSplitterSizesAreNotRestoredNorSavedBack();
    void fifoAsLastFileDoesNotBlockTheStart();
};

void TestStartupSettings::untitledPlanSurvivesAFileNamedAtStart()
{
    QString why;
    const Start typed = start({}, QStringLiteral("4242.5")); // an unsaved plan, kept by the close
    QVERIFY2(startedWell(typed, &why), qPrintable(why));
    QCOMPARE(typed.shown.value(QStringLiteral("deposit")), QStringLiteral("4242.5"));
    QVERIFY(stored(QStringLiteral("session/untitledPlan")).toByteArray().contains("4242.5"));
    // `leverage-planner wsteth-loop.json`: the named file is what is on screen, and what the close keeps.
    const Start named = start(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"));
    QVERIFY2(startedWell(named, &why), qPrintable(why));
    QCOMPARE(named.shown.value(QStringLiteral("deposit")), QStringLiteral("10"));
    // The unsaved plan is still in the settings, under whatever key, to be offered again.
    QStringList holding;
    const QSettings settings;
    for (const QString &key : settings.allKeys()) {
        if (settings.value(key).toByteArray().contains("4242.5"))
            holding << key;
    }
    QVERIFY2(!holding.isEmpty(), "the unsaved plan of the last run was dropped from the settings");
}

void TestStartupSettings::geometryOffEveryScreenStartsOnScreen_data()
{
    QTest::addColumn<QRect>("frame");
    QTest::newRow("a monitor that is gone") << QRect(60000, 60000, 1300, 740);
    QTest::newRow("far off and huge") << QRect(60000, 60000, 30000, 20000);
    QTest::newRow("left and above") << QRect(-40000, -30000, 1300, 740);
}

void TestStartupSettings::geometryOffEveryScreenStartsOnScreen()
{
    QFETCH(QRect, frame);
    store(QStringLiteral("window/geometry"), geometryAt(frame));
    QString why;
    const Start s = start();
    QVERIFY2(startedWell(s, &why), qPrintable(why));
    const QRect shown = parseRect(s.shown.value(QStringLiteral("geometry")));
    const QRect room = parseRect(s.shown.value(QStringLiteral("room")));
    QVERIFY2(!room.isEmpty() && room.contains(shown),
             qPrintable(rect(shown) + QStringLiteral(" on ") + rect(room)));
}

void TestStartupSettings::impossibleSplitterSizesAreNotRestoredNorSavedBack()
{
    QByteArray table;
    QByteArray form;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        table = window.findChild<QSplitter *>(QStringLiteral("chartTableSplitter"))->saveState();
        form = window.findChild<QSplitter *>(QStringLiteral("formSplitter"))->saveState();
        // A stored geometry of its own: the window restores its splitters with it.
        store(QStringLiteral("window/geometry"), window.saveGeometry());
    }
    QVERIFY(!table.isEmpty() && !form.isEmpty());
    // What a damaged settings file holds: every pane collapsed, and a pane 2^31 - 1 pixels wide.
    store(QStringLiteral("window/splitters/chartTableSplitter"), withSizes(table, {0, 0}));
    store(QStringLiteral("window/splitters/formSplitter"), withSizes(form, {2147483647, 5}));
    // The first start shows both panes of each; what its close saves shows them again at the next. Every
    // pane out of bounds, at either start, is named.
    QStringList wrong;
    for (int run = 1; run <= 2; ++run) {
        QString why;
        const Start s = start();
        QVERIFY2(startedWell(s, &why), qPrintable(why));
        for (const char *name : {"chartTableSplitter", "formSplitter"}) {
            const QString sizes = s.shown.value(QStringLiteral("splitter.") + QLatin1String(name));
            const QStringList panes = sizes.split(QLatin1Char(','), Qt::SkipEmptyParts);
            QCOMPARE(panes.size(), 2);
            for (const QString &pane : panes) {
                if (pane.toInt() <= 0 || pane.toInt() >= 100000)
                    wrong << QStringLiteral("start %1: %2 = %3").arg(run).arg(QLatin1String(name), sizes);
            }
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1String("; "))));
}

void TestStartupSettings::fifoAsLastFileDoesNotBlockTheStart()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    store(QStringLiteral("session/lastFile"), fifo);
    QString why;
    const Start s = start();
    QVERIFY2(startedWell(s, &why), qPrintable(why));
    QVERIFY(s.shown.value(QStringLiteral("file")).isEmpty());
}

int main(int argc, char *argv[])
{
    // Settings and the user's markets in a directory of this run (the children inherit it), a 1920 x 1080
    // offscreen screen.
    QTemporaryDir home;
    if (!qEnvironmentVariableIsSet("LP_STARTUP_CHILD")) {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
        const QString config = home.filePath(QStringLiteral("screen.json"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(
            "{\"screens\": [{\"name\": \"test\", \"x\": 0, \"y\": 0, \"width\": 1920, \"height\": 1080, "
            "\"logicalDpi\": 96, \"logicalBaseDpi\": 96, \"dpr\": 1}]}");
        file.close();
        qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toLocal8Bit());
    }
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-startupsettings"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_startupsettings"));
    if (qEnvironmentVariableIsSet("LP_STARTUP_CHILD"))
        return startWindow();
    TestStartupSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_startupsettings.moc"
