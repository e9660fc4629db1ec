#include "plansession.h"

#include "marketlimits.h"

namespace lp {

PlanSession::PlanSession(QObject *parent) : QObject(parent), m_plan(defaultPlan())
{
    recompute();
}

void PlanSession::setPlan(const Plan &plan)
{
    if (plan == m_plan)
        return;
    m_plan = plan;
    emit planChanged(m_plan);
    recompute();
}

void PlanSession::setMarkets(const MarketRegistry *markets)
{
    m_markets = markets;
    recompute();
}

void PlanSession::recompute()
{
    Expected<PlanResult> computed = computePlan(m_plan);
    if (computed && m_markets) {
        if (ValidationErrors limits = checkMarketLimits(*computed, *m_markets); !limits.isEmpty())
            computed = std::move(limits);
    }
    if (computed) {
        m_errors.clear();
        m_result = std::make_shared<const PlanResult>(std::move(computed).value());
        emit resultChanged(m_result);
    } else {
        m_errors = computed.errors();
    }
    emit errorsChanged(m_errors);
}

} // namespace lp
