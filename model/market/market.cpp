#include "market.h"

#include <algorithm>

#include "machineformat.h"
#include "plan.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>

namespace lp {

qsizetype Market::reserveIndex(const QString &symbol) const
{
    for (qsizetype i = 0; i < reserves.size(); ++i) {
        if (reserves[i].symbol.compare(symbol, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

const Reserve *Market::reserve(const QString &symbol) const
{
    const qsizetype i = reserveIndex(symbol);
    return i < 0 ? nullptr : &reserves[i];
}

QStringList Market::collateralSymbols() const
{
    QStringList out;
    for (const Reserve &r : reserves) {
        if (r.usableAsCollateral)
            out << r.symbol;
    }
    return out;
}

QStringList Market::borrowSymbols() const
{
    QStringList out;
    for (const Reserve &r : reserves) {
        if (r.borrowable)
            out << r.symbol;
    }
    return out;
}

std::optional<CollateralParameters> collateralParameters(const Market &market,
                                                         const QString &collateralSymbol,
                                                         const QString &borrowSymbol, bool useEMode)
{
    const Reserve *r = market.reserve(collateralSymbol);
    if (!r || !r->usableAsCollateral)
        return std::nullopt;
    CollateralParameters p{r->ltv, r->liquidationThreshold, r->liquidationBonus, -1};
    const qsizetype e = useEMode ? market.eModeIndexFor(collateralSymbol, borrowSymbol) : -1;
    if (e >= 0) {
        const EModeCategory &cat = market.eModes[e];
        p = {cat.ltv, cat.liquidationThreshold, cat.liquidationBonus, e};
    }
    return p;
}

const QStringList &reserveFieldNames()
{
    static const QStringList names{QStringLiteral("symbol"),
                                   QStringLiteral("name"),
                                   QStringLiteral("decimals"),
                                   QStringLiteral("ltv"),
                                   QStringLiteral("liquidationThreshold"),
                                   QStringLiteral("liquidationBonus"),
                                   QStringLiteral("liquidationProtocolFee"),
                                   QStringLiteral("reserveFactor"),
                                   QStringLiteral("usableAsCollateral"),
                                   QStringLiteral("borrowable"),
                                   QStringLiteral("rateStrategy"),
                                   QStringLiteral("supplyApy"),
                                   QStringLiteral("borrowApy"),
                                   QStringLiteral("nativeYield"),
                                   QStringLiteral("defaultPriceUsd"),
                                   QStringLiteral("estimates"),
                                   QStringLiteral("notes")};
    return names;
}

const QStringList &eModeFieldNames()
{
    static const QStringList names{QStringLiteral("id"),
                                   QStringLiteral("label"),
                                   QStringLiteral("ltv"),
                                   QStringLiteral("liquidationThreshold"),
                                   QStringLiteral("liquidationBonus"),
                                   QStringLiteral("members"),
                                   QStringLiteral("collateral"),
                                   QStringLiteral("borrowable"),
                                   QStringLiteral("ltvZero"),
                                   QStringLiteral("estimates")};
    return names;
}

bool isStale(const Market &market, const QDate &today)
{
    return !market.asOf.isValid() || market.asOf.daysTo(today) > kMarketStaleAfterDays;
}

const QStringList &marketFieldNames()
{
    static const QStringList names{QStringLiteral("format"),
                                   QStringLiteral("version"),
                                   QStringLiteral("id"),
                                   QStringLiteral("name"),
                                   QStringLiteral("chain"),
                                   QStringLiteral("chainId"),
                                   QStringLiteral("asOf"),
                                   QStringLiteral("source"),
                                   QStringLiteral("notes"),
                                   QStringLiteral("liquidationRules"),
                                   QStringLiteral("liquidationRuleParams"),
                                   QStringLiteral("flashLoanPremium"),
                                   QStringLiteral("reserves"),
                                   QStringLiteral("eModes"),
                                   QStringLiteral("estimates")};
    return names;
}

namespace {

class Checker : public FieldChecker {
public:
    using FieldChecker::FieldChecker;

    void estimates(const QString &path, const QStringList &names, const QStringList &allowed)
    {
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (!allowed.contains(names[i]))
                fail(QStringLiteral("%1.estimates[%2]").arg(path).arg(i),
                     QStringLiteral("unknown field \"%1\"").arg(names[i].left(40)));
        }
    }

    // ltv, liquidation threshold and bonus of a reserve or a category (PoolConfigurator l.139-155, 338-347:
    // ltv <= lt, bonus > 0 when lt > 0, lt x (1 + bonus) <= 1). The planner needs lt > ltv and
    // lt x (1 + bonus) < 1 strictly, as plans do: at equality a liquidation at HF 1 would seize everything.
    void collateralTriple(const QString &path, double ltv, double lt, double bonus, bool collateral)
    {
        const QString ltPath = path + QStringLiteral(".liquidationThreshold");
        const bool ltvOk = range(path + QStringLiteral(".ltv"), ltv, 0.0, 1.0, false, true);
        const bool ltOk = range(ltPath, lt, 0.0, 1.0);
        const bool bonusOk = range(path + QStringLiteral(".liquidationBonus"), bonus, 0.0, 1.0, false, true);
        if (!ltvOk || !ltOk || !bonusOk)
            return;
        if (collateral && lt <= 0.0)
            fail(ltPath, QStringLiteral("must be above 0 for an asset usable as collateral"));
        else if (lt < ltv || (collateral && lt <= ltv))
            fail(ltPath, QStringLiteral("must be above ltv (%1)").arg(formatNumber(ltv)));
        if (lt > 0.0 && bonus <= 0.0)
            fail(path + QStringLiteral(".liquidationBonus"),
                 QStringLiteral("must be above 0 when liquidationThreshold is above 0"));
        else if (lt > 0.0 && lt * (1.0 + bonus) >= 1.0)
            fail(path + QStringLiteral(".liquidationBonus"),
                 QStringLiteral("liquidationThreshold x (1 + liquidationBonus) must be below 1 (got %1)")
                     .arg(formatNumber(lt * (1.0 + bonus))));
    }
};

// Index of the first entry equal to `symbol` ignoring case (symbols are case-insensitive everywhere).
qsizetype firstIndexOf(const QStringList &list, const QString &symbol)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].compare(symbol, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

void validateReserve(Checker &c, const Reserve &r, const QString &p)
{
    c.text(p + QStringLiteral(".symbol"), r.symbol, 32);
    c.text(p + QStringLiteral(".name"), r.name, 100);
    if (r.decimals < 0 || r.decimals > 255)
        c.fail(p + QStringLiteral(".decimals"),
               QStringLiteral("must be %1 (got %2)")
                   .arg(r.decimals < 0 ? QStringLiteral("at least 0") : QStringLiteral("at most 255"))
                   .arg(r.decimals));
    c.collateralTriple(p, r.ltv, r.liquidationThreshold, r.liquidationBonus, r.usableAsCollateral);
    c.range(p + QStringLiteral(".liquidationProtocolFee"), r.liquidationProtocolFee, 0.0, 1.0);
    c.range(p + QStringLiteral(".reserveFactor"), r.reserveFactor, 0.0, 1.0, false, true);
    if (r.rateStrategy) {
        for (const ValidationError &e :
             validateRateStrategy(*r.rateStrategy, p + QStringLiteral(".rateStrategy")))
            c.fail(e.field, e.message);
    }
    // APYs: no less than -100 % (a rate cannot take more than everything), no more than 10,000 %.
    c.range(p + QStringLiteral(".supplyApy"), r.supplyApy, -1.0, 100.0, true);
    c.range(p + QStringLiteral(".borrowApy"), r.borrowApy, -1.0, 100.0, true);
    c.range(p + QStringLiteral(".nativeYield"), r.nativeYield, -1.0, 100.0, true);
    c.range(p + QStringLiteral(".defaultPriceUsd"), r.defaultPriceUsd, 0.0, limits::maxPriceUsd, true);
    c.estimates(p, r.estimates, reserveFieldNames());
}

// A role list: reserves of the market, each once, each a member (the LTV-zero list: a collateral member, as
// aave-v3-origin's PoolConfigurator.setAssetLtvzeroInEMode requires, Errors.MustBeEmodeCollateral).
void validateRoleList(Checker &c, const Market &m, const EModeCategory &e, const QStringList &list,
                      const QString &path, bool collateralOnly)
{
    for (qsizetype j = 0; j < list.size(); ++j) {
        const QString rp = QStringLiteral("%1[%2]").arg(path).arg(j);
        if (m.reserveIndex(list[j]) < 0)
            c.fail(rp, QStringLiteral("no reserve \"%1\" in this market").arg(list[j].left(32)));
        else if (firstIndexOf(list, list[j]) < j)
            c.fail(rp, QStringLiteral("\"%1\" is listed twice").arg(list[j]));
        else if (!e.hasMember(list[j]))
            c.fail(rp, QStringLiteral("\"%1\" is not in members").arg(list[j]));
        else if (collateralOnly && !e.isCollateral(list[j]))
            c.fail(rp, QStringLiteral("\"%1\" is not a collateral member of this category").arg(list[j]));
    }
}

// The roles of a category's members: with both role lists stated, every member has one of them.
void validateRoles(Checker &c, const Market &m, const EModeCategory &e, const QString &p)
{
    if (e.collateral)
        validateRoleList(c, m, e, *e.collateral, p + QStringLiteral(".collateral"), false);
    if (e.borrowable)
        validateRoleList(c, m, e, *e.borrowable, p + QStringLiteral(".borrowable"), false);
    validateRoleList(c, m, e, e.ltvZero, p + QStringLiteral(".ltvZero"), true);
    if (!e.collateral || !e.borrowable)
        return;
    for (qsizetype j = 0; j < e.members.size(); ++j) {
        if (m.reserveIndex(e.members[j]) >= 0 && !e.isCollateral(e.members[j]) &&
            !e.isBorrowable(e.members[j]))
            c.fail(QStringLiteral("%1.members[%2]").arg(p).arg(j),
                   QStringLiteral("\"%1\" is in neither collateral nor borrowable").arg(e.members[j]));
    }
}

} // namespace

ValidationErrors validateMarket(const Market &m)
{
    ValidationErrors errors;
    Checker c(&errors);
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    if (!idPattern.match(m.id).hasMatch())
        c.fail(QStringLiteral("id"),
               QStringLiteral("must be 1 to 64 lower-case letters, digits or '-', starting "
                              "with a letter or digit (got \"%1\")")
                   .arg(m.id.left(40)));
    c.text(QStringLiteral("name"), m.name, 100);
    c.text(QStringLiteral("chain"), m.chain, 100);
    if (m.chainId < 0)
        c.fail(QStringLiteral("chainId"), QStringLiteral("must be at least 0 (got %1)").arg(m.chainId));
    if (!m.asOf.isValid())
        c.fail(QStringLiteral("asOf"), QStringLiteral("must be a date, YYYY-MM-DD"));
    if (m.source.trimmed().isEmpty())
        c.fail(QStringLiteral("source"), QStringLiteral("must say where the values come from"));
    c.range(QStringLiteral("flashLoanPremium"), m.flashLoanPremium, 0.0, 1.0, false, true);
    c.estimates(QString(), m.estimates, marketFieldNames());
    if (m.reserves.isEmpty())
        c.fail(QStringLiteral("reserves"), QStringLiteral("must list at least one reserve"));

    QHash<QString, qsizetype> firstBySymbol;
    for (qsizetype i = 0; i < m.reserves.size(); ++i) {
        const QString p = QStringLiteral("reserves[%1]").arg(i);
        validateReserve(c, m.reserves[i], p);
        if (m.reserves[i].onChain)
            errors.append(validateReserveChainData(*m.reserves[i].onChain, p));
        const QString key = m.reserves[i].symbol.toCaseFolded();
        if (firstBySymbol.contains(key))
            c.fail(p + QStringLiteral(".symbol"), QStringLiteral("duplicate of reserves[%1] (\"%2\")")
                                                      .arg(firstBySymbol.value(key))
                                                      .arg(m.reserves[i].symbol.left(32)));
        else
            firstBySymbol.insert(key, i);
    }

    QHash<int, qsizetype> firstById;
    QHash<QString, qsizetype> categoryOf; // member -> first category, for aave-v3.0's one-category rule
    // Categories with role lists come from v3.2+'s bitmaps (read from a pool, or written so): such a pool
    // allows an asset in several categories whatever its liquidation rules (a v3.2 pool has v3.0's).
    const bool bitmapCategories = std::any_of(m.eModes.begin(), m.eModes.end(), [](const EModeCategory &e) {
        return e.collateral.has_value() || e.borrowable.has_value() || !e.ltvZero.isEmpty();
    });
    for (qsizetype k = 0; k < m.eModes.size(); ++k) {
        const EModeCategory &e = m.eModes[k];
        const QString p = QStringLiteral("eModes[%1]").arg(k);
        if (e.id < 1 || e.id > 255)
            c.fail(p + QStringLiteral(".id"), QStringLiteral("must be between 1 and 255 (got %1)").arg(e.id));
        else if (firstById.contains(e.id))
            c.fail(p + QStringLiteral(".id"),
                   QStringLiteral("duplicate of eModes[%1] (id %2)").arg(firstById.value(e.id)).arg(e.id));
        else
            firstById.insert(e.id, k);
        c.text(p + QStringLiteral(".label"), e.label, 100);
        c.collateralTriple(p, e.ltv, e.liquidationThreshold, e.liquidationBonus, true);
        c.estimates(p, e.estimates, eModeFieldNames());
        if (e.members.isEmpty())
            c.fail(p + QStringLiteral(".members"), QStringLiteral("must list at least one reserve"));
        for (qsizetype j = 0; j < e.members.size(); ++j) {
            const QString mp = QStringLiteral("%1.members[%2]").arg(p).arg(j);
            const QString key = e.members[j].toCaseFolded();
            if (m.reserveIndex(e.members[j]) < 0)
                c.fail(mp, QStringLiteral("no reserve \"%1\" in this market").arg(e.members[j].left(32)));
            else if (firstIndexOf(e.members, e.members[j]) < j)
                c.fail(mp, QStringLiteral("\"%1\" is listed twice").arg(e.members[j]));
            else if (!allowsSeveralEModesPerAsset(m.liquidationRules) && !bitmapCategories &&
                     categoryOf.contains(key) && categoryOf.value(key) != k)
                // v3.0 keeps one category per asset (docs/markets.md, "E-mode"); v3.2+ allows several.
                c.fail(mp,
                       QStringLiteral("\"%1\" is already in eModes[%2]; aave-v3.0 allows one category per "
                                      "asset")
                           .arg(e.members[j])
                           .arg(categoryOf.value(key)));
            else
                categoryOf.insert(key, k);
        }
        validateRoles(c, m, e, p);
    }
    return errors;
}

} // namespace lp
