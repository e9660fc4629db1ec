#pragma once

#include "qcustomplot_include.h"

#include <QString>

namespace lp::plotstyle {

// The look the Time and Risk views share with the P&L chart: locale tick labels, light sub-grid, a
// bold title row, a legend on white.
[[nodiscard]] QCustomPlot *newPlot(const QString &objectName, const QString &title,
                                   QWidget *parent = nullptr);

// The title element newPlot() added.
[[nodiscard]] QCPTextElement *titleOf(QCustomPlot *plot);

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
