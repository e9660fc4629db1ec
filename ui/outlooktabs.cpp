#include "outlooktabs.h"

#include "closeview.h"
#include "engine.h"
#include "riskview.h"
#include "timeview.h"

namespace lp {

OutlookTabs::OutlookTabs(QWidget *charts, QWidget *parent)
    : QTabWidget(parent), m_time(new TimeView), m_close(new CloseView), m_risk(new RiskView)
{
    setObjectName(QStringLiteral("outlookTabs"));
    setDocumentMode(true);
    addTab(charts, tr("Price"));
    addTab(m_time, tr("Time"));
    addTab(m_close, tr("Close"));
    addTab(m_risk, tr("Risk"));
    setTabToolTip(0, tr("P&L, health factor and loop count charts against Token A's price"));
    setTabToolTip(1, tr("Interest and yield over the horizon: equity, liquidation price, health factor"));
    setTabToolTip(2, tr("Closing the position on a chosen day at a chosen price, with every cost"));
    setTabToolTip(3, tr("Probability of liquidation, and stress scenarios"));
    connect(this, &QTabWidget::currentChanged, this, &OutlookTabs::refreshCurrent);
}

void OutlookTabs::showResult(std::shared_ptr<const PlanResult> result)
{
    m_result = std::move(result);
    m_stale.fill(true);
    refreshCurrent();
}

bool OutlookTabs::isStale(int index) const
{
    return index >= 1 && index <= 3 && m_stale.at(static_cast<size_t>(index - 1));
}

void OutlookTabs::refreshCurrent()
{
    const int index = currentIndex();
    if (!m_result || !isStale(index))
        return;
    m_stale.at(static_cast<size_t>(index - 1)) = false;
    switch (index) {
    case 1:
        m_time->showResult(*m_result);
        break;
    case 2:
        m_close->showResult(*m_result);
        break;
    case 3:
        m_risk->showResult(*m_result);
        break;
    default:
        break;
    }
}

} // namespace lp
