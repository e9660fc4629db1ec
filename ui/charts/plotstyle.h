#pragma once

#include "qcustomplot_include.h"

#include <QString>

namespace lp::plotstyle {

// The frame every chart of the app shares: the user's locale, a bold title row above the axis rect,
// locale tick labels with thousands separators, a dotted sub-grid, a visible legend. Returns the title.
QCPTextElement *setUpPlot(QCustomPlot *plot, const QString &objectName, const QString &title);

// Colours from the plot's palette now and whenever it changes (ChartTheme::applyTo), for plots that are
// not a ChartBase.
void followPalette(QCustomPlot *plot);

// A plot with that frame, following the palette: the look the Time and Risk views share with the
// P&L chart.
[[nodiscard]] QCustomPlot *newPlot(const QString &objectName, const QString &title,
                                   QWidget *parent = nullptr);

// A colour map with its colour scale on the right, for the heatmaps.
struct ColorMap {
    QCPColorMap *map = nullptr;
    QCPColorScale *scale = nullptr;
};
[[nodiscard]] ColorMap addColorMap(QCustomPlot *plot, const QString &scaleLabel);

// Red (loss) through white (zero) to green (gain); the data range must be symmetric around 0.
[[nodiscard]] QCPColorGradient profitLossGradient();
// White (0) through amber to red (1), for probabilities.
[[nodiscard]] QCPColorGradient probabilityGradient();

} // namespace lp::plotstyle
