#pragma once

#include "lazyoutlook.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCPColorMap;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace lp {

class ViewChart;
struct PlanResult;

// The "Risk" tab (issue 6 §4 and §6): the chance of touching the liquidation price within the horizon,
// closed form (constant barrier) and Monte Carlo (barrier rising with interest, 95 % interval); a heatmap
// of that probability over loop count x volatility; and the stress presets, before and after. Draws the
// outlook's figures as they are (LazyOutlook, shared with the report); computes nothing itself. The
// heatmap zooms, pans, resets and reads out under the crosshair as the price charts do.
class RiskView : public QWidget {
    Q_OBJECT
public:
    // The stress table: row 0 is the position today (before any preset), then one row per preset with the
    // figures after it.
    enum StressColumn { Scenario, HealthFactor, Liquidation, Equity, CloseValue, Penalty, StressColumnCount };

    explicit RiskView(QWidget *parent = nullptr);

    void showOutlook(std::shared_ptr<const LazyOutlook> outlook);
    // A result on its own: shown through an outlook of its own with the report's options except for the
    // Monte Carlo's (monteCarloOptions()).
    void showResult(const PlanResult &result);
    [[nodiscard]] const std::shared_ptr<const LazyOutlook> &outlook() const { return m_outlook; }
    // The Monte Carlo's paths, seed and threads for showResult() (default
    // lp::defaultMonteCarloOptions(), as the report).
    void setMonteCarloOptions(const MonteCarloOptions &options) { m_monteCarloOptions = options; }
    [[nodiscard]] const MonteCarloOptions &monteCarloOptions() const { return m_monteCarloOptions; }

    // The outlook's figures (zero and empty until one is shown).
    [[nodiscard]] double closedFormProbability() const;
    [[nodiscard]] const std::optional<MonteCarloResult> &monteCarlo() const;
    [[nodiscard]] const ProbabilityGrid &grid() const;
    [[nodiscard]] const std::vector<StressResult> &stress() const;
    [[nodiscard]] QLabel *closedFormLabel() const { return m_closedFormLabel; }
    [[nodiscard]] QLabel *monteCarloLabel() const { return m_monteCarloLabel; }
    [[nodiscard]] QCustomPlot *heatmapPlot() const;
    [[nodiscard]] ViewChart *heatmapChart() const { return m_heatmapChart; }
    [[nodiscard]] QCPColorMap *probabilityMap() const { return m_map; }
    [[nodiscard]] QTableWidget *stressTable() const { return m_stressTable; }

    // The heatmap's axes (lp::riskGridLoopCounts, lp::riskGridVolatilities).
    [[nodiscard]] static std::vector<int> gridLoopCounts() { return riskGridLoopCounts(); }
    [[nodiscard]] static std::vector<double> gridVolatilities(const Plan &plan)
    {
        return riskGridVolatilities(plan);
    }

    // The heatmap's crosshair text at volatility x (in %): the nearest column within half a step, with
    // the plan's own loop row; empty beyond the map.
    [[nodiscard]] QString heatmapReadOut(double x) const;

private:
    void showProbabilities();
    void showHeatmap();
    void showStress();

    MonteCarloOptions m_monteCarloOptions;
    std::shared_ptr<const LazyOutlook> m_outlook;
    QLabel *m_closedFormLabel;
    QLabel *m_monteCarloLabel;
    ViewChart *m_heatmapChart;
    QCPColorMap *m_map;
    QCPGraph *m_current;
    QTableWidget *m_stressTable;
};

} // namespace lp
