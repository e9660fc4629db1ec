#include "carrychart.h"

#include "displayformat.h"
#include "engine.h"
#include "localeticker.h"
#include "marketregistry.h"
#include "qcustomplot_include.h"

#include <algorithm>
#include <cmath>

namespace lp {

CarryChart::CarryChart(QWidget *parent) : ChartBase(QStringLiteral("carryPlot"), QSize(360, 260), parent)
{
    QCustomPlot *p = plot();
    auto percent = QSharedPointer<LocaleTicker>::create();
    percent->setPercent(true);
    p->yAxis->setTicker(percent);
    p->xAxis->setTicker(QSharedPointer<LocaleTicker>::create());
    p->xAxis->setLabel(tr("Leverage (collateral value / equity, x)"));
    p->yAxis->setLabel(tr("APY (% a year)"));

    m_band = new QCPItemRect(p);
    m_band->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_band->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
    m_band->setPen(Qt::NoPen);
    m_band->setClipToAxisRect(true);
    m_band->setLayer(QStringLiteral("background"));

    m_zeroLine = new QCPItemStraightLine(p);
    m_zeroLine->point1->setCoords(0, 0);
    m_zeroLine->point2->setCoords(1, 0);

    m_netApy = p->addGraph();
    m_borrowApy = p->addGraph();
    m_plan = p->addGraph();
    m_plan->setLineStyle(QCPGraph::lsNone);
    m_netApy->setName(tr("Net APY on equity"));
    m_borrowApy->setName(tr("Borrow APY paid"));

    m_planLabel = new QCPItemText(p);
    m_planLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_planLabel->setPadding(QMargins(8, 2, 4, 6));
    m_planLabel->setClipToAxisRect(true);
    m_planLabel->setLayer(QStringLiteral("legend"));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    finishSetup();
}

void CarryChart::restyle(const ChartTheme &theme)
{
    m_netApy->setPen(QPen(theme.primary, 2.2));
    m_borrowApy->setPen(QPen(theme.danger, 1.4, Qt::DashLine));
    m_plan->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, theme.highlight, theme.highlight, 11));
    m_zeroLine->setPen(QPen(theme.zeroLine, 1));
    m_band->setBrush(theme.zone);
    m_planLabel->setColor(theme.highlight);
    m_planLabel->setBrush(theme.legendBrush);
}

void CarryChart::showResult(const PlanResult &result)
{
    m_inputs = m_markets ? carryInputs(result, *m_markets) : carryInputs(result, MarketRegistry{});
    m_carry = m_markets ? planCarry(result, *m_markets) : planCarry(result, MarketRegistry{});
    const CarryResult &c = *m_carry;
    QVector<double> leverage;
    QVector<double> net;
    QVector<double> borrow;
    for (const CarryPoint &pt : c.byLeverage) {
        leverage.append(pt.leverage);
        net.append(pt.netApy);
        borrow.append(pt.borrowApy);
    }
    m_netApy->setData(leverage, net, true);
    m_borrowApy->setData(leverage, borrow, true);
    m_plan->setData({c.atPlan.leverage}, {c.atPlan.netApy});
    m_plan->setName(
        tr("This plan: %1 at %2")
            .arg(display::signedPercent(c.atPlan.netApy, 1), display::leverage(c.atPlan.leverage)));
    m_planLabel->position->setCoords(c.atPlan.leverage, c.atPlan.netApy);
    m_planLabel->setText(
        tr("%1, %2").arg(display::leverage(c.atPlan.leverage), display::signedPercent(c.atPlan.netApy, 1)));
    // The band from zero to holding's APY: a loop inside it earns less than just supplying the deposit.
    m_band->topLeft->setCoords(0, std::max(c.holdApy, 0.0));
    m_band->bottomRight->setCoords(1, std::min(c.holdApy, 0.0));
    const Plan &plan = result.plan;
    setTitle(tr("Carry of %1 against %2: break-even borrow APY %3, holding %4")
                 .arg(plan.collateral.symbol, plan.borrow.symbol,
                      std::isfinite(c.breakEvenBorrowApy) ? display::percent(c.breakEvenBorrowApy, 2)
                                                          : QStringLiteral("—"),
                      display::percent(c.holdApy, 2)));
    refresh();
}

void CarryChart::autoRange()
{
    QCustomPlot *p = plot();
    p->xAxis->rescale();
    p->yAxis->rescale();
    const QCPRange y = p->yAxis->range();
    const double lo = std::min({y.lower, 0.0, m_carry ? m_carry->holdApy : 0.0});
    const double hi = std::max({y.upper, 0.0, m_carry ? m_carry->holdApy : 0.0});
    const double pad = std::max((hi - lo) * 0.08, 0.001);
    p->yAxis->setRange(lo - pad, hi + pad * 2.0);
    const QCPRange x = p->xAxis->range();
    p->xAxis->setRange(x.lower - 0.05, x.upper + 0.05);
}

void CarryChart::drawPinned(const PinnedPlots &pinnedPlots)
{
    for (const PinnedPlot &pinnedPlot : pinnedPlots) {
        const CarryResult pinned = m_markets ? planCarry(*pinnedPlot.result, *m_markets)
                                             : planCarry(*pinnedPlot.result, MarketRegistry{});
        QVector<double> leverage;
        QVector<double> net;
        for (const CarryPoint &pt : pinned.byLeverage) {
            leverage.append(pt.leverage);
            net.append(pt.netApy);
        }
        addPinnedGraph(plot()->xAxis, plot()->yAxis, pinnedPlot)->setData(leverage, net, true);
    }
}

QString CarryChart::readOut(double leverage) const
{
    if (!m_carry || m_carry->byLeverage.empty() || leverage < 1.0 ||
        leverage > m_carry->byLeverage.back().leverage)
        return {};
    const CarryPoint pt = carryAt(m_inputs, leverage);
    QStringList lines{tr("At %1").arg(display::leverage(pt.leverage)),
                      tr("Net APY: %1").arg(display::signedPercent(pt.netApy, 2)),
                      tr("Borrow APY: %1").arg(display::percent(pt.borrowApy, 2)),
                      tr("Collateral yield: %1").arg(display::percent(pt.collateralYield, 2))};
    if (pt.exceedsLiquidity)
        lines << tr("More than the reserve can lend");
    return lines.join(QLatin1Char('\n'));
}

} // namespace lp
