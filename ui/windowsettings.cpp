#include "windowsettings.h"

#include "fileactions.h"
#include "plandocument.h"
#include "planjson.h"
#include "plansession.h"

#include <QEvent>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace lp::windowsettings {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterGroup = QStringLiteral("window/splitters");
const QString kLastFileKey = QStringLiteral("session/lastFile");
const QString kUntitledPlanKey = QStringLiteral("session/untitledPlan");

QList<QSplitter *> namedSplitters(const QMainWindow *window)
{
    QList<QSplitter *> splitters = window->findChildren<QSplitter *>();
    splitters.removeIf([](const QSplitter *s) { return s->objectName().isEmpty(); });
    return splitters;
}

void restoreSplitters(QMainWindow *window)
{
    QSettings settings;
    settings.beginGroup(kSplitterGroup);
    for (QSplitter *splitter : namedSplitters(window)) {
        const QByteArray state = settings.value(splitter->objectName()).toByteArray();
        if (!state.isEmpty())
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

} // namespace

void saveLayout(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(kGeometryKey, window->saveGeometry());
    settings.setValue(kStateKey, window->saveState());
    settings.beginGroup(kSplitterGroup);
    for (const QSplitter *splitter : namedSplitters(window))
        settings.setValue(splitter->objectName(), splitter->saveState());
    settings.endGroup();
}

bool restoreLayout(QMainWindow *window)
{
    QSettings settings;
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    if (geometry.isEmpty())
        return false;
    window->restoreGeometry(geometry);
    window->restoreState(settings.value(kStateKey).toByteArray());
    if (window->isVisible())
        restoreSplitters(window);
    else
        new SplitterRestorer(window);
    return true;
}

void savePlan(const FileActions *files, const PlanSession *session)
{
    QSettings settings;
    const QString path = files->document()->filePath();
    if (!path.isEmpty()) {
        settings.setValue(kLastFileKey, path);
        settings.remove(kUntitledPlanKey);
        return;
    }
    // parsePlan validates: an invalid plan would not come back, the last valid one does.
    const Plan &plan = session->isValid() || !session->result() ? session->plan() : session->result()->plan;
    settings.setValue(
        kUntitledPlanKey,
        QJsonDocument(planToJson(plan, files->document()->markets())).toJson(QJsonDocument::Compact));
    settings.remove(kLastFileKey);
}

bool restorePlan(FileActions *files, PlanSession *session)
{
    QSettings settings;
    const QString path = settings.value(kLastFileKey).toString();
    if (!path.isEmpty())
        return QFileInfo::exists(path) && files->openFile(path);
    const QByteArray json = settings.value(kUntitledPlanKey).toByteArray();
    if (json.isEmpty())
        return false;
    const Expected<Plan> plan = parsePlan(json, files->document()->markets());
    if (!plan)
        return false;
    session->setPlan(plan.value());
    return true;
}

} // namespace lp::windowsettings
