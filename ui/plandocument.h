#pragma once

#include "csvexport.h"
#include "plan.h"
#include "validationerror.h"

#include <QObject>
#include <QStringList>

namespace lp {

class MarketRegistry;
class PlanSession;

// The plan as a document on disk: which file the session's plan came from, whether it has changed since
// it was opened or saved, and the recent files. Opening leaves the session untouched when the file is
// not a valid plan; saving is atomic and keeps the fields this version does not know. No dialogs here:
// FileActions asks the user, this does the work and returns errors naming the path or field.
class PlanDocument : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxRecentFiles = 8;

    // Plans are read and written with `markets` (the presets and the user's markets the window shows): a
    // plan on one of them keeps following it. The registry must outlive the document.
    PlanDocument(PlanSession *session, const MarketRegistry *markets, QObject *parent = nullptr);

    [[nodiscard]] const MarketRegistry &markets() const { return *m_markets; }

    [[nodiscard]] QString filePath() const { return m_filePath; }
    // True when the session's plan differs from the one last opened, saved or started afresh.
    [[nodiscard]] bool isModified() const;

    // The default plan, untitled and unmodified.
    void newPlan();
    // Reads `path` and makes it the session's plan; on any error the session and this document stay as
    // they were.
    [[nodiscard]] ValidationErrors open(const QString &path);
    // Writes the plan to the current file; an error when there is none (use saveAs).
    [[nodiscard]] ValidationErrors save();
    [[nodiscard]] ValidationErrors saveAs(const QString &path);
    // Reads the current file again, dropping every change since.
    [[nodiscard]] ValidationErrors revert();
    // One table of the current plan's result; an error while the plan is not valid.
    [[nodiscard]] ValidationErrors exportCsvTable(CsvTable table, const QString &path) const;

    [[nodiscard]] QStringList recentFiles() const;
    void clearRecentFiles();

signals:
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void recentFilesChanged();
    // The session holds another document's plan (New, Open, Revert): edit history before it is moot.
    void replaced();
    // The plan was written to its file.
    void saved();

private:
    void setClean(const QString &path);
    void addRecentFile(const QString &path);
    void setRecentFiles(const QStringList &files);

    PlanSession *m_session;
    const MarketRegistry *m_markets;
    QString m_filePath;
    Plan m_savedPlan;
    bool m_lastModified = false;
};

} // namespace lp
