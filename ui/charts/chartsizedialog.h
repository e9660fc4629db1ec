#pragma once

#include <QSize>

class QWidget;

namespace lp {

// File > Export Chart's size question: width and height in pixels (points in a PDF), within the limits of
// chartexport. Starts from *size; true with *size set when the user accepts, false when they cancel.
[[nodiscard]] bool askChartSize(QWidget *parent, QSize *size);

} // namespace lp
