#include "healthchart.h"

#include "displayformat.h"
#include "engine.h"
#include "healthseries.h"
#include "localeticker.h"
#include "qcustomplot_include.h"
#include "riskstyle.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

const QColor kHealthColor(0x15, 0x65, 0xc0);      // blue 800
const QColor kLiquidationColor(0xc6, 0x28, 0x28); // red 800
const QColor kSpotColor(0x42, 0x42, 0x42);

// HF grows without bound as the price rises; above this the axis stops so the interesting part (around 1)
// stays readable.
constexpr double kMaxShownHealthFactor = 5.0;

} // namespace

HealthChart::HealthChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("healthPlot"));
    m_plot->setMinimumSize(360, 260);
    m_plot->setLocale(display::locale());

    m_plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), titleFont);
    m_plot->plotLayout()->addElement(0, 0, m_title);

    auto ticker = QSharedPointer<LocaleTicker>::create();
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis2->setTicker(ticker);
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis->setLabel(tr("Health factor"));
    m_plot->yAxis->setLabelColor(kHealthColor);
    m_plot->yAxis2->setLabelColor(kLiquidationColor);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->grid()->setSubGridVisible(true);
        axis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 18), 0, Qt::DotLine));
    }

    m_unitLine = new QCPItemStraightLine(m_plot);
    m_unitLine->setPen(QPen(risk::colorFor(risk::Level::Danger), 1.2, Qt::DashLine));
    m_unitLine->point1->setCoords(0, 1);
    m_unitLine->point2->setCoords(1, 1);
    m_spotLine = new QCPItemStraightLine(m_plot);
    m_spotLine->setPen(QPen(kSpotColor, 1.2, Qt::DashLine));

    m_health = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
    m_health->setPen(QPen(kHealthColor, 2.2));
    m_liquidation = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_liquidation->setPen(QPen(kLiquidationColor, 1.8));

    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

void HealthChart::showResult(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;

    QVector<double> prices;
    QVector<double> health;
    QVector<double> liquidation;
    double maxHealth = 0;
    double maxLiquidation = 0;
    for (const HealthPoint &p : healthSeries(result)) {
        prices.append(p.priceUsd);
        health.append(std::isfinite(p.healthFactor) ? p.healthFactor : qQNaN()); // no debt: a gap
        liquidation.append(p.liquidationPriceUsd); // NaN: QCustomPlot leaves a gap
        if (std::isfinite(p.healthFactor))
            maxHealth = std::max(maxHealth, p.healthFactor);
        if (std::isfinite(p.liquidationPriceUsd))
            maxLiquidation = std::max(maxLiquidation, p.liquidationPriceUsd);
    }
    m_health->setData(prices, health, true);
    m_liquidation->setData(prices, liquidation, true);
    m_health->setName(tr("Health factor"));
    m_liquidation->setName(tr("Liquidation price (right axis)"));

    m_title->setText(tr("Health factor and liquidation price against the price of %1").arg(a));
    m_plot->xAxis->setLabel(tracks ? tr("%1 price (USD, %2 held at %3: reads as the %1/%2 ratio)")
                                         .arg(a, b, display::usd(plan.borrow.priceUsd))
                                   : tr("%1 price (USD)").arg(a));
    m_plot->yAxis2->setLabel(tr("Liquidation price of %1 (USD, %2 held)").arg(a, b));

    m_plot->xAxis->rescale();
    m_plot->yAxis->setRange(0, std::clamp(maxHealth * 1.05, 2.0, kMaxShownHealthFactor));
    m_plot->yAxis2->setRange(0, maxLiquidation > 0 ? maxLiquidation * 1.15 : 1.0);
    const double spot = result.sweep.spotPriceUsd;
    m_spotLine->point1->setCoords(spot, 0);
    m_spotLine->point2->setCoords(spot, 1);
    m_plot->replot();
}

QString HealthChart::title() const
{
    return m_title->text();
}

} // namespace lp
