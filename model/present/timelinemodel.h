#pragma once

#include "rowtablemodel.h"
#include "timeline.h"

namespace lp {

// The position day by day (issue 6, Time): one row per day of the timeline, one column per entry of
// timelinePointColumns() (the `timeline` CSV's columns, in its order). DisplayRole is text in the user's
// locale; RawValueRole is the double for export, copying and charts (NaN where a value does not exist,
// e.g. a USD liquidation price when B tracks A).
class TimelineModel : public RowTableModel<TimelinePoint> {
    Q_OBJECT
public:
    // timelinePointColumns() in order.
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
        IncentivesUsd,
        PnlUsd,
        HoldCollateral,
        HoldValueUsd,
        HoldPnlUsd,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TimelineModel(QObject *parent = nullptr);

    void setTimeline(std::vector<TimelinePoint> points, QString collateralSymbol, QString borrowSymbol)
    {
        setRows(std::move(points), std::move(collateralSymbol), std::move(borrowSymbol));
    }
    [[nodiscard]] const std::vector<TimelinePoint> &points() const { return rows(); }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    [[nodiscard]] static double rawValue(const TimelinePoint &point, Column column);
};

} // namespace lp
