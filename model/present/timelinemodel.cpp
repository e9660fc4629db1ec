#include "timelinemodel.h"

#include "rowcolumns.h"

#include <cmath>

namespace lp {

TimelineModel::TimelineModel(QObject *parent) : RowTableModel<TimelinePoint>(timelinePointColumns(), parent)
{
    Q_ASSERT(timelinePointColumns().size() == ColumnCount);
}

double TimelineModel::rawValue(const TimelinePoint &p, Column column)
{
    return timelinePointColumns()[static_cast<size_t>(column)].value(p);
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::ToolTipRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return RowTableModel<TimelinePoint>::data(index, role);
    const auto column = static_cast<Column>(index.column());
    const TimelinePoint &p = points()[static_cast<size_t>(index.row())];
    if ((column == LiquidationPriceUsd || column == LiquidationRatio) && !(p.debt > 0.0))
        return tr("No debt: nothing can be liquidated");
    if (column == LiquidationPriceUsd && std::isnan(rawValue(p, column)))
        return tr("%1 tracks %2: see the liquidation ratio").arg(borrowSymbol(), collateralSymbol());
    if (column == HoldValueUsd)
        return tr("The deposit held instead, earning only its native yield");
    return {};
}

} // namespace lp
