#include "charttabs.h"

#include "healthchart.h"
#include "loopschart.h"
#include "pnlchart.h"

namespace lp {

ChartTabs::ChartTabs(QWidget *parent)
    : QTabWidget(parent), m_pnl(new PnlChart), m_health(new HealthChart), m_loops(new LoopsChart)
{
    setObjectName(QStringLiteral("chartTabs"));
    setDocumentMode(true);
    // Tab order is the Chart enum's order.
    addTab(m_pnl, tr("P&&L"));
    addTab(m_health, tr("Health"));
    addTab(m_loops, tr("Loops"));
    setTabToolTip(0, tr("P&L against the price of Token A, next to holding"));
    setTabToolTip(1, tr("Health factor and liquidation price against the price of Token A"));
    setTabToolTip(2, tr("Leverage, health factor and liquidation price against the number of loops"));
}

void ChartTabs::showResult(const PlanResult &result)
{
    m_pnl->showResult(result);
    m_health->showResult(result);
    m_loops->showResult(result);
}

void ChartTabs::setPinned(const PinnedPlots &pinned)
{
    m_pnl->setPinned(pinned);
    m_health->setPinned(pinned);
    m_loops->setPinned(pinned);
}

QStringList ChartTabs::chartNames()
{
    return {QStringLiteral("pnl"), QStringLiteral("health"), QStringLiteral("loops")};
}

bool ChartTabs::chartFromName(const QString &name, Chart *out)
{
    const qsizetype i = chartNames().indexOf(name);
    if (i < 0)
        return false;
    *out = static_cast<Chart>(i);
    return true;
}

QCustomPlot *ChartTabs::plot(Chart chart) const
{
    switch (chart) {
    case Chart::Pnl:
        return m_pnl->plot();
    case Chart::Health:
        return m_health->plot();
    case Chart::Loops:
        return m_loops->plot();
    }
    return m_pnl->plot();
}

ChartTabs::Chart ChartTabs::currentChart() const
{
    const int i = currentIndex();
    return i >= 0 && i <= static_cast<int>(Chart::Loops) ? static_cast<Chart>(i) : Chart::Pnl;
}

} // namespace lp
