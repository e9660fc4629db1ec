#pragma once

#include <QWidget>

#include <array>

class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace lp {

struct PlanResult;

// The app's main chart (DESIGN §1, "P&L against Token A's price"): the leveraged position's P&L in USD
// against Token A's price, next to simply holding the deposit, with vertical markers at the spot,
// break-even and liquidation prices and the liquidation zone shaded. A thin adapter: the data are the
// PriceSweep points as they are.
class PnlChart : public QWidget {
    Q_OBJECT
public:
    enum class Marker { Spot, BreakEven, Liquidation };
    static constexpr int kMarkerCount = 3;

    explicit PnlChart(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QCPGraph *leveragedGraph() const { return m_leveraged; }
    [[nodiscard]] QCPGraph *holdGraph() const { return m_hold; }
    [[nodiscard]] QString title() const;
    // The price a marker stands at; NaN when the marker is hidden (no debt: nothing to liquidate).
    [[nodiscard]] double markerPriceUsd(Marker marker) const;
    [[nodiscard]] QString markerLabel(Marker marker) const;

private:
    struct MarkerItems {
        QCPItemStraightLine *line = nullptr;
        QCPItemText *label = nullptr;
    };

    MarkerItems makeMarker(const QColor &color, Qt::PenStyle style, double labelY, Qt::Alignment alignment);
    void placeMarker(Marker marker, double priceUsd, const QString &text);

    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPGraph *m_leveraged;
    QCPGraph *m_hold;
    QCPItemRect *m_liquidationZone;
    QCPItemStraightLine *m_zeroLine;
    std::array<MarkerItems, kMarkerCount> m_markers;
};

} // namespace lp
