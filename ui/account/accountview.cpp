#include "accountview.h"

#include "accountplan.h"
#include "displayformat.h"
#include "machineformat.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lp {

namespace {

QString money(double v, int decimals = 2)
{
    return AccountView::usd(v, decimals);
}

QString units(double v)
{
    return display::locale().toString(v, 'f', 6);
}

QString pct(double fraction)
{
    return display::locale().toString(fraction * 100.0, 'f', 2) + QStringLiteral(" %");
}

QString hfText(double hf)
{
    return std::isinf(hf) ? QStringLiteral("∞ (no debt)") : display::locale().toString(hf, 'f', 4);
}

} // namespace

AccountView::AccountView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_source(new QLabel(this)), m_summary(new QLabel(this)),
      m_pairNote(new QLabel(this)), m_table(new QTableWidget(this)), m_whatIfAsset(new QComboBox(this)),
      m_whatIfSlider(new QSlider(Qt::Horizontal, this)), m_whatIfResult(new QLabel(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_source->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_pairNote->setWordWrap(true);
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Asset"), tr("Collateral"), tr("Debt"), tr("Price (USD)"),
                                        tr("LTV"), tr("Liq. threshold"), tr("Liquidation price"),
                                        tr("Move to liquidation")});
    // Every column as wide as its contents (a stretched column cut the amounts and headers in a narrow
    // dock); the table scrolls sideways when the dock is narrower still.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_whatIfSlider->setRange(-50, 50);
    m_whatIfSlider->setTickPosition(QSlider::TicksBelow);
    m_whatIfSlider->setTickInterval(10);
    auto *whatIf = new QHBoxLayout;
    whatIf->addWidget(new QLabel(tr("What if"), this));
    whatIf->addWidget(m_whatIfAsset);
    whatIf->addWidget(new QLabel(tr("moves"), this));
    whatIf->addWidget(m_whatIfSlider, 1);
    whatIf->addWidget(m_whatIfResult, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_source);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(whatIf);
    layout->addWidget(m_pairNote);
    connect(m_whatIfSlider, &QSlider::valueChanged, this, &AccountView::updateWhatIf);
    connect(m_whatIfAsset, &QComboBox::currentIndexChanged, this, &AccountView::updateWhatIf);
}

void AccountView::setAccount(const Account &account, const QString &title, const QString &source)
{
    m_account = account;
    m_title->setText(title);
    m_source->setText(source);
    const AccountFigures f = accountFigures(account);
    m_summary->setText(summaryText());
    const QList<AccountLiquidationPrice> prices = liquidationPrices(account);
    m_table->setRowCount(static_cast<int>(account.assets.size()));
    for (int row = 0; row < account.assets.size(); ++row) {
        const AccountAsset &a = account.assets[row];
        AccountLiquidationPrice p;
        for (const AccountLiquidationPrice &x : prices)
            if (x.name == a.symbol)
                p = x;
        const QString move =
            p.direction == AccountLiquidationPrice::Direction::Never
                ? tr("no move of it alone")
                : (p.direction == AccountLiquidationPrice::Direction::Falls ? tr("falls %1") : tr("rises %1"))
                      .arg(pct(p.distance()));
        const QStringList cells{a.symbol,
                                units(a.collateral),
                                units(a.debt),
                                money(a.priceUsd, 4),
                                pct(a.ltv),
                                a.countsAsCollateral() ? pct(a.liquidationThreshold) : tr("not collateral"),
                                std::isnan(p.priceUsd) ? QStringLiteral("—") : money(p.priceUsd, 4),
                                move};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
    }
    m_whatIfAsset->blockSignals(true);
    m_whatIfAsset->clear();
    for (const AccountLiquidationPrice &p : prices)
        if (p.direction != AccountLiquidationPrice::Direction::Never)
            m_whatIfAsset->addItem(p.symbols.size() > 1 ? tr("%1 (together)").arg(p.name) : p.name,
                                   p.symbols);
    m_whatIfAsset->blockSignals(false);
    m_whatIfSlider->setValue(0);
    const Expected<Plan> plan = planFromAccount(account);
    const ValidationErrors planErrors = plan ? validatePlan(plan.value()) : ValidationErrors{};
    if (!plan)
        m_pairNote->setText(tr("The planning views (charts, close, risk, backtest) need a single pair: %1")
                                .arg(plan.errors().first().message));
    else if (!planErrors.isEmpty())
        m_pairNote->setText(tr("One collateral and one debt, but not a plan the planning views can take: %1")
                                .arg(planErrors.first().toString()));
    else
        m_pairNote->setText(
            tr("One collateral and one debt: Plan From Position opens it in every planning view."));
    Q_UNUSED(f);
    updateWhatIf();
}

QString AccountView::usd(double value, int decimals)
{
    return display::usd(value, decimals); // "$50,000.00" in the C locale too, never "50000.00$"
}

void AccountView::setWhatIf(const QString &name, double factor)
{
    for (int i = 0; i < m_whatIfAsset->count(); ++i)
        if (m_whatIfAsset->itemText(i) == name ||
            m_whatIfAsset->itemData(i).toStringList().join(QLatin1Char(',')) == name)
            m_whatIfAsset->setCurrentIndex(i);
    m_whatIfSlider->setValue(static_cast<int>(std::lround((factor - 1.0) * 100.0)));
}

QString AccountView::summaryText() const
{
    const AccountFigures f = accountFigures(m_account);
    return tr("Health factor %1 · collateral %2 · debt %3 · LTV %4 of max %5 · liquidation threshold %6 · "
              "borrowing power left %7%8")
        .arg(hfText(f.healthFactor), money(f.totalCollateralUsd), money(f.totalDebtUsd), pct(f.currentLtv),
             pct(f.ltv), pct(f.liquidationThreshold), money(f.borrowingPowerUsd),
             m_account.eModeCategory == 0
                 ? QString()
                 : tr(" · e-mode %1 (%2)").arg(m_account.eModeCategory).arg(m_account.eModeLabel));
}

QString AccountView::whatIfText() const
{
    return m_whatIfResult->text();
}

QString AccountView::pairNote() const
{
    return m_pairNote->text();
}

void AccountView::updateWhatIf()
{
    const QStringList symbols = m_whatIfAsset->currentData().toStringList();
    if (symbols.isEmpty()) {
        m_whatIfResult->setText(tr("no asset moves the health factor"));
        return;
    }
    const double factor = 1.0 + m_whatIfSlider->value() / 100.0;
    const AccountFigures f = accountFigures(withPricesScaled(m_account, symbols, factor));
    m_whatIfResult->setText(
        tr("%1%2 %: health factor %3%4")
            .arg(m_whatIfSlider->value() >= 0 ? QStringLiteral("+") : QString())
            .arg(m_whatIfSlider->value())
            .arg(hfText(f.healthFactor), f.healthFactor < 1.0 ? tr(" — liquidatable") : QString()));
}

} // namespace lp
