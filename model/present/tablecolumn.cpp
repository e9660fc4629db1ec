#include "tablecolumn.h"

#include "displayformat.h"

#include <QCoreApplication>

#include <cmath>

namespace lp {

QString csvColumnName(const ColumnSpec &column)
{
    QString name;
    for (const QChar c : QString::fromLatin1(column.key)) {
        if (c.isUpper()) {
            name += QLatin1Char('_');
            name += c.toLower();
        } else {
            name += c;
        }
    }
    if (column.unit == ColumnUnit::UnitsA || column.unit == ColumnUnit::UnitsB)
        name += QLatin1String("_units");
    return name;
}

QString columnHeader(const ColumnSpec &column, const QString &collateralSymbol, const QString &borrowSymbol)
{
    QString header = QCoreApplication::translate("lp::columns", column.header);
    header.replace(QLatin1String("%1"), collateralSymbol.isEmpty() ? QStringLiteral("A") : collateralSymbol);
    header.replace(QLatin1String("%2"), borrowSymbol.isEmpty() ? QStringLiteral("B") : borrowSymbol);
    return header;
}

QString columnText(const ColumnSpec &column, double value)
{
    switch (column.unit) {
    case ColumnUnit::Count:
        return display::number(value, 0);
    case ColumnUnit::Fraction:
        return display::percent(value, column.decimals);
    case ColumnUnit::Percent: {
        const QString number = display::number(value, column.decimals);
        return std::isfinite(value) ? QCoreApplication::translate("lp::display", "%1 %").arg(number) : number;
    }
    case ColumnUnit::Leverage:
        return display::leverage(value, column.decimals);
    case ColumnUnit::Flag:
        if (std::isnan(value))
            return display::undefinedMark();
        return value != 0.0 ? QCoreApplication::translate("lp::columns", "yes")
                            : QCoreApplication::translate("lp::columns", "no");
    case ColumnUnit::UnitsA:
    case ColumnUnit::UnitsB:
    case ColumnUnit::Usd:
    case ColumnUnit::Number:
        break;
    }
    return display::number(value, column.decimals);
}

} // namespace lp
