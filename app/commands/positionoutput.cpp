// A reading of an account as `position` writes it: JSON (the account's figures, each asset with its
// liquidation price, where and when it was read, and the pool's own health factor as a cross-check) or
// text for a person.
#include "positioncommand.h"

#include "aavev3reader.h"
#include "machineformat.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace lp::cli {

namespace {

QString directionName(AccountLiquidationPrice::Direction d)
{
    switch (d) {
    case AccountLiquidationPrice::Direction::Falls:
        return QStringLiteral("falls");
    case AccountLiquidationPrice::Direction::Rises:
        return QStringLiteral("rises");
    case AccountLiquidationPrice::Direction::Never:
        break;
    }
    return QStringLiteral("never");
}

// The pool's health factor against the app's, relative; 0 when both are infinite (no debt).
double relativeDifference(double app, double pool)
{
    if (std::isinf(app) && std::isinf(pool))
        return 0.0;
    return std::abs(app - pool) / std::abs(pool);
}

AccountLiquidationPrice priceOf(const QList<AccountLiquidationPrice> &prices, const QString &name)
{
    for (const AccountLiquidationPrice &p : prices)
        if (p.name == name)
            return p;
    return {};
}

} // namespace

QList<GroupMove> groupMoves(const Account &account, const AssetGroups &groups)
{
    QList<GroupMove> out;
    for (const QStringList &members : groups) {
        GroupMove move;
        move.name = members.join(QLatin1Char('+'));
        for (const QString &symbol : members) {
            const auto held =
                std::find_if(account.assets.begin(), account.assets.end(), [&](const AccountAsset &a) {
                    return a.symbol.compare(symbol, Qt::CaseInsensitive) == 0;
                });
            if (held == account.assets.end())
                move.notHeld << symbol;
            else
                move.held << held->symbol;
        }
        move.price = liquidationPriceOf(account, move.held, move.name);
        out << move;
    }
    return out;
}

QString groupLine(const Account &account, const GroupMove &move)
{
    const QLocale c = QLocale::c();
    QString line = QStringLiteral("group %1: ").arg(move.name);
    if (move.price.direction == AccountLiquidationPrice::Direction::Never) {
        line += QStringLiteral("no move of these together liquidates");
    } else {
        QStringList prices;
        for (const QString &symbol : move.held) {
            const AccountAsset &a = account.assets[account.indexOf(symbol)];
            if (a.countsAsCollateral() || a.debt > 0.0)
                prices << QStringLiteral("%1 $%2").arg(symbol,
                                                       c.toString(a.priceUsd * move.price.factor, 'f', 4));
        }
        line += QStringLiteral("%1 %2 (factor %3: %4)")
                    .arg(directionName(move.price.direction),
                         machine::fixed(move.price.distance() * 100.0, 2) + QLatin1Char('%'),
                         machine::fixed(move.price.factor, 6), prices.join(QStringLiteral(", ")));
    }
    if (!move.notHeld.isEmpty())
        line += QStringLiteral("; not held: %1").arg(move.notHeld.join(QStringLiteral(", ")));
    return line;
}

double nearestLiquidationDistance(const Account &account, const AssetGroups &groups)
{
    QList<AccountLiquidationPrice> all = liquidationPrices(account);
    for (const GroupMove &g : groupMoves(account, groups))
        all << g.price;
    double nearest = std::numeric_limits<double>::quiet_NaN();
    for (const AccountLiquidationPrice &p : all) {
        const double d = p.distance();
        if (!std::isnan(d) && !(d >= nearest))
            nearest = d;
    }
    return nearest;
}

QJsonObject positionToJson(const chain::FetchedPosition &position, const AssetGroups &groups)
{
    using machine::num;
    const Account &a = position.account;
    const AccountFigures f = accountFigures(a);
    const QList<AccountLiquidationPrice> prices = liquidationPrices(a);
    QJsonObject account{
        {QStringLiteral("address"), position.user},
        {QStringLiteral("healthFactor"), num(f.healthFactor)},
        {QStringLiteral("totalCollateralUsd"), f.totalCollateralUsd},
        {QStringLiteral("totalDebtUsd"), f.totalDebtUsd},
        {QStringLiteral("ltv"), f.ltv},
        {QStringLiteral("liquidationThreshold"), f.liquidationThreshold},
        {QStringLiteral("currentLtv"), f.currentLtv},
        {QStringLiteral("borrowingPowerUsd"), f.borrowingPowerUsd},
        {QStringLiteral("nearestLiquidationDistance"), num(nearestLiquidationDistance(a, groups))},
        {QStringLiteral("eMode"),
         QJsonObject{{QStringLiteral("id"), a.eModeCategory}, {QStringLiteral("label"), a.eModeLabel}}}};
    QJsonArray assets;
    for (qsizetype i = 0; i < a.assets.size(); ++i) {
        const AccountAsset &x = a.assets[i];
        const chain::PositionReserve &r = position.reserves[i];
        const AccountLiquidationPrice p = priceOf(prices, x.symbol);
        assets.append(QJsonObject{{QStringLiteral("symbol"), x.symbol},
                                  {QStringLiteral("address"), r.address},
                                  {QStringLiteral("decimals"), r.decimals},
                                  {QStringLiteral("collateral"), x.collateral},
                                  {QStringLiteral("debt"), x.debt},
                                  {QStringLiteral("collateralUnits"), r.collateralUnits.toDecimal()},
                                  {QStringLiteral("debtUnits"), r.debtUnits.toDecimal()},
                                  {QStringLiteral("usedAsCollateral"), x.usedAsCollateral},
                                  {QStringLiteral("priceUsd"), x.priceUsd},
                                  {QStringLiteral("ltv"), x.ltv},
                                  {QStringLiteral("liquidationThreshold"), x.liquidationThreshold},
                                  {QStringLiteral("liquidationBonus"), x.liquidationBonus},
                                  {QStringLiteral("liquidationPriceUsd"), num(p.priceUsd)},
                                  {QStringLiteral("liquidationWhen"), directionName(p.direction)},
                                  {QStringLiteral("distanceToLiquidation"), num(p.distance())}});
    }
    // Each group: its members' liquidation prices at the joint factor (all move by it, the others hold).
    QJsonArray groupArray;
    for (const GroupMove &g : groupMoves(a, groups)) {
        QJsonArray members;
        for (const QString &symbol : g.held) {
            const AccountAsset &x = a.assets[a.indexOf(symbol)];
            members.append(
                QJsonObject{{QStringLiteral("symbol"), symbol},
                            {QStringLiteral("priceUsd"), x.priceUsd},
                            {QStringLiteral("liquidationPriceUsd"), num(x.priceUsd * g.price.factor)}});
        }
        groupArray.append(QJsonObject{{QStringLiteral("name"), g.name},
                                      {QStringLiteral("members"), members},
                                      {QStringLiteral("notHeld"), QJsonArray::fromStringList(g.notHeld)},
                                      {QStringLiteral("liquidationFactor"), num(g.price.factor)},
                                      {QStringLiteral("liquidationWhen"), directionName(g.price.direction)},
                                      {QStringLiteral("distanceToLiquidation"), num(g.price.distance())}});
    }
    QJsonObject out{{QStringLiteral("account"), account},
                    {QStringLiteral("assets"), assets},
                    {QStringLiteral("groups"), groupArray}};
    const AccountLiquidation first = firstLiquidation(a);
    if (first.possible)
        out.insert(QStringLiteral("firstLiquidation"),
                   QJsonObject{{QStringLiteral("debt"), first.debtSymbol},
                               {QStringLiteral("collateral"), first.collateralSymbol},
                               {QStringLiteral("closeFactor"), first.closeFactor},
                               {QStringLiteral("repaidUnits"), first.repaidUnits},
                               {QStringLiteral("seizedUnits"), first.seizedUnits},
                               {QStringLiteral("healthFactorAfter"), num(first.afterFigures.healthFactor)}});
    QJsonObject fetched{{QStringLiteral("protocol"), position.protocol},
                        {QStringLiteral("chainId"), position.chainId},
                        {QStringLiteral("chain"), chain::chainName(position.chainId)},
                        {QStringLiteral("blockNumber"), static_cast<qint64>(position.blockNumber)},
                        {QStringLiteral("blockTime"), position.blockTime.toString(Qt::ISODate)},
                        {QStringLiteral("rpcHost"), position.rpcHost},
                        {QStringLiteral("liquidationRules"), toString(a.liquidationRules)}};
    if (position.protocol == u"morpho-blue") {
        // Morpho prices the collateral in the loan token: the "Usd" figures are in that token.
        fetched.insert(QStringLiteral("morpho"), position.poolAddress);
        fetched.insert(QStringLiteral("marketId"), position.marketId);
        fetched.insert(QStringLiteral("priceUnit"), position.priceUnit);
    } else {
        fetched.insert(QStringLiteral("poolAddressesProvider"), position.poolAddressesProvider);
        fetched.insert(QStringLiteral("pool"), position.poolAddress);
    }
    out.insert(QStringLiteral("fetched"), fetched);
    out.insert(QStringLiteral("check"),
               QJsonObject{{QStringLiteral("poolHealthFactor"), num(position.pool.healthFactor)},
                           {QStringLiteral("poolTotalCollateralUsd"), position.pool.totalCollateralUsd},
                           {QStringLiteral("poolTotalDebtUsd"), position.pool.totalDebtUsd},
                           {QStringLiteral("poolLiquidationThreshold"), position.pool.liquidationThreshold},
                           {QStringLiteral("poolLtv"), position.pool.ltv},
                           {QStringLiteral("healthFactorRelativeDifference"),
                            num(relativeDifference(f.healthFactor, position.pool.healthFactor))}});
    return out;
}

QString positionText(const chain::FetchedPosition &position, const AssetGroups &groups)
{
    const QLocale c = QLocale::c();
    const Account &a = position.account;
    const AccountFigures f = accountFigures(a);
    const QList<AccountLiquidationPrice> prices = liquidationPrices(a);
    const auto pct = [&](double v) { return machine::fixed(v * 100.0, 2) + QLatin1Char('%'); };
    QStringList out;
    out << QStringLiteral("Account %1 on %2%3, block %4 (%5) from %6")
               .arg(position.user, chain::chainName(position.chainId),
                    position.protocol == u"morpho-blue"
                        ? QStringLiteral(" (Morpho Blue market %1, prices in %2)")
                              .arg(position.marketId, position.priceUnit)
                        : QString())
               .arg(position.blockNumber)
               .arg(position.blockTime.toString(Qt::ISODate), position.rpcHost);
    out << QStringLiteral("  health factor %1 (the pool reports %2)")
               .arg(machine::fixed(f.healthFactor, 6), machine::fixed(position.pool.healthFactor, 6));
    out << QStringLiteral("  collateral $%1, debt $%2, borrowing power left $%3")
               .arg(c.toString(f.totalCollateralUsd, 'f', 2), c.toString(f.totalDebtUsd, 'f', 2),
                    c.toString(f.borrowingPowerUsd, 'f', 2));
    out << QStringLiteral("  LTV %1 (max %2), liquidation threshold %3%4")
               .arg(pct(f.currentLtv), pct(f.ltv), pct(f.liquidationThreshold),
                    a.eModeCategory == 0
                        ? QString()
                        : QStringLiteral(", e-mode %1 \"%2\"").arg(a.eModeCategory).arg(a.eModeLabel));
    out << QString();
    out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
               .arg(QStringLiteral("asset"), -8)
               .arg(QStringLiteral("collateral"), 18)
               .arg(QStringLiteral("debt"), 18)
               .arg(QStringLiteral("price USD"), 16)
               .arg(QStringLiteral("LT"), 8)
               .arg(QStringLiteral("liq. price"), 16)
               .arg(QStringLiteral("move to liquidation"));
    for (const AccountAsset &x : a.assets) {
        const AccountLiquidationPrice p = priceOf(prices, x.symbol);
        const QString move = p.direction == AccountLiquidationPrice::Direction::Never
                                 ? QStringLiteral("none alone")
                                 : QStringLiteral("%1 %2").arg(directionName(p.direction), pct(p.distance()));
        out << QStringLiteral("%1 %2 %3 %4 %5 %6  %7")
                   .arg(x.symbol.left(8), -8)
                   .arg(c.toString(x.collateral, 'f', 6), 18)
                   .arg(c.toString(x.debt, 'f', 6), 18)
                   .arg(c.toString(x.priceUsd, 'f', 4), 16)
                   .arg(pct(x.liquidationThreshold), 8)
                   .arg(machine::fixed(p.priceUsd, 4), 16)
                   .arg(move);
    }
    const QList<GroupMove> moves = groupMoves(a, groups);
    if (!moves.isEmpty())
        out << QString() << QStringLiteral("Groups (all members move by one factor, the others held):");
    for (const GroupMove &g : moves)
        out << QStringLiteral("  ") + groupLine(a, g);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace lp::cli
