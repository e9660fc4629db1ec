#pragma once

#include "opening.h"
#include "rowtablemodel.h"

namespace lp {

// The loop-by-loop table: one row per step of the opened position, one column per entry
// of loopStepColumns() (the `loops` CSV's columns, in its order). DisplayRole is text in the user's
// locale; RawValueRole is the double for export, copying and charts.
class LoopStepsModel : public RowTableModel<LoopStep> {
    Q_OBJECT
public:
    // loopStepColumns() in order.
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
        SwapFeeUsd,
        SlippageUsd,
        FlashPremiumUsd,
        Partial,
        CostsUsd, // swap fee + slippage + flash premium of the step (gas is per transaction, in the summary)
        ColumnCount
    };
    Q_ENUM(Column)
    // True on the totals row (views show it in bold); invalid elsewhere.
    static constexpr int TotalsRowRole = Qt::UserRole + 2;

    // What the steps add up to: the flows (borrowed, bought, costs) summed over the steps. The state columns
    // (collateral, debt, leverage...) have no total: the last step is the position.
    struct Totals {
        double borrowed = 0;
        double bought = 0;
        double swapFeeUsd = 0;
        double slippageUsd = 0;
        double flashPremiumUsd = 0;
        double costsUsd = 0;
    };
    [[nodiscard]] static Totals totals(const std::vector<LoopStep> &steps);

    explicit LoopStepsModel(QObject *parent = nullptr);

    void setSteps(std::vector<LoopStep> steps, QString collateralSymbol, QString borrowSymbol)
    {
        setRows(std::move(steps), std::move(collateralSymbol), std::move(borrowSymbol));
    }
    [[nodiscard]] const std::vector<LoopStep> &steps() const { return rows(); }
    // A last row "Total" under the steps (off by default: exports and tests see the steps only).
    void setShowTotals(bool show);
    [[nodiscard]] bool isTotalsRow(int row) const;
    // The formula behind a column (its header's tooltip; cells add their own numbers where they can).
    [[nodiscard]] static QString columnFormula(Column column);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static double rawValue(const LoopStep &step, Column column);

private:
    [[nodiscard]] QVariant totalsData(Column column, int role) const;
    [[nodiscard]] QVariant cellToolTip(const LoopStep &step, Column column) const;

    bool m_showTotals = false;
};

} // namespace lp
