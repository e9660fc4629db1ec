#pragma once

#include "timeline.h"

#include <QWidget>

class QCPColorMap;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace lp {

struct PlanResult;

// The "Time" tab (issue 6): the position day by day at today's prices. Equity against
// simply holding the deposit, the liquidation price drifting against the spot price, the health factor,
// and the P&L on a price x day grid as a heatmap (lp::pnlGrid). Draws the session's result as it is.
class TimeView : public QWidget {
    Q_OBJECT
public:
    explicit TimeView(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);

    [[nodiscard]] const Timeline &timeline() const { return m_timeline; }
    [[nodiscard]] const PnlGrid &grid() const { return m_grid; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QCustomPlot *valuePlot() const { return m_valuePlot; }
    [[nodiscard]] QCustomPlot *liquidationPlot() const { return m_liquidationPlot; }
    [[nodiscard]] QCustomPlot *healthPlot() const { return m_healthPlot; }
    [[nodiscard]] QCustomPlot *heatmapPlot() const { return m_heatmapPlot; }
    [[nodiscard]] QCPGraph *equityGraph() const { return m_equity; }
    [[nodiscard]] QCPGraph *holdGraph() const { return m_hold; }
    [[nodiscard]] QCPGraph *liquidationGraph() const { return m_liquidation; }
    [[nodiscard]] QCPGraph *spotGraph() const { return m_spot; }
    [[nodiscard]] QCPGraph *healthGraph() const { return m_health; }
    [[nodiscard]] QCPColorMap *pnlMap() const { return m_pnlMap; }

    // The heatmap's axes: prices from 40 % to 160 % of spot in 61 rows, days 0..horizon in at most 61
    // columns.
    [[nodiscard]] static std::vector<double> gridPrices(double spotUsd);
    [[nodiscard]] static std::vector<int> gridDays(int horizonDays);

private:
    void showCharts(const PlanResult &result);
    void showHeatmap(const PlanResult &result);

    Timeline m_timeline;
    PnlGrid m_grid;
    QLabel *m_summary;
    QCustomPlot *m_valuePlot;
    QCustomPlot *m_liquidationPlot;
    QCustomPlot *m_healthPlot;
    QCustomPlot *m_heatmapPlot;
    QCPGraph *m_equity;
    QCPGraph *m_hold;
    QCPGraph *m_liquidation;
    QCPGraph *m_spot;
    QCPGraph *m_health;
    QCPGraph *m_healthOne;
    QCPColorMap *m_pnlMap;
};

} // namespace lp
