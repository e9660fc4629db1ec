#pragma once

#include <QColor>

class QCustomPlot;
class QPalette;

namespace lp {

// The colours of every chart, derived from the widget palette so that the charts read in a light and in a
// dark window alike (issue 3, point 2). Series colours are Material 800 shades on a light background and
// 300 shades on a dark one: the 800s vanish on dark grey, the 300s on white.
struct ChartTheme {
    bool dark = false;
    QColor background;  // the plot's background: the palette's Base
    QColor text;        // titles, tick labels, axis labels
    QColor axis;        // axis lines and ticks
    QColor grid;        // major grid
    QColor subGrid;     // minor grid
    QColor zeroLine;    // the y = 0 line
    QColor legendBrush; // legend box and marker labels, slightly see-through
    QColor legendBorder;
    QColor primary;   // the plan's main curve
    QColor secondary; // its comparison (holding)
    QColor spot;      // the spot price marker
    QColor breakEven;
    QColor danger;    // liquidation price, HF = 1
    QColor highlight; // the plan's own loop count
    QColor accent;    // a third series (HF on the loops chart)
    QColor zone;      // the shaded liquidation zone

    // Dark when the palette's Base (or, failing that, Window) is darker than mid-grey.
    [[nodiscard]] static ChartTheme fromPalette(const QPalette &palette);

    // Background, axes of every axis rect, grids, legend and the text elements of the layout. Colours the
    // charts give their own labels (an axis label in its series' colour) are set again by the chart.
    void applyTo(QCustomPlot *plot) const;
};

} // namespace lp
