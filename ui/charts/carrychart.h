#pragma once

#include "carry.h"
#include "chartbase.h"

#include <optional>

class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;

namespace lp {

class MarketRegistry;
struct PlanResult;

// Carry: net APY on equity against leverage from 1x to the market's maximum (lp::planCarry), the borrow APY
// it pays on a dashed curve, the plan's own leverage marked, the zero line, and the break-even band between
// zero and what simply holding the deposit earns (a loop below the band's top earns less than holding,
// below zero it loses). With a fetched market the borrow APY rises with the plan's own borrow.
class CarryChart : public ChartBase {
    Q_OBJECT
public:
    explicit CarryChart(QWidget *parent = nullptr);

    // The markets the plan's reserves are looked up in; null: constant rates (the plan's own).
    void setMarkets(const MarketRegistry *markets) { m_markets = markets; }
    void showResult(const PlanResult &result);

    [[nodiscard]] QCPGraph *netApyGraph() const { return m_netApy; }
    [[nodiscard]] QCPGraph *borrowApyGraph() const { return m_borrowApy; }
    [[nodiscard]] QCPGraph *planGraph() const { return m_plan; }
    [[nodiscard]] const std::optional<CarryResult> &carry() const { return m_carry; }

protected:
    void autoRange() override;
    void restyle(const ChartTheme &theme) override;
    void drawPinned(const PinnedPlots &pinned) override;
    [[nodiscard]] QString readOut(double leverage) const override;

private:
    const MarketRegistry *m_markets = nullptr;
    QCPGraph *m_netApy;
    QCPGraph *m_borrowApy;
    QCPGraph *m_plan;
    QCPItemStraightLine *m_zeroLine;
    QCPItemRect *m_band;
    QCPItemText *m_planLabel;
    std::optional<CarryResult> m_carry;
    CarryInputs m_inputs;
};

} // namespace lp
