#include "emodetable.h"

#include "reservetable.h"

#include <QHeaderView>
#include <QLocale>

#include <cmath>
#include <utility>

namespace lp {

namespace {

constexpr int kEstimatesRole = Qt::UserRole;
// The exact value and its shown text: an untouched cell reads back exactly.
constexpr int kRawRole = Qt::UserRole + 1;
constexpr int kShownRole = Qt::UserRole + 2;

const char *fieldName(int column)
{
    static const char *const names[EModeTable::ColumnCount] = {
        "id",         "label",      "ltv",    "liquidationThreshold", "liquidationBonus", "members",
        "collateral", "borrowable", "ltvZero"};
    return names[column];
}

QStringList symbolsOf(const QString &text)
{
    QStringList out;
    for (const QString &m : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << m.trimmed();
    return out;
}

} // namespace

EModeTable::EModeTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("eModeTable"));
    setHorizontalHeaderLabels({tr("Id"), tr("Label"), tr("LTV %"), tr("LT %"), tr("Bonus %"), tr("Members"),
                               tr("Collateral"), tr("Borrowable"), tr("LTV 0")});
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setToolTip(
        tr("Efficiency-mode categories: a plan gets the category's LTV, threshold and bonus when its "
           "collateral is a collateral member (not at LTV 0) and its borrowed asset a borrowable member.\n"
           "Collateral, Borrowable: the members in each role (Aave v3.2+); empty, every member.\n"
           "LTV 0: collateral members with LTV 0 in the category (Aave v3.6): the category's threshold, "
           "no borrowing power."));
}

void EModeTable::setCategories(const QList<EModeCategory> &categories)
{
    setRowCount(0);
    setRowCount(static_cast<int>(categories.size()));
    for (int row = 0; row < rowCount(); ++row)
        fillRow(row, categories[row]);
}

void EModeTable::appendCategory(const EModeCategory &category)
{
    insertRow(rowCount());
    fillRow(rowCount() - 1, category);
}

void EModeTable::fillRow(int row, const EModeCategory &e)
{
    const QStringList texts{QString::number(e.id),
                            e.label,
                            QLocale().toString(e.ltv * 100.0, 'g', 12),
                            QLocale().toString(e.liquidationThreshold * 100.0, 'g', 12),
                            QLocale().toString(e.liquidationBonus * 100.0, 'g', 12),
                            e.members.join(QStringLiteral(", ")),
                            e.collateralMembers().join(QStringLiteral(", ")),
                            e.borrowableMembers().join(QStringLiteral(", ")),
                            e.ltvZero.join(QStringLiteral(", "))};
    for (int c = 0; c < ColumnCount; ++c) {
        auto *item = new QTableWidgetItem(texts[c]);
        const double raw[ColumnCount] = {0, 0, e.ltv, e.liquidationThreshold, e.liquidationBonus, 0, 0, 0, 0};
        if (c >= Ltv && c <= LiquidationBonus) {
            item->setData(kRawRole, raw[c]);
            item->setData(kShownRole, texts[c]);
        }
        // Whether the category states the role (unstated: shown as every member); an untouched cell reads
        // back as it was, a stated empty list included.
        if (c == Collateral || c == Borrowable) {
            item->setData(kRawRole, (c == Collateral ? e.collateral : e.borrowable).has_value());
            item->setData(kShownRole, texts[c]);
        }
        if (c == Id)
            item->setData(kEstimatesRole, e.estimates);
        if (e.isEstimate(QLatin1String(fieldName(c)))) {
            ReserveTable::styleEstimate(item, true);
            item->setToolTip(tr("Estimate: no stored source states this value"));
        }
        setItem(row, c, item);
    }
}

QList<EModeCategory> EModeTable::categories(ValidationErrors *errors) const
{
    QList<EModeCategory> out;
    for (int row = 0; row < rowCount(); ++row) {
        const QString path = QStringLiteral("eModes[%1].").arg(row);
        const auto text = [&](int c) { return item(row, c) ? item(row, c)->text().trimmed() : QString(); };
        const auto value = [&](int c) {
            const QTableWidgetItem *cell = item(row, c);
            if (cell && cell->data(kRawRole).isValid() && cell->text() == cell->data(kShownRole).toString())
                return cell->data(kRawRole).toDouble();
            bool ok = false;
            double v = QLocale().toDouble(text(c), &ok);
            if (!ok)
                v = QLocale::c().toDouble(text(c), &ok);
            if (!ok) {
                errors->append(
                    {path + QLatin1String(fieldName(c)), tr("\"%1\" is not a number").arg(text(c).left(20))});
                return std::nan("");
            }
            return c == Id ? v : v / 100.0;
        };
        EModeCategory e;
        const double id = value(Id);
        e.id = std::isfinite(id) && std::fabs(id) < 1e6 ? static_cast<int>(id) : 0;
        e.label = text(Label);
        e.ltv = value(Ltv);
        e.liquidationThreshold = value(LiquidationThreshold);
        e.liquidationBonus = value(LiquidationBonus);
        e.members = symbolsOf(text(Members));
        for (const auto &[column, role] :
             {std::pair{int(Collateral), &e.collateral}, std::pair{int(Borrowable), &e.borrowable}}) {
            const QTableWidgetItem *cell = item(row, column);
            const bool untouched =
                cell && cell->data(kRawRole).isValid() && cell->text() == cell->data(kShownRole).toString();
            if (untouched ? cell->data(kRawRole).toBool() : !text(column).isEmpty())
                *role = symbolsOf(text(column));
        }
        e.ltvZero = symbolsOf(text(LtvZero));
        e.estimates = item(row, Id) ? item(row, Id)->data(kEstimatesRole).toStringList() : QStringList();
        out << e;
    }
    return out;
}

void EModeTable::setEditable(bool editable)
{
    setEditTriggers(editable ? QAbstractItemView::AllEditTriggers : QAbstractItemView::NoEditTriggers);
}

void EModeTable::appendNewCategory()
{
    EModeCategory e;
    e.id = rowCount() + 1;
    e.label = tr("Category %1").arg(e.id);
    e.ltv = 0.9;
    e.liquidationThreshold = 0.93;
    e.liquidationBonus = 0.01;
    appendCategory(e);
}

void EModeTable::removeCurrentCategory()
{
    if (currentRow() >= 0)
        removeRow(currentRow());
}

} // namespace lp
