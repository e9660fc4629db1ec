#include "timeview.h"

#include "displayformat.h"
#include "engine.h"
#include "plotstyle.h"
#include "riskstyle.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

const QColor kEquityColor(0x15, 0x65, 0xc0); // blue 800, as the P&L chart's leveraged curve
const QColor kHoldColor(0x75, 0x75, 0x75);
constexpr int kGridRows = 61;
constexpr int kMaxGridColumns = 61;

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
      m_valuePlot(plotstyle::newPlot(QStringLiteral("time.valuePlot"), tr("Equity and holding over time"))),
      m_liquidationPlot(plotstyle::newPlot(QStringLiteral("time.liquidationPlot"),
                                           tr("Liquidation price drift against today's price"))),
      m_healthPlot(plotstyle::newPlot(QStringLiteral("time.healthPlot"), tr("Health factor over time"))),
      m_heatmapPlot(plotstyle::newPlot(QStringLiteral("time.heatmapPlot"), tr("P&L by price and day")))
{
    m_summary->setObjectName(QStringLiteral("time.summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_equity = addLine(m_valuePlot, QPen(kEquityColor, 2.0), tr("Equity"));
    m_hold = addLine(m_valuePlot, QPen(kHoldColor, 1.6, Qt::DashLine), tr("Holding the deposit"));
    m_valuePlot->legend->setVisible(true);
    m_valuePlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_valuePlot->xAxis->setLabel(tr("Day"));
    m_valuePlot->yAxis->setLabel(tr("USD at today's prices"));

    m_liquidation =
        addLine(m_liquidationPlot, QPen(risk::colorFor(risk::Level::Danger), 2.0), tr("Liquidation"));
    m_spot = addLine(m_liquidationPlot, QPen(QColor(0x42, 0x42, 0x42), 1.4, Qt::DashLine), tr("Today"));
    m_liquidationPlot->legend->setVisible(true);
    m_liquidationPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_liquidationPlot->xAxis->setLabel(tr("Day"));

    m_health = addLine(m_healthPlot, QPen(kEquityColor, 2.0), tr("Health factor"));
    m_healthOne = addLine(m_healthPlot, QPen(risk::colorFor(risk::Level::Danger), 1.2, Qt::DashLine),
                          tr("Liquidation (1.0)"));
    m_healthPlot->legend->setVisible(true);
    m_healthPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_healthPlot->xAxis->setLabel(tr("Day"));

    const plotstyle::ColorMap map = plotstyle::addColorMap(m_heatmapPlot, tr("P&L (USD)"));
    m_pnlMap = map.map;
    m_pnlMap->setGradient(plotstyle::profitLossGradient());
    m_heatmapPlot->xAxis->setLabel(tr("Day"));
    m_heatmapPlot->xAxis->ticker()->setTickCount(4);

    auto *charts = new QGridLayout;
    charts->addWidget(m_valuePlot, 0, 0);
    charts->addWidget(m_liquidationPlot, 0, 1);
    charts->addWidget(m_healthPlot, 1, 0);
    charts->addWidget(m_heatmapPlot, 1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(charts, 1);
}

std::vector<double> TimeView::gridPrices(double spotUsd)
{
    std::vector<double> prices(kGridRows);
    for (int i = 0; i < kGridRows; ++i)
        prices[static_cast<size_t>(i)] = spotUsd * (0.4 + 1.2 * i / (kGridRows - 1));
    return prices;
}

std::vector<int> TimeView::gridDays(int horizonDays)
{
    const int columns = std::min(kMaxGridColumns, horizonDays + 1);
    std::vector<int> days;
    for (int i = 0; i < columns; ++i) {
        const int day =
            columns == 1 ? 0 : static_cast<int>(std::lround(double(horizonDays) * i / (columns - 1)));
        if (days.empty() || day != days.back())
            days.push_back(day);
    }
    return days;
}

void TimeView::showResult(const PlanResult &result)
{
    m_timeline = computeTimeline(result.plan, result.opened);
    const Plan &plan = result.plan;
    const NetApyBreakdown &n = m_timeline.netApy;
    const QString days = m_timeline.daysToLiquidation
                             ? (*m_timeline.daysToLiquidation > plan.horizonDays
                                    ? tr("in %1 days, after the horizon")
                                          .arg(display::number(*m_timeline.daysToLiquidation, 0))
                                    : tr("in %1 days").arg(display::number(*m_timeline.daysToLiquidation, 0)))
                             : tr("never: the collateral grows at least as fast as the debt");
    m_summary->setText(tr("Net APY on equity %1 = supply %2 + native yield %3 %4 borrowing. "
                          "Liquidation at today's price: %5.")
                           .arg(display::percent(n.total), display::percent(n.supply),
                                display::percent(n.nativeYield),
                                n.borrowCost < 0 ? tr("- %1").arg(display::percent(-n.borrowCost))
                                                 : tr("+ %1").arg(display::percent(n.borrowCost)),
                                days));
    showCharts(result);
    showHeatmap(result);
}

void TimeView::showCharts(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    const double spot = tracks ? plan.collateral.priceUsd / plan.borrow.priceUsd : plan.collateral.priceUsd;
    QVector<double> day, equity, hold, liquidation, spotLine, health;
    for (const TimelinePoint &p : m_timeline.points) {
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
    m_liquidationPlot->yAxis->setLabel(tracks
                                           ? tr("%1/%2 ratio").arg(plan.collateral.symbol, plan.borrow.symbol)
                                           : tr("%1 price (USD)").arg(plan.collateral.symbol));
    for (QCustomPlot *plot : {m_valuePlot, m_liquidationPlot, m_healthPlot}) {
        plot->rescaleAxes();
        const QCPRange y = plot->yAxis->range();
        const double pad = std::max(y.size() * 0.1, std::abs(y.center()) * 0.01);
        plot->yAxis->setRange(y.lower - pad, y.upper + pad);
        plot->replot();
    }
}

void TimeView::showHeatmap(const PlanResult &result)
{
    const Plan &plan = result.plan;
    m_grid = pnlGrid(plan, result.opened, gridPrices(plan.collateral.priceUsd), gridDays(plan.horizonDays));
    const auto columns = static_cast<int>(m_grid.days.size());
    const auto rows = static_cast<int>(m_grid.pricesUsd.size());
    QCPColorMapData *cells = m_pnlMap->data();
    cells->setSize(columns, rows);
    cells->setRange(QCPRange(m_grid.days.front(), m_grid.days.back()),
                    QCPRange(m_grid.pricesUsd.front(), m_grid.pricesUsd.back()));
    double extent = 1.0;
    for (int c = 0; c < columns; ++c) {
        for (int r = 0; r < rows; ++r) {
            const double v = m_grid.at(static_cast<size_t>(r), static_cast<size_t>(c));
            cells->setCell(c, r, v);
            extent = std::max(extent, std::abs(v));
        }
    }
    // Symmetric around zero, so that white is break-even.
    m_pnlMap->setDataRange(QCPRange(-extent, extent));
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    m_heatmapPlot->yAxis->setLabel(
        tracks ? tr("%1 price (USD, %2 held)").arg(plan.collateral.symbol, plan.borrow.symbol)
               : tr("%1 price (USD)").arg(plan.collateral.symbol));
    m_heatmapPlot->rescaleAxes();
    m_heatmapPlot->replot();
}

} // namespace lp
