#include "timelinemodel.h"

#include <QLocale>

#include <cmath>

namespace lp {

TimelineModel::TimelineModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimelineModel::setTimeline(std::vector<TimelinePoint> points, QString collateralSymbol,
                                QString borrowSymbol)
{
    const bool sameShape = points.size() == m_points.size() && collateralSymbol == m_collateralSymbol &&
                           borrowSymbol == m_borrowSymbol;
    if (sameShape) {
        // Same rows: update in place so views keep their selection and scroll position.
        m_points = std::move(points);
        if (!m_points.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_points = std::move(points);
    m_collateralSymbol = std::move(collateralSymbol);
    m_borrowSymbol = std::move(borrowSymbol);
    endResetModel();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_points.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double TimelineModel::rawValue(const TimelinePoint &p, Column column)
{
    switch (column) {
    case Day:
        return p.day;
    case Collateral:
        return p.collateral;
    case Debt:
        return p.debt;
    case CollateralUsd:
        return p.collateralUsd;
    case DebtUsd:
        return p.debtUsd;
    case EquityUsd:
        return p.equityUsd;
    case HealthFactor:
        return p.healthFactor;
    case LiquidationPriceUsd:
        return p.liquidationPriceUsd;
    case LiquidationRatio:
        return p.liquidationRatio;
    case PnlUsd:
        return p.pnlUsd;
    case HoldValueUsd:
        return p.holdValueUsd;
    case HoldPnlUsd:
        return p.holdPnlUsd;
    case ColumnCount:
        break;
    }
    return 0.0;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelinePoint &p = m_points[static_cast<size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    const double v = rawValue(p, column);
    switch (role) {
    case RawValueRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == LiquidationPriceUsd && std::isnan(v))
            return tr("%1 tracks %2: see the liquidation ratio").arg(m_borrowSymbol, m_collateralSymbol);
        if (column == HoldValueUsd)
            return tr("The deposit held instead, earning only its native yield");
        return {};
    case Qt::DisplayRole: {
        const QLocale locale;
        if (std::isinf(v))
            return QStringLiteral("∞");
        if (std::isnan(v))
            return QStringLiteral("–");
        switch (column) {
        case Day:
            return locale.toString(p.day);
        case Collateral:
        case Debt:
        case LiquidationRatio:
            return locale.toString(v, 'f', 4);
        case CollateralUsd:
        case DebtUsd:
        case EquityUsd:
        case LiquidationPriceUsd:
        case PnlUsd:
        case HoldValueUsd:
        case HoldPnlUsd:
            return locale.toString(v, 'f', 2);
        case HealthFactor:
            return locale.toString(v, 'f', 3);
        case ColumnCount:
            break;
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = m_collateralSymbol.isEmpty() ? tr("A") : m_collateralSymbol;
    const QString b = m_borrowSymbol.isEmpty() ? tr("B") : m_borrowSymbol;
    switch (static_cast<Column>(section)) {
    case Day:
        return tr("Day");
    case Collateral:
        return tr("Collateral (%1)").arg(a);
    case Debt:
        return tr("Debt (%1)").arg(b);
    case CollateralUsd:
        return tr("Collateral ($)");
    case DebtUsd:
        return tr("Debt ($)");
    case EquityUsd:
        return tr("Equity ($)");
    case HealthFactor:
        return tr("Health factor");
    case LiquidationPriceUsd:
        return tr("Liq. price ($)");
    case LiquidationRatio:
        return tr("Liq. ratio (%1/%2)").arg(a, b);
    case PnlUsd:
        return tr("P&L ($)");
    case HoldValueUsd:
        return tr("Hold value ($)");
    case HoldPnlUsd:
        return tr("Hold P&L ($)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lp
