#pragma once

#include "liquidationprobability.h"
#include "montecarlo.h"
#include "stress.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCPColorMap;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QTableWidget;

namespace lp {

struct PlanResult;

// The "Risk" tab (issue 6 §4 and §6): the chance of touching the liquidation price within the horizon,
// closed form (constant barrier) and Monte Carlo (barrier rising with interest, 95 % interval); a heatmap
// of that probability over loop count x volatility; and the stress presets, before and after.
class RiskView : public QWidget {
    Q_OBJECT
public:
    // The stress table: row 0 is the position today (before any preset), then one row per preset with the
    // figures after it.
    enum StressColumn { Scenario, HealthFactor, Liquidation, Equity, CloseValue, Penalty, StressColumnCount };

    explicit RiskView(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    // The Monte Carlo's paths, seed and threads (default lp::defaultMonteCarloOptions(), as the report);
    // used from the next showResult().
    void setMonteCarloOptions(const MonteCarloOptions &options) { m_monteCarloOptions = options; }
    [[nodiscard]] const MonteCarloOptions &monteCarloOptions() const { return m_monteCarloOptions; }

    [[nodiscard]] double closedFormProbability() const { return m_closedForm; }
    [[nodiscard]] const std::optional<MonteCarloResult> &monteCarlo() const { return m_monteCarlo; }
    [[nodiscard]] const ProbabilityGrid &grid() const { return m_grid; }
    [[nodiscard]] const std::vector<StressResult> &stress() const { return m_stress; }
    [[nodiscard]] QLabel *closedFormLabel() const { return m_closedFormLabel; }
    [[nodiscard]] QLabel *monteCarloLabel() const { return m_monteCarloLabel; }
    [[nodiscard]] QCustomPlot *heatmapPlot() const { return m_heatmapPlot; }
    [[nodiscard]] QCPColorMap *probabilityMap() const { return m_map; }
    [[nodiscard]] QTableWidget *stressTable() const { return m_stressTable; }

    // The heatmap's axes: loop counts 0..10, annual volatility 10 %..150 % in steps of 10 points.
    [[nodiscard]] static std::vector<int> gridLoopCounts();
    [[nodiscard]] static std::vector<double> gridVolatilities();

private:
    void showProbabilities(const PlanResult &result);
    void showHeatmap(const PlanResult &result);
    void showStress(const PlanResult &result);

    MonteCarloOptions m_monteCarloOptions;
    double m_closedForm = 0;
    std::optional<MonteCarloResult> m_monteCarlo;
    ProbabilityGrid m_grid;
    std::vector<StressResult> m_stress;
    QLabel *m_closedFormLabel;
    QLabel *m_monteCarloLabel;
    QCustomPlot *m_heatmapPlot;
    QCPColorMap *m_map;
    QCPGraph *m_current;
    QTableWidget *m_stressTable;
};

} // namespace lp
