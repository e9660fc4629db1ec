#include "markerlabels.h"

#include "qcustomplot_include.h"

#include <algorithm>
#include <array>

namespace lp {

void stackLabels(const std::vector<QCPItemText *> &labels, const QRectF &avoid)
{
    static constexpr std::array kRows{0.03, 0.13, 0.23, 0.33, 0.43, 0.53};
    std::vector<QRectF> placed;
    if (!avoid.isEmpty())
        placed.push_back(avoid);
    for (QCPItemText *label : labels) {
        if (!label->visible())
            continue;
        const double x = label->position->coords().x();
        QRectF rect;
        for (const double row : kRows) {
            label->position->setCoords(x, row);
            rect = QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition())
                       .normalized()
                       .adjusted(-2, -1, 2, 1);
            if (std::none_of(placed.begin(), placed.end(),
                             [&rect](const QRectF &other) { return other.intersects(rect); }))
                break;
        }
        placed.push_back(rect);
    }
}

} // namespace lp
