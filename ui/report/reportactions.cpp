#include "reportactions.h"

#include "charttabs.h"
#include "plansession.h"
#include "reportdocument.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace lp {

ReportActions::ReportActions(QWidget *window, PlanSession *session, ChartTabs *charts,
                             const MarketRegistry *markets)
    : QObject(window), m_window(window), m_session(session), m_charts(charts), m_markets(markets)
{
    m_choosePath = [this](const QString &caption, const QString &path, const QString &filter,
                          QString *chosen) {
        return QFileDialog::getSaveFileName(m_window, caption, path, filter, chosen);
    };
    m_reportError = [this](const QString &title, const QString &text) {
        QMessageBox::warning(m_window, title, text);
    };
}

void ReportActions::addToMenu(QMenu *file)
{
    m_exportReport = file->addAction(tr("Export Re&port..."), this, &ReportActions::exportWithDialog);
    m_exportReport->setStatusTip(tr("Save the whole plan, its figures and charts as one PDF or HTML file"));
}

QString ReportActions::withReportSuffix(const QString &path, const QString &filter)
{
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path +
           (filter.contains(QLatin1String("*.html")) ? QStringLiteral(".html") : QStringLiteral(".pdf"));
}

bool ReportActions::exportReport(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const ReportFormat format = suffix == QLatin1String("html") || suffix == QLatin1String("htm")
                                    ? ReportFormat::Html
                                    : ReportFormat::Pdf;
    const std::shared_ptr<const PlanResult> result = m_session->result();
    const ReportRequest request = makeReportRequest(*result, m_charts->outlookOptions(), *m_markets);
    QString error;
    if (!writeReport(request, format, path, &error)) {
        if (m_reportError)
            m_reportError(tr("Cannot export report"), tr("Nothing was written.\n\n%1").arg(error));
        return false;
    }
    return true;
}

void ReportActions::exportWithDialog()
{
    const QString pdf = tr("PDF document (*.pdf)");
    const QString html = tr("Web page, one file (*.html)");
    QString filter = pdf;
    const QString name = m_session->plan().name.isEmpty() ? QStringLiteral("report") : m_session->plan().name;
    const QString path =
        m_choosePath(tr("Export Report"), QDir::home().filePath(name + QStringLiteral(".pdf")),
                     pdf + QStringLiteral(";;") + html, &filter);
    if (!path.isEmpty())
        exportReport(withReportSuffix(path, filter));
}

} // namespace lp
