#pragma once

#include <QIdentityProxyModel>

namespace lp {

// Passes a table model through unchanged except for its horizontal header, whose unit in parentheses
// goes on a second line: "Collateral (wstETH)" reads as "Collateral" over "(wstETH)". Columns are then as
// wide as their numbers rather than their titles, so the loop table fits beside the form. A row whose
// totalsRole data is true is shown in bold (the loop table's "Total" row).
class StackedHeaderProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit StackedHeaderProxy(QObject *parent = nullptr);

    void setTotalsRole(int role) { m_totalsRole = role; }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    int m_totalsRole = -1;
};

} // namespace lp
