// The P&L chart's marker lines and their labels (pnlchart.cpp places them).
#include "pnlchart.h"

#include "markerlabels.h"

#include "qcustomplot_include.h"

#include <cmath>
#include <limits>

namespace lp {

namespace {

size_t index(PnlChart::Marker marker)
{
    return static_cast<size_t>(marker);
}

} // namespace

PnlChart::MarkerItems PnlChart::makeMarker(double labelY, Qt::Alignment alignment)
{
    MarkerItems items;
    items.line = new QCPItemStraightLine(plot());
    items.label = new QCPItemText(plot());
    items.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    items.label->position->setCoords(0, labelY);
    alignBeside(items.label, alignment);
    items.label->setClipToAxisRect(true);
    items.label->setLayer(QStringLiteral("legend")); // above every marker line, so lines never cross a label
    for (QCPAbstractItem *item :
         {static_cast<QCPAbstractItem *>(items.line), static_cast<QCPAbstractItem *>(items.label)})
        item->setVisible(false);
    return items;
}

void PnlChart::placeMarker(Marker marker, double priceUsd, const QString &text)
{
    MarkerItems &items = m_markers.at(index(marker));
    const bool visible = std::isfinite(priceUsd) && priceUsd > 0;
    items.line->setVisible(visible);
    items.label->setVisible(visible);
    if (!visible)
        return;
    items.line->point1->setCoords(priceUsd, 0);
    items.line->point2->setCoords(priceUsd, 1);
    items.label->position->setCoords(priceUsd, items.label->position->coords().y());
    items.label->setText(text);
}

double PnlChart::markerPriceUsd(Marker marker) const
{
    const MarkerItems &items = m_markers.at(index(marker));
    if (!items.line->visible())
        return std::numeric_limits<double>::quiet_NaN();
    return items.line->point1->coords().x();
}

QString PnlChart::markerLabel(Marker marker) const
{
    const MarkerItems &items = m_markers.at(index(marker));
    return items.label->visible() ? items.label->text() : QString();
}

QRectF PnlChart::markerLabelRect(Marker marker) const
{
    const MarkerItems &items = m_markers.at(index(marker));
    if (!items.label->visible())
        return {};
    return QRectF(items.label->topLeft->pixelPosition(), items.label->bottomRight->pixelPosition())
        .normalized();
}

QRectF PnlChart::plotAreaRect() const
{
    return QRectF(plot()->axisRect()->rect());
}

} // namespace lp
