#pragma once

#include <QRect>
#include <QSize>
#include <QString>

#include <vector>

class QCustomPlot;

namespace lp::chartexport {

// Chart images for files: PNG (raster, exactly `size` pixels) or PDF (vector, a page of `size` points),
// chosen by the path's suffix. Written through writeFileAtomically, so a failure leaves any existing file as
// it was.
enum class Format { Png, Pdf };

inline constexpr int kMinSide = 100;
inline constexpr int kMaxSide = 10000;
inline constexpr QSize kDefaultSize{1200, 800};

// The format for a path's suffix (.png or .pdf, any case); false for anything else.
[[nodiscard]] bool formatForPath(const QString &path, Format *out);
// "1200x800" -> QSize; false unless both sides are whole numbers within [kMinSide, kMaxSide].
[[nodiscard]] bool parseSize(const QString &text, QSize *out);

// Renders `plot` at `size` into `path`. On failure returns false and says why in *error (path included).
[[nodiscard]] bool writeChart(QCustomPlot *plot, const QString &path, QSize size, QString *error);
// Renders a page's plots into one image of `size`: one plot fills it; more share it as a grid two plots
// wide (the Time page's four as 2 x 2), in order, row by row. No plots is an error.
[[nodiscard]] bool writeCharts(const std::vector<QCustomPlot *> &plots, const QString &path, QSize size,
                               QString *error);
// The cells of that grid within a page of `size`: one rectangle per plot.
[[nodiscard]] std::vector<QRect> gridCells(int plotCount, QSize size);

} // namespace lp::chartexport
