#pragma once

#include "validationerror.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace lp {

namespace chain {
struct FetchedPosition;
}

class ChartTabs;
class ComparisonPanel;
class EditActions;
class ErrorSummary;
class FileActions;
class ReportActions;
class LoopTable;
class MarketPicker;
class MarketRegistry;
class PlanForm;
class PlanSession;
class PnlChart;
class SummaryPanel;
class TeachingWindow;
class PlanEditDialog;
class AccountView;
class PositionSourceDialog;
class WatchPanel;
enum class PlanEditKind;
struct PlanResult;

// The one window: the plan form on the left; in the centre the plan in one line over one row
// of tabs (P&L, Health, Loops, Time, Close, Risk); the summary on the right; the loop table and the plan
// comparison below. It only wires: the form edits the session's plan, and every view draws
// the session's latest valid result.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Shows a problem to the user (title, text). The default is a modal QMessageBox::warning; tests and
    // headless callers install their own.
    using ErrorReporter = std::function<void(const QString &title, const QString &text)>;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads a plan file and makes it the current plan. On failure reports the file and every problem,
    // leaves the current plan untouched and returns false.
    bool openPlanFile(const QString &path);
    void setErrorReporter(ErrorReporter reporter);

    [[nodiscard]] PlanSession *session() const { return m_session; }
    [[nodiscard]] PlanForm *planForm() const { return m_form; }
    [[nodiscard]] SummaryPanel *summaryPanel() const { return m_summary; }
    [[nodiscard]] PnlChart *pnlChart() const;
    [[nodiscard]] ChartTabs *chartTabs() const { return m_charts; }
    [[nodiscard]] FileActions *fileActions() const { return m_files; }
    [[nodiscard]] ReportActions *reportActions() const { return m_reports; }
    [[nodiscard]] EditActions *editActions() const { return m_edits; }
    [[nodiscard]] LoopTable *loopTable() const { return m_loopTable; }
    [[nodiscard]] QLabel *statusLine() const { return m_statusLine; }
    // The plan in one plain-language line, above the charts.
    [[nodiscard]] QLabel *planReadingLabel() const { return m_reading; }
    [[nodiscard]] ComparisonPanel *comparisonPanel() const { return m_comparison; }
    // Above the charts while the plan is not valid: each problem with its field's name as a link.
    [[nodiscard]] ErrorSummary *errorSummary() const { return m_errorSummary; }
    // Whether the figures on screen are those of the current plan (false while it is not valid: they are
    // then greyed and marked as the last valid plan's).
    [[nodiscard]] bool figuresCurrent() const { return m_figuresCurrent; }
    // Scrolls the form to the editor of the plan field `path` and gives it the focus; false if the form
    // has no such field.
    bool goToField(const QString &path);
    [[nodiscard]] QTabWidget *bottomTabs() const { return m_bottomTabs; }
    // Help > Learn how a loop works: the teaching window on the current plan (made on first use).
    TeachingWindow *showTeaching();
    [[nodiscard]] MarketPicker *marketPicker() const { return m_picker; }
    // Opens the Market editor (modal) on the presets and the user's markets.
    void editMarkets();
    // Markets > Refresh From Chain...: reads a market over JSON-RPC and reviews it (modal).
    void refreshMarketFromChain();
    // After a refresh saved `savedId` from the market `fromId`: the picker reloads, and a plan that used
    // `fromId` follows the saved market (one undoable edit; its own values stay its own).
    void followRefreshedMarket(const QString &fromId, const QString &savedId);
    // The status bar's "as of <date>, block <n>" for the plan's market; empty without one.
    [[nodiscard]] QLabel *marketFreshnessLabel() const { return m_marketFreshness; }
    // Position > an edit of the plan's position (add a loop, repay, deleverage, close now): the before/after
    // dialog, window-modal; its Apply makes the edited plan current as one undo step. Null (after saying
    // why) while the plan is not valid.
    PlanEditDialog *editPosition(PlanEditKind kind);
    // File > Open Position...: the source dialog (window-modal); once it has read the account, the
    // account opens in the Position dock, with Plan From Position for a single pair.
    PositionSourceDialog *openPosition();
    // File > Watch Position...: the source dialog; once accepted, the Watch dock reads the account on its
    // interval, each reading on a worker thread.
    PositionSourceDialog *watchPosition();
    // The Position dock's view and button (null until a position is opened), and the Watch dock's panel.
    [[nodiscard]] AccountView *accountView() const { return m_accountView; }
    [[nodiscard]] QPushButton *planFromPositionButton() const { return m_planFromPosition; }
    [[nodiscard]] WatchPanel *watchPanel() const { return m_watch; }
    // Plan From Position: the account, if it is one collateral against one debt, as the current plan (one
    // undo step), as `position --plan` writes it; otherwise says which views need a single pair.
    bool planFromPosition();
    // Shows a position read from the chain in the Position dock (what Open Position does once read).
    void showPosition(const chain::FetchedPosition &position, const QString &title = {});
    // Help > About Leverage Planner (modal).
    void showAbout();
    // What the last run left in QSettings (lp::windowsettings): the geometry and splitters, and, unless
    // `restorePlan` is false (a file named on the command line wins), the last plan.
    void restoreSettings(bool restorePlan = true);

protected:
    // Keeps the layout and the plan in QSettings once the close is accepted (FileActions asks first).
    void closeEvent(QCloseEvent *event) override;
    // A new palette (View > Theme): views that colour by risk pick colours for it.
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    // Compare > Backtest Against Price History... (mainwindowbacktest.cpp).
    void addBacktestAction(QMenu *menu);
    void buildPositionMenu();
    void addPositionActions(QMenu *file);
    void showResult(const std::shared_ptr<const PlanResult> &result);
    void showErrors(const ValidationErrors &errors);
    // Greys the figures and marks them as not current (`stale`), or shows them plainly again.
    void markFiguresStale(bool stale);
    void updateTitle();
    void updateMarketFreshness();

    PlanSession *m_session;
    std::unique_ptr<MarketRegistry> m_markets; // presets + the user's markets (AppDataLocation/markets)
    QString m_userMarketsDirectory;
    MarketPicker *m_picker;
    PlanForm *m_form;
    SummaryPanel *m_summary;
    ChartTabs *m_charts;
    FileActions *m_files;
    ReportActions *m_reports = nullptr;
    EditActions *m_edits;
    LoopTable *m_loopTable;
    QLabel *m_statusLine;
    QLabel *m_marketFreshness;
    QLabel *m_reading;
    ErrorSummary *m_errorSummary;
    bool m_figuresCurrent = true;
    ComparisonPanel *m_comparison;
    QTabWidget *m_bottomTabs;
    TeachingWindow *m_teaching = nullptr;
    ErrorReporter m_reportError;
    AccountView *m_accountView = nullptr;
    QPushButton *m_planFromPosition = nullptr;
    WatchPanel *m_watch = nullptr;
};

} // namespace lp
