#pragma once

#include "market.h"

#include <QTableWidget>

namespace lp {

// A market's e-mode categories as an editable table: id, label, ltv, liquidation threshold and bonus (in
// percent), the member symbols and their roles (collateral, borrowable, LTV 0), comma-separated. A category
// without role lists shows every member in both roles and keeps no lists unless the cell is edited; an
// emptied role cell means every member again. Estimate values are amber, as in ReserveTable.
class EModeTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        Id,
        Label,
        Ltv,
        LiquidationThreshold,
        LiquidationBonus,
        Members,
        Collateral,
        Borrowable,
        LtvZero,
        ColumnCount
    };

    explicit EModeTable(QWidget *parent = nullptr);

    void setCategories(const QList<EModeCategory> &categories);
    // As edited; a cell that is not a number is reported with its path ("eModes[0].ltv").
    [[nodiscard]] QList<EModeCategory> categories(ValidationErrors *errors) const;
    void appendCategory(const EModeCategory &category);
    // A new category the user fills in: the next id, LTV 90 %, LT 93 %, bonus 1 %.
    void appendNewCategory();
    // Removes the current row, if any.
    void removeCurrentCategory();
    void setEditable(bool editable);

private:
    void fillRow(int row, const EModeCategory &e);
};

} // namespace lp
