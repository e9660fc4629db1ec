#pragma once

#include "plancomparison.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QThread;

namespace lp {

struct PlanResult;

// Compare mode off the GUI thread: the protection rules' Monte Carlo figures of the comparison's columns
// (PlanComparison deferred), one result at a time on a thread of its own (QThread::create, as ChainFetch
// and PositionFetch read the chain), the current plan first. The latest request wins: a change while a
// simulation runs only marks the comparison as changed; when the simulation ends its figures are kept if
// its result is still on show and dropped otherwise (stale), then the next result still pending starts.
// Typing quickly therefore simulates the plan as it is at the end, not each plan on the way. While
// inactive (the panel hidden or closed) nothing starts, and a simulation that ends is dropped. A
// simulation cannot be interrupted: the destructor waits for the one in flight (20,000 paths, well under
// a second).
class ComparisonCompute : public QObject {
    Q_OBJECT
public:
    explicit ComparisonCompute(PlanComparison *comparison, QObject *parent = nullptr);
    ~ComparisonCompute() override;

    // Active while the comparison is on screen; activating starts what is pending.
    void setActive(bool active);
    [[nodiscard]] bool isActive() const { return m_active; }
    // The comparison changed (a new current plan, a plan pinned): starts the next pending simulation
    // unless one runs.
    void schedule();
    // A simulation runs, or one is pending while active: the panel shows "computing".
    [[nodiscard]] bool isComputing() const { return m_computing; }
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    // Simulations whose figures reached the table, and those dropped (stale, or ended while inactive).
    [[nodiscard]] int applied() const { return m_applied; }
    [[nodiscard]] int dropped() const { return m_dropped; }

signals:
    void computingChanged(bool computing);
    // A simulation's figures are in the table.
    void figuresArrived();

private:
    void onThreadDone();
    void updateComputing();

    QPointer<PlanComparison> m_comparison; // the panel's: null once it is gone
    QThread *m_thread = nullptr;
    std::shared_ptr<const PlanResult> m_running;
    // Written by the thread, read once it has finished.
    std::shared_ptr<std::optional<PlanComparison::ProtectionFigures>> m_figures;
    bool m_active = false;
    bool m_computing = false;
    int m_applied = 0;
    int m_dropped = 0;
};

} // namespace lp
