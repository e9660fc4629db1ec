#include "windowsettings.h"

#include "fileactions.h"
#include "plandocument.h"
#include "planjson.h"
#include "plansession.h"
#include "settingskeys.h"

#include <QDataStream>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QMainWindow>
#include <QScreen>
#include <QSplitter>

#include <algorithm>

namespace lp::windowsettings {

namespace {

// Properties on the window and its splitters holding the layout they had before anything was restored:
// what View > Reset Layout goes back to.
constexpr char kDefaultSizeProperty[] = "lpDefaultSize";
constexpr char kDefaultStateProperty[] = "lpDefaultState";
// No pane is wider or taller than this many pixels (a 16K screen is 15360 wide).
constexpr int kMaxPaneSize = 100000;

QList<QSplitter *> namedSplitters(const QMainWindow *window)
{
    QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    splitters.removeIf([](const QSplitter *s) { return s->objectName().isEmpty(); });
    return splitters;
}

void restoreSplitters(QMainWindow *window)
{
    QSettings settings;
    settings.beginGroup(QLatin1String(settingskeys::splitterGroup));
    for (QSplitter *splitter : namedSplitters(window)) {
        const QByteArray state = settings.value(splitter->objectName()).toByteArray();
        if (!state.isEmpty() && isSensibleSplitterState(state, splitter->count()))
            splitter->restoreState(state);
    }
}

// A splitter shares out the sizes it is given over the room it has: before the window is shown it has
// none yet, and the first layout would redistribute them. So they are restored when the window is shown,
// its children laid out at the restored geometry.
class SplitterRestorer : public QObject {
public:
    explicit SplitterRestorer(QMainWindow *window) : QObject(window), m_window(window)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Show) {
            restoreSplitters(m_window);
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QMainWindow *m_window;
};

// The screen's room for windows where the window is, or the primary screen's when it is on none.
QRect availableRoom(const QWidget *window)
{
    const QScreen *screen = QGuiApplication::screenAt(window->geometry().center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect();
}

void rememberDefaults(QMainWindow *window)
{
    if (window->property(kDefaultSizeProperty).isValid())
        return;
    window->setProperty(kDefaultSizeProperty, window->size());
    for (QSplitter *splitter : namedSplitters(window))
        splitter->setProperty(kDefaultStateProperty, splitter->saveState());
}

} // namespace

bool isSensibleSplitterState(const QByteArray &state, int panes)
{
    // QSplitter::saveState(): marker 0xff, version, the pane sizes, then flags.
    QDataStream in(state);
    qint32 marker = 0;
    qint32 version = 0;
    QList<int> sizes;
    in >> marker >> version >> sizes;
    if (in.status() != QDataStream::Ok || marker != 0xff || sizes.size() != panes)
        return false;
    qint64 total = 0;
    for (int size : sizes) {
        if (size < 0 || size > kMaxPaneSize)
            return false;
        total += size;
    }
    // Every pane collapsed shows a blank window.
    return total > 0;
}

QRect clampToRoom(const QRect &frame, const QRect &room)
{
    if (room.isEmpty())
        return frame;
    QRect r = frame;
    // At most twice the room each way: larger than the screen is a choice Qt allows, a damaged size that
    // needs gigabytes of backing store is not.
    r.setWidth(std::clamp(r.width(), 1, 2 * room.width()));
    r.setHeight(std::clamp(r.height(), 1, 2 * room.height()));
    // The top-left part, where the title bar is, on the screen.
    r.moveLeft(std::clamp(r.left(), room.left(), room.right() - std::min(r.width(), room.width()) + 1));
    r.moveTop(std::clamp(r.top(), room.top(), room.bottom() - std::min(r.height(), room.height()) + 1));
    return r;
}

void saveLayout(const QMainWindow *window)
{
    QSettings settings;
    settingskeys::windowGeometry.write(settings, window->saveGeometry());
    settingskeys::windowState.write(settings, window->saveState());
    settings.beginGroup(QLatin1String(settingskeys::splitterGroup));
    for (const QSplitter *splitter : namedSplitters(window))
        settings.setValue(splitter->objectName(), splitter->saveState());
    settings.endGroup();
}

bool restoreLayout(QMainWindow *window)
{
    rememberDefaults(window);
    QSettings settings;
    const QByteArray geometry = settingskeys::windowGeometry.read(settings);
    if (geometry.isEmpty())
        return false;
    if (window->restoreGeometry(geometry) && !window->isMaximized() && !window->isFullScreen()) {
        // A geometry saved on a screen that is gone (or edited by hand) could put the window off every
        // screen or make it larger than any: bring it back within the screen's room.
        const QRect room = availableRoom(window);
        const QRect clamped = clampToRoom(window->geometry(), room);
        if (clamped != window->geometry())
            window->setGeometry(clamped);
    }
    window->restoreState(settingskeys::windowState.read(settings));
    if (window->isVisible())
        restoreSplitters(window);
    else
        new SplitterRestorer(window);
    return true;
}

void resetLayout(QMainWindow *window)
{
    rememberDefaults(window);
    QSettings settings;
    settingskeys::windowGeometry.remove(settings);
    settingskeys::windowState.remove(settings);
    settings.remove(QLatin1String(settingskeys::splitterGroup));
    if (window->isMaximized() || window->isFullScreen())
        window->showNormal();
    const QRect room = availableRoom(window);
    QRect frame(QPoint(), window->property(kDefaultSizeProperty).toSize());
    if (!room.isEmpty())
        frame.moveCenter(room.center());
    window->setGeometry(clampToRoom(frame, room));
    for (QSplitter *splitter : namedSplitters(window))
        splitter->restoreState(splitter->property(kDefaultStateProperty).toByteArray());
}

void savePlan(const FileActions *files, const PlanSession *session)
{
    QSettings settings;
    const QString path = files->document()->filePath();
    if (!path.isEmpty()) {
        settingskeys::lastFile.write(settings, path);
        settingskeys::untitledPlan.remove(settings);
        return;
    }
    // parsePlan validates: an invalid plan would not come back, the last valid one does.
    const Plan &plan = session->isValid() || !session->result() ? session->plan() : session->result()->plan;
    settingskeys::untitledPlan.write(
        settings,
        QJsonDocument(planToJson(plan, files->document()->markets())).toJson(QJsonDocument::Compact));
    settingskeys::lastFile.remove(settings);
}

bool restorePlan(FileActions *files, PlanSession *session)
{
    QSettings settings;
    const QString path = settingskeys::lastFile.read(settings);
    // Only a regular file is reopened: a FIFO would block the start, a device never ends; like a missing
    // file (moved or deleted since), anything else is skipped silently.
    if (!path.isEmpty())
        return QFileInfo(path).isFile() && files->openFile(path);
    const QByteArray json = settingskeys::untitledPlan.read(settings);
    if (json.isEmpty())
        return false;
    const Expected<Plan> plan = parsePlan(json, files->document()->markets());
    if (!plan)
        return false;
    session->setPlan(plan.value());
    return true;
}

void keepUntitledPlan()
{
    QSettings settings;
    const QByteArray json = settingskeys::untitledPlan.read(settings);
    if (json.isEmpty())
        return;
    settingskeys::keptUntitledPlan.write(settings, json);
    settingskeys::untitledPlan.remove(settings);
}

} // namespace lp::windowsettings
