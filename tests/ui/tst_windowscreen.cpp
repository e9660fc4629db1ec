// The window on small and large screens (the offscreen platform with a screen of the given size): it opens
// within the screen's room, and no label of the form or the summary is cut (its text fits its widget).
// Runs at 1280 x 720 (LP_TEST_SCREEN, the default) and, as a child process, at 1920 x 1080.
#include "mainwindow.h"
#include "planform.h"
#include "settingskeys.h"
#include "summarypanel.h"

#include <QApplication>
#include <QDataStream>
#include <QLabel>
#include <QProcess>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

class TestWindowScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-windowscreen"));
    }
    void opensWithinTheScreen();
    void labelsAreNotCut();
    void restoredSizeIsCutToTheScreen();
    void restoredOffScreenComesBack();
    void largeScreenToo();
};

namespace {

// Stores the geometry of a window laid at `frame` on a screen larger than this one (another machine,
// another monitor): what restoreLayout() will read.
void storeGeometry(const QRect &frame)
{
    MainWindow saved;
    saved.setGeometry(frame);
    QByteArray geometry = saved.saveGeometry();
    // saveGeometry() writes the rectangles Qt clipped to this screen; the stored bytes are what the other
    // screen gave: QMainWindow's format (magic, version, frame, normal geometry, screen, flags, ...),
    // patched here with the large rectangle.
    QDataStream out(&geometry, QIODevice::ReadWrite);
    out.setVersion(QDataStream::Qt_4_0);
    out.skipRawData(4 + 2 + 2);     // magic number, major and minor version
    out << frame << frame;          // frame geometry, normal geometry
    out.skipRawData(4 + 1 + 1 + 4); // screen number, maximized, full screen, screen width
    out << frame;                   // the geometry itself (format 3)
    QSettings settings;
    settingskeys::windowGeometry.write(settings, geometry);
}

QString describe(const QRect &r)
{
    return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

void TestWindowScreen::opensWithinTheScreen()
{
    const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
    QCOMPARE(room.size(), QSize(qEnvironmentVariableIntValue("LP_TEST_SCREEN_W"),
                                qEnvironmentVariableIntValue("LP_TEST_SCREEN_H")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.width() <= room.width() && window.height() <= room.height(),
             qPrintable(QStringLiteral("%1x%2 on %3x%4")
                            .arg(window.width())
                            .arg(window.height())
                            .arg(room.width())
                            .arg(room.height())));
}

void TestWindowScreen::labelsAreNotCut()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int checked = 0;
    for (QWidget *area :
         {static_cast<QWidget *>(window.planForm()), static_cast<QWidget *>(window.summaryPanel())}) {
        for (const QLabel *label : area->findChildren<QLabel *>()) {
            if (!label->isVisibleTo(&window) || label->text().isEmpty() || label->wordWrap() ||
                label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue;
            const int needed =
                label->fontMetrics().horizontalAdvance(label->text().remove(QLatin1Char('&'))) +
                label->contentsMargins().left() + label->contentsMargins().right();
            if (label->textFormat() == Qt::RichText || Qt::mightBeRichText(label->text()))
                continue;
            QVERIFY2(label->contentsRect().width() >= needed - 1,
                     qPrintable(QStringLiteral("\"%1\" needs %2 px, has %3")
                                    .arg(label->text())
                                    .arg(needed)
                                    .arg(label->contentsRect().width())));
            ++checked;
        }
    }
    QVERIFY(checked > 20);
}

void TestWindowScreen::restoredSizeIsCutToTheScreen()
{
    const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
    storeGeometry(QRect(QPoint(0, 0), room.size() * 2)); // saved on a screen twice as large
    MainWindow window;
    window.restoreSettings(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(room.contains(window.frameGeometry()),
             qPrintable(describe(window.frameGeometry()) + QStringLiteral(" on ") + describe(room)));
    QSettings().clear();
}

void TestWindowScreen::restoredOffScreenComesBack()
{
    const QRect room = QGuiApplication::primaryScreen()->availableGeometry();
    storeGeometry(QRect(room.right() + 500, room.bottom() + 300, 1300, 740)); // a monitor that is gone
    MainWindow window;
    window.restoreSettings(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(room.contains(window.frameGeometry()),
             qPrintable(describe(window.frameGeometry()) + QStringLiteral(" on ") + describe(room)));
    QSettings().clear();
}

void TestWindowScreen::largeScreenToo()
{
    if (qEnvironmentVariableIntValue("LP_TEST_SCREEN_W") != 1280)
        QSKIP("the child process");
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LP_TEST_SCREEN"), QStringLiteral("1920x1080"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("opensWithinTheScreen"), QStringLiteral("labelsAreNotCut"),
                 QStringLiteral("restoredSizeIsCutToTheScreen"),
                 QStringLiteral("restoredOffScreenComesBack")});
    QVERIFY(child.waitForFinished(120000));
    QVERIFY2(child.exitCode() == 0, child.readAll().constData());
}

int main(int argc, char *argv[])
{
    // An offscreen screen of LP_TEST_SCREEN (default 1280x720), set before the application starts.
    const QString size = qEnvironmentVariable("LP_TEST_SCREEN", QStringLiteral("1280x720"));
    const int w = size.section(QLatin1Char('x'), 0, 0).toInt();
    const int h = size.section(QLatin1Char('x'), 1, 1).toInt();
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(QStringLiteral(
                   "{\"screens\": [{\"name\": \"test\", \"x\": 0, \"y\": 0, \"width\": %1, \"height\": %2, "
                   "\"logicalDpi\": 96, \"logicalBaseDpi\": 96, \"dpr\": 1}]}")
                   .arg(w)
                   .arg(h)
                   .toUtf8());
    file.close();
    qputenv("QT_QPA_PLATFORM", QStringLiteral("offscreen:configfile=%1").arg(config).toLocal8Bit());
    qputenv("LP_TEST_SCREEN_W", QByteArray::number(w));
    qputenv("LP_TEST_SCREEN_H", QByteArray::number(h));
    QApplication app(argc, argv);
    TestWindowScreen test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_windowscreen.moc"
