#include "marketreviewtable.h"

#include <QHeaderView>

namespace lp {

const QColor MarketReviewTable::kChangedColor(255, 236, 150);
const QColor MarketReviewTable::kFlagColor(200, 40, 40);

namespace {

QString fieldText(const MarketChange &c)
{
    switch (c.kind) {
    case MarketChange::Kind::NewReserve:
    case MarketChange::Kind::VanishedReserve:
        return MarketReviewTable::tr("(whole reserve)");
    case MarketChange::Kind::NewEMode:
    case MarketChange::Kind::VanishedEMode:
        return MarketReviewTable::tr("(whole category)");
    case MarketChange::Kind::Field:
        break;
    }
    return c.field;
}

} // namespace

MarketReviewTable::MarketReviewTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("marketReview"));
    setHorizontalHeaderLabels(
        {tr("Take"), tr("Reserve"), tr("Field"), tr("Now in the app"), tr("On the chain"), tr("Note")});
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Note, QHeaderView::Stretch);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(false);
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == Accept)
            emit acceptedChanged();
    });
}

void MarketReviewTable::setChanges(const QList<MarketChange> &changes)
{
    const QSignalBlocker block(this);
    m_changes = changes;
    setRowCount(static_cast<int>(changes.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const MarketChange &c = changes[row];
        auto *take = new QTableWidgetItem;
        take->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        take->setCheckState(Qt::Checked);
        take->setToolTip(tr("Take this change into the saved market"));
        setItem(row, Accept, take);
        setItem(row, Subject, new QTableWidgetItem(c.subject()));
        setItem(row, Field, new QTableWidgetItem(fieldText(c)));
        const bool whole = c.kind != MarketChange::Kind::Field;
        setItem(row, Old, new QTableWidgetItem(whole ? QString() : MarketChange::text(c.oldValue, c.format)));
        auto *now = new QTableWidgetItem(whole ? QString() : MarketChange::text(c.newValue, c.format));
        if (!whole)
            now->setBackground(kChangedColor);
        setItem(row, New, now);
        auto *note = new QTableWidgetItem(c.flag);
        if (!c.flag.isEmpty()) {
            note->setForeground(kFlagColor);
            QFont bold = note->font();
            bold.setBold(true);
            note->setFont(bold);
        }
        setItem(row, Note, note);
    }
}

QList<bool> MarketReviewTable::accepted() const
{
    QList<bool> out;
    for (int row = 0; row < rowCount(); ++row)
        out << (item(row, Accept)->checkState() == Qt::Checked);
    return out;
}

void MarketReviewTable::setAccepted(int row, bool accepted)
{
    if (QTableWidgetItem *i = item(row, Accept))
        i->setCheckState(accepted ? Qt::Checked : Qt::Unchecked);
}

void MarketReviewTable::setAllAccepted(bool accepted)
{
    {
        const QSignalBlocker block(this);
        for (int row = 0; row < rowCount(); ++row)
            setAccepted(row, accepted);
    }
    emit acceptedChanged();
}

} // namespace lp
