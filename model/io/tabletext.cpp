#include "tabletext.h"

#include <QAbstractItemModel>

#include <cmath>

namespace lp {

namespace {

QString cleanCell(QString text)
{
    for (QChar &c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    return text;
}

} // namespace

QString tableAsTsv(const QAbstractItemModel &model, int rawRole, const QLocale &locale,
                   const QList<int> &rows)
{
    QLocale numbers = locale;
    numbers.setNumberOptions(QLocale::OmitGroupSeparator);
    const int columns = model.columnCount();
    QStringList lines;
    QStringList cells;
    for (int c = 0; c < columns; ++c)
        cells.append(cleanCell(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    lines.append(cells.join(QLatin1Char('\t')));

    QList<int> wanted = rows;
    if (wanted.isEmpty())
        for (int r = 0; r < model.rowCount(); ++r)
            wanted.append(r);
    for (const int r : wanted) {
        cells.clear();
        for (int c = 0; c < columns; ++c) {
            const QModelIndex index = model.index(r, c);
            const QVariant raw = index.data(rawRole);
            if (raw.typeId() == QMetaType::Double && std::isfinite(raw.toDouble()))
                // Fixed notation, the shortest digits that read back as the same double.
                cells.append(numbers.toString(raw.toDouble(), 'f', QLocale::FloatingPointShortest));
            else
                cells.append(cleanCell(index.data(Qt::DisplayRole).toString()));
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace lp
