#pragma once

#include "tablecolumn.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace lp {

// The shape every row table model of the window shares: one row per engine row, one column per entry of
// the row type's column table (rowcolumns.h), so the window shows the columns the CSV and the JSON write,
// titled, rounded and marked by the same table. DisplayRole is text in the user's locale (display::);
// RawValueRole is the double for export, copying and charts (NaN where a value does not exist);
// ColumnKeyRole on the horizontal header is the column's key.
class ColumnTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int RawValueRole = Qt::UserRole + 1;
    static constexpr int ColumnKeyRole = Qt::UserRole + 3;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

protected:
    explicit ColumnTableModel(QObject *parent) : QAbstractTableModel(parent) {}

    [[nodiscard]] virtual int rowsInTable() const = 0;
    [[nodiscard]] virtual int columnsInTable() const = 0;
    [[nodiscard]] virtual const ColumnSpec &columnSpec(int column) const = 0;
    [[nodiscard]] virtual double cellValue(int row, int column) const = 0;

    // Swaps in new rows (`assign` does it): in place, with dataChanged, when the row count and the
    // symbols stay (views keep their selection and scroll position); otherwise with a reset.
    void replaceRows(size_t newRowCount, QString collateralSymbol, QString borrowSymbol,
                     const std::function<void()> &assign);

    [[nodiscard]] const QString &collateralSymbol() const { return m_collateralSymbol; }
    [[nodiscard]] const QString &borrowSymbol() const { return m_borrowSymbol; }

private:
    QString m_collateralSymbol;
    QString m_borrowSymbol;
};

// A ColumnTableModel over a vector of Row with a TableColumns<Row> table.
template <class Row> class RowTableModel : public ColumnTableModel {
public:
    void setRows(std::vector<Row> rows, QString collateralSymbol, QString borrowSymbol)
    {
        replaceRows(rows.size(), std::move(collateralSymbol), std::move(borrowSymbol),
                    [&] { m_rows = std::move(rows); });
    }
    [[nodiscard]] const std::vector<Row> &rows() const { return m_rows; }
    [[nodiscard]] const TableColumns<Row> &columns() const { return m_columns; }

protected:
    RowTableModel(const TableColumns<Row> &columns, QObject *parent)
        : ColumnTableModel(parent), m_columns(columns)
    {
    }

    [[nodiscard]] int rowsInTable() const override { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int columnsInTable() const override { return static_cast<int>(m_columns.size()); }
    [[nodiscard]] const ColumnSpec &columnSpec(int column) const override
    {
        return m_columns[static_cast<size_t>(column)];
    }
    [[nodiscard]] double cellValue(int row, int column) const override
    {
        return m_columns[static_cast<size_t>(column)].value(m_rows[static_cast<size_t>(row)]);
    }

private:
    const TableColumns<Row> &m_columns;
    std::vector<Row> m_rows;
};

} // namespace lp
