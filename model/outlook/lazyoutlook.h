#pragma once

#include "liquidationprobability.h"
#include "outlook.h"

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace lp {

struct PlanResult;

// One outlook per result, each part computed on first use and kept: the report's computeOutlook() and
// the window's Time, Close and Risk pages read the same parts through it, so that the window shows what
// `report` prints for the same plan and options. The window makes one per result and shares it between
// its pages; a page nobody looks at never pays for its part. Safe to read from several threads.
class LazyOutlook {
public:
    explicit LazyOutlook(std::shared_ptr<const PlanResult> result, OutlookOptions options = {});
    LazyOutlook(const LazyOutlook &) = delete;
    LazyOutlook &operator=(const LazyOutlook &) = delete;

    [[nodiscard]] const PlanResult &result() const { return *m_result; }
    [[nodiscard]] const std::shared_ptr<const PlanResult> &sharedResult() const { return m_result; }
    [[nodiscard]] const OutlookOptions &options() const { return m_options; }

    // Days 0..horizon at today's prices.
    [[nodiscard]] const Timeline &timeline() const;
    // The close at the options' exit day and price, both methods, and the report's pick.
    [[nodiscard]] const OutlookClose &close() const;
    // Closed form, barrier = today's liquidation price.
    [[nodiscard]] double liquidationProbability() const;
    // Barrier rising with interest; empty with no errors when the options turn the Monte Carlo off.
    [[nodiscard]] const OutlookMonteCarlo &monteCarlo() const;
    [[nodiscard]] const std::vector<StressResult> &stress() const;
    // The plan's protection rules on the Monte Carlo paths (same options); empty without rules.
    [[nodiscard]] const OutlookProtection &protection() const;
    // All of the above, as the report takes it.
    [[nodiscard]] Outlook outlook() const;

    // The window's heatmaps, not in the report: P&L over price x day on pnlGridPrices() x
    // pnlGridDays(), and the closed-form probability over riskGridLoopCounts() x
    // riskGridVolatilities() (empty when the plan cannot be re-opened at those loop counts).
    [[nodiscard]] const PnlGrid &pnlGrid() const;
    [[nodiscard]] const ProbabilityGrid &probabilityGrid() const;

    // Which parts have been computed so far (for tests of the laziness).
    enum class Part {
        Timeline,
        Close,
        Probability,
        MonteCarlo,
        Stress,
        PnlGrid,
        ProbabilityGrid,
        Protection
    };
    [[nodiscard]] bool isComputed(Part part) const;

private:
    std::shared_ptr<const PlanResult> m_result;
    OutlookOptions m_options;
    mutable std::once_flag m_timelineOnce, m_closeOnce, m_probabilityOnce, m_monteCarloOnce, m_stressOnce,
        m_pnlGridOnce, m_probabilityGridOnce, m_protectionOnce;
    mutable std::optional<Timeline> m_timeline;
    mutable std::optional<OutlookClose> m_close;
    mutable std::optional<double> m_probability;
    mutable std::optional<OutlookMonteCarlo> m_monteCarlo;
    mutable std::optional<std::vector<StressResult>> m_stress;
    mutable std::optional<PnlGrid> m_pnlGrid;
    mutable std::optional<ProbabilityGrid> m_probabilityGrid;
    mutable std::optional<OutlookProtection> m_protection;
};

// The P&L heatmap's axes: prices from 40 % to 160 % of spot in 61 rows, days 0..horizon in at most 61
// columns.
[[nodiscard]] std::vector<double> pnlGridPrices(double spotUsd);
[[nodiscard]] std::vector<int> pnlGridDays(int horizonDays);
// The probability heatmap's axes: loop counts 0..10, annual volatility 10 %..150 % in steps of 10 points
// (a USD price's scale). For a plan, the scale of the price that moves (riskasset.h riskVolatility): a
// ratio pair's 1 %..15 % in steps of 1 point (risk.ratioVolatility is a few percent a year: on the USD
// grid its cell would lie off the map), a USD price's the grid above.
[[nodiscard]] std::vector<int> riskGridLoopCounts();
[[nodiscard]] std::vector<double> riskGridVolatilities();
[[nodiscard]] std::vector<double> riskGridVolatilities(const Plan &plan);

} // namespace lp
