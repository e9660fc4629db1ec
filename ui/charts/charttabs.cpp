#include "charttabs.h"

#include "carrychart.h"
#include "closeview.h"
#include "engine.h"
#include "healthchart.h"
#include "loopschart.h"
#include "pnlchart.h"
#include "riskview.h"
#include "timeview.h"

namespace lp {

namespace {

size_t slot(ChartTabs::Page page)
{
    return static_cast<size_t>(page);
}

} // namespace

ChartTabs::ChartTabs(QWidget *parent)
    : QTabWidget(parent), m_pnl(new PnlChart), m_health(new HealthChart), m_loops(new LoopsChart),
      m_time(new TimeView), m_close(new CloseView), m_risk(new RiskView), m_carry(new CarryChart)
{
    setObjectName(QStringLiteral("chartTabs"));
    setDocumentMode(true);
    m_stale.fill(true);
    // Tab order is the Page enum's order.
    setTabToolTip(addTab(m_pnl, tr("P&&L")), tr("P&L against the price of Token A, next to holding"));
    setTabToolTip(addTab(m_health, tr("Health")),
                  tr("Health factor and liquidation price against the price of Token A"));
    setTabToolTip(addTab(m_loops, tr("Loops")),
                  tr("Leverage, health factor and liquidation price against the number of loops"));
    setTabToolTip(addTab(m_time, tr("Time")),
                  tr("Interest and yield over the horizon: equity, liquidation price, health factor"));
    setTabToolTip(addTab(m_close, tr("Close")),
                  tr("Closing the position on a chosen day at a chosen price, with every cost"));
    setTabToolTip(addTab(m_risk, tr("Risk")), tr("Probability of liquidation, and stress scenarios"));
    setTabToolTip(addTab(m_carry, tr("Carry")),
                  tr("Net APY on equity against leverage: where the borrow rate eats the yield"));
    connect(this, &QTabWidget::currentChanged, this, &ChartTabs::refreshCurrent);
}

void ChartTabs::showResult(std::shared_ptr<const PlanResult> result)
{
    if (!result)
        return;
    // The same result again (a new palette, say) keeps its outlook: nothing is computed twice.
    if (!m_outlook || m_outlook->sharedResult() != result)
        m_outlook = std::make_shared<const LazyOutlook>(std::move(result), m_outlookOptions);
    m_stale.fill(true);
    refreshCurrent();
}

void ChartTabs::showResult(const PlanResult &result)
{
    showResult(std::make_shared<const PlanResult>(result));
}

void ChartTabs::setOutlookOptions(const OutlookOptions &options)
{
    m_outlookOptions = options;
    if (!m_outlook)
        return;
    m_outlook = std::make_shared<const LazyOutlook>(m_outlook->sharedResult(), m_outlookOptions);
    m_stale.fill(true);
    refreshCurrent();
}

void ChartTabs::setPinned(const PinnedPlots &pinned)
{
    m_pnl->setPinned(pinned);
    m_health->setPinned(pinned);
    m_loops->setPinned(pinned);
    m_carry->setPinned(pinned);
}

QStringList ChartTabs::chartNames()
{
    return {QStringLiteral("pnl"),  QStringLiteral("health"), QStringLiteral("loops"),
            QStringLiteral("time"), QStringLiteral("risk"),   QStringLiteral("carry")};
}

bool ChartTabs::chartFromName(const QString &name, Page *out)
{
    static const std::array<Page, 6> pages{Page::Pnl,  Page::Health, Page::Loops,
                                           Page::Time, Page::Risk,   Page::Carry};
    const qsizetype i = chartNames().indexOf(name);
    if (i < 0)
        return false;
    *out = pages.at(static_cast<size_t>(i));
    return true;
}

ChartTabs::Page ChartTabs::currentPage() const
{
    const int i = currentIndex();
    return i >= 0 && i < kPageCount ? static_cast<Page>(i) : Page::Pnl;
}

void ChartTabs::showPage(Page page)
{
    setCurrentIndex(static_cast<int>(page));
}

bool ChartTabs::isStale(Page page) const
{
    return m_stale.at(slot(page));
}

void ChartTabs::refreshCurrent()
{
    refresh(currentPage());
}

void ChartTabs::refresh(Page page)
{
    if (!m_outlook || !isStale(page))
        return;
    m_stale.at(slot(page)) = false;
    const PlanResult &result = m_outlook->result();
    switch (page) {
    case Page::Pnl:
        m_pnl->showResult(result);
        break;
    case Page::Health:
        m_health->showResult(result);
        break;
    case Page::Loops:
        m_loops->showResult(result);
        break;
    case Page::Time:
        m_time->showOutlook(m_outlook);
        break;
    case Page::Close:
        m_close->showOutlook(m_outlook);
        break;
    case Page::Risk:
        m_risk->showOutlook(m_outlook);
        break;
    case Page::Carry:
        m_carry->showResult(result);
        break;
    }
}

std::vector<QCustomPlot *> ChartTabs::plots(Page page)
{
    refresh(page);
    switch (page) {
    case Page::Pnl:
        return {m_pnl->plot()};
    case Page::Health:
        return {m_health->plot()};
    case Page::Loops:
        return {m_loops->plot()};
    case Page::Time:
        return m_time->plots();
    case Page::Close:
        return {};
    case Page::Risk:
        return {m_risk->heatmapPlot()};
    case Page::Carry:
        return {m_carry->plot()};
    }
    return {};
}

QCustomPlot *ChartTabs::plot(Page page)
{
    const std::vector<QCustomPlot *> all = plots(page);
    return all.empty() ? nullptr : all.front();
}

} // namespace lp
