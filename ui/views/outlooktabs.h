#pragma once

#include <QObject>

#include <array>
#include <memory>

class QTabWidget;

namespace lp {

class CloseView;
class RiskView;
class TimeView;
struct PlanResult;

// What happens after opening (issue 6): the Time, Close and Risk views, added as pages of the window's
// centre tabs after the price charts (one row of tabs: P&L, Health, Loops, Time, Close, Risk). Each view
// draws the session's latest valid result, but only while it is the current tab: a hidden view is marked
// stale and catches up when it is shown, so typing in the plan form never waits for a Monte Carlo nobody
// is looking at.
class OutlookTabs : public QObject {
    Q_OBJECT
public:
    enum class Page { Time, Close, Risk };

    // Appends the three pages to `tabs` (which owns them from then on).
    explicit OutlookTabs(QTabWidget *tabs);

    void showResult(std::shared_ptr<const PlanResult> result);
    [[nodiscard]] int tabIndex(Page page) const;
    // Makes the page the current tab (it catches up at once).
    void showPage(Page page);
    // True when the page has not drawn the latest result yet.
    [[nodiscard]] bool isStale(Page page) const;

    [[nodiscard]] TimeView *timeView() const { return m_time; }
    [[nodiscard]] CloseView *closeView() const { return m_close; }
    [[nodiscard]] RiskView *riskView() const { return m_risk; }

private:
    void refreshCurrent();

    QTabWidget *m_tabs;
    std::shared_ptr<const PlanResult> m_result;
    std::array<bool, 3> m_stale{};
    TimeView *m_time;
    CloseView *m_close;
    RiskView *m_risk;
};

} // namespace lp
