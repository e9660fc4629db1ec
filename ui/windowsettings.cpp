#include "windowsettings.h"

#include "comparisonpanel.h"
#include "engine.h"
#include "fileactions.h"
#include "plancomparison.h"
#include "plandocument.h"
#include "planjson.h"
#include "plansession.h"
#include "settingskeys.h"

#include <QDataStream>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QScreen>
#include <QSplitter>

#include <algorithm>
#include <memory>

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

// The screen's room for windows where the window is, or the primary screen's when it is on none.
QRect availableRoom(const QWidget *window)
{
    const QScreen *screen = QGuiApplication::screenAt(window->geometry().center());
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect();
}

// Brings the window, its frame included (title bar and borders, known once the window exists), within
// the screen's room: cut to it and moved onto it.
void fitToRoom(QWidget *window)
{
    if (window->isMaximized() || window->isFullScreen())
        return;
    const QRect room = availableRoom(window);
    const QRect frame = window->frameGeometry();
    const QRect inner = window->geometry();
    const QMargins margins(inner.left() - frame.left(), inner.top() - frame.top(),
                           frame.right() - inner.right(), frame.bottom() - inner.bottom());
    const QRect fitted = clampToRoom(frame, room).marginsRemoved(margins);
    if (fitted != inner)
        window->setGeometry(fitted);
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
            fitToRoom(m_window); // now that the frame is known
            restoreSplitters(m_window);
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QMainWindow *m_window;
};

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
    // Cut to the room each way: a size saved on a larger screen (or damaged) would otherwise open a
    // window whose edges, scroll bars and status line lie off the screen.
    r.setWidth(std::clamp(r.width(), 1, room.width()));
    r.setHeight(std::clamp(r.height(), 1, room.height()));
    // Then moved wholly onto the room.
    r.moveLeft(std::clamp(r.left(), room.left(), room.right() - r.width() + 1));
    r.moveTop(std::clamp(r.top(), room.top(), room.bottom() - r.height() + 1));
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
    // A geometry saved on a screen that is gone or larger (or edited by hand) could put the window off
    // every screen or make it larger than this one: bring it back within the screen's room, now and, with
    // its frame, when it is shown.
    if (window->restoreGeometry(geometry))
        fitToRoom(window);
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
    // The size the window was built with (MainWindow cut it to the screen already, down to what its
    // widgets need), placed on the room.
    QRect placed = clampToRoom(frame, room);
    placed.setSize(frame.size());
    window->setGeometry(placed);
    for (QSplitter *splitter : namedSplitters(window))
        splitter->restoreState(splitter->property(kDefaultStateProperty).toByteArray());
}

void savePinned(const ComparisonPanel *panel, const MarketRegistry &markets)
{
    QSettings settings;
    QJsonArray pinned;
    for (const PlanComparison::Pinned &p : panel->comparison()->pinned()) {
        if (p.result)
            pinned.append(QJsonObject{{QStringLiteral("name"), p.name},
                                      {QStringLiteral("plan"), planToJson(p.result->plan, markets)}});
    }
    if (pinned.isEmpty())
        settingskeys::pinnedPlans.remove(settings);
    else
        settingskeys::pinnedPlans.write(settings, QJsonDocument(pinned).toJson(QJsonDocument::Compact));
}

int restorePinned(ComparisonPanel *panel, const MarketRegistry &markets)
{
    const QJsonArray stored = QJsonDocument::fromJson(settingskeys::pinnedPlans.read()).array();
    int restored = 0;
    for (const auto &entry : stored) {
        const QJsonObject object = entry.toObject();
        const Expected<Plan> plan = parsePlan(
            QJsonDocument(object.value(QStringLiteral("plan")).toObject()).toJson(QJsonDocument::Compact),
            markets);
        if (!plan)
            continue;
        Expected<PlanResult> result = computePlan(plan.value());
        if (!result)
            continue;
        auto shared = std::make_shared<const PlanResult>(std::move(result.value()));
        if (panel->comparison()->pin(shared, object.value(QStringLiteral("name")).toString()) < 0)
            break; // full
        ++restored;
    }
    return restored;
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
