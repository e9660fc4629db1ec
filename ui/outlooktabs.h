#pragma once

#include <QTabWidget>

#include <array>
#include <memory>

namespace lp {

class CloseView;
class RiskView;
class TimeView;
struct PlanResult;

// The centre tabs of the window: the price charts (P&L, health, loops), then what happens after opening
// (issue 6): Time, Close and Risk. Each view draws the session's latest valid result, but only while it
// is the current tab: a hidden view is marked stale and catches up when it is shown, so typing in the
// plan form never waits for a Monte Carlo nobody is looking at.
class OutlookTabs : public QTabWidget {
    Q_OBJECT
public:
    // `charts` (the price charts: P&L, health, loops) becomes the first tab (the tabs take ownership).
    explicit OutlookTabs(QWidget *charts, QWidget *parent = nullptr);

    void showResult(std::shared_ptr<const PlanResult> result);
    // True when the view on tab `index` (1..3) has not drawn the latest result yet.
    [[nodiscard]] bool isStale(int index) const;

    [[nodiscard]] TimeView *timeView() const { return m_time; }
    [[nodiscard]] CloseView *closeView() const { return m_close; }
    [[nodiscard]] RiskView *riskView() const { return m_risk; }

private:
    void refreshCurrent();

    std::shared_ptr<const PlanResult> m_result;
    std::array<bool, 3> m_stale{};
    TimeView *m_time;
    CloseView *m_close;
    RiskView *m_risk;
};

} // namespace lp
