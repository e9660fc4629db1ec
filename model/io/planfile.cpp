#include "planfile.h"

#include "planjson.h"

#include <QJsonDocument>
#include <QSaveFile>

namespace lp {

ValidationErrors writeFileAtomically(const QByteArray &bytes, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {{path, QStringLiteral("cannot be written: %1").arg(file.errorString())}};
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return {{path, QStringLiteral("cannot be written: %1").arg(why)}};
    }
    if (!file.commit())
        return {{path, QStringLiteral("cannot be written: %1").arg(file.errorString())}};
    return {};
}

ValidationErrors writePlanFile(const Plan &plan, const QString &path, const MarketRegistry &markets)
{
    return writeFileAtomically(QJsonDocument(planToJson(plan, markets)).toJson(QJsonDocument::Indented),
                               path);
}

ValidationErrors writeCsvFile(const PlanResult &result, CsvTable table, const QString &path)
{
    return writeFileAtomically(exportCsv(result, table), path);
}

} // namespace lp
