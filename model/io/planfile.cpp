#include "planfile.h"

#include "planjson.h"

#include <QJsonDocument>

namespace lp {

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
