#include "reportfigure.h"

#include "displayformat.h"

#include <QJsonArray>

#include <cmath>

namespace lp::reporthtml {

namespace {

struct Shown {
    QString text;
    int decimals = 0;
    double scale = 1.0;
};

Shown show(double v, FigureKind kind, const QString &symbol)
{
    switch (kind) {
    case FigureKind::Usd:
        return {display::usd(v), display::kUsdDecimals, 1.0};
    case FigureKind::Units:
        return {display::units(v, symbol), display::kUnitsDecimals, 1.0};
    case FigureKind::Fraction:
        return {display::percent(v), display::kPercentDecimals, 100.0};
    case FigureKind::Leverage:
        return {display::leverage(v), display::kLeverageDecimals, 1.0};
    case FigureKind::Health:
        return {display::healthFactor(v), display::kHealthFactorDecimals, 1.0};
    case FigureKind::Count:
        return {display::number(v, 0), 0, 1.0};
    case FigureKind::Number:
        return {display::number(v, display::kRatioDecimals), display::kRatioDecimals, 1.0};
    }
    return {};
}

QString span(const QString &path, double scale, int decimals, const QString &text)
{
    return QStringLiteral(
               "<span class=\"fig\" data-key=\"%1\" data-scale=\"%2\" data-decimals=\"%3\">%4</span>")
        .arg(path, QString::number(scale), QString::number(decimals), text.toHtmlEscaped());
}

// JSON null is a value that does not exist or is infinite: the health factor with no debt is infinite,
// everything else undefined.
QString missing(FigureKind kind)
{
    return kind == FigureKind::Health ? QStringLiteral("∞") : display::undefinedMark();
}

} // namespace

QJsonValue valueAt(const QJsonObject &report, const QString &path)
{
    QJsonValue v = report;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex && v.isArray())
            v = v.toArray().at(index);
        else if (v.isObject())
            v = v.toObject().value(part);
        else
            return QJsonValue(QJsonValue::Undefined);
    }
    return v;
}

QString figure(const QJsonObject &report, const QString &path, FigureKind kind, const QString &symbol)
{
    const QJsonValue v = valueAt(report, path);
    if (!v.isDouble())
        return span(path, 1.0, 0, missing(kind));
    const Shown s = show(v.toDouble(), kind, symbol);
    return span(path, s.scale, s.decimals, s.text);
}

QString columnFigure(const QJsonObject &report, const QString &path, const ColumnSpec &column)
{
    const QJsonValue v = valueAt(report, path);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (!v.isDouble())
        return span(path, 1.0, 0,
                    QLatin1String(column.key) == QLatin1String("healthFactor") ? QStringLiteral("∞")
                                                                               : display::undefinedMark());
    const double scale = column.unit == ColumnUnit::Fraction ? 100.0 : 1.0;
    return span(path, scale, column.decimals, columnText(column, v.toDouble()));
}

QString section(const QString &id, const QString &title)
{
    return QStringLiteral("<h2 id=\"%1\"><a name=\"%1\"></a>%2</h2>\n").arg(id, escaped(title));
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(escaped(label), valueHtml);
}

QString table(const QString &rowsHtml)
{
    return QStringLiteral("<table class=\"kv\" cellspacing=\"0\" cellpadding=\"3\">\n%1</table>\n")
        .arg(rowsHtml);
}

QString paragraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>\n").arg(escaped(text));
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace lp::reporthtml
