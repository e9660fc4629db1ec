#include "loopschart.h"

#include "displayformat.h"
#include "engine.h"
#include "localeticker.h"
#include "loopcountseries.h"
#include "qcustomplot_include.h"
#include "riskstyle.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

const QColor kLeverageColor(0x15, 0x65, 0xc0);    // blue 800
const QColor kHealthColor(0x00, 0x79, 0x6b);      // teal 700
const QColor kLiquidationColor(0xc6, 0x28, 0x28); // red 800
const QColor kCurrentColor(0xef, 0x6c, 0x00);     // orange 800
constexpr double kMaxShownHealthFactor = 5.0;

void styleGrid(QCPAxisRect *rect)
{
    for (QCPAxis *axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
        axis->grid()->setSubGridVisible(true);
        axis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 18), 0, Qt::DotLine));
    }
}

QCPGraph *currentPointGraph(QCustomPlot *plot, QCPAxisRect *rect)
{
    QCPGraph *graph = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, kCurrentColor, kCurrentColor, 11));
    return graph;
}

} // namespace

LoopsChart::LoopsChart(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_leverageRect(nullptr), m_healthRect(nullptr)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("loopsPlot"));
    m_plot->setMinimumSize(360, 320);
    m_plot->setLocale(display::locale());

    // Title, leverage panel (the default axis rect), HF and liquidation price panel.
    m_plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(m_plot, QString(), titleFont);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_leverageRect = m_plot->axisRect();
    m_healthRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(2, 0, m_healthRect);
    m_healthRect->axis(QCPAxis::atRight)->setVisible(true);
    m_healthRect->axis(QCPAxis::atRight)->setTickLabels(true);
    // Both panels share the loop-count axis and line up their left edges.
    auto *margins = new QCPMarginGroup(m_plot);
    m_leverageRect->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, margins);
    m_healthRect->setMarginGroup(QCP::MarginSides(QCP::msLeft) | QCP::msRight, margins);
    m_leverageRect->axis(QCPAxis::atRight)->setVisible(true);
    m_leverageRect->axis(QCPAxis::atRight)->setTickLabels(false);

    auto ticker = QSharedPointer<LocaleTicker>::create();
    auto loopTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    loopTicker->setTickStep(1.0);
    loopTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    for (QCPAxisRect *rect : {m_leverageRect, m_healthRect}) {
        rect->axis(QCPAxis::atBottom)->setTicker(loopTicker);
        rect->axis(QCPAxis::atBottom)->setRange(-0.5, kMaxLoops + 0.5);
        rect->axis(QCPAxis::atLeft)->setTicker(ticker);
        styleGrid(rect);
    }
    m_healthRect->axis(QCPAxis::atRight)->setTicker(ticker);
    m_healthRect->axis(QCPAxis::atBottom)->setLabel(tr("Loops"));
    m_leverageRect->axis(QCPAxis::atLeft)->setLabel(tr("Leverage (x)"));
    m_leverageRect->axis(QCPAxis::atLeft)->setLabelColor(kLeverageColor);
    m_healthRect->axis(QCPAxis::atLeft)->setLabel(tr("Health factor"));
    m_healthRect->axis(QCPAxis::atLeft)->setLabelColor(kHealthColor);
    m_healthRect->axis(QCPAxis::atRight)->setLabelColor(kLiquidationColor);

    m_capLine = horizontalLine(m_leverageRect, QPen(risk::colorFor(risk::Level::Danger), 1.2, Qt::DashLine));
    m_limitLine = horizontalLine(m_leverageRect, QPen(kLeverageColor, 1.0, Qt::DotLine));
    m_unitLine = horizontalLine(m_healthRect, QPen(risk::colorFor(risk::Level::Danger), 1.2, Qt::DashLine));
    m_unitLine->point1->setCoords(0, 1);
    m_unitLine->point2->setCoords(1, 1);

    m_leverage =
        m_plot->addGraph(m_leverageRect->axis(QCPAxis::atBottom), m_leverageRect->axis(QCPAxis::atLeft));
    m_health = m_plot->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atLeft));
    m_liquidation =
        m_plot->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atRight));
    const QCPScatterStyle dot(QCPScatterStyle::ssDisc, 5);
    m_leverage->setPen(QPen(kLeverageColor, 2.0));
    m_leverage->setScatterStyle(dot);
    m_health->setPen(QPen(kHealthColor, 2.0));
    m_health->setScatterStyle(dot);
    m_liquidation->setPen(QPen(kLiquidationColor, 1.6));
    m_liquidation->setScatterStyle(dot);
    m_currentLeverage = currentPointGraph(m_plot, m_leverageRect);
    m_currentHealth = currentPointGraph(m_plot, m_healthRect);

    // One legend, inside the leverage panel.
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
    m_leverageRect->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

QCPItemStraightLine *LoopsChart::horizontalLine(QCPAxisRect *rect, const QPen &pen)
{
    auto *line = new QCPItemStraightLine(m_plot);
    line->setClipAxisRect(rect);
    for (QCPItemPosition *p : {line->point1, line->point2})
        p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    line->setPen(pen);
    return line;
}

void LoopsChart::showResult(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const Expected<LoopCountSeries> series = loopCountSeries(result, kMaxLoops);
    if (!series) // a valid plan always has its loop series; keep the last picture otherwise
        return;
    QVector<double> loops;
    QVector<double> leverage;
    QVector<double> health;
    QVector<double> liquidation;
    double maxLiquidation = 0;
    double maxHealth = 0;
    for (const LoopCountPoint &p : series->points) {
        loops.append(p.loops);
        leverage.append(p.leverage);
        health.append(std::isfinite(p.healthFactor) ? p.healthFactor : qQNaN()); // no debt: a gap
        liquidation.append(p.liquidationPriceUsd > 0 ? p.liquidationPriceUsd : qQNaN());
        if (std::isfinite(p.liquidationPriceUsd))
            maxLiquidation = std::max(maxLiquidation, p.liquidationPriceUsd);
        if (std::isfinite(p.healthFactor))
            maxHealth = std::max(maxHealth, p.healthFactor);
    }
    m_leverage->setData(loops, leverage, true);
    m_health->setData(loops, health, true);
    m_liquidation->setData(loops, liquidation, true);
    m_leverage->setName(tr("Leverage"));
    m_health->setName(tr("Health factor"));
    m_liquidation->setName(tr("Liquidation price (lower panel, right axis)"));

    const bool hasCurrent = series->current.has_value();
    m_currentLeverage->data()->clear();
    m_currentHealth->data()->clear();
    if (hasCurrent) {
        const LoopCountPoint &c = *series->current;
        m_currentLeverage->addData(c.loops, c.leverage);
        m_currentHealth->addData(c.loops, c.healthFactor);
        m_currentLeverage->setName(
            tr("This plan: %1 loops, %2").arg(c.loops).arg(display::leverage(c.leverage)));
    }
    m_currentLeverage->setVisible(hasCurrent);
    m_currentHealth->setVisible(hasCurrent);
    if (hasCurrent)
        m_currentLeverage->addToLegend();
    else
        m_currentLeverage->removeFromLegend();
    m_currentHealth->removeFromLegend();

    m_capLine->point1->setCoords(0, series->leverageCap);
    m_capLine->point2->setCoords(1, series->leverageCap);
    m_limitLine->point1->setCoords(0, series->leverageLimit);
    m_limitLine->point2->setCoords(1, series->leverageLimit);
    const bool limitDiffers = series->leverageLimit < series->leverageCap * (1.0 - 1e-9);
    m_limitLine->setVisible(limitDiffers);

    m_title->setText(hasCurrent ? tr("Leverage and risk against the number of loops (%1 per loop)")
                                      .arg(display::percent(series->perLoopLtv, 1))
                                : tr("Leverage and risk against the number of loops (%1 per loop; this "
                                     "plan opens with a flash loan)")
                                      .arg(display::percent(series->perLoopLtv, 1)));
    m_leverageRect->axis(QCPAxis::atLeft)
        ->setLabel(
            limitDiffers
                ? tr("Leverage (x); cap 1/(1-ltv) = %1, limit 1/(1-t) = %2")
                      .arg(display::leverage(series->leverageCap), display::leverage(series->leverageLimit))
                : tr("Leverage (x); cap 1/(1-ltv) = %1").arg(display::leverage(series->leverageCap)));
    m_healthRect->axis(QCPAxis::atRight)
        ->setLabel(tr("Liquidation price (USD, %1 held)").arg(plan.borrow.symbol));

    const double cap = std::isfinite(series->leverageCap) ? series->leverageCap : leverage.last();
    m_leverageRect->axis(QCPAxis::atLeft)->setRange(0.8, std::max(cap, leverage.last()) * 1.08);
    m_healthRect->axis(QCPAxis::atLeft)
        ->setRange(0, std::clamp(maxHealth * 1.05, 2.0, kMaxShownHealthFactor));
    m_healthRect->axis(QCPAxis::atRight)->setRange(0, maxLiquidation > 0 ? maxLiquidation * 1.15 : 1.0);
    m_plot->replot();
}

double LoopsChart::leverageCapShown() const
{
    return m_capLine->point1->coords().y();
}

QString LoopsChart::title() const
{
    return m_title->text();
}

} // namespace lp
