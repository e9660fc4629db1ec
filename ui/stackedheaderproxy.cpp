#include "stackedheaderproxy.h"

namespace lp {

StackedHeaderProxy::StackedHeaderProxy(QObject *parent) : QIdentityProxyModel(parent) {}

QVariant StackedHeaderProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    QVariant value = QIdentityProxyModel::headerData(section, orientation, role);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return value;
    QString text = value.toString();
    const qsizetype unit = text.lastIndexOf(QStringLiteral(" ("));
    if (unit > 0 && text.endsWith(QLatin1Char(')')))
        text[unit] = QLatin1Char('\n');
    return text;
}

} // namespace lp
