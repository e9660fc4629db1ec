// tableAsTsv: the clipboard text of a table (issue 3, "copy-to-clipboard as TSV").
#include "tabletext.h"

#include <QAbstractTableModel>
#include <QTest>

#include <limits>

using namespace lp;

namespace {

constexpr int kRaw = Qt::UserRole + 1;

// Two columns, two rows: a number shown as "shown" with its raw value, and text.
class TwoByTwo : public QAbstractTableModel {
public:
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 2;
    }
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 2;
    }
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == 0) {
            if (role == kRaw)
                return index.row() == 0 ? 1234567.125 : std::numeric_limits<double>::infinity();
            return role == Qt::DisplayRole ? QVariant(QStringLiteral("shown")) : QVariant();
        }
        if (role != Qt::DisplayRole)
            return {};
        return index.row() == 0 ? QStringLiteral("first\tline") : QStringLiteral("=1+1");
    }
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        return section == 0 ? QStringLiteral("Debt\n($)") : QStringLiteral("Note");
    }
};

} // namespace

class TestTableText : public QObject {
    Q_OBJECT
private slots:
    void englishNumbersWithoutGroupSeparators();
    void germanDecimalComma();
    void selectedRowsOnly();
};

void TestTableText::englishNumbersWithoutGroupSeparators()
{
    TwoByTwo model;
    const QString tsv = tableAsTsv(model, kRaw, QLocale(QLocale::English, QLocale::UnitedStates));
    // Header line breaks and cell tabs become spaces; 1,234,567.125 loses its separators and keeps every
    // digit; infinity is written as displayed.
    QCOMPARE(tsv, QStringLiteral("Debt ($)\tNote\n1234567.125\tfirst line\nshown\t=1+1\n"));
}

void TestTableText::germanDecimalComma()
{
    TwoByTwo model;
    const QString tsv = tableAsTsv(model, kRaw, QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(tsv.split(QLatin1Char('\n')).at(1), QStringLiteral("1234567,125\tfirst line"));
}

void TestTableText::selectedRowsOnly()
{
    TwoByTwo model;
    const QString tsv = tableAsTsv(model, kRaw, QLocale::c(), {1});
    QCOMPARE(tsv, QStringLiteral("Debt ($)\tNote\nshown\t=1+1\n"));
}

QTEST_GUILESS_MAIN(TestTableText)
#include "tst_tabletext.moc"
