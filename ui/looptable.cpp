#include "looptable.h"

#include "engine.h"
#include "loopstepsmodel.h"
#include "stackedheaderproxy.h"

#include <QHeaderView>

namespace lp {

LoopTable::LoopTable(QWidget *parent)
    : QTableView(parent), m_model(new LoopStepsModel(this)), m_headerProxy(new StackedHeaderProxy(this))
{
    setObjectName(QStringLiteral("loopTable"));
    m_headerProxy->setSourceModel(m_model);
    setModel(m_headerProxy);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setToolTip(
        tr("The position after each step: the deposit, then one row per loop (borrow, swap, deposit)."));
}

void LoopTable::showResult(const PlanResult &result)
{
    m_model->setSteps(result.opened.steps, result.plan.collateral.symbol, result.plan.borrow.symbol);
    fitColumns();
}

void LoopTable::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

void LoopTable::fitColumns()
{
    // As wide as the contents (a handful of rows: cheap, and numbers change width with the plan), and any
    // room left over shared by all columns rather than given to the last one.
    resizeColumnsToContents();
    const int columns = model()->columnCount();
    const int spare = viewport()->width() - horizontalHeader()->length();
    if (columns == 0 || spare <= 0)
        return;
    for (int column = 0; column < columns; ++column)
        setColumnWidth(column, columnWidth(column) + spare / columns);
}

} // namespace lp
