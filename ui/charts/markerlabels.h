#pragma once

#include <QRectF>
#include <Qt>

#include <vector>

class QCPItemText;

namespace lp {

// A marker line's label beside its line: `side` is AlignLeft (the label starts at the line, on its right)
// or AlignRight (it ends at the line, on its left), a few pixels off the line so it does not sit on it,
// its top at the label's y. The side is remembered as the label's own (stackLabels may flip it).
void alignBeside(QCPItemText *label, Qt::Alignment side);

// Marker labels placed by rows: each visible label (in the order given) takes the highest of the rows
// (axis-rect ratios 0.03, 0.13, ... 0.53 from the top) where it overlaps no label placed before it, so
// that markers close together stack instead of covering each other, nor `avoid` (the legend's pixels).
// A row counts only where the label also stays inside the axis rect, on its own side of the line or
// else on the other (a liquidation line near the left edge); when no row fits inside on either side, the
// highest free row on its own side (cut at the edge), and failing that the lowest row.
// Call it once the axes know their pixels (QCustomPlot::afterLayout); each label's x coordinate is kept.
void stackLabels(const std::vector<QCPItemText *> &labels, const QRectF &avoid = {});

} // namespace lp
