#pragma once

#include "opening.h"

#include <QAbstractTableModel>

namespace lp {

// The loop-by-loop table: one row per step of the opened position. DisplayRole is text
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
        CostsUsd, // swap fee + slippage + flash premium of the step (gas is per transaction, in the summary)
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int RawValueRole = Qt::UserRole + 1;
    // True on the totals row (views show it in bold); invalid elsewhere.
    static constexpr int TotalsRowRole = Qt::UserRole + 2;

    // What the steps add up to: the flows (borrowed, bought, costs) summed over the steps. The state columns
    // (collateral, debt, leverage...) have no total: the last step is the position.
    struct Totals {
        double borrowed = 0;
        double bought = 0;
        double costsUsd = 0;
    };
    [[nodiscard]] static Totals totals(const std::vector<LoopStep> &steps);

    explicit LoopStepsModel(QObject *parent = nullptr);

    void setSteps(std::vector<LoopStep> steps, QString collateralSymbol, QString borrowSymbol);
    [[nodiscard]] const std::vector<LoopStep> &steps() const { return m_steps; }
    // A last row "Total" under the steps (off by default: exports and tests see the steps only).
    void setShowTotals(bool show);
    [[nodiscard]] bool isTotalsRow(int row) const;
    // The formula behind a column (its header's tooltip; cells add their own numbers where they can).
    [[nodiscard]] static QString columnFormula(Column column);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static double rawValue(const LoopStep &step, Column column);

private:
    [[nodiscard]] QVariant totalsData(Column column, int role) const;

    std::vector<LoopStep> m_steps;
    bool m_showTotals = false;
    QString m_collateralSymbol;
    QString m_borrowSymbol;
};

} // namespace lp
