#include "rowtablemodel.h"

namespace lp {

void ColumnTableModel::replaceRows(size_t newRowCount, QString collateralSymbol, QString borrowSymbol,
                                   const std::function<void()> &assign)
{
    const bool sameShape = newRowCount == static_cast<size_t>(rowsInTable()) &&
                           collateralSymbol == m_collateralSymbol && borrowSymbol == m_borrowSymbol;
    if (sameShape) {
        assign();
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    assign();
    m_collateralSymbol = std::move(collateralSymbol);
    m_borrowSymbol = std::move(borrowSymbol);
    endResetModel();
}

int ColumnTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : rowsInTable();
}

int ColumnTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columnsInTable();
}

QVariant ColumnTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) ||
        index.row() >= rowsInTable())
        return {};
    switch (role) {
    case RawValueRole:
        return cellValue(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        return columnText(columnSpec(index.column()), cellValue(index.row(), index.column()));
    default:
        return {};
    }
}

QVariant ColumnTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnsInTable())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return columnHeader(columnSpec(section), m_collateralSymbol, m_borrowSymbol);
    case ColumnKeyRole:
        return QString::fromLatin1(columnSpec(section).key);
    default:
        return QAbstractTableModel::headerData(section, orientation, role);
    }
}

} // namespace lp
