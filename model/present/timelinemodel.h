#pragma once

#include "timeline.h"

#include <QAbstractTableModel>

namespace lp {

// The position day by day (issue 6): one row per day of the timeline. DisplayRole is
// text in the user's locale; RawValueRole is the double for export, copying and charts (NaN where a
// value does not exist, e.g. a USD liquidation price when B tracks A).
class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Day,
        Collateral,
        Debt,
        CollateralUsd,
        DebtUsd,
        EquityUsd,
        HealthFactor,
        LiquidationPriceUsd,
        LiquidationRatio,
        PnlUsd,
        HoldValueUsd,
        HoldPnlUsd,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit TimelineModel(QObject *parent = nullptr);

    void setTimeline(std::vector<TimelinePoint> points, QString collateralSymbol, QString borrowSymbol);
    [[nodiscard]] const std::vector<TimelinePoint> &points() const { return m_points; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static double rawValue(const TimelinePoint &point, Column column);

private:
    std::vector<TimelinePoint> m_points;
    QString m_collateralSymbol;
    QString m_borrowSymbol;
};

} // namespace lp
