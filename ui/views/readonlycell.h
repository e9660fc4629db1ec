#pragma once

#include <QTableWidgetItem>

namespace lp {

// A table cell the user can select and copy but not edit, right-aligned by default (numbers): the cells of
// the Close and Risk views' tables.
inline QTableWidgetItem *readOnlyCell(const QString &text,
                                      Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(alignment);
    return item;
}

} // namespace lp
