#include "marketpicker.h"

#include "marketregistry.h"
#include "reservetable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace lp {

namespace {

QString eModeHelp()
{
    return MarketPicker::tr(
        "Efficiency mode: when a category takes the collateral as collateral (not at LTV 0) "
        "and lets the borrowed asset be borrowed, its higher LTV and threshold and its "
        "smaller bonus apply.");
}

QString fieldTitle(MarketField f)
{
    switch (f) {
    case MarketField::CollateralPriceUsd:
        return MarketPicker::tr("Collateral price");
    case MarketField::CollateralLtv:
        return MarketPicker::tr("Max LTV");
    case MarketField::CollateralLiquidationThreshold:
        return MarketPicker::tr("Liquidation threshold");
    case MarketField::CollateralLiquidationBonus:
        return MarketPicker::tr("Liquidation bonus");
    case MarketField::CollateralSupplyApy:
        return MarketPicker::tr("Supply APY");
    case MarketField::CollateralNativeYield:
        return MarketPicker::tr("Native yield");
    case MarketField::BorrowPriceUsd:
        return MarketPicker::tr("Borrow price");
    case MarketField::BorrowApy:
        return MarketPicker::tr("Borrow APY");
    case MarketField::LiquidationRules:
        break;
    }
    return MarketPicker::tr("Liquidation rules");
}

QString shownValue(const Plan &plan, MarketField f)
{
    if (f == MarketField::LiquidationRules)
        return toString(plan.liquidationRules);
    const double v = fieldValue(plan, f);
    if (f == MarketField::CollateralPriceUsd || f == MarketField::BorrowPriceUsd)
        return QStringLiteral("$") + QLocale().toString(v, 'g', 8);
    return QLocale().toString(v * 100.0, 'g', 6) + QStringLiteral(" %");
}

} // namespace

MarketPicker::MarketPicker(const MarketRegistry *registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_market(new QComboBox), m_info(new QLabel),
      m_collateral(new QComboBox), m_borrow(new QComboBox), m_eMode(new QCheckBox),
      m_parameters(new QTableWidget(static_cast<int>(marketFields().size()), ColumnCount))
{
    m_market->setObjectName(QStringLiteral("market"));
    m_collateral->setObjectName(QStringLiteral("marketCollateral"));
    m_borrow->setObjectName(QStringLiteral("marketBorrow"));
    m_eMode->setObjectName(QStringLiteral("eMode"));
    m_info->setObjectName(QStringLiteral("marketInfo"));
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_eMode->setToolTip(eModeHelp());
    // What the status bar says while the mouse is over each choice.
    m_market->setStatusTip(tr("The lending market whose reserves supply the plan's values"));
    m_collateral->setStatusTip(tr("Token A: the reserve you deposit and loop"));
    m_borrow->setStatusTip(tr("The reserve you borrow and swap into Token A"));
    m_eMode->setStatusTip(m_eMode->toolTip());
    m_parameters->setObjectName(QStringLiteral("marketParameters"));
    m_parameters->setHorizontalHeaderLabels({tr("Parameter"), tr("Value"), tr("From"), QString()});
    m_parameters->verticalHeader()->setVisible(false);
    m_parameters->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_parameters->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_parameters->horizontalHeader()->setSectionResizeMode(Source, QHeaderView::Stretch);
    m_parameters->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_parameters->setSelectionMode(QAbstractItemView::NoSelection);
    m_parameters->setFocusPolicy(Qt::NoFocus);
    m_parameters->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_parameters->setFixedHeight(
        m_parameters->horizontalHeader()->sizeHint().height() +
        m_parameters->rowCount() * m_parameters->verticalHeader()->defaultSectionSize() + 4);
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        const MarketField f = marketFields()[row];
        m_parameters->setItem(row, Parameter, new QTableWidgetItem(fieldTitle(f)));
        m_parameters->setItem(row, Value, new QTableWidgetItem);
        m_parameters->setItem(row, Source, new QTableWidgetItem);
        auto *reset = new QToolButton;
        reset->setText(tr("Reset"));
        reset->setObjectName(QStringLiteral("reset:") + fieldPath(f));
        reset->setToolTip(tr("Reset to the market's value"));
        connect(reset, &QToolButton::clicked, this, [this, f] { resetField(f); });
        m_parameters->setCellWidget(row, Reset, reset);
    }

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Market"), m_market);
    form->addRow(QString(), m_info);
    form->addRow(tr("Collateral"), m_collateral);
    form->addRow(tr("Borrow"), m_borrow);
    form->addRow(QString(), m_eMode);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_parameters);

    connect(m_market, &QComboBox::activated, this,
            [this](int index) { chooseMarket(m_market->itemData(index).toString()); });
    connect(m_collateral, &QComboBox::activated, this,
            [this](int index) { chooseCollateral(m_collateral->itemData(index).toString()); });
    connect(m_borrow, &QComboBox::activated, this,
            [this](int index) { chooseBorrow(m_borrow->itemData(index).toString()); });
    connect(m_eMode, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            setEModeEnabled(on);
    });
    reloadMarkets();
}

QString MarketPicker::freshnessText(const Market &market, const QDate &today)
{
    const QString date = QLocale().toString(market.asOf, QLocale::ShortFormat);
    QString text = market.fetched ? tr("as of %1, block %2").arg(date).arg(market.fetched->blockNumber)
                                  : tr("as of %1").arg(date);
    if (isStale(market, today))
        text += tr(" (stale: %1 days old)").arg(market.asOf.daysTo(today));
    return text;
}

int MarketPicker::rowOf(MarketField field)
{
    return static_cast<int>(marketFields().indexOf(field));
}

void MarketPicker::setPlan(const Plan &plan)
{
    m_plan = plan;
    refresh();
}

void MarketPicker::reloadMarkets()
{
    m_refreshing = true;
    m_market->clear();
    m_market->addItem(tr("None: the plan's own values"), QString());
    for (const MarketRegistry::Entry &e : m_registry->entries())
        m_market->addItem(e.builtIn ? e.market.name : tr("%1 (yours)").arg(e.market.name), e.market.id);
    m_refreshing = false;
    refresh();
}

MarketPreset MarketPicker::preset() const
{
    return marketPreset(*m_registry, m_plan);
}

void MarketPicker::commit()
{
    refresh();
    emit planEdited(m_plan);
}

void MarketPicker::chooseMarket(const QString &id)
{
    m_plan.market = id;
    if (const Market *m = m_registry->find(id)) {
        // Keep the assets when the new market has them in the same role, else take its first ones.
        const Reserve *c = m->reserve(m_plan.collateral.symbol);
        if (!c || !c->usableAsCollateral)
            m_plan.collateral.symbol = m->collateralSymbols().value(0, m_plan.collateral.symbol);
        const QStringList borrow = m->borrowSymbols();
        const Reserve *b = m->reserve(m_plan.borrow.symbol);
        if (!b || !b->borrowable) {
            QString pick = borrow.value(0, m_plan.borrow.symbol);
            for (const QString &s : borrow) {
                if (s.compare(m_plan.collateral.symbol, Qt::CaseInsensitive) != 0) {
                    pick = s;
                    break;
                }
            }
            m_plan.borrow.symbol = pick;
        }
    }
    MarketFields all;
    for (MarketField f : marketFields())
        all |= f;
    applyPreset(&m_plan, preset(), all);
    commit();
}

void MarketPicker::chooseCollateral(const QString &symbol)
{
    m_plan.collateral.symbol = symbol;
    applyPreset(&m_plan, preset(), kCollateralFields);
    commit();
}

void MarketPicker::chooseBorrow(const QString &symbol)
{
    m_plan.borrow.symbol = symbol;
    applyPreset(&m_plan, preset(), kBorrowFields);
    commit();
}

void MarketPicker::setEModeEnabled(bool enabled)
{
    m_plan.useEMode = enabled;
    applyPreset(&m_plan, preset());
    commit();
}

void MarketPicker::resetField(MarketField field)
{
    resetToPreset(&m_plan, field, preset());
    commit();
}

void MarketPicker::fillSymbols(QComboBox *box, const QStringList &symbols, const QString &current)
{
    box->clear();
    for (const QString &s : symbols)
        box->addItem(s, s);
    int index = box->findData(current, Qt::UserRole, Qt::MatchFixedString);
    if (index < 0 && !current.isEmpty()) {
        box->addItem(symbols.isEmpty() ? current : tr("%1 (not in this market)").arg(current), current);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
}

void MarketPicker::refresh()
{
    m_refreshing = true;
    const Market *market = m_plan.market.isEmpty() ? nullptr : m_registry->find(m_plan.market);
    int index = m_market->findData(m_plan.market);
    if (index < 0 && !m_plan.market.isEmpty()) {
        m_market->addItem(tr("%1 (not known here)").arg(m_plan.market), m_plan.market);
        index = m_market->count() - 1;
    }
    m_market->setCurrentIndex(std::max(index, 0));
    if (market) {
        m_info->setText(tr("%1 · %2 · rules: %3 · source: %4")
                            .arg(market->chain, freshnessText(*market, QDate::currentDate()),
                                 toString(m_plan.liquidationRules),
                                 market->source.left(90) +
                                     (market->source.size() > 90 ? QStringLiteral("…") : QString())));
        m_info->setToolTip(describe(m_plan.liquidationRules) + QStringLiteral("\n\n") + market->source +
                           (market->notes.isEmpty() ? QString() : QStringLiteral("\n\n") + market->notes));
    } else {
        m_info->setText(m_plan.market.isEmpty()
                            ? tr("The plan carries all its values.")
                            : tr("This market is not known here: the plan's own values apply."));
        m_info->setToolTip(QString());
    }
    fillSymbols(m_collateral, market ? market->collateralSymbols() : QStringList(), m_plan.collateral.symbol);
    fillSymbols(m_borrow, market ? market->borrowSymbols() : QStringList(), m_plan.borrow.symbol);
    m_collateral->setEnabled(market != nullptr);
    m_borrow->setEnabled(market != nullptr);

    const qsizetype category =
        market ? market->eModeIndexFor(m_plan.collateral.symbol, m_plan.borrow.symbol) : -1;
    m_eMode->setEnabled(category >= 0);
    m_eMode->setChecked(category >= 0 && m_plan.useEMode);
    const QString refusal =
        market ? market->eModeRefusal(m_plan.collateral.symbol, m_plan.borrow.symbol) : QString();
    m_eMode->setText(category >= 0       ? tr("E-mode \"%1\"").arg(market->eModes[category].label)
                     : refusal.isEmpty() ? tr("E-mode: no category holds both assets")
                                         : tr("E-mode: none applies"));
    m_eMode->setToolTip(refusal.isEmpty() ? eModeHelp() : eModeHelp() + QStringLiteral("\n\n") + refusal);

    const MarketPreset p = preset();
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        const MarketField f = marketFields()[row];
        const bool own = isOverridden(m_plan, f, p);
        const bool estimate = !own && p.estimates.testFlag(f);
        m_parameters->item(row, Value)->setText(shownValue(m_plan, f));
        // Short text (the column is narrow); the field in the market file is in the tooltip.
        m_parameters->item(row, Source)
            ->setText(own        ? tr("yours")
                      : estimate ? tr("market, estimate")
                                 : tr("market"));
        QString where = own ? tr("Your value") : tr("From the market file: %1").arg(p.sourcePath(f));
        if (estimate)
            where += tr("\nAn estimate: no stored source states this value. Check it.");
        for (int c : {int(Parameter), int(Value), int(Source)}) {
            ReserveTable::styleEstimate(m_parameters->item(row, c), estimate);
            m_parameters->item(row, c)->setToolTip(where);
        }
        m_parameters->cellWidget(row, Reset)->setEnabled(own && p.available.testFlag(f));
    }
    m_refreshing = false;
}

} // namespace lp
