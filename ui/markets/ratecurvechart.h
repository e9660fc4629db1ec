#pragma once

#include "ratemodel.h"

#include <QWidget>

#include <optional>

class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;

namespace lp {

// The small chart of a reserve's interest-rate curve (docs/markets.md, "Interest rates and accrual") in the
// market editor: borrow and supply APY (APR compounded per second) against utilization, with the kink marked.
// A reserve without a rate strategy shows an empty chart that says so.
class RateCurveChart : public QWidget {
    Q_OBJECT
public:
    explicit RateCurveChart(QWidget *parent = nullptr);

    void showStrategy(const std::optional<RateStrategy> &strategy, double reserveFactor,
                      const QString &symbol);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QCPGraph *borrowGraph() const { return m_borrow; }

private:
    QCustomPlot *m_plot;
    QCPGraph *m_borrow;
    QCPGraph *m_supply;
    QCPItemStraightLine *m_kink;
};

} // namespace lp
