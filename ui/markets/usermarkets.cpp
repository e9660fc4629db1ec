#include "usermarkets.h"

#include <QStandardPaths>

namespace lp {

QString userMarketsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/markets");
}

MarketRegistry presetAndUserMarkets(ValidationErrors *errors)
{
    MarketRegistry markets = MarketRegistry::withBuiltIn();
    const ValidationErrors skipped = markets.loadUserMarkets(userMarketsDirectory());
    if (errors)
        *errors += skipped;
    return markets;
}

} // namespace lp
