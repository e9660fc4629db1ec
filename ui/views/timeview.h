#pragma once

#include "lazyoutlook.h"
#include "timeline.h"

#include <QWidget>

#include <memory>

class QCPColorMap;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace lp {

class ViewChart;
struct PlanResult;

// The "Time" tab (issue 6): the position day by day at today's prices. Equity against
// simply holding the deposit, the liquidation price drifting against the spot price, the health factor,
// and the P&L on a price x day grid as a heatmap (lp::pnlGrid). Draws the outlook's timeline and grid as
// they are (LazyOutlook, shared with the report); computes nothing itself. Each plot zooms, pans, resets
// and reads out under the crosshair as the price charts do.
class TimeView : public QWidget {
    Q_OBJECT
public:
    explicit TimeView(QWidget *parent = nullptr);

    void showOutlook(std::shared_ptr<const LazyOutlook> outlook);
    // A result on its own: shown through an outlook of its own with the report's default options.
    void showResult(const PlanResult &result);
    [[nodiscard]] const std::shared_ptr<const LazyOutlook> &outlook() const { return m_outlook; }

    // Empty until an outlook is shown.
    [[nodiscard]] const Timeline &timeline() const;
    [[nodiscard]] const PnlGrid &grid() const;
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QCustomPlot *valuePlot() const;
    [[nodiscard]] QCustomPlot *liquidationPlot() const;
    [[nodiscard]] QCustomPlot *healthPlot() const;
    [[nodiscard]] QCustomPlot *heatmapPlot() const;
    // The four plots in reading order (value, liquidation; health, heatmap), as a 2 x 2 grid.
    [[nodiscard]] std::vector<QCustomPlot *> plots() const;
    [[nodiscard]] std::vector<ViewChart *> charts() const;
    [[nodiscard]] QCPGraph *equityGraph() const { return m_equity; }
    [[nodiscard]] QCPGraph *holdGraph() const { return m_hold; }
    [[nodiscard]] QCPGraph *liquidationGraph() const { return m_liquidation; }
    [[nodiscard]] QCPGraph *spotGraph() const { return m_spot; }
    [[nodiscard]] QCPGraph *healthGraph() const { return m_health; }
    [[nodiscard]] QCPColorMap *pnlMap() const { return m_pnlMap; }

    // The heatmap's axes (lp::pnlGridPrices, lp::pnlGridDays).
    [[nodiscard]] static std::vector<double> gridPrices(double spotUsd) { return pnlGridPrices(spotUsd); }
    [[nodiscard]] static std::vector<int> gridDays(int horizonDays) { return pnlGridDays(horizonDays); }

private:
    void showCharts();
    void showHeatmap();
    [[nodiscard]] QString dayReadOut(double x, int what) const;
    [[nodiscard]] QString heatmapReadOut(double x) const;

    std::shared_ptr<const LazyOutlook> m_outlook;
    QLabel *m_summary;
    ViewChart *m_valueChart;
    ViewChart *m_liquidationChart;
    ViewChart *m_healthChart;
    ViewChart *m_heatmapChart;
    QCPGraph *m_equity;
    QCPGraph *m_hold;
    QCPGraph *m_liquidation;
    QCPGraph *m_spot;
    QCPGraph *m_health;
    QCPGraph *m_healthOne;
    QCPColorMap *m_pnlMap;
};

} // namespace lp
