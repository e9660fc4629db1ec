#include "stackedheaderproxy.h"

#include <QFont>

namespace lp {

StackedHeaderProxy::StackedHeaderProxy(QObject *parent) : QIdentityProxyModel(parent) {}

QVariant StackedHeaderProxy::data(const QModelIndex &index, int role) const
{
    if (role == Qt::FontRole && m_totalsRole >= 0 && index.data(m_totalsRole).toBool()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return QIdentityProxyModel::data(index, role);
}

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
