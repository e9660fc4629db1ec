#include "loopschart.h"

#include "displayformat.h"
#include "engine.h"
#include "localeticker.h"
#include "qcustomplot_include.h"

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr double kMaxShownHealthFactor = 5.0;

QCPGraph *currentPointGraph(QCustomPlot *plot, QCPAxisRect *rect)
{
    QCPGraph *graph = plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    graph->setLineStyle(QCPGraph::lsNone);
    return graph;
}

void setHorizontal(QCPItemStraightLine *line, double y)
{
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
}

} // namespace

LoopsChart::LoopsChart(QWidget *parent)
    : ChartBase(QStringLiteral("loopsPlot"), QSize(360, 320), parent), m_leverageRect(plot()->axisRect()),
      m_healthRect(new QCPAxisRect(plot()))
{
    QCustomPlot *p = plot();
    // Title, leverage panel (the default axis rect), HF and liquidation price panel.
    p->plotLayout()->addElement(2, 0, m_healthRect);
    m_healthRect->axis(QCPAxis::atRight)->setVisible(true);
    m_healthRect->axis(QCPAxis::atRight)->setTickLabels(true);
    // Both panels share the loop-count axis and line up their left edges.
    auto *margins = new QCPMarginGroup(p);
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
        rect->axis(QCPAxis::atLeft)->setTicker(ticker);
        for (QCPAxis *axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)})
            axis->grid()->setSubGridVisible(true);
    }
    m_healthRect->axis(QCPAxis::atRight)->setTicker(ticker);
    m_healthRect->axis(QCPAxis::atBottom)->setLabel(tr("Loops"));
    m_leverageRect->axis(QCPAxis::atLeft)->setLabel(tr("Leverage (x)"));
    m_healthRect->axis(QCPAxis::atLeft)->setLabel(tr("Health factor"));

    m_capLine = horizontalLine(m_leverageRect);
    m_limitLine = horizontalLine(m_leverageRect);
    m_unitLine = horizontalLine(m_healthRect);
    setHorizontal(m_unitLine, 1.0);

    m_leverage = p->addGraph(m_leverageRect->axis(QCPAxis::atBottom), m_leverageRect->axis(QCPAxis::atLeft));
    m_health = p->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atLeft));
    m_liquidation = p->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atRight));
    m_leverage->setName(tr("Leverage"));
    m_health->setName(tr("Health factor"));
    m_liquidation->setName(tr("Liquidation price (lower panel, right axis)"));
    m_currentLeverage = currentPointGraph(p, m_leverageRect);
    m_currentHealth = currentPointGraph(p, m_healthRect);
    m_currentHealth->removeFromLegend();

    // One legend, inside the leverage panel.
    m_leverageRect->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    finishSetup();
}

QCPItemStraightLine *LoopsChart::horizontalLine(QCPAxisRect *rect)
{
    auto *line = new QCPItemStraightLine(plot());
    line->setClipAxisRect(rect);
    for (QCPItemPosition *p : {line->point1, line->point2})
        p->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    return line;
}

void LoopsChart::restyle(const ChartTheme &theme)
{
    const QCPScatterStyle dot(QCPScatterStyle::ssDisc, 5);
    m_leverage->setPen(QPen(theme.primary, 2.0));
    m_leverage->setScatterStyle(dot);
    m_health->setPen(QPen(theme.accent, 2.0));
    m_health->setScatterStyle(dot);
    m_liquidation->setPen(QPen(theme.danger, 1.6));
    m_liquidation->setScatterStyle(dot);
    const QCPScatterStyle current(QCPScatterStyle::ssCircle, theme.highlight, theme.highlight, 11);
    m_currentLeverage->setScatterStyle(current);
    m_currentHealth->setScatterStyle(current);
    m_leverageRect->axis(QCPAxis::atLeft)->setLabelColor(theme.primary);
    m_healthRect->axis(QCPAxis::atLeft)->setLabelColor(theme.accent);
    m_healthRect->axis(QCPAxis::atRight)->setLabelColor(theme.danger);
    m_capLine->setPen(QPen(theme.danger, 1.2, Qt::DashLine));
    m_limitLine->setPen(QPen(theme.primary, 1.0, Qt::DotLine));
    m_unitLine->setPen(QPen(theme.danger, 1.2, Qt::DashLine));
}

void LoopsChart::showResult(const PlanResult &result)
{
    const Plan &plan = result.plan;
    Expected<LoopCountSeries> series = loopCountSeries(result, kMaxLoops);
    if (!series) // a valid plan always has its loop series; keep the last picture otherwise
        return;
    m_series = std::move(series).value();
    m_borrowSymbol = plan.borrow.symbol;
    QVector<double> loops;
    QVector<double> leverage;
    QVector<double> health;
    QVector<double> liquidation;
    for (const LoopCountPoint &p : m_series->points) {
        loops.append(p.loops);
        leverage.append(p.leverage);
        health.append(std::isfinite(p.healthFactor) ? p.healthFactor : qQNaN()); // no debt: a gap
        liquidation.append(p.liquidationPriceUsd > 0 ? p.liquidationPriceUsd : qQNaN());
    }
    m_leverage->setData(loops, leverage, true);
    m_health->setData(loops, health, true);
    m_liquidation->setData(loops, liquidation, true);

    const bool hasCurrent = m_series->current.has_value();
    m_currentLeverage->data()->clear();
    m_currentHealth->data()->clear();
    if (hasCurrent) {
        const LoopCountPoint &c = *m_series->current;
        m_currentLeverage->addData(c.loops, c.leverage);
        m_currentHealth->addData(c.loops, c.healthFactor);
        m_currentLeverage->setName(
            tr("This plan: %1 loops, %2").arg(c.loops).arg(display::leverage(c.leverage)));
        m_currentLeverage->addToLegend();
    } else {
        m_currentLeverage->removeFromLegend();
    }
    m_currentLeverage->setVisible(hasCurrent);
    m_currentHealth->setVisible(hasCurrent);

    setHorizontal(m_capLine, m_series->leverageCap);
    setHorizontal(m_limitLine, m_series->leverageLimit);
    const bool limitDiffers = m_series->leverageLimit < m_series->leverageCap * (1.0 - 1e-9);
    m_limitLine->setVisible(limitDiffers);

    const QString perLoop = display::percent(m_series->perLoopLtv, 1);
    setTitle(hasCurrent ? tr("Leverage and risk against the number of loops (%1 per loop)").arg(perLoop)
                        : tr("Leverage and risk against the number of loops (%1 per loop; this "
                             "plan opens with a flash loan)")
                              .arg(perLoop));
    const QString cap = display::leverage(m_series->leverageCap);
    m_leverageRect->axis(QCPAxis::atLeft)
        ->setLabel(limitDiffers ? tr("Leverage (x); cap 1/(1-ltv) = %1, limit 1/(1-t) = %2")
                                      .arg(cap, display::leverage(m_series->leverageLimit))
                                : tr("Leverage (x); cap 1/(1-ltv) = %1").arg(cap));
    m_healthRect->axis(QCPAxis::atRight)
        ->setLabel(tr("Liquidation price (USD, %1 held)").arg(plan.borrow.symbol));
    refresh();
}

void LoopsChart::autoRange()
{
    for (QCPAxisRect *rect : {m_leverageRect, m_healthRect})
        rect->axis(QCPAxis::atBottom)->setRange(-0.5, kMaxLoops + 0.5);
    if (!m_series)
        return;
    double maxHealth = 0;
    double maxLiquidation = 0;
    for (const LoopCountPoint &p : m_series->points) {
        if (std::isfinite(p.liquidationPriceUsd))
            maxLiquidation = std::max(maxLiquidation, p.liquidationPriceUsd);
        if (std::isfinite(p.healthFactor))
            maxHealth = std::max(maxHealth, p.healthFactor);
    }
    const double last = m_series->points.back().leverage;
    const double cap = std::isfinite(m_series->leverageCap) ? m_series->leverageCap : last;
    m_leverageRect->axis(QCPAxis::atLeft)->setRange(0.8, std::max({cap, last, m_maxPinnedLeverage}) * 1.08);
    m_healthRect->axis(QCPAxis::atLeft)
        ->setRange(0, std::clamp(maxHealth * 1.05, 2.0, kMaxShownHealthFactor));
    m_healthRect->axis(QCPAxis::atRight)->setRange(0, maxLiquidation > 0 ? maxLiquidation * 1.15 : 1.0);
}

void LoopsChart::drawPinned(const PinnedPlots &pinnedPlots)
{
    m_maxPinnedLeverage = 0;
    for (const PinnedPlot &pinnedPlot : pinnedPlots) {
        const Expected<LoopCountSeries> series = loopCountSeries(*pinnedPlot.result, kMaxLoops);
        if (!series)
            continue;
        QVector<double> loops;
        QVector<double> leverage;
        for (const LoopCountPoint &p : series->points) {
            loops.append(p.loops);
            leverage.append(p.leverage);
            m_maxPinnedLeverage = std::max(m_maxPinnedLeverage, p.leverage);
        }
        QCPGraph *graph = addPinnedGraph(m_leverageRect->axis(QCPAxis::atBottom),
                                         m_leverageRect->axis(QCPAxis::atLeft), pinnedPlot);
        graph->setData(loops, leverage, true); // a line without dots: the plan's own curve stands out
    }
}

QString LoopsChart::readOut(double loops) const
{
    if (!m_series)
        return {};
    const long n = std::lround(loops);
    if (n < 0 || n >= static_cast<long>(m_series->points.size()))
        return {};
    const LoopCountPoint &p = m_series->points[static_cast<size_t>(n)];
    QStringList lines;
    lines << tr("%n loop(s)", nullptr, p.loops) << tr("Leverage: %1").arg(display::leverage(p.leverage))
          << tr("Health factor: %1").arg(display::healthFactor(p.healthFactor));
    if (p.liquidationPriceUsd > 0)
        lines << tr("Liquidation price: %1").arg(display::usd(p.liquidationPriceUsd));
    return lines.join(QLatin1Char('\n'));
}

double LoopsChart::leverageCapShown() const
{
    return m_capLine->point1->coords().y();
}

} // namespace lp
