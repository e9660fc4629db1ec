#include "plandocument.h"

#include "planfile.h"
#include "planjson.h"
#include "plansession.h"
#include "settingskeys.h"

#include <QFileInfo>
#include <QSettings>

namespace lp {

namespace {

} // namespace

PlanDocument::PlanDocument(PlanSession *session, const MarketRegistry *markets, QObject *parent)
    : QObject(parent), m_session(session), m_markets(markets), m_savedPlan(session->plan())
{
    connect(m_session, &PlanSession::planChanged, this, [this] {
        const bool modified = isModified();
        if (modified != m_lastModified) {
            m_lastModified = modified;
            emit modifiedChanged(modified);
        }
    });
}

bool PlanDocument::isModified() const
{
    return m_session->plan() != m_savedPlan;
}

void PlanDocument::setClean(const QString &path)
{
    m_savedPlan = m_session->plan();
    const bool pathChanged = path != m_filePath;
    m_filePath = path;
    if (pathChanged)
        emit filePathChanged(m_filePath);
    if (m_lastModified) {
        m_lastModified = false;
        emit modifiedChanged(false);
    }
    if (!path.isEmpty())
        addRecentFile(path);
}

void PlanDocument::newPlan()
{
    m_session->setPlan(defaultPlan());
    setClean(QString());
    emit replaced();
}

ValidationErrors PlanDocument::open(const QString &path)
{
    Expected<Plan> plan = readPlanFile(path, markets());
    if (!plan)
        return plan.errors();
    m_session->setPlan(plan.value());
    setClean(QFileInfo(path).absoluteFilePath());
    emit replaced();
    return {};
}

ValidationErrors PlanDocument::save()
{
    if (m_filePath.isEmpty())
        return {{QStringLiteral("file"), QStringLiteral("the plan has no file yet: use Save As")}};
    return saveAs(m_filePath);
}

ValidationErrors PlanDocument::saveAs(const QString &path)
{
    ValidationErrors errors = writePlanFile(m_session->plan(), path, markets());
    if (errors.isEmpty()) {
        setClean(QFileInfo(path).absoluteFilePath());
        emit saved();
    }
    return errors;
}

ValidationErrors PlanDocument::revert()
{
    if (m_filePath.isEmpty())
        return {{QStringLiteral("file"), QStringLiteral("the plan has no file to revert to")}};
    return open(m_filePath);
}

ValidationErrors PlanDocument::exportCsvTable(CsvTable table, const QString &path) const
{
    if (!m_session->isValid() || !m_session->result())
        return {{QStringLiteral("plan"),
                 QStringLiteral("is not valid: %1").arg(formatErrors(m_session->errors()))}};
    return writeCsvFile(*m_session->result(), table, path);
}

QStringList PlanDocument::recentFiles() const
{
    return settingskeys::recentFiles.read();
}

void PlanDocument::clearRecentFiles()
{
    setRecentFiles({});
}

void PlanDocument::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    setRecentFiles(files);
}

void PlanDocument::setRecentFiles(const QStringList &files)
{
    QSettings settings;
    if (files.isEmpty())
        settingskeys::recentFiles.remove(settings);
    else
        settingskeys::recentFiles.write(settings, files);
    emit recentFilesChanged();
}

} // namespace lp
