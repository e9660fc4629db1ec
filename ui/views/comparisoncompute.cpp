#include "comparisoncompute.h"

#include "engine.h"

#include <QThread>

#include <utility>

namespace lp {

ComparisonCompute::ComparisonCompute(PlanComparison *comparison, QObject *parent)
    : QObject(parent), m_comparison(comparison)
{
}

ComparisonCompute::~ComparisonCompute()
{
    if (m_thread) {
        disconnect(m_thread, nullptr, this, nullptr);
        m_thread->wait();
        delete m_thread;
    }
}

void ComparisonCompute::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active)
        schedule();
    else
        updateComputing();
}

void ComparisonCompute::schedule()
{
    if (m_thread || !m_active || !m_comparison) {
        updateComputing();
        return;
    }
    const std::vector<std::shared_ptr<const PlanResult>> pending = m_comparison->protectionPending();
    if (pending.empty()) {
        updateComputing();
        return;
    }
    m_running = pending.front();
    m_figures = std::make_shared<std::optional<PlanComparison::ProtectionFigures>>();
    m_thread = QThread::create([result = m_running, figures = m_figures] {
        *figures = PlanComparison::simulateProtectionFigures(*result);
    });
    connect(m_thread, &QThread::finished, this, &ComparisonCompute::onThreadDone);
    m_thread->start();
    updateComputing();
}

void ComparisonCompute::onThreadDone()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const std::shared_ptr<const PlanResult> result = std::exchange(m_running, nullptr);
    const std::shared_ptr<std::optional<PlanComparison::ProtectionFigures>> figures =
        std::exchange(m_figures, nullptr);
    // Kept only while the comparison is on screen and the result still in it.
    if (m_active && m_comparison && m_comparison->setProtection(result.get(), *figures)) {
        ++m_applied;
        emit figuresArrived();
    } else {
        ++m_dropped;
    }
    schedule();
}

void ComparisonCompute::updateComputing()
{
    const bool computing =
        m_thread != nullptr || (m_active && m_comparison && !m_comparison->protectionPending().empty());
    if (computing == m_computing)
        return;
    m_computing = computing;
    emit computingChanged(m_computing);
}

} // namespace lp
