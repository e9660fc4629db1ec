#pragma once

#include "charttheme.h"
#include "pinnedplot.h"

#include <QWidget>

#include <vector>

class QAction;
class QCPAbstractItem;
class QCPAxis;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPTextElement;
class QCustomPlot;

namespace lp {

// What the P&L, health and loop-count charts share (issue 3, point 2): a QCustomPlot with a title row,
// locale tick labels, grids and a legend; colours that follow the widget palette; wheel zoom and drag pan
// that the next edit of the plan keeps, until the user resets the view (double-click, R, or the context
// menu); a crosshair with a read-out the chart writes; and the pinned plans drawn as extra curves.
class ChartBase : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxPinned = 4;

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] const ChartTheme &theme() const { return m_theme; }

    // True once the user zoomed or panned; the chart then keeps their ranges through edits of the plan.
    [[nodiscard]] bool isUserView() const { return m_userView; }
    // Back to the chart's own ranges (the whole curve in view), and following every edit again.
    void resetView();
    [[nodiscard]] QAction *resetViewAction() const { return m_resetAction; }

    // The plans pinned for comparison; the first kMaxPinned with a result are drawn. Kept through
    // showResult(); showing a new result never drops them.
    void setPinned(const PinnedPlots &pinned);
    [[nodiscard]] const PinnedPlots &pinned() const { return m_pinned; }
    [[nodiscard]] const std::vector<QCPGraph *> &pinnedGraphs() const { return m_pinnedGraphs; }

    // The crosshair as the mouse places it: a vertical line at key `x` of the main axis rect and the
    // chart's read-out there. Hidden when the chart has nothing to read at `x`.
    void showCrosshairAt(double x);
    void hideCrosshair();
    [[nodiscard]] bool isCrosshairVisible() const;
    [[nodiscard]] double crosshairKey() const;
    // The read-out text shown beside the crosshair; empty when it is hidden.
    [[nodiscard]] QString crosshairText() const;

protected:
    ChartBase(const QString &objectName, QSize minimumSize, QWidget *parent);

    void setTitle(const QString &text);
    // Call once the subclass has made its axes and graphs: watches every axis for ranges the user sets and
    // applies the palette's colours.
    void finishSetup();
    // After new data: the chart's own ranges unless the user zoomed, then a replot (deferred until the chart
    // is shown when it is hidden, e.g. on a tab in the background).
    void refresh();

    // The ranges that show the whole of the data (and of the pinned curves).
    virtual void autoRange() = 0;
    // Colours of the chart's own series, markers and labels; the frame is already styled.
    virtual void restyle(const ChartTheme &theme) = 0;
    // Draws m_pinned's plans (at most kMaxPinned, each with a result) with
    // addPinnedGraph()/trackPinnedItem().
    virtual void drawPinned(const PinnedPlots &pinned) = 0;
    // The crosshair's text at key x; empty hides it.
    [[nodiscard]] virtual QString readOut(double x) const;

    // A pinned plan's colour as drawn: lightened on a dark background when it would not stand out.
    [[nodiscard]] QColor pinnedColor(const PinnedPlot &pinned) const;
    QCPGraph *addPinnedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis, const PinnedPlot &pinned);
    // An item drawn for a pinned plan, removed with its graphs when the pinned plans change.
    void trackPinnedItem(QCPAbstractItem *item);

    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTheme();
    void clearPinned();
    void onAxisRangeChanged();

    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPLayer *m_pinnedLayer;
    QCPLayer *m_crosshairLayer;
    QCPItemStraightLine *m_crosshairLine;
    QCPItemText *m_crosshairLabel;
    QAction *m_resetAction;
    ChartTheme m_theme;
    PinnedPlots m_pinned;
    std::vector<QCPGraph *> m_pinnedGraphs;
    std::vector<QCPAbstractItem *> m_pinnedItems;
    bool m_userView = false;
    bool m_autoRanging = false;
    bool m_dirty = false;
};

} // namespace lp
