#pragma once

#include "market.h"

#include <QTableWidget>

namespace lp {

// The reserves of a market as an editable table (one row per reserve; percent columns show fractions x 100).
// Values a market file marks as estimates are drawn on an amber background with a tooltip; editing such a
// cell makes the value the user's own and clears its estimate flag. Fields without a column (name, notes)
// ride along with their row.
class ReserveTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        Symbol,
        Decimals,
        Ltv,
        LiquidationThreshold,
        LiquidationBonus,
        ProtocolFee,
        ReserveFactor,
        Collateral,
        Borrowable,
        SupplyApy,
        BorrowApy,
        NativeYield,
        Price,
        OptimalUtilization,
        BaseRate,
        Slope1,
        Slope2,
        ColumnCount
    };
    static const QColor kEstimateColor;
    // Marks a cell as an estimate (or clears the mark): the amber background with the text colour that
    // reads on it (lp::risk::textColorOn), so that it stays readable under the dark palette too, whose
    // own light text would be lost on amber.
    static void styleEstimate(QTableWidgetItem *item, bool estimate);

    explicit ReserveTable(QWidget *parent = nullptr);

    void setReserves(const QList<Reserve> &reserves);
    // The reserves as edited; a cell that is not a number is reported with its path ("reserves[1].ltv").
    [[nodiscard]] QList<Reserve> reserves(ValidationErrors *errors) const;
    // One row's reserve (nullopt strategy when its four cells are empty); errors as above.
    [[nodiscard]] Reserve reserveAt(int row, ValidationErrors *errors) const;
    void setEditable(bool editable);
    void appendReserve(const Reserve &reserve);
    // A new row the user fills in: TOKENn, usable as collateral and borrowable, LTV 50 %, LT 60 %, bonus 5 %.
    void appendNewReserve();
    // Removes the current row, if any.
    void removeCurrentReserve();
    // The market-file field a column holds ("liquidationThreshold", "rateStrategy").
    [[nodiscard]] static QString fieldName(int column);
    [[nodiscard]] bool isEstimateCell(int row, int column) const;

private:
    void fillRow(int row, const Reserve &r);
    void markEstimate(QTableWidgetItem *item, bool estimate);
    void onItemChanged(QTableWidgetItem *item);

    bool m_filling = false;
};

} // namespace lp
