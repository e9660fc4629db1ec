#include "fileactions.h"

#include "chartexport.h"
#include "chartsizedialog.h"
#include "charttabs.h"
#include "csvexport.h"
#include "plandocument.h"
#include "planjson.h"
#include "plansession.h"
#include "settingskeys.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>

namespace lp {

namespace {

const char kPlanFilter[] = QT_TRANSLATE_NOOP("lp::FileActions", "Plan files (*.lplan *.json);;All files (*)");

QString droppedPlan(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

FileActions::FileActions(QMainWindow *window, PlanSession *session, ChartTabs *charts,
                         const MarketRegistry *markets)
    : QObject(window), m_window(window), m_session(session), m_charts(charts),
      m_document(new PlanDocument(session, markets, this))
{
    m_choosePath = [this](const QString &caption, const QString &dir, const QString &filter, bool saving) {
        return saving ? QFileDialog::getSaveFileName(m_window, caption, dir, filter)
                      : QFileDialog::getOpenFileName(m_window, caption, dir, filter);
    };
    m_askSave = [this] {
        const auto answer = QMessageBox::question(
            m_window, tr("Unsaved Changes"), tr("The plan has unsaved changes. Save them first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? SaveChoice::Save
               : answer == QMessageBox::Discard ? SaveChoice::Discard
                                                : SaveChoice::Cancel;
    };
    m_askRevert = [this] {
        return QMessageBox::question(
                   m_window, tr("Revert Plan"), tr("Drop every change since the plan was last saved?"),
                   QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Discard;
    };
    m_reportError = [this](const QString &title, const QString &text) {
        QMessageBox::warning(m_window, title, text);
    };
    m_chooseSize = [this](QSize *size) { return askChartSize(m_window, size); };

    m_window->setAcceptDrops(true);
    m_window->installEventFilter(this);
    connect(m_document, &PlanDocument::recentFilesChanged, this, &FileActions::rebuildRecentMenu);
    // Charts greyed after opening a plan that cannot be computed come back with its first figures.
    connect(m_session, &PlanSession::resultChanged, m_charts, [this] { m_charts->setEnabled(true); });
}

void FileActions::addToMenu(QMenu *file)
{
    m_new = file->addAction(tr("&New Plan"), this, &FileActions::newPlan);
    m_new->setShortcut(QKeySequence::New);
    m_new->setStatusTip(tr("Start again from the default plan"));
    m_open = file->addAction(tr("&Open Plan..."), this, &FileActions::openWithDialog);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Open a plan file"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    m_save = file->addAction(tr("&Save"), this, &FileActions::save);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Save the plan to its file, or choose one"));
    m_saveAs = file->addAction(tr("Save &As..."), this, &FileActions::saveAs);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_saveAs->setStatusTip(tr("Save the plan to a new file"));
    m_revert = file->addAction(tr("Re&vert"), this, &FileActions::revert);
    m_revert->setStatusTip(tr("Drop every change since the plan was last saved"));
    m_revert->setEnabled(false);
    const auto updateRevert = [this] {
        m_revert->setEnabled(!m_document->filePath().isEmpty() && m_document->isModified());
    };
    connect(m_document, &PlanDocument::modifiedChanged, this, updateRevert);
    connect(m_document, &PlanDocument::filePathChanged, this, updateRevert);
    file->addSeparator();
    QMenu *csv = file->addMenu(tr("Export &CSV"));
    const QStringList tables = csvTableNames();
    for (int i = 0; i < tables.size(); ++i) {
        QAction *action =
            csv->addAction(tr("&%1 table...").arg(tables.at(i)), this, [this, i] { exportCsvWithDialog(i); });
        action->setStatusTip(tr("Write the %1 table of the current plan as a CSV file").arg(tables.at(i)));
    }
    m_exportChart = file->addAction(tr("Export C&hart..."), this, &FileActions::exportChartWithDialog);
    m_exportChart->setStatusTip(tr("Save the chart on screen as a PNG image or a PDF"));
}

QString FileActions::startDir() const
{
    return m_document->filePath().isEmpty() ? QDir::homePath()
                                            : QFileInfo(m_document->filePath()).absolutePath();
}

void FileActions::report(const QString &title, const QString &what, const ValidationErrors &errors)
{
    if (m_reportError)
        m_reportError(title, tr("%1\n\n%2").arg(what, formatErrors(errors)));
}

bool FileActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_askSave ? m_askSave() : SaveChoice::Cancel) {
    case SaveChoice::Save:
        return save();
    case SaveChoice::Discard:
        return true;
    case SaveChoice::Cancel:
        break;
    }
    return false;
}

void FileActions::newPlan()
{
    if (maybeSave())
        m_document->newPlan();
}

void FileActions::openAsking(const QString &path)
{
    if (maybeSave())
        openFile(path);
}

bool FileActions::openFile(const QString &path)
{
    const ValidationErrors errors = m_document->open(path);
    if (!errors.isEmpty()) {
        report(tr("Cannot open plan"),
               tr("The plan file \"%1\" could not be opened; the current plan is unchanged.")
                   .arg(QDir::toNativeSeparators(path)),
               errors);
        return false;
    }
    greyIfNotComputable(path);
    return true;
}

void FileActions::greyIfNotComputable(const QString &path)
{
    if (m_session->isValid())
        return;
    // The figures on screen are the previous plan's: greyed, so that nobody reads them as this one's,
    // and the reason said, until an edit makes the plan computable.
    m_charts->setEnabled(false);
    report(tr("Plan cannot be computed"),
           tr("The plan \"%1\" was opened, but its figures cannot be computed; the charts are greyed until "
              "the plan is fixed.")
               .arg(QDir::toNativeSeparators(path)),
           m_session->errors());
}

bool FileActions::restoreKeptPlan()
{
    QSettings settings;
    const QByteArray json = settingskeys::keptUntitledPlan.read(settings);
    if (json.isEmpty() || !maybeSave())
        return false;
    const Expected<Plan> plan = parsePlan(json, m_document->markets());
    settingskeys::keptUntitledPlan.remove(settings);
    // Queued: this runs from the menu entry being removed.
    QMetaObject::invokeMethod(this, &FileActions::rebuildRecentMenu, Qt::QueuedConnection);
    if (!plan) {
        report(tr("Cannot restore plan"), tr("The unsaved plan of the last run could not be read."),
               plan.errors());
        return false;
    }
    // Untitled and unsaved, as it was left.
    m_document->newPlan();
    m_session->setPlan(plan.value());
    return true;
}

bool FileActions::openCopy(const QString &path)
{
    if (!maybeSave())
        return false;
    Expected<Plan> plan = readPlanFile(path, m_document->markets());
    if (!plan) {
        report(tr("Cannot open plan"),
               tr("The plan \"%1\" could not be opened; the current plan is unchanged.")
                   .arg(QDir::toNativeSeparators(path)),
               plan.errors());
        return false;
    }
    // Untitled and unsaved: the copy is the user's to save somewhere of their choosing.
    m_document->newPlan();
    m_session->setPlan(plan.value());
    return true;
}

void FileActions::openWithDialog()
{
    if (!maybeSave())
        return;
    const QString path = m_choosePath(tr("Open Plan"), startDir(), tr(kPlanFilter), false);
    if (!path.isEmpty())
        openFile(path);
}

bool FileActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const ValidationErrors errors = m_document->save();
    if (!errors.isEmpty()) {
        report(tr("Cannot save plan"), tr("The plan was not saved."), errors);
        return false;
    }
    return true;
}

bool FileActions::saveAs()
{
    const QString suggested = m_document->filePath().isEmpty() ? QDir(startDir()).filePath(tr("plan.json"))
                                                               : m_document->filePath();
    const QString path =
        withDefaultSuffix(m_choosePath(tr("Save Plan As"), suggested, tr(kPlanFilter), true), planSuffix());
    if (path.isEmpty())
        return false;
    const ValidationErrors errors = m_document->saveAs(path);
    if (!errors.isEmpty()) {
        report(tr("Cannot save plan"), tr("The plan was not saved."), errors);
        return false;
    }
    return true;
}

void FileActions::revert()
{
    if (m_document->isModified() && m_askRevert && !m_askRevert())
        return;
    const ValidationErrors errors = m_document->revert();
    if (!errors.isEmpty())
        report(tr("Cannot revert"), tr("The saved plan could not be read again; nothing changed."), errors);
}

bool FileActions::exportCsv(int tableIndex, const QString &path)
{
    CsvTable table{};
    if (!csvTableFromString(csvTableNames().value(tableIndex), &table))
        return false;
    const ValidationErrors errors = m_document->exportCsvTable(table, path);
    if (!errors.isEmpty()) {
        report(tr("Cannot export CSV"), tr("Nothing was written."), errors);
        return false;
    }
    return true;
}

void FileActions::exportCsvWithDialog(int tableIndex)
{
    const QString name = csvTableNames().value(tableIndex);
    const QString path = m_choosePath(tr("Export %1 as CSV").arg(name),
                                      QDir(startDir()).filePath(name + QStringLiteral(".csv")),
                                      tr("CSV files (*.csv);;All files (*)"), true);
    if (!path.isEmpty())
        exportCsv(tableIndex, withDefaultSuffix(path, QStringLiteral("csv")));
}

QString FileActions::withDefaultSuffix(const QString &path, const QString &suffix)
{
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path + QLatin1Char('.') + suffix;
}

QString FileActions::planSuffix() const
{
    const QString current = QFileInfo(m_document->filePath()).suffix().toLower();
    return current == QLatin1String("json") ? current : QStringLiteral("lplan");
}

bool FileActions::exportChart(const QString &path, QSize size)
{
    QString error;
    if (!chartexport::writeCharts(m_charts->currentPlots(), path, size, &error)) {
        report(tr("Cannot export chart"), tr("Nothing was written."), {{QStringLiteral("chart"), error}});
        return false;
    }
    return true;
}

void FileActions::exportChartWithDialog()
{
    QSize size = chartexport::kDefaultSize;
    if (!m_chooseSize || !m_chooseSize(&size))
        return;
    const QString path =
        m_choosePath(tr("Export Chart"), QDir(startDir()).filePath(QStringLiteral("chart.png")),
                     tr("PNG image (*.png);;PDF document (*.pdf)"), true);
    if (!path.isEmpty())
        exportChart(withDefaultSuffix(path, QStringLiteral("png")), size);
}

void FileActions::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const bool kept = !settingskeys::keptUntitledPlan.read().isEmpty();
    if (kept) {
        QAction *action = m_recentMenu->addAction(tr("&Unsaved Plan from the Last Run"), this,
                                                  &FileActions::restoreKeptPlan);
        action->setObjectName(QStringLiteral("restoreKeptPlanAction"));
        action->setStatusTip(tr("Reopen the untitled plan that was on screen when the window last closed"));
        m_recentMenu->addSeparator();
    }
    const QStringList files = m_document->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        // "&1 /path/to/plan.json": a mnemonic for each entry; an & in the path is shown, not a mnemonic.
        QString label = QDir::toNativeSeparators(path);
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action =
            m_recentMenu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(label) : label, this,
                                    [this, path] { openAsking(path); });
        action->setStatusTip(tr("Open %1").arg(QDir::toNativeSeparators(path)));
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), m_document, &PlanDocument::clearRecentFiles);
    }
    m_recentMenu->setEnabled(kept || !files.isEmpty());
}

bool FileActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        switch (event->type()) {
        case QEvent::Close:
            if (!maybeSave()) {
                event->ignore();
                return true;
            }
            break;
        case QEvent::DragEnter: {
            auto *drag = static_cast<QDragEnterEvent *>(event);
            if (!droppedPlan(drag->mimeData()).isEmpty())
                drag->acceptProposedAction();
            return true;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            const QString path = droppedPlan(drop->mimeData());
            if (!path.isEmpty()) {
                drop->acceptProposedAction();
                openAsking(path);
            }
            return true;
        }
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lp
