#pragma once

#include "marketdiff.h"

#include <QTableWidget>

namespace lp {

// The review of a refresh from the chain: one row per change (MarketChange), with the old and the new
// value, a check box to accept it, the new value highlighted and the statuses a user must notice
// (frozen, paused, inactive, LTV 0, a cap reached, a new or vanished reserve) in red in the last column.
class MarketReviewTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Accept, Subject, Field, Old, New, Note, ColumnCount };
    static const QColor kChangedColor; // the new value's background
    static const QColor kFlagColor;    // a flagged status

    explicit MarketReviewTable(QWidget *parent = nullptr);

    // Shows these changes, every one accepted.
    void setChanges(const QList<MarketChange> &changes);
    [[nodiscard]] const QList<MarketChange> &changes() const { return m_changes; }
    // One entry per change: its check box.
    [[nodiscard]] QList<bool> accepted() const;
    void setAccepted(int row, bool accepted);
    void setAllAccepted(bool accepted);

signals:
    void acceptedChanged();

private:
    QList<MarketChange> m_changes;
};

} // namespace lp
