// The window's Markets menu: the Market editor, Refresh From Chain, and the plan following a refreshed
// market (the rest of MainWindow is in mainwindow.cpp).
#include "mainwindow.h"

#include "editactions.h"
#include "marketeditordialog.h"
#include "marketpicker.h"
#include "marketrefreshdialog.h"
#include "marketregistry.h"
#include "planmarket.h"
#include "plansession.h"

#include <QLabel>

namespace lp {

void MainWindow::refreshMarketFromChain()
{
    MarketRefreshDialog dialog(m_markets.get(), m_userMarketsDirectory, m_session->plan().market, this);
    connect(&dialog, &MarketRefreshDialog::marketSaved, this, &MainWindow::followRefreshedMarket);
    dialog.exec();
}

void MainWindow::followRefreshedMarket(const QString &fromId, const QString &savedId)
{
    m_picker->reloadMarkets();
    Plan plan = m_session->plan();
    if (!fromId.isEmpty() && plan.market == fromId) {
        plan.market = savedId;
        applyPreset(&plan, marketPreset(*m_markets, plan));
        if (plan != m_session->plan())
            m_edits->applyEdit(plan);
    }
    if (const Market *saved = m_markets->find(savedId))
        m_statusLine->setText(
            tr("Saved the market \"%1\" read from the chain, %2.")
                .arg(saved->name, MarketPicker::freshnessText(*saved, QDate::currentDate())));
    updateMarketFreshness();
}

void MainWindow::updateMarketFreshness()
{
    const Market *m = m_markets->find(m_session->plan().market);
    m_marketFreshness->setText(
        m ? tr("%1: %2").arg(m->name, MarketPicker::freshnessText(*m, QDate::currentDate())) : QString());
}

void MainWindow::editMarkets()
{
    MarketEditorDialog dialog(m_markets.get(), m_userMarketsDirectory, this);
    if (!m_picker->plan().market.isEmpty())
        dialog.selectMarket(m_picker->plan().market);
    connect(&dialog, &MarketEditorDialog::marketsChanged, m_picker, &MarketPicker::reloadMarkets);
    connect(&dialog, &MarketEditorDialog::marketsChanged, this, &MainWindow::updateMarketFreshness);
    dialog.exec();
}

} // namespace lp
