#pragma once

#include <QWidget>

class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QCustomPlot;

namespace lp {

struct PlanResult;

// Health factor and liquidation price against Token A's price (DESIGN §5), with the HF = 1 line where
// liquidations start and a marker at the spot price. Draws lp::healthSeries() as it is.
class HealthChart : public QWidget {
    Q_OBJECT
public:
    explicit HealthChart(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QCPGraph *healthGraph() const { return m_health; }
    [[nodiscard]] QCPGraph *liquidationGraph() const { return m_liquidation; }
    [[nodiscard]] QString title() const;

private:
    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPGraph *m_health;
    QCPGraph *m_liquidation;
    QCPItemStraightLine *m_unitLine;
    QCPItemStraightLine *m_spotLine;
};

} // namespace lp
