#include "reservetable.h"

#include "riskstyle.h"

#include <QHeaderView>
#include <QLocale>

#include <cmath>

namespace lp {

namespace {

// Row data kept on the symbol cell: what the table has no column for.
constexpr int kEstimatesRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kNotesRole = Qt::UserRole + 2;
// Numeric cells: the exact value and the text it was shown as, so that an untouched cell reads back
// exactly (0.02095 x 100 / 100 need not be 0.02095 again).
constexpr int kRawRole = Qt::UserRole + 3;
constexpr int kShownRole = Qt::UserRole + 4;

bool isPercent(int column)
{
    return column != ReserveTable::Symbol && column != ReserveTable::Decimals &&
           column != ReserveTable::Price && column != ReserveTable::Collateral &&
           column != ReserveTable::Borrowable;
}

bool isCheck(int column)
{
    return column == ReserveTable::Collateral || column == ReserveTable::Borrowable;
}

bool isRate(int column)
{
    return column >= ReserveTable::OptimalUtilization && column <= ReserveTable::Slope2;
}

QString number(double v)
{
    return QLocale().toString(v, 'g', 12);
}

// A number in the user's locale or the C locale; NaN when it is neither.
double parse(const QString &text)
{
    bool ok = false;
    double v = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        v = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok ? v : std::nan("");
}

} // namespace

const QColor ReserveTable::kEstimateColor(0xff, 0xec, 0xb3); // amber 100

ReserveTable::ReserveTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("reserveTable"));
    setHorizontalHeaderLabels({tr("Symbol"), tr("Dec."), tr("LTV %"), tr("LT %"), tr("Bonus %"),
                               tr("Prot. fee %"), tr("RF %"), tr("Coll."), tr("Borrow"), tr("Supply APY %"),
                               tr("Borrow APY %"), tr("Native %"), tr("Price $"), tr("Uopt %"), tr("Base %"),
                               tr("Slope 1 %"), tr("Slope 2 %")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setToolTip(tr("Reserve parameters. Amber cells are estimates, not values from a stored source."));
    connect(this, &QTableWidget::itemChanged, this, &ReserveTable::onItemChanged);
}

QString ReserveTable::fieldName(int column)
{
    static const char *const names[ColumnCount] = {"symbol",
                                                   "decimals",
                                                   "ltv",
                                                   "liquidationThreshold",
                                                   "liquidationBonus",
                                                   "liquidationProtocolFee",
                                                   "reserveFactor",
                                                   "usableAsCollateral",
                                                   "borrowable",
                                                   "supplyApy",
                                                   "borrowApy",
                                                   "nativeYield",
                                                   "defaultPriceUsd",
                                                   "rateStrategy",
                                                   "rateStrategy",
                                                   "rateStrategy",
                                                   "rateStrategy"};
    return column >= 0 && column < ColumnCount ? QLatin1String(names[column]) : QString();
}

void ReserveTable::setReserves(const QList<Reserve> &reserves)
{
    m_filling = true;
    setRowCount(0);
    setRowCount(static_cast<int>(reserves.size()));
    for (int row = 0; row < rowCount(); ++row)
        fillRow(row, reserves[row]);
    m_filling = false;
}

void ReserveTable::appendReserve(const Reserve &reserve)
{
    m_filling = true;
    insertRow(rowCount());
    fillRow(rowCount() - 1, reserve);
    m_filling = false;
    setCurrentCell(rowCount() - 1, Symbol);
}

void ReserveTable::fillRow(int row, const Reserve &r)
{
    const std::optional<RateStrategy> &s = r.rateStrategy;
    const double values[ColumnCount] = {0,
                                        static_cast<double>(r.decimals),
                                        r.ltv,
                                        r.liquidationThreshold,
                                        r.liquidationBonus,
                                        r.liquidationProtocolFee,
                                        r.reserveFactor,
                                        0,
                                        0,
                                        r.supplyApy,
                                        r.borrowApy,
                                        r.nativeYield,
                                        r.defaultPriceUsd,
                                        s ? s->optimalUtilization : 0,
                                        s ? s->baseRate : 0,
                                        s ? s->slope1 : 0,
                                        s ? s->slope2 : 0};
    for (int c = 0; c < ColumnCount; ++c) {
        auto *item = new QTableWidgetItem;
        if (c == Symbol) {
            item->setText(r.symbol);
            item->setData(kEstimatesRole, r.estimates);
            item->setData(kNameRole, r.name);
            item->setData(kNotesRole, r.notes);
            item->setToolTip(r.notes.isEmpty() ? r.name : r.name + QStringLiteral("\n") + r.notes);
        } else if (isCheck(c)) {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState((c == Collateral ? r.usableAsCollateral : r.borrowable) ? Qt::Checked
                                                                                        : Qt::Unchecked);
        } else if (isRate(c) && !s) {
            item->setText(QString());
        } else {
            item->setText(number(isPercent(c) ? values[c] * 100.0 : values[c]));
            item->setData(kRawRole, values[c]);
            item->setData(kShownRole, item->text());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        setItem(row, c, item);
        markEstimate(item, r.isEstimate(fieldName(c)));
    }
}

void ReserveTable::styleEstimate(QTableWidgetItem *item, bool estimate)
{
    item->setBackground(estimate ? QBrush(kEstimateColor) : QBrush());
    item->setForeground(estimate ? QBrush(risk::textColorOn(kEstimateColor)) : QBrush());
}

void ReserveTable::markEstimate(QTableWidgetItem *item, bool estimate)
{
    styleEstimate(item, estimate);
    if (item->column() != Symbol)
        item->setToolTip(estimate ? tr("Estimate: no stored source states this value") : QString());
}

bool ReserveTable::isEstimateCell(int row, int column) const
{
    const QTableWidgetItem *symbol = item(row, Symbol);
    return symbol && symbol->data(kEstimatesRole).toStringList().contains(fieldName(column));
}

void ReserveTable::onItemChanged(QTableWidgetItem *changed)
{
    if (m_filling || changed->column() == Symbol)
        return;
    // The user's own value now: it is no estimate any more.
    QTableWidgetItem *symbol = item(changed->row(), Symbol);
    if (!symbol)
        return;
    QStringList estimates = symbol->data(kEstimatesRole).toStringList();
    const QString field = fieldName(changed->column());
    if (!estimates.removeAll(field))
        return;
    m_filling = true;
    symbol->setData(kEstimatesRole, estimates);
    for (int c = 0; c < ColumnCount; ++c) {
        if (fieldName(c) == field && item(changed->row(), c))
            markEstimate(item(changed->row(), c), false);
    }
    m_filling = false;
}

Reserve ReserveTable::reserveAt(int row, ValidationErrors *errors) const
{
    Reserve r;
    const QString path = QStringLiteral("reserves[%1].").arg(row);
    const auto text = [&](int c) { return item(row, c) ? item(row, c)->text() : QString(); };
    const auto value = [&](int c, const char *key) {
        const QTableWidgetItem *cell = item(row, c);
        if (cell && cell->data(kRawRole).isValid() && cell->text() == cell->data(kShownRole).toString())
            return cell->data(kRawRole).toDouble();
        const double v = parse(text(c));
        if (std::isnan(v))
            errors->append({path + QLatin1String(key), tr("\"%1\" is not a number").arg(text(c).left(20))});
        return isPercent(c) ? v / 100.0 : v;
    };
    const QTableWidgetItem *symbol = item(row, Symbol);
    r.symbol = text(Symbol).trimmed();
    r.name = symbol ? symbol->data(kNameRole).toString() : QString();
    if (r.name.trimmed().isEmpty())
        r.name = r.symbol;
    r.notes = symbol ? symbol->data(kNotesRole).toString() : QString();
    r.estimates = symbol ? symbol->data(kEstimatesRole).toStringList() : QStringList();
    const double decimals = value(Decimals, "decimals");
    r.decimals = std::isfinite(decimals) && std::fabs(decimals) < 1e6 ? static_cast<int>(decimals) : -1;
    r.ltv = value(Ltv, "ltv");
    r.liquidationThreshold = value(LiquidationThreshold, "liquidationThreshold");
    r.liquidationBonus = value(LiquidationBonus, "liquidationBonus");
    r.liquidationProtocolFee = value(ProtocolFee, "liquidationProtocolFee");
    r.reserveFactor = value(ReserveFactor, "reserveFactor");
    r.usableAsCollateral = item(row, Collateral) && item(row, Collateral)->checkState() == Qt::Checked;
    r.borrowable = item(row, Borrowable) && item(row, Borrowable)->checkState() == Qt::Checked;
    r.supplyApy = value(SupplyApy, "supplyApy");
    r.borrowApy = value(BorrowApy, "borrowApy");
    r.nativeYield = value(NativeYield, "nativeYield");
    r.defaultPriceUsd = value(Price, "defaultPriceUsd");
    bool anyRate = false;
    for (int c = OptimalUtilization; c <= Slope2; ++c)
        anyRate = anyRate || !text(c).trimmed().isEmpty();
    if (anyRate)
        r.rateStrategy =
            RateStrategy{value(OptimalUtilization, "rateStrategy.optimalUtilization"),
                         value(BaseRate, "rateStrategy.baseRate"), value(Slope1, "rateStrategy.slope1"),
                         value(Slope2, "rateStrategy.slope2")};
    return r;
}

QList<Reserve> ReserveTable::reserves(ValidationErrors *errors) const
{
    QList<Reserve> out;
    for (int row = 0; row < rowCount(); ++row)
        out << reserveAt(row, errors);
    return out;
}

void ReserveTable::setEditable(bool editable)
{
    setEditTriggers(editable ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
    m_filling = true;
    for (int row = 0; row < rowCount(); ++row) {
        for (int c : {int(Collateral), int(Borrowable)}) {
            if (QTableWidgetItem *it = item(row, c))
                it->setFlags(editable ? it->flags() | Qt::ItemIsUserCheckable
                                      : it->flags() & ~Qt::ItemIsUserCheckable);
        }
    }
    m_filling = false;
}

void ReserveTable::appendNewReserve()
{
    Reserve r;
    r.symbol = QStringLiteral("TOKEN%1").arg(rowCount() + 1);
    r.name = r.symbol;
    r.ltv = 0.5;
    r.liquidationThreshold = 0.6;
    r.liquidationBonus = 0.05;
    r.usableAsCollateral = true;
    r.borrowable = true;
    appendReserve(r);
}

void ReserveTable::removeCurrentReserve()
{
    if (currentRow() >= 0)
        removeRow(currentRow());
}

} // namespace lp
