// E-mode categories: the roles of their members (collateral, borrowable, LTV 0) and which category a pair
// of assets uses (market.h).
#include "market.h"

#include <algorithm>

namespace lp {

bool EModeCategory::hasMember(const QString &symbol) const
{
    return members.contains(symbol, Qt::CaseInsensitive);
}

bool EModeCategory::isCollateral(const QString &symbol) const
{
    return hasMember(symbol) && (!collateral || collateral->contains(symbol, Qt::CaseInsensitive));
}

bool EModeCategory::isBorrowable(const QString &symbol) const
{
    return hasMember(symbol) && (!borrowable || borrowable->contains(symbol, Qt::CaseInsensitive));
}

bool EModeCategory::isLtvZero(const QString &symbol) const
{
    return isCollateral(symbol) && ltvZero.contains(symbol, Qt::CaseInsensitive);
}

qsizetype Market::eModeIndexFor(const QString &collateralSymbol, const QString &borrowSymbol) const
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < eModes.size(); ++i) {
        const EModeCategory &e = eModes[i];
        if (e.isCollateral(collateralSymbol) && !e.isLtvZero(collateralSymbol) &&
            e.isBorrowable(borrowSymbol) && (best < 0 || e.id < eModes[best].id))
            best = i;
    }
    return best;
}

QString Market::eModeRefusal(const QString &collateralSymbol, const QString &borrowSymbol) const
{
    if (eModeIndexFor(collateralSymbol, borrowSymbol) >= 0)
        return {};
    QList<const EModeCategory *> listing;
    for (const EModeCategory &e : eModes) {
        if (e.hasMember(collateralSymbol) && e.hasMember(borrowSymbol))
            listing << &e;
    }
    std::sort(listing.begin(), listing.end(),
              [](const EModeCategory *a, const EModeCategory *b) { return a->id < b->id; });
    QStringList out;
    for (const EModeCategory *e : listing) {
        const QString category = QStringLiteral("e-mode %1 \"%2\"").arg(e->id).arg(e->label);
        if (!e->isCollateral(collateralSymbol))
            out << QStringLiteral("%1 does not take %2 as collateral (borrowable only)")
                       .arg(category, collateralSymbol);
        else if (e->isLtvZero(collateralSymbol))
            out << QStringLiteral("%1 gives %2 LTV 0 (Aave v3.6): it cannot be collateral there")
                       .arg(category, collateralSymbol);
        if (!e->isBorrowable(borrowSymbol))
            out << QStringLiteral("%1 does not let %2 be borrowed (collateral only)")
                       .arg(category, borrowSymbol);
    }
    return out.join(QStringLiteral("; "));
}

std::optional<CollateralParameters>
collateralParametersIn(const Market &market, const QString &collateralSymbol, qsizetype eModeIndex)
{
    const Reserve *r = market.reserve(collateralSymbol);
    if (!r)
        return std::nullopt;
    if (eModeIndex >= 0 && eModeIndex < market.eModes.size() &&
        market.eModes[eModeIndex].isCollateral(collateralSymbol)) {
        const EModeCategory &cat = market.eModes[eModeIndex];
        return CollateralParameters{cat.isLtvZero(collateralSymbol) ? 0.0 : cat.ltv, cat.liquidationThreshold,
                                    cat.liquidationBonus, eModeIndex};
    }
    return CollateralParameters{r->ltv, r->liquidationThreshold, r->liquidationBonus, -1};
}

} // namespace lp
