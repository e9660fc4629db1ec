#include "looptable.h"

#include "engine.h"
#include "loopstepsmodel.h"
#include "stackedheaderproxy.h"
#include "tabletext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>

#include <algorithm>

namespace lp {

LoopTable::LoopTable(QWidget *parent)
    : QTableView(parent), m_model(new LoopStepsModel(this)), m_headerProxy(new StackedHeaderProxy(this))
{
    setObjectName(QStringLiteral("loopTable"));
    m_model->setShowTotals(true);
    m_headerProxy->setTotalsRole(LoopStepsModel::TotalsRowRole);
    m_headerProxy->setSourceModel(m_model);
    setModel(m_headerProxy);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setToolTip(tr("The position after each step: the deposit, then one row per loop (borrow, swap, deposit). "
                  "Ctrl+C copies the selected rows (or the whole table) for a spreadsheet."));

    auto *copy = new QAction(tr("&Copy as Tab-Separated Text"), this);
    copy->setObjectName(QStringLiteral("actionCopyLoopTable"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    copy->setStatusTip(tr("Copy the selected rows, or the whole loop table, to paste into a spreadsheet"));
    connect(copy, &QAction::triggered, this, &LoopTable::copyToClipboard);
    addAction(copy);
    auto *selectAll = new QAction(tr("Select &All"), this);
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(selectAll, &QAction::triggered, this, &QAbstractItemView::selectAll);
    addAction(selectAll);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString LoopTable::copyText() const
{
    QList<int> rows;
    if (selectionModel())
        for (const QModelIndex &index : selectionModel()->selectedRows())
            rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return tableAsTsv(*model(), LoopStepsModel::RawValueRole, locale(), rows);
}

void LoopTable::copyToClipboard() const
{
    QApplication::clipboard()->setText(copyText());
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
