#include "markerlabels.h"

#include "qcustomplot_include.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace lp {

namespace {

constexpr const char *kOwnSide = "lpOwnSide";

void setSide(QCPItemText *label, Qt::Alignment side)
{
    label->setPositionAlignment(side | Qt::AlignTop);
    label->setTextAlignment(side);
    label->setPadding((side & Qt::AlignRight) ? QMargins(4, 2, 8, 2) : QMargins(8, 2, 4, 2));
}

QRectF pixelRect(const QCPItemText *label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).normalized();
}

// How far a label's pixels stick out of the area on the left or right.
double overhang(const QRectF &rect, const QRectF &area)
{
    return std::max(0.0, area.left() - rect.left()) + std::max(0.0, rect.right() - area.right());
}

Qt::Alignment ownSide(QCPItemText *label)
{
    if (!label->property(kOwnSide).isValid())
        alignBeside(label, label->positionAlignment());
    return Qt::Alignment(label->property(kOwnSide).toInt());
}

} // namespace

void alignBeside(QCPItemText *label, Qt::Alignment side)
{
    side &= Qt::AlignHorizontal_Mask;
    label->setProperty(kOwnSide, int(side));
    setSide(label, side);
}

void stackLabels(const std::vector<QCPItemText *> &labels, const QRectF &avoid)
{
    static constexpr std::array kRows{0.03, 0.13, 0.23, 0.33, 0.43, 0.53};
    std::vector<QRectF> placed;
    if (!avoid.isEmpty())
        placed.push_back(avoid);
    const auto freeOf = [&placed](const QRectF &rect) {
        return std::none_of(placed.begin(), placed.end(),
                            [&rect](const QRectF &other) { return other.intersects(rect); });
    };
    for (QCPItemText *label : labels) {
        if (!label->visible())
            continue;
        const double x = label->position->coords().x();
        const Qt::Alignment own = ownSide(label);
        const Qt::Alignment other = (own & Qt::AlignRight) ? Qt::AlignLeft : Qt::AlignRight;
        const QCPAxisRect *axisRect = label->clipAxisRect();
        const QRectF area = axisRect ? QRectF(axisRect->rect()) : QRectF();
        const auto place = [&](double row, Qt::Alignment side) {
            label->position->setCoords(x, row);
            setSide(label, side);
            return pixelRect(label).adjusted(-2, -1, 2, 1);
        };
        // The highest row where it overlaps nothing and stays inside the plot, on its own side or else the
        // other; failing that, the highest free row on its own side (cut at the edge, as before); failing
        // that, the lowest row.
        std::optional<QRectF> chosen;
        for (const double row : kRows) {
            for (const Qt::Alignment side : {own, other}) {
                const QRectF rect = place(row, side);
                if (freeOf(rect) && (area.isEmpty() || overhang(rect.adjusted(2, 1, -2, -1), area) <= 0.0)) {
                    chosen = rect;
                    break;
                }
            }
            if (chosen)
                break;
        }
        for (auto row = kRows.begin(); !chosen && row != kRows.end(); ++row) {
            const QRectF rect = place(*row, own);
            if (freeOf(rect) || std::next(row) == kRows.end())
                chosen = rect;
        }
        placed.push_back(*chosen);
    }
}

} // namespace lp
