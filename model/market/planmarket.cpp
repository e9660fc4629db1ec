#include "planmarket.h"

#include "marketregistry.h"

#include <cmath>

namespace lp {

const QList<MarketField> &marketFields()
{
    static const QList<MarketField> fields{MarketField::CollateralPriceUsd,
                                           MarketField::CollateralLtv,
                                           MarketField::CollateralLiquidationThreshold,
                                           MarketField::CollateralLiquidationBonus,
                                           MarketField::CollateralSupplyApy,
                                           MarketField::CollateralNativeYield,
                                           MarketField::BorrowPriceUsd,
                                           MarketField::BorrowApy,
                                           MarketField::LiquidationRules};
    return fields;
}

namespace {

// The field's name inside its plan object and inside a market reserve (or category).
struct FieldNames {
    const char *plan;
    const char *reserve;
};

FieldNames names(MarketField f)
{
    switch (f) {
    case MarketField::CollateralPriceUsd:
    case MarketField::BorrowPriceUsd:
        return {"priceUsd", "defaultPriceUsd"};
    case MarketField::CollateralLtv:
        return {"ltv", "ltv"};
    case MarketField::CollateralLiquidationThreshold:
        return {"liquidationThreshold", "liquidationThreshold"};
    case MarketField::CollateralLiquidationBonus:
        return {"liquidationBonus", "liquidationBonus"};
    case MarketField::CollateralSupplyApy:
        return {"supplyApy", "supplyApy"};
    case MarketField::CollateralNativeYield:
        return {"nativeYield", "nativeYield"};
    case MarketField::BorrowApy:
        return {"borrowApy", "borrowApy"};
    case MarketField::LiquidationRules:
        break;
    }
    return {"liquidationRules", "liquidationRules"};
}

bool isEModeField(MarketField f)
{
    return f == MarketField::CollateralLtv || f == MarketField::CollateralLiquidationThreshold ||
           f == MarketField::CollateralLiquidationBonus;
}

// The plan's number behind a field, or null for liquidationRules (const or not).
template <class P> auto numeric(P &p, MarketField f) -> decltype(&p.collateral.priceUsd)
{
    switch (f) {
    case MarketField::CollateralPriceUsd:
        return &p.collateral.priceUsd;
    case MarketField::CollateralLtv:
        return &p.collateral.ltv;
    case MarketField::CollateralLiquidationThreshold:
        return &p.collateral.liquidationThreshold;
    case MarketField::CollateralLiquidationBonus:
        return &p.collateral.liquidationBonus;
    case MarketField::CollateralSupplyApy:
        return &p.collateral.supplyApy;
    case MarketField::CollateralNativeYield:
        return &p.collateral.nativeYield;
    case MarketField::BorrowPriceUsd:
        return &p.borrow.priceUsd;
    case MarketField::BorrowApy:
        return &p.borrow.borrowApy;
    case MarketField::LiquidationRules:
        break;
    }
    return nullptr;
}

// The preset's values in the shape of a plan, so fields are read the same way on both sides.
Plan presetAsPlan(const MarketPreset &preset)
{
    Plan p;
    p.collateral = preset.collateral;
    p.borrow = preset.borrow;
    p.liquidationRules = preset.liquidationRules;
    return p;
}

bool equalsPreset(const Plan &plan, MarketField f, const MarketPreset &preset)
{
    if (f == MarketField::LiquidationRules)
        return plan.liquidationRules == preset.liquidationRules;
    const Plan fromPreset = presetAsPlan(preset);
    const double *mine = numeric(plan, f);
    const double *theirs = numeric(fromPreset, f);
    return mine && theirs && *mine == *theirs;
}

void setFromPreset(Plan *plan, MarketField f, const MarketPreset &preset)
{
    if (f == MarketField::LiquidationRules) {
        plan->liquidationRules = preset.liquidationRules;
        return;
    }
    const Plan fromPreset = presetAsPlan(preset);
    double *mine = numeric(*plan, f);
    const double *theirs = numeric(fromPreset, f);
    if (mine && theirs)
        *mine = *theirs;
}

} // namespace

double fieldValue(const Plan &plan, MarketField f)
{
    const double *v = numeric(plan, f);
    return v ? *v : std::nan("");
}

QString fieldPath(MarketField f)
{
    const QString key = QLatin1String(names(f).plan);
    if (kCollateralFields.testFlag(f))
        return QStringLiteral("collateral.") + key;
    if (kBorrowFields.testFlag(f))
        return QStringLiteral("borrow.") + key;
    return key;
}

QString MarketPreset::sourcePath(MarketField f) const
{
    if (!available.testFlag(f))
        return {};
    const QString key = QLatin1String(names(f).reserve);
    if (f == MarketField::LiquidationRules)
        return key;
    if (eMode >= 0 && isEModeField(f))
        return QStringLiteral("eModes[%1].%2").arg(eMode).arg(key);
    const qsizetype reserve = kCollateralFields.testFlag(f) ? collateralReserve : borrowReserve;
    return QStringLiteral("reserves[%1].%2").arg(reserve).arg(key);
}

MarketPreset marketPreset(const Market &market, const QString &collateralSymbol, const QString &borrowSymbol,
                          bool useEMode)
{
    MarketPreset p;
    p.marketId = market.id;
    p.liquidationRules = market.liquidationRules;
    p.available = MarketField::LiquidationRules;
    if (market.isEstimate(QStringLiteral("liquidationRules")))
        p.estimates |= MarketField::LiquidationRules;

    const auto mark = [&p](MarketField f, bool estimate) {
        p.available |= f;
        if (estimate)
            p.estimates |= f;
    };
    if (const std::optional<CollateralParameters> cp =
            collateralParameters(market, collateralSymbol, borrowSymbol, useEMode)) {
        p.collateralReserve = market.reserveIndex(collateralSymbol);
        const Reserve &r = market.reserves[p.collateralReserve];
        p.collateral = {
            r.symbol,    r.defaultPriceUsd, cp->ltv, cp->liquidationThreshold, cp->liquidationBonus,
            r.supplyApy, r.nativeYield};
        p.eMode = cp->eModeIndex;
        // Estimates of the e-mode values are the category's, the others the reserve's.
        const auto estimate = [&](const char *field) {
            return p.eMode >= 0 ? market.eModes[p.eMode].isEstimate(QLatin1String(field))
                                : r.isEstimate(QLatin1String(field));
        };
        mark(MarketField::CollateralPriceUsd, r.isEstimate(QStringLiteral("defaultPriceUsd")));
        mark(MarketField::CollateralLtv, estimate("ltv"));
        mark(MarketField::CollateralLiquidationThreshold, estimate("liquidationThreshold"));
        mark(MarketField::CollateralLiquidationBonus, estimate("liquidationBonus"));
        mark(MarketField::CollateralSupplyApy, r.isEstimate(QStringLiteral("supplyApy")));
        mark(MarketField::CollateralNativeYield, r.isEstimate(QStringLiteral("nativeYield")));
        if (p.eMode >= 0)
            p.eModeLabel = market.eModes[p.eMode].label;
    }
    const qsizetype b = market.reserveIndex(borrowSymbol);
    if (b >= 0 && market.reserves[b].borrowable) {
        const Reserve &r = market.reserves[b];
        p.borrowReserve = b;
        p.borrow.symbol = r.symbol;
        p.borrow.priceUsd = r.defaultPriceUsd;
        p.borrow.borrowApy = r.borrowApy;
        mark(MarketField::BorrowPriceUsd, r.isEstimate(QStringLiteral("defaultPriceUsd")));
        mark(MarketField::BorrowApy, r.isEstimate(QStringLiteral("borrowApy")));
    }
    return p;
}

MarketPreset marketPreset(const Market &market, const Plan &plan)
{
    return marketPreset(market, plan.collateral.symbol, plan.borrow.symbol, plan.useEMode);
}

MarketPreset marketPreset(const MarketRegistry &markets, const Plan &plan)
{
    const Market *market = plan.market.isEmpty() ? nullptr : markets.find(plan.market);
    return market ? marketPreset(*market, plan) : MarketPreset{};
}

void applyPreset(Plan *plan, const MarketPreset &preset, MarketFields reset)
{
    for (MarketField f : marketFields()) {
        if (!plan->presetFields.testFlag(f) && !reset.testFlag(f))
            continue;
        if (preset.available.testFlag(f)) {
            setFromPreset(plan, f, preset);
            plan->presetFields |= f;
        } else {
            plan->presetFields &= ~MarketFields(f);
        }
    }
}

bool isOverridden(const Plan &plan, MarketField f, const MarketPreset &preset)
{
    return !plan.presetFields.testFlag(f) || !preset.available.testFlag(f) || !equalsPreset(plan, f, preset);
}

void resetToPreset(Plan *plan, MarketField f, const MarketPreset &preset)
{
    if (!preset.available.testFlag(f))
        return;
    setFromPreset(plan, f, preset);
    plan->presetFields |= f;
}

void markOverridden(Plan *plan, MarketField f)
{
    plan->presetFields &= ~MarketFields(f);
}

} // namespace lp
