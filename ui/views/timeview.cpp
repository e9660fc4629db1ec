#include "timeview.h"

#include "displayformat.h"
#include "engine.h"
#include "plotstyle.h"
#include "riskstyle.h"
#include "viewchart.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

const QColor kEquityColor(0x15, 0x65, 0xc0); // blue 800, as the P&L chart's leveraged curve
const QColor kHoldColor(0x75, 0x75, 0x75);

QCPGraph *addLine(QCustomPlot *plot, const QPen &pen, const QString &name)
{
    QCPGraph *g = plot->addGraph();
    g->setPen(pen);
    g->setName(name);
    return g;
}

} // namespace

TimeView::TimeView(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel),
      m_valueChart(new ViewChart(QStringLiteral("time.valuePlot"), tr("Equity and holding over time"))),
      m_liquidationChart(new ViewChart(QStringLiteral("time.liquidationPlot"),
                                       tr("Liquidation price drift against today's price"))),
      m_healthChart(new ViewChart(QStringLiteral("time.healthPlot"), tr("Health factor over time"))),
      m_heatmapChart(new ViewChart(QStringLiteral("time.heatmapPlot"), tr("P&L by price and day")))
{
    m_summary->setObjectName(QStringLiteral("time.summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QCustomPlot *value = valuePlot();
    m_equity = addLine(value, QPen(kEquityColor, 2.0), tr("Equity"));
    m_hold = addLine(value, QPen(kHoldColor, 1.6, Qt::DashLine), tr("Holding the deposit"));
    value->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    value->xAxis->setLabel(tr("Day"));
    value->yAxis->setLabel(tr("USD at today's prices"));

    QCustomPlot *liquidation = liquidationPlot();
    m_liquidation = addLine(liquidation, QPen(risk::colorFor(risk::Level::Danger), 2.0), tr("Liquidation"));
    m_spot = addLine(liquidation, QPen(QColor(0x42, 0x42, 0x42), 1.4, Qt::DashLine), tr("Today"));
    liquidation->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    liquidation->xAxis->setLabel(tr("Day"));

    QCustomPlot *health = healthPlot();
    m_health = addLine(health, QPen(kEquityColor, 2.0), tr("Health factor"));
    m_healthOne = addLine(health, QPen(risk::colorFor(risk::Level::Danger), 1.2, Qt::DashLine),
                          tr("Liquidation (1.0)"));
    health->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    health->xAxis->setLabel(tr("Day"));

    // The line charts: the whole timeline, the values padded by a tenth of their span.
    for (ViewChart *chart : {m_valueChart, m_liquidationChart, m_healthChart}) {
        chart->setAutoRange([](QCustomPlot *plot) {
            plot->rescaleAxes();
            const QCPRange y = plot->yAxis->range();
            const double pad = std::max(y.size() * 0.1, std::abs(y.center()) * 0.01);
            plot->yAxis->setRange(y.lower - pad, y.upper + pad);
        });
    }
    m_valueChart->setReadOut([this](double x) { return dayReadOut(x, 0); });
    m_liquidationChart->setReadOut([this](double x) { return dayReadOut(x, 1); });
    m_healthChart->setReadOut([this](double x) { return dayReadOut(x, 2); });

    QCustomPlot *heatmap = heatmapPlot();
    const plotstyle::ColorMap map = plotstyle::addColorMap(heatmap, tr("P&L (USD)"));
    m_pnlMap = map.map;
    m_pnlMap->setGradient(plotstyle::profitLossGradient());
    heatmap->legend->setVisible(false);
    heatmap->xAxis->setLabel(tr("Day"));
    heatmap->xAxis->ticker()->setTickCount(4);
    m_heatmapChart->setAutoRange([this](QCustomPlot *) { m_pnlMap->rescaleAxes(); });
    m_heatmapChart->setReadOut([this](double x) { return heatmapReadOut(x); });

    auto *charts = new QGridLayout;
    charts->addWidget(m_valueChart, 0, 0);
    charts->addWidget(m_liquidationChart, 0, 1);
    charts->addWidget(m_healthChart, 1, 0);
    charts->addWidget(m_heatmapChart, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(charts, 1);
}

QCustomPlot *TimeView::valuePlot() const
{
    return m_valueChart->plot();
}

QCustomPlot *TimeView::liquidationPlot() const
{
    return m_liquidationChart->plot();
}

QCustomPlot *TimeView::healthPlot() const
{
    return m_healthChart->plot();
}

QCustomPlot *TimeView::heatmapPlot() const
{
    return m_heatmapChart->plot();
}

std::vector<QCustomPlot *> TimeView::plots() const
{
    return {valuePlot(), liquidationPlot(), healthPlot(), heatmapPlot()};
}

std::vector<ViewChart *> TimeView::charts() const
{
    return {m_valueChart, m_liquidationChart, m_healthChart, m_heatmapChart};
}

const Timeline &TimeView::timeline() const
{
    static const Timeline none;
    return m_outlook ? m_outlook->timeline() : none;
}

const PnlGrid &TimeView::grid() const
{
    static const PnlGrid none;
    return m_outlook ? m_outlook->pnlGrid() : none;
}

void TimeView::showResult(const PlanResult &result)
{
    showOutlook(std::make_shared<const LazyOutlook>(std::make_shared<const PlanResult>(result)));
}

void TimeView::showOutlook(std::shared_ptr<const LazyOutlook> outlook)
{
    m_outlook = std::move(outlook);
    if (!m_outlook)
        return;
    const Plan &plan = m_outlook->result().plan;
    const Timeline &timeline = m_outlook->timeline();
    const NetApyBreakdown &n = timeline.netApy;
    const QString days =
        timeline.daysToLiquidation
            ? (*timeline.daysToLiquidation > plan.horizonDays
                   ? tr("in %1 days, after the horizon").arg(display::number(*timeline.daysToLiquidation, 0))
                   : tr("in %1 days").arg(display::number(*timeline.daysToLiquidation, 0)))
            : tr("never: the collateral grows at least as fast as the debt");
    m_summary->setText(tr("Net APY on equity %1 = supply %2 + native yield %3 %4 borrowing. "
                          "Liquidation at today's price: %5.")
                           .arg(display::percent(n.total), display::percent(n.supply),
                                display::percent(n.nativeYield),
                                n.borrowCost < 0 ? tr("- %1").arg(display::percent(-n.borrowCost))
                                                 : tr("+ %1").arg(display::percent(n.borrowCost)),
                                days));
    showCharts();
    showHeatmap();
}

void TimeView::showCharts()
{
    const Plan &plan = m_outlook->result().plan;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    const double spot = tracks ? plan.collateral.priceUsd / plan.borrow.priceUsd : plan.collateral.priceUsd;
    QVector<double> day, equity, hold, liquidation, spotLine, health;
    for (const TimelinePoint &p : m_outlook->timeline().points) {
        day.append(p.day);
        equity.append(p.equityUsd);
        hold.append(p.holdValueUsd);
        liquidation.append(tracks ? p.liquidationRatio : p.liquidationPriceUsd);
        spotLine.append(spot);
        health.append(std::isfinite(p.healthFactor) ? p.healthFactor : std::nan(""));
    }
    m_equity->setData(day, equity, true);
    m_hold->setData(day, hold, true);
    m_liquidation->setData(day, liquidation, true);
    m_spot->setData(day, spotLine, true);
    m_health->setData(day, health, true);
    m_healthOne->setData({day.isEmpty() ? 0.0 : day.front(), day.isEmpty() ? 0.0 : day.back()}, {1.0, 1.0},
                         true);
    liquidationPlot()->yAxis->setLabel(tracks
                                           ? tr("%1/%2 ratio").arg(plan.collateral.symbol, plan.borrow.symbol)
                                           : tr("%1 price (USD)").arg(plan.collateral.symbol));
    for (ViewChart *chart : {m_valueChart, m_liquidationChart, m_healthChart})
        chart->redraw();
}

void TimeView::showHeatmap()
{
    const Plan &plan = m_outlook->result().plan;
    const PnlGrid &grid = m_outlook->pnlGrid();
    const auto columns = static_cast<int>(grid.days.size());
    const auto rows = static_cast<int>(grid.pricesUsd.size());
    QCPColorMapData *cells = m_pnlMap->data();
    cells->setSize(columns, rows);
    cells->setRange(QCPRange(grid.days.front(), grid.days.back()),
                    QCPRange(grid.pricesUsd.front(), grid.pricesUsd.back()));
    double extent = 1.0;
    for (int c = 0; c < columns; ++c) {
        for (int r = 0; r < rows; ++r) {
            const double v = grid.at(static_cast<size_t>(r), static_cast<size_t>(c));
            cells->setCell(c, r, v);
            extent = std::max(extent, std::abs(v));
        }
    }
    // Symmetric around zero, so that white is break-even.
    m_pnlMap->setDataRange(QCPRange(-extent, extent));
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    heatmapPlot()->yAxis->setLabel(
        tracks ? tr("%1 price (USD, %2 held)").arg(plan.collateral.symbol, plan.borrow.symbol)
               : tr("%1 price (USD)").arg(plan.collateral.symbol));
    m_heatmapChart->redraw();
}

QString TimeView::dayReadOut(double x, int what) const
{
    if (!m_outlook)
        return {};
    const std::vector<TimelinePoint> &points = m_outlook->timeline().points;
    const long day = std::lround(x);
    if (points.empty() || day < points.front().day || day > points.back().day)
        return {};
    const auto it =
        std::find_if(points.begin(), points.end(), [day](const TimelinePoint &p) { return p.day == day; });
    if (it == points.end())
        return {};
    const TimelinePoint &p = *it;
    const Plan &plan = m_outlook->result().plan;
    const QString head = tr("Day %1").arg(p.day);
    switch (what) {
    case 0:
        return tr("%1\nEquity %2\nHolding %3")
            .arg(head, display::usd(p.equityUsd), display::usd(p.holdValueUsd));
    case 1:
        return plan.borrow.priceModel == PriceModel::TracksCollateral
                   ? tr("%1\nLiquidation ratio %2").arg(head, display::number(p.liquidationRatio, 6))
                   : tr("%1\nLiquidation %2").arg(head, display::usd(p.liquidationPriceUsd));
    default:
        return tr("%1\nHealth factor %2").arg(head, display::healthFactor(p.healthFactor));
    }
}

QString TimeView::heatmapReadOut(double x) const
{
    if (!m_outlook)
        return {};
    const PnlGrid &grid = m_outlook->pnlGrid();
    if (grid.days.empty() || grid.pricesUsd.empty() || x < grid.days.front() - 0.5 ||
        x > grid.days.back() + 0.5)
        return {};
    // The nearest column, and the row at today's price (the middle one).
    size_t column = 0;
    for (size_t c = 1; c < grid.days.size(); ++c)
        if (std::abs(grid.days[c] - x) < std::abs(grid.days[column] - x))
            column = c;
    const size_t row = grid.pricesUsd.size() / 2;
    return tr("Day %1\nP&L at %2: %3")
        .arg(grid.days[column])
        .arg(display::usd(grid.pricesUsd[row]), display::usd(grid.at(row, column)));
}

} // namespace lp
