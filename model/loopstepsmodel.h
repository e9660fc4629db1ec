#pragma once

#include "opening.h"

#include <QAbstractTableModel>

namespace lp {

// The loop-by-loop table (seed steps 1-4): one row per step of the opened position. DisplayRole is text
// in the user's locale; RawValueRole is the double for export, copying and charts.
class LoopStepsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Step,
        Borrowed,
        SwappedToCollateral,
        Collateral,
        Debt,
        CollateralUsd,
        DebtUsd,
        EquityUsd,
        Leverage,
        Ltv,
        HealthFactor,
        LiquidationPriceUsd,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit LoopStepsModel(QObject *parent = nullptr);

    void setSteps(std::vector<LoopStep> steps, QString collateralSymbol, QString borrowSymbol);
    [[nodiscard]] const std::vector<LoopStep> &steps() const { return m_steps; }
    // The formula behind a column (its header's tooltip; cells add their own numbers where they can).
    [[nodiscard]] static QString columnFormula(Column column);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static double rawValue(const LoopStep &step, Column column);

private:
    std::vector<LoopStep> m_steps;
    QString m_collateralSymbol;
    QString m_borrowSymbol;
};

} // namespace lp
