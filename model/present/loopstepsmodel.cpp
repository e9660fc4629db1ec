#include "loopstepsmodel.h"

#include "displayformat.h"
#include "rowcolumns.h"

namespace lp {

LoopStepsModel::LoopStepsModel(QObject *parent) : RowTableModel<LoopStep>(loopStepColumns(), parent)
{
    Q_ASSERT(loopStepColumns().size() == ColumnCount);
}

void LoopStepsModel::setShowTotals(bool show)
{
    if (show == m_showTotals)
        return;
    beginResetModel();
    m_showTotals = show;
    endResetModel();
}

bool LoopStepsModel::isTotalsRow(int row) const
{
    return m_showTotals && !steps().empty() && row == static_cast<int>(steps().size());
}

LoopStepsModel::Totals LoopStepsModel::totals(const std::vector<LoopStep> &steps)
{
    Totals t;
    for (const LoopStep &s : steps) {
        t.borrowed += s.borrowed;
        t.bought += s.swappedToCollateral;
        t.swapFeeUsd += s.swapFeeUsd;
        t.slippageUsd += s.slippageUsd;
        t.flashPremiumUsd += s.flashPremiumUsd;
        t.costsUsd += s.swapFeeUsd + s.slippageUsd + s.flashPremiumUsd;
    }
    return t;
}

int LoopStepsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const int steps = rowsInTable();
    return steps > 0 && m_showTotals ? steps + 1 : steps;
}

QVariant LoopStepsModel::totalsData(Column column, int role) const
{
    if (role == TotalsRowRole)
        return true;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const Totals t = totals(steps());
    double v = 0;
    switch (column) {
    case Step:
        if (role == Qt::DisplayRole)
            return tr("Total");
        if (role == Qt::ToolTipRole)
            return tr("Borrowed, bought and costs added up over the steps; the last step above is the "
                      "position.");
        return {};
    case Borrowed:
        v = t.borrowed;
        break;
    case SwappedToCollateral:
        v = t.bought;
        break;
    case SwapFeeUsd:
        v = t.swapFeeUsd;
        break;
    case SlippageUsd:
        v = t.slippageUsd;
        break;
    case FlashPremiumUsd:
        v = t.flashPremiumUsd;
        break;
    case CostsUsd:
        v = t.costsUsd;
        break;
    default:
        return {}; // a state, not a flow: no total
    }
    switch (role) {
    case RawValueRole:
        return v;
    case Qt::DisplayRole:
        return columnText(columnSpec(column), v);
    case Qt::ToolTipRole:
        return column == CostsUsd ? tr("Swap fees, slippage and flash premium of every step (gas is in the "
                                       "summary's opening costs).")
                                  : tr("The sum of the column over the steps.");
    default:
        return {};
    }
}

double LoopStepsModel::rawValue(const LoopStep &s, Column column)
{
    return loopStepColumns()[static_cast<size_t>(column)].value(s);
}

QVariant LoopStepsModel::cellToolTip(const LoopStep &s, Column column) const
{
    if (column == Step && s.partial)
        return tr("Partial loop: borrowed only what the target needed");
    if (column == Step && s.step == 0)
        return tr("Initial deposit");
    // The formula with this step's numbers, for the columns whose inputs are all in the row.
    switch (column) {
    case EquityUsd:
        return tr("E = CV − DV = %1 − %2 = %3")
            .arg(display::usd(s.collateralUsd), display::usd(s.debtUsd), display::usd(s.equityUsd));
    case Leverage:
        return tr("L = CV / (CV − DV) = %1 / (%1 − %2) = %3")
            .arg(display::usd(s.collateralUsd), display::usd(s.debtUsd), display::leverage(s.leverage));
    case Ltv:
        return tr("LTV = DV / CV = %1 / %2 = %3")
            .arg(display::usd(s.debtUsd), display::usd(s.collateralUsd), display::percent(s.ltv));
    default:
        return columnFormula(column);
    }
}

QVariant LoopStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto column = static_cast<Column>(index.column());
    if (isTotalsRow(index.row()))
        return totalsData(column, role);
    const LoopStep &s = steps()[static_cast<size_t>(index.row())];
    if (role == Qt::ToolTipRole)
        return cellToolTip(s, column);
    if (role == Qt::DisplayRole && column == Step)
        return s.step == 0 ? tr("deposit")
                           : (s.partial ? tr("%1 (partial)").arg(s.step) : display::number(s.step, 0));
    return RowTableModel<LoopStep>::data(index, role);
}

QVariant LoopStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= 0 && section < ColumnCount)
        return columnFormula(static_cast<Column>(section));
    return RowTableModel<LoopStep>::headerData(section, orientation, role);
}

QString LoopStepsModel::columnFormula(Column column)
{
    switch (column) {
    case Step:
        return tr("0 is the deposit; each loop borrows, swaps and supplies once.");
    case Borrowed:
        return tr(
            "Borrowed in this loop = t × CV before it − DV before it, over PB (t = LTV used × max LTV); "
            "a partial last loop borrows only what the target needs.");
    case SwappedToCollateral:
        return tr("Bought = borrowed × PB × k / PA, k = (1 − swap fee)(1 − slippage).");
    case Collateral:
        return tr("C = deposit + everything bought so far.");
    case Debt:
        return tr("D = everything borrowed so far (with a flash loan: the loan plus its premium).");
    case CollateralUsd:
        return tr("CV = C × PA.");
    case DebtUsd:
        return tr("DV = D × PB.");
    case EquityUsd:
        return tr("E = CV − DV: what is yours at today's prices.");
    case Leverage:
        return tr("L = CV / (CV − DV): exposure per dollar of your own money.");
    case Ltv:
        return tr("LTV = DV / CV; new borrowing stops at the max LTV.");
    case HealthFactor:
        return tr("HF = CV × LT / DV; below 1 the position can be liquidated.");
    case LiquidationPriceUsd:
        return tr("PA liq = D × PB / (C × LT): the price of A where HF reaches 1 (none without debt).");
    case SwapFeeUsd:
        return tr("Swap fee = USD swapped × swap fee, at the opening prices.");
    case SlippageUsd:
        return tr("Slippage = (USD swapped − swap fee) × slippage, at the opening prices.");
    case FlashPremiumUsd:
        return tr("Flash premium = flash loan × premium (flash-loan execution only).");
    case Partial:
        return tr("Yes for a last loop that borrowed only what the target needed.");
    case CostsUsd:
        return tr("Costs of the step = swap fee + slippage + flash premium, in USD at the opening prices.");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lp
