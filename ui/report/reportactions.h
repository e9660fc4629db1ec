#pragma once

#include <QObject>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace lp {

class ChartTabs;
class MarketRegistry;
class PlanSession;

// File > Export Report...: the current plan's one-file report (reportdocument.h) as PDF or HTML, chosen by
// the file's suffix or the dialog's filter; a name without one gets ".pdf". The figures are the window's:
// the session's latest valid result and the chart tabs' outlook options. The dialog and the error message
// go through replaceable hooks so that tests drive them offscreen.
class ReportActions : public QObject {
    Q_OBJECT
public:
    // (caption, suggested path, name filter) -> chosen path, empty when cancelled; *filter the chosen one.
    using PathChooser = std::function<QString(const QString &, const QString &, const QString &, QString *)>;
    using ErrorReporter = std::function<void(const QString &title, const QString &text)>;

    ReportActions(QWidget *window, PlanSession *session, ChartTabs *charts, const MarketRegistry *markets);

    void addToMenu(QMenu *file);
    [[nodiscard]] QAction *exportReportAction() const { return m_exportReport; }
    // Writes the report to `path` (.html/.htm: HTML, else PDF); reports and returns false on failure.
    bool exportReport(const QString &path);
    // `path` with ".pdf" or ".html" added when it has no suffix, after the chosen filter.
    [[nodiscard]] static QString withReportSuffix(const QString &path, const QString &filter);

    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }

private:
    void exportWithDialog();

    QWidget *m_window;
    PlanSession *m_session;
    ChartTabs *m_charts;
    const MarketRegistry *m_markets;
    QAction *m_exportReport = nullptr;
    PathChooser m_choosePath;
    ErrorReporter m_reportError;
};

} // namespace lp
