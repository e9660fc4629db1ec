#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QAbstractItemModel;

namespace lp {

// A table model as tab-separated text for the clipboard (issue 3: "copy-to-clipboard as TSV"): a header row
// of the horizontal header titles, then one line per row. A cell whose rawRole data is a double is written
// with the given locale's decimal point and no group separators (so a spreadsheet in that locale reads it as
// a number, not text), in fixed notation with the shortest digits that read back as the same double; a
// non-finite double and every other cell are written as displayed. Tabs and line breaks inside a cell become
// spaces. rows lists the rows to write, in order; empty means all.
[[nodiscard]] QString tableAsTsv(const QAbstractItemModel &model, int rawRole, const QLocale &locale,
                                 const QList<int> &rows = {});

} // namespace lp
