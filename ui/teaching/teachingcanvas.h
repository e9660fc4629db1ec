#pragma once

#include "teaching.h"

#include <QList>
#include <QWidget>

#include <utility>

class QVariantAnimation;

namespace lp {

// The picture of one teaching frame: balance bars (collateral, debt and what sits in the wallet, in USD),
// a health-factor gauge with its 1.0 line, and a price axis with today's price and the liquidation
// price. Moving to another frame animates from the figures shown to the new ones. It only draws the
// frame's numbers; it computes none.
class TeachingCanvas : public QWidget {
    Q_OBJECT
public:
    explicit TeachingCanvas(QWidget *parent = nullptr);

    // The frame to show; `scaleUsd` is the value of a full bar (the walk-through's largest balance) and
    // `openPriceUsd` Token A's price when the position was opened.
    void showFrame(const TeachingFrame &frame, double scaleUsd, double openPriceUsd, const QString &symbolA,
                   const QString &symbolB);
    // Milliseconds of the move from one frame to the next; 0 jumps at once.
    void setAnimationDuration(int milliseconds);
    [[nodiscard]] bool isAnimating() const;

    // What is drawn right now (between two frames while animating).
    struct Shown {
        double collateralUsd = 0;
        double debtUsd = 0;
        double walletUsd = 0;
        double healthFactor = 0; // capped for drawing; +infinity shows as "∞"
        double priceUsd = 0;
        double liquidationPriceUsd = 0; // NaN: none
    };
    [[nodiscard]] const Shown &shown() const { return m_shown; }
    [[nodiscard]] const Shown &target() const { return m_to; }

    // Where the balance panel puts its texts (widget coordinates): the "You own" line and the value label
    // above the bar of `bar` (0 collateral, 1 debt, 2 wallet) as drawn now. They never overlap: the bars'
    // plot starts below the "You own" line and a label's room.
    [[nodiscard]] QRectF ownLineRect() const;
    [[nodiscard]] QRectF barValueRect(int bar) const;
    // The health bar's colour bands, as the legend under it names them: (text, colour) from danger to safe.
    [[nodiscard]] QList<std::pair<QString, QColor>> gaugeLegend() const;

    // Large enough for every text at the widget's font (Large text included).
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintBars(QPainter &p, const QRectF &area) const;
    void paintGauge(QPainter &p, const QRectF &area) const;
    void paintPriceAxis(QPainter &p, const QRectF &area) const;
    // The three panels of the canvas and the bars' plot, laid out with the font's line height.
    struct Layout {
        QRectF bars, gauge, priceAxis, plot;
    };
    [[nodiscard]] Layout layout() const;
    [[nodiscard]] double barHeight(double usd, const QRectF &plot) const;

    QVariantAnimation *m_animation;
    Shown m_from;
    Shown m_to;
    Shown m_shown;
    double m_scaleUsd = 1;
    double m_openPriceUsd = 1;
    bool m_hfInfinite = true;
    TeachingStage m_stage = TeachingStage::Deposit;
    QString m_symbolA;
    QString m_symbolB;
};

} // namespace lp
