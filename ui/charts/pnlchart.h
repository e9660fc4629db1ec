#pragma once

#include "chartbase.h"
#include "sweeplookup.h"

#include <QSharedPointer>

#include <array>
#include <memory>
#include <optional>

class QActionGroup;
class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;

namespace lp {

class LocaleTicker;
struct PlanResult;

// The app's main chart, "P&L against Token A's price": the leveraged position's P&L, in USD or
// in % of the deposit, against Token A's price next to simply holding the deposit; markers at the spot,
// break-even, liquidation and zero-equity prices; the liquidation zone shaded, the partial liquidations on
// the way down marked with the bonus they cost; a crosshair reading the sweep at the cursor; pinned plans
// as thin curves with their liquidation prices. A thin adapter: the data are the PriceSweep points.
class PnlChart : public ChartBase {
    Q_OBJECT
public:
    // StopLoss, TakeProfit, TrailingStop: where the plan's price rules act (protection, on Token A's
    // price; the trailing stop where it starts, (1 - fraction) x spot). Hidden on a short's axis.
    enum class Marker { Spot, BreakEven, Liquidation, ZeroEquity, StopLoss, TakeProfit, TrailingStop };
    static constexpr int kMarkerCount = 7;

    explicit PnlChart(QWidget *parent = nullptr);
    ~PnlChart() override;

    void showResult(const PlanResult &result);

    // USD (the default) or a fraction of the deposit's value at open, shown as percent.
    void setPnlUnit(PnlUnit unit);
    [[nodiscard]] PnlUnit pnlUnit() const { return m_unit; }
    [[nodiscard]] QAction *percentAction() const { return m_percentAction; }

    [[nodiscard]] QCPGraph *leveragedGraph() const { return m_leveraged; }
    [[nodiscard]] QCPGraph *holdGraph() const { return m_hold; }
    // One point per partial liquidation on the falling path, on the leveraged curve.
    [[nodiscard]] QCPGraph *liquidationsGraph() const { return m_liquidations; }
    // The price a marker stands at; NaN when the marker is hidden (no debt: nothing to liquidate).
    [[nodiscard]] double markerPriceUsd(Marker marker) const;
    [[nodiscard]] QString markerLabel(Marker marker) const;
    // The marker's label in the plot's pixels after the last replot (empty when hidden), and the axis
    // rect's: a label stays inside it, on the other side of its line where its own side has no room.
    [[nodiscard]] QRectF markerLabelRect(Marker marker) const;
    [[nodiscard]] QRectF plotAreaRect() const;

    // What-if: the same plan under another liquidation rule set, drawn as a dashed curve next to the plan's
    // own (e.g. Aave v3.3 against Morpho Blue at the same LTV). Nullopt hides it. Also in the context menu.
    void setCompareRuleSet(std::optional<LiquidationRuleSet> rules);
    [[nodiscard]] std::optional<LiquidationRuleSet> compareRuleSet() const { return m_compareRules; }
    [[nodiscard]] QCPGraph *compareGraph() const { return m_compare; }

protected:
    void autoRange() override;
    void restyle(const ChartTheme &theme) override;
    void drawPinned(const PinnedPlots &pinned) override;
    [[nodiscard]] QString readOut(double x) const override;

private:
    struct MarkerItems {
        QCPItemStraightLine *line = nullptr;
        QCPItemText *label = nullptr;
    };

    MarkerItems makeMarker(double labelY, Qt::Alignment alignment);
    void placeRuleMarkers(const PlanResult &result);
    void placeMarker(Marker marker, double priceUsd, const QString &text);
    void drawCurves();
    void computeCompare();
    [[nodiscard]] QString pnlText(double usd, double fraction) const;

    QCPGraph *m_leveraged;
    QCPGraph *m_hold;
    QCPGraph *m_liquidations;
    QCPGraph *m_compare;
    QActionGroup *m_compareGroup;
    std::optional<LiquidationRuleSet> m_compareRules;
    std::unique_ptr<PlanResult> m_compareResult; // the plan under m_compareRules
    QCPItemRect *m_liquidationZone;
    QCPItemStraightLine *m_zeroLine;
    std::array<MarkerItems, kMarkerCount> m_markers;
    QAction *m_percentAction;
    QSharedPointer<LocaleTicker> m_pnlTicker;
    PnlUnit m_unit = PnlUnit::Usd;
    std::unique_ptr<PlanResult> m_result; // what the curves and the crosshair read
};

} // namespace lp
