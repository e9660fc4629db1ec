#pragma once

#include "lazyoutlook.h"
#include "pinnedplot.h"

#include <QStringList>
#include <QTabWidget>

#include <array>
#include <memory>
#include <vector>

class QCustomPlot;

namespace lp {

class CarryChart;
class CloseView;
class HealthChart;
class LoopsChart;
class PnlChart;
class RiskView;
class TimeView;
struct PlanResult;

// The centre of the window: one row of tabs owning all seven pages, the price charts (P&L,
// Health, Loops), what happens after opening (Time, Close, Risk) and the carry against leverage (Carry). One
// rule for all of them: a new result marks every page stale and draws the page on screen; a hidden page
// catches up when it is shown (or when its plots are asked for), so an edit never waits for a Monte Carlo
// nobody looks at. The Time, Close and Risk pages read one LazyOutlook per result, made here and shared: the
// report's pipeline. The headless `render` command builds one too, never shown, and exports a page's plots
// from it.
class ChartTabs : public QTabWidget {
    Q_OBJECT
public:
    // Tab order.
    enum class Page { Pnl, Health, Loops, Time, Close, Risk, Carry };
    static constexpr int kPageCount = 7;

    explicit ChartTabs(QWidget *parent = nullptr);

    void showResult(std::shared_ptr<const PlanResult> result);
    void showResult(const PlanResult &result);
    // The options of the outlook (default: the report's); applied to the current result at once.
    void setOutlookOptions(const OutlookOptions &options);
    [[nodiscard]] const OutlookOptions &outlookOptions() const { return m_outlookOptions; }
    // The outlook of the latest result; null before the first.
    [[nodiscard]] const std::shared_ptr<const LazyOutlook> &outlook() const { return m_outlook; }
    // The pinned plans, drawn as extra curves on the price charts (ChartBase::setPinned).
    void setPinned(const PinnedPlots &pinned);

    // Pages with plots, as the command line spells them: pnl, health, loops, time, risk, carry.
    [[nodiscard]] static QStringList chartNames();
    [[nodiscard]] static bool chartFromName(const QString &name, Page *out);

    [[nodiscard]] Page currentPage() const;
    // Makes the page the current tab (it catches up at once).
    void showPage(Page page);
    // True when the page has not drawn the latest result yet.
    [[nodiscard]] bool isStale(Page page) const;
    // The page's plots, brought up to date first: one for the price charts and Risk, four for Time
    // (a 2 x 2 grid in reading order), none for Close.
    [[nodiscard]] std::vector<QCustomPlot *> plots(Page page);
    // What Export Chart writes: the plots of the page on screen.
    [[nodiscard]] std::vector<QCustomPlot *> currentPlots() { return plots(currentPage()); }
    // The page's first plot (the price charts' only one); null for Close.
    [[nodiscard]] QCustomPlot *plot(Page page);

    [[nodiscard]] PnlChart *pnlChart() const { return m_pnl; }
    [[nodiscard]] HealthChart *healthChart() const { return m_health; }
    [[nodiscard]] LoopsChart *loopsChart() const { return m_loops; }
    [[nodiscard]] TimeView *timeView() const { return m_time; }
    [[nodiscard]] CloseView *closeView() const { return m_close; }
    [[nodiscard]] RiskView *riskView() const { return m_risk; }
    [[nodiscard]] CarryChart *carryChart() const { return m_carry; }

private:
    void refresh(Page page);
    void refreshCurrent();

    PnlChart *m_pnl;
    HealthChart *m_health;
    LoopsChart *m_loops;
    TimeView *m_time;
    CloseView *m_close;
    RiskView *m_risk;
    CarryChart *m_carry;
    OutlookOptions m_outlookOptions;
    std::shared_ptr<const LazyOutlook> m_outlook;
    std::array<bool, kPageCount> m_stale{};
};

} // namespace lp
