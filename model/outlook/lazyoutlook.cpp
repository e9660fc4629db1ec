#include "lazyoutlook.h"

#include "engine.h"
#include "riskasset.h"

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr int kGridRows = 61;
constexpr int kMaxGridColumns = 61;

} // namespace

LazyOutlook::LazyOutlook(std::shared_ptr<const PlanResult> result, OutlookOptions options)
    : m_result(std::move(result)), m_options(options)
{
}

const Timeline &LazyOutlook::timeline() const
{
    std::call_once(m_timelineOnce,
                   [this] { m_timeline = computeTimeline(m_result->plan, m_result->opened); });
    return *m_timeline;
}

const OutlookClose &LazyOutlook::close() const
{
    std::call_once(m_closeOnce, [this] {
        m_close = computeOutlookClose(*m_result, m_options.close, m_options.flashCloseFallback);
    });
    return *m_close;
}

double LazyOutlook::liquidationProbability() const
{
    std::call_once(m_probabilityOnce,
                   [this] { m_probability = lp::liquidationProbability(m_result->plan, m_result->opened); });
    return *m_probability;
}

const OutlookMonteCarlo &LazyOutlook::monteCarlo() const
{
    std::call_once(m_monteCarloOnce, [this] {
        OutlookMonteCarlo mc;
        if (m_options.runMonteCarlo) {
            Expected<MonteCarloResult> r =
                monteCarloLiquidationProbability(m_result->plan, timeline(), m_options.monteCarlo);
            if (r)
                mc.result = std::move(r).value();
            else
                mc.errors = r.errors();
        }
        m_monteCarlo = std::move(mc);
    });
    return *m_monteCarlo;
}

const std::vector<StressResult> &LazyOutlook::stress() const
{
    std::call_once(m_stressOnce, [this] { m_stress = runStressPresets(m_result->plan, m_result->opened); });
    return *m_stress;
}

const OutlookProtection &LazyOutlook::protection() const
{
    std::call_once(m_protectionOnce, [this] {
        OutlookProtection p;
        if (m_options.runMonteCarlo && !m_result->plan.protection.isEmpty()) {
            Expected<ProtectionMonteCarloResult> r =
                simulateProtection(m_result->plan, m_result->opened, m_options.monteCarlo);
            if (r)
                p.result = std::move(r).value();
            else
                p.errors = r.errors();
        }
        m_protection = std::move(p);
    });
    return *m_protection;
}

Outlook LazyOutlook::outlook() const
{
    Outlook o;
    o.timeline = timeline();
    const OutlookClose &c = close();
    o.closeMethod = c.method;
    o.exitDay = c.exitDay;
    o.exitPriceUsd = c.exitPriceUsd;
    o.close = c.chosen;
    o.closeErrors = c.chosenErrors;
    o.liquidationProbability = liquidationProbability();
    o.monteCarlo = monteCarlo().result;
    o.monteCarloErrors = monteCarlo().errors;
    o.stress = stress();
    o.protection = protection().result;
    o.protectionErrors = protection().errors;
    return o;
}

const PnlGrid &LazyOutlook::pnlGrid() const
{
    std::call_once(m_pnlGridOnce, [this] {
        const Plan &plan = m_result->plan;
        m_pnlGrid = lp::pnlGrid(plan, m_result->opened, pnlGridPrices(plan.collateral.priceUsd),
                                pnlGridDays(plan.horizonDays));
    });
    return *m_pnlGrid;
}

const ProbabilityGrid &LazyOutlook::probabilityGrid() const
{
    std::call_once(m_probabilityGridOnce, [this] {
        Expected<ProbabilityGrid> grid =
            probabilityHeatmap(m_result->plan, riskGridLoopCounts(), riskGridVolatilities(m_result->plan));
        m_probabilityGrid = grid ? std::move(grid).value() : ProbabilityGrid{};
    });
    return *m_probabilityGrid;
}

bool LazyOutlook::isComputed(Part part) const
{
    switch (part) {
    case Part::Timeline:
        return m_timeline.has_value();
    case Part::Close:
        return m_close.has_value();
    case Part::Probability:
        return m_probability.has_value();
    case Part::MonteCarlo:
        return m_monteCarlo.has_value();
    case Part::Stress:
        return m_stress.has_value();
    case Part::PnlGrid:
        return m_pnlGrid.has_value();
    case Part::ProbabilityGrid:
        return m_probabilityGrid.has_value();
    case Part::Protection:
        return m_protection.has_value();
    }
    return false;
}

Outlook computeOutlook(const PlanResult &result, const OutlookOptions &options)
{
    // Borrowed for the call only: the aliasing constructor with no owner.
    const LazyOutlook lazy(std::shared_ptr<const PlanResult>(std::shared_ptr<const PlanResult>(), &result),
                           options);
    return lazy.outlook();
}

std::vector<double> pnlGridPrices(double spotUsd)
{
    std::vector<double> prices(kGridRows);
    for (int i = 0; i < kGridRows; ++i)
        prices[static_cast<size_t>(i)] = spotUsd * (0.4 + 1.2 * i / (kGridRows - 1));
    return prices;
}

std::vector<int> pnlGridDays(int horizonDays)
{
    const int columns = std::min(kMaxGridColumns, horizonDays + 1);
    std::vector<int> days;
    for (int i = 0; i < columns; ++i) {
        const int day =
            columns == 1 ? 0 : static_cast<int>(std::lround(double(horizonDays) * i / (columns - 1)));
        if (days.empty() || day != days.back())
            days.push_back(day);
    }
    return days;
}

std::vector<int> riskGridLoopCounts()
{
    std::vector<int> loops;
    for (int n = 0; n <= 10; ++n)
        loops.push_back(n);
    return loops;
}

std::vector<double> riskGridVolatilities()
{
    std::vector<double> vols;
    for (int i = 1; i <= 15; ++i)
        vols.push_back(i / 10.0);
    return vols;
}

std::vector<double> riskGridVolatilities(const Plan &plan)
{
    if (effectiveRiskAsset(plan) != RiskAsset::Ratio)
        return riskGridVolatilities();
    std::vector<double> vols;
    for (int i = 1; i <= 15; ++i)
        vols.push_back(i / 100.0);
    return vols;
}

} // namespace lp
