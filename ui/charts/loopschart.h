#pragma once

#include "chartbase.h"
#include "loopcountseries.h"

#include <optional>

class QCPAxisRect;
class QCPGraph;
class QCPItemStraightLine;

namespace lp {

struct PlanResult;

// Leverage, health factor and liquidation price against the loop count 0..20: leverage on
// top with its limit 1 / (1 - t) and the reserve's cap 1 / (1 - ltv); HF (left axis, with the HF = 1
// line) and liquidation price (right axis) below; the plan's own loop count highlighted on both; pinned
// plans add their leverage curves. Draws lp::loopCountSeries() as it is.
class LoopsChart : public ChartBase {
    Q_OBJECT
public:
    static constexpr int kMaxLoops = 20;

    explicit LoopsChart(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);

    [[nodiscard]] QCPGraph *leverageGraph() const { return m_leverage; }
    [[nodiscard]] QCPGraph *healthGraph() const { return m_health; }
    [[nodiscard]] QCPGraph *liquidationGraph() const { return m_liquidation; }
    // The highlighted plan point on the leverage panel; empty with a flash loan.
    [[nodiscard]] QCPGraph *currentLeverageGraph() const { return m_currentLeverage; }
    [[nodiscard]] double leverageCapShown() const;

protected:
    void autoRange() override;
    void restyle(const ChartTheme &theme) override;
    void drawPinned(const PinnedPlots &pinned) override;
    [[nodiscard]] QString readOut(double loops) const override;

private:
    QCPItemStraightLine *horizontalLine(QCPAxisRect *rect);

    QCPAxisRect *m_leverageRect;
    QCPAxisRect *m_healthRect;
    QCPGraph *m_leverage;
    QCPGraph *m_health;
    QCPGraph *m_liquidation;
    QCPGraph *m_currentLeverage;
    QCPGraph *m_currentHealth;
    QCPItemStraightLine *m_capLine;
    QCPItemStraightLine *m_limitLine;
    QCPItemStraightLine *m_unitLine;
    std::optional<LoopCountSeries> m_series;
    QString m_borrowSymbol;
    double m_maxPinnedLeverage = 0;
};

} // namespace lp
