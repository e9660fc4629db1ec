#pragma once

#include <QRectF>

#include <vector>

class QCPItemText;

namespace lp {

// Marker labels placed by rows: each visible label (in the order given) takes the highest of the rows
// (axis-rect ratios 0.03, 0.13, ... 0.53 from the top) where it overlaps no label placed before it, so
// that markers close together stack instead of covering each other, nor `avoid` (the legend's pixels).
// Call it once the axes know their pixels (QCustomPlot::afterLayout); each label's x coordinate is kept.
void stackLabels(const std::vector<QCPItemText *> &labels, const QRectF &avoid = {});

} // namespace lp
