#pragma once

#include "validationerror.h"

#include <QObject>

#include <functional>

class QAction;
class QMainWindow;
class QMenu;

namespace lp {

class ChartTabs;
class MarketRegistry;
class PlanDocument;
class PlanSession;

// The File menu's plan and export commands (New, Open, Open Recent, Save, Save As, Revert, Export CSV,
// Export Chart) and the window behaviour that goes with them: the prompt before unsaved work is lost
// (closing included) and plans dropped on the window. Dialogs go through replaceable hooks so that
// tests drive every path offscreen.
class FileActions : public QObject {
    Q_OBJECT
public:
    enum class SaveChoice { Save, Discard, Cancel };
    // (caption, starting directory or file, name filter, saving?) -> chosen path, empty when cancelled.
    using PathChooser = std::function<QString(const QString &, const QString &, const QString &, bool)>;
    using SavePrompt = std::function<SaveChoice()>;
    // Confirms dropping the changes on Revert.
    using RevertPrompt = std::function<bool()>;
    using ErrorReporter = std::function<void(const QString &title, const QString &text)>;
    // The size chosen for a chart export; false when cancelled.
    using SizeChooser = std::function<bool(QSize *)>;

    // Plan files are read and written with `markets` (see PlanDocument), which must outlive this.
    FileActions(QMainWindow *window, PlanSession *session, ChartTabs *charts, const MarketRegistry *markets);

    void addToMenu(QMenu *file);

    // Opens a plan (without asking about unsaved work: callers do that with maybeSave()); reports and
    // returns false on failure, keeping the current plan.
    bool openFile(const QString &path);
    // Opens a plan as an untitled, unsaved copy (File > Open Example), after asking about unsaved work.
    bool openCopy(const QString &path);
    // Saves to the current file, or asks for one; false when cancelled or failed.
    bool save();
    bool saveAs();
    // File > Open Recent > Unsaved Plan from the Last Run (windowsettings::keepUntitledPlan): puts it on
    // screen untitled and unsaved, after asking about unsaved work; false when cancelled or none is kept.
    bool restoreKeptPlan();
    [[nodiscard]] QMenu *recentMenu() const { return m_recentMenu; }
    // When the plan has unsaved changes, asks whether to save them; false when the user cancels.
    bool maybeSave();
    bool exportCsv(int tableIndex, const QString &path);
    bool exportChart(const QString &path, QSize size);
    // File > Export CSV > <table> and File > Export Chart: ask for a path (and a size), then export.
    void exportCsvWithDialog(int tableIndex);
    void exportChartWithDialog();
    // `path` with ".<suffix>" added when its file name has no extension of its own ("plan" ->
    // "plan.lplan"; "plan.json" and "v1.2/plan.csv" keep theirs); empty stays empty.
    [[nodiscard]] static QString withDefaultSuffix(const QString &path, const QString &suffix);
    // The extension Save As adds to a name typed without one: the current file's (.lplan or .json), else
    // .lplan, the plan file type the package registers.
    [[nodiscard]] QString planSuffix() const;

    [[nodiscard]] PlanDocument *document() const { return m_document; }
    [[nodiscard]] QAction *newAction() const { return m_new; }
    [[nodiscard]] QAction *openAction() const { return m_open; }
    [[nodiscard]] QAction *saveAction() const { return m_save; }
    [[nodiscard]] QAction *exportChartAction() const { return m_exportChart; }
    [[nodiscard]] QAction *revertAction() const { return m_revert; }

    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }
    void setSavePrompt(SavePrompt prompt) { m_askSave = std::move(prompt); }
    void setRevertPrompt(RevertPrompt prompt) { m_askRevert = std::move(prompt); }
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    void setSizeChooser(SizeChooser chooser) { m_chooseSize = std::move(chooser); }

    // File > New (after asking about unsaved work) and File > Revert (after confirming).
    void newPlan();
    void revert();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openWithDialog();
    void openAsking(const QString &path);
    void rebuildRecentMenu();
    void greyIfNotComputable(const QString &path);
    void report(const QString &title, const QString &what, const ValidationErrors &errors);
    [[nodiscard]] QString startDir() const;

    QMainWindow *m_window;
    PlanSession *m_session;
    ChartTabs *m_charts;
    PlanDocument *m_document;
    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_exportChart = nullptr;
    QMenu *m_recentMenu = nullptr;
    PathChooser m_choosePath;
    SavePrompt m_askSave;
    RevertPrompt m_askRevert;
    ErrorReporter m_reportError;
    SizeChooser m_chooseSize;
};

} // namespace lp
