#include "pnlchart.h"

#include "displayformat.h"
#include "engine.h"
#include "localeticker.h"
#include "qcustomplot_include.h"
#include "riskstyle.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

namespace {

const QColor kLeveragedColor(0x15, 0x65, 0xc0); // blue 800
const QColor kHoldColor(0x75, 0x75, 0x75);
const QColor kSpotColor(0x42, 0x42, 0x42);
const QColor kBreakEvenColor(0x00, 0x79, 0x6b); // teal 700

size_t index(PnlChart::Marker marker)
{
    return static_cast<size_t>(marker);
}

} // namespace

PnlChart::PnlChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("pnlPlot"));
    m_plot->setMinimumSize(360, 260);
    m_plot->setLocale(display::locale());
    m_plot->setInteractions(QCP::Interactions(QCP::iRangeDrag) | QCP::iRangeZoom);
    m_plot->setToolTip(tr("Drag to pan, wheel to zoom. Any edit of the plan resets the view."));

    m_plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), titleFont);
    m_plot->plotLayout()->addElement(0, 0, m_title);

    auto ticker = QSharedPointer<LocaleTicker>::create();
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(tr("P&L (USD)"));
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setSubGridVisible(true);
        axis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 18), 0, Qt::DotLine));
    }

    m_liquidationZone = new QCPItemRect(m_plot);
    m_liquidationZone->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_liquidationZone->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_liquidationZone->setPen(Qt::NoPen);
    QColor zone = risk::colorFor(risk::Level::Danger);
    zone.setAlpha(28);
    m_liquidationZone->setBrush(zone);
    m_liquidationZone->setClipToAxisRect(true);

    m_zeroLine = new QCPItemStraightLine(m_plot);
    m_zeroLine->setPen(QPen(QColor(0, 0, 0, 90), 1));
    m_zeroLine->point1->setCoords(0, 0);
    m_zeroLine->point2->setCoords(1, 0);

    m_hold = m_plot->addGraph();
    m_hold->setPen(QPen(kHoldColor, 1.6, Qt::DashLine));
    m_leveraged = m_plot->addGraph();
    m_leveraged->setPen(QPen(kLeveragedColor, 2.2));

    m_markers.at(index(Marker::Spot)) =
        makeMarker(kSpotColor, Qt::DashLine, 0.03, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::BreakEven)) =
        makeMarker(kBreakEvenColor, Qt::DotLine, 0.13, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::Liquidation)) =
        makeMarker(risk::colorFor(risk::Level::Danger), Qt::SolidLine, 0.03, Qt::AlignRight | Qt::AlignTop);

    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

PnlChart::MarkerItems PnlChart::makeMarker(const QColor &color, Qt::PenStyle style, double labelY,
                                           Qt::Alignment alignment)
{
    MarkerItems items;
    items.line = new QCPItemStraightLine(m_plot);
    items.line->setPen(QPen(color, 1.4, style));
    items.label = new QCPItemText(m_plot);
    items.label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    items.label->position->setCoords(0, labelY);
    items.label->setPositionAlignment(alignment);
    items.label->setTextAlignment(alignment & Qt::AlignHorizontal_Mask);
    items.label->setColor(color);
    items.label->setBrush(QColor(255, 255, 255, 215));
    items.label->setPadding(QMargins(4, 2, 4, 2));
    items.label->setClipToAxisRect(true);
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
    // Label beside the line, a few pixels off so it does not sit on it.
    const bool leftOfLine = items.label->positionAlignment() & Qt::AlignRight;
    items.label->position->setCoords(priceUsd, items.label->position->coords().y());
    items.label->setPadding(leftOfLine ? QMargins(4, 2, 8, 2) : QMargins(8, 2, 4, 2));
    items.label->setText(text);
}

void PnlChart::showResult(const PlanResult &result)
{
    const PriceSweep &sweep = result.sweep;
    const Plan &plan = result.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;

    QVector<double> prices;
    QVector<double> pnl;
    QVector<double> hold;
    prices.reserve(static_cast<qsizetype>(sweep.points.size()));
    pnl.reserve(prices.capacity());
    hold.reserve(prices.capacity());
    for (const SweepPoint &point : sweep.points) {
        prices.append(point.priceUsd);
        pnl.append(point.pnlUsd);
        hold.append(point.holdPnlUsd);
    }
    m_leveraged->setData(prices, pnl, true);
    m_hold->setData(prices, hold, true);
    m_leveraged->setName(tr("Leveraged (%1)").arg(display::leverage(result.position.leverage)));
    m_hold->setName(tr("Hold %1").arg(display::units(plan.deposit, a, 2)));

    m_title->setText(tr("P&L right after opening, against the price of %1").arg(a));
    // B's price is held in the sweep; when B tracks A the axis reads as the A/B ratio times B's price.
    m_plot->xAxis->setLabel(tracks ? tr("%1 price (USD, %2 held at %3: reads as the %1/%2 ratio)")
                                         .arg(a, b, display::usd(plan.borrow.priceUsd))
                                   : tr("%1 price (USD)").arg(a));

    placeMarker(Marker::Spot, sweep.spotPriceUsd, tr("Spot %1").arg(display::usd(sweep.spotPriceUsd, 0)));
    placeMarker(Marker::BreakEven, sweep.breakEvenPriceUsd,
                tr("Break-even %1").arg(display::usd(sweep.breakEvenPriceUsd, 0)));
    const bool hasDebt = result.opened.debt > 0;
    const QString liquidationText =
        tracks ? tr("Liquidation %1").arg(display::ratio(result.position.liquidationRatio, b, a))
               : tr("Liquidation %1").arg(display::usd(sweep.liquidationPriceUsd, 0));
    placeMarker(Marker::Liquidation,
                hasDebt ? sweep.liquidationPriceUsd : std::numeric_limits<double>::quiet_NaN(),
                liquidationText);

    m_liquidationZone->setVisible(hasDebt && sweep.liquidationPriceUsd > 0);
    m_plot->rescaleAxes();
    if (m_liquidationZone->visible()) {
        m_liquidationZone->topLeft->setCoords(m_plot->xAxis->range().lower - 1e9, 0);
        m_liquidationZone->bottomRight->setCoords(sweep.liquidationPriceUsd, 1);
    }
    // Headroom above and below so that the markers' labels do not cover the curves' extremes.
    const QCPRange y = m_plot->yAxis->range();
    const double pad = std::max(y.size() * 0.08, 1.0);
    m_plot->yAxis->setRange(y.lower - pad, y.upper + pad * 2.0);
    m_plot->replot();
}

QString PnlChart::title() const
{
    return m_title->text();
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

} // namespace lp
