#include "outlooktabs.h"

#include "closeview.h"
#include "engine.h"
#include "riskview.h"
#include "timeview.h"

#include <QTabWidget>

namespace lp {

namespace {

size_t slot(OutlookTabs::Page page)
{
    return static_cast<size_t>(page);
}

} // namespace

OutlookTabs::OutlookTabs(QTabWidget *tabs)
    : QObject(tabs), m_tabs(tabs), m_time(new TimeView), m_close(new CloseView), m_risk(new RiskView)
{
    m_stale.fill(true);
    m_tabs->setTabToolTip(
        m_tabs->addTab(m_time, tr("Time")),
        tr("Interest and yield over the horizon: equity, liquidation price, health factor"));
    m_tabs->setTabToolTip(m_tabs->addTab(m_close, tr("Close")),
                          tr("Closing the position on a chosen day at a chosen price, with every cost"));
    m_tabs->setTabToolTip(m_tabs->addTab(m_risk, tr("Risk")),
                          tr("Probability of liquidation, and stress scenarios"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &OutlookTabs::refreshCurrent);
}

int OutlookTabs::tabIndex(Page page) const
{
    switch (page) {
    case Page::Time:
        return m_tabs->indexOf(m_time);
    case Page::Close:
        return m_tabs->indexOf(m_close);
    case Page::Risk:
        return m_tabs->indexOf(m_risk);
    }
    return -1;
}

void OutlookTabs::showPage(Page page)
{
    m_tabs->setCurrentIndex(tabIndex(page));
}

void OutlookTabs::showResult(std::shared_ptr<const PlanResult> result)
{
    m_result = std::move(result);
    m_stale.fill(true);
    refreshCurrent();
}

bool OutlookTabs::isStale(Page page) const
{
    return m_stale.at(slot(page));
}

void OutlookTabs::refreshCurrent()
{
    if (!m_result)
        return;
    for (const Page page : {Page::Time, Page::Close, Page::Risk}) {
        if (m_tabs->currentIndex() != tabIndex(page) || !isStale(page))
            continue;
        m_stale.at(slot(page)) = false;
        switch (page) {
        case Page::Time:
            m_time->showResult(*m_result);
            break;
        case Page::Close:
            m_close->showResult(*m_result);
            break;
        case Page::Risk:
            m_risk->showResult(*m_result);
            break;
        }
    }
}

} // namespace lp
