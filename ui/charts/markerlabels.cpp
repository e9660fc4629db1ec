#include "markerlabels.h"

#include "qcustomplot_include.h"

#include <algorithm>
#include <array>

namespace lp {

void alignBeside(QCPItemText *label, Qt::Alignment side);

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

// The label on its own side of the line, or on the other where its own side would cut it and the other
// cuts it less.
void fitBeside(QCPItemText *label)
{
    if (!label->property(kOwnSide).isValid())
        alignBeside(label, label->positionAlignment());
    const auto own = Qt::Alignment(label->property(kOwnSide).toInt());
    setSide(label, own);
    const QCPAxisRect *axisRect = label->clipAxisRect();
    if (!axisRect)
        return;
    const QRectF area(axisRect->rect());
    const double ownOverhang = overhang(pixelRect(label), area);
    if (ownOverhang <= 0.0)
        return;
    const Qt::Alignment other = (own & Qt::AlignRight) ? Qt::AlignLeft : Qt::AlignRight;
    setSide(label, other);
    if (overhang(pixelRect(label), area) >= ownOverhang)
        setSide(label, own);
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
    for (QCPItemText *label : labels) {
        if (!label->visible())
            continue;
        const double x = label->position->coords().x();
        label->position->setCoords(x, kRows.front());
        fitBeside(label);
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
