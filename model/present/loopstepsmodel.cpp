#include "loopstepsmodel.h"

#include "displayformat.h"

#include <QLocale>

#include <cmath>

namespace lp {

LoopStepsModel::LoopStepsModel(QObject *parent) : QAbstractTableModel(parent) {}

void LoopStepsModel::setSteps(std::vector<LoopStep> steps, QString collateralSymbol, QString borrowSymbol)
{
    const bool sameShape = steps.size() == m_steps.size() && collateralSymbol == m_collateralSymbol &&
                           borrowSymbol == m_borrowSymbol;
    if (sameShape) {
        // Same rows: update in place so views keep their selection and scroll position.
        m_steps = std::move(steps);
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_steps = std::move(steps);
    m_collateralSymbol = std::move(collateralSymbol);
    m_borrowSymbol = std::move(borrowSymbol);
    endResetModel();
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
    return m_showTotals && !m_steps.empty() && row == static_cast<int>(m_steps.size());
}

LoopStepsModel::Totals LoopStepsModel::totals(const std::vector<LoopStep> &steps)
{
    Totals t;
    for (const LoopStep &s : steps) {
        t.borrowed += s.borrowed;
        t.bought += s.swappedToCollateral;
        t.costsUsd += s.swapFeeUsd + s.slippageUsd + s.flashPremiumUsd;
    }
    return t;
}

int LoopStepsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    const int steps = static_cast<int>(m_steps.size());
    return steps > 0 && m_showTotals ? steps + 1 : steps;
}

QVariant LoopStepsModel::totalsData(Column column, int role) const
{
    if (role == TotalsRowRole)
        return true;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    const Totals t = totals(m_steps);
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
        return QLocale().toString(v, 'f', column == CostsUsd ? 2 : 4);
    case Qt::ToolTipRole:
        return column == CostsUsd ? tr("Swap fees, slippage and flash premium of every step (gas is in the "
                                       "summary's opening costs).")
                                  : tr("The sum of the column over the steps.");
    default:
        return {};
    }
}

int LoopStepsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double LoopStepsModel::rawValue(const LoopStep &s, Column column)
{
    switch (column) {
    case Step:
        return s.step;
    case Borrowed:
        return s.borrowed;
    case SwappedToCollateral:
        return s.swappedToCollateral;
    case Collateral:
        return s.collateral;
    case Debt:
        return s.debt;
    case CollateralUsd:
        return s.collateralUsd;
    case DebtUsd:
        return s.debtUsd;
    case EquityUsd:
        return s.equityUsd;
    case Leverage:
        return s.leverage;
    case Ltv:
        return s.ltv;
    case HealthFactor:
        return s.healthFactor;
    case LiquidationPriceUsd:
        return s.liquidationPriceUsd;
    case CostsUsd:
        return s.swapFeeUsd + s.slippageUsd + s.flashPremiumUsd;
    case ColumnCount:
        break;
    }
    return 0.0;
}

QVariant LoopStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (isTotalsRow(index.row()))
        return totalsData(static_cast<Column>(index.column()), role);
    const LoopStep &s = m_steps[static_cast<size_t>(index.row())];
    const auto column = static_cast<Column>(index.column());
    const double v = rawValue(s, column);
    switch (role) {
    case RawValueRole:
        return v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
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
    case Qt::DisplayRole: {
        const QLocale locale;
        if (std::isinf(v))
            return QStringLiteral("∞");
        // With no debt there is no price at which the position is liquidated.
        if (column == LiquidationPriceUsd && !(s.debt > 0.0))
            return QStringLiteral("—");
        switch (column) {
        case Step:
            return s.step == 0 ? tr("deposit")
                               : (s.partial ? tr("%1 (partial)").arg(s.step) : locale.toString(s.step));
        case Borrowed:
        case SwappedToCollateral:
        case Collateral:
        case Debt:
            return locale.toString(v, 'f', 4);
        case CollateralUsd:
        case DebtUsd:
        case EquityUsd:
        case LiquidationPriceUsd:
        case CostsUsd:
            return locale.toString(v, 'f', 2);
        case Leverage:
            return locale.toString(v, 'f', 3) + QLatin1Char('x');
        case Ltv:
            return locale.toString(v * 100.0, 'f', 2) + QStringLiteral(" %");
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

QVariant LoopStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return columnFormula(static_cast<Column>(section));
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = m_collateralSymbol.isEmpty() ? tr("A") : m_collateralSymbol;
    const QString b = m_borrowSymbol.isEmpty() ? tr("B") : m_borrowSymbol;
    switch (static_cast<Column>(section)) {
    case Step:
        return tr("Step");
    case Borrowed:
        return tr("Borrowed (%1)").arg(b);
    case SwappedToCollateral:
        return tr("Bought (%1)").arg(a);
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
    case Leverage:
        return tr("Leverage");
    case Ltv:
        return tr("LTV");
    case HealthFactor:
        return tr("Health factor");
    case LiquidationPriceUsd:
        return tr("Liq. price ($)");
    case CostsUsd:
        return tr("Costs ($)");
    case ColumnCount:
        break;
    }
    return {};
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
        return tr("PA liq = D × PB / (C × LT): the price of A where HF reaches 1.");
    case CostsUsd:
        return tr("Costs of the step = swap fee + slippage + flash premium, in USD at the opening prices.");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace lp
