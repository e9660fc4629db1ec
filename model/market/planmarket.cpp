#include "planmarket.h"

#include "marketregistry.h"
#include "planfields.h"

#include <cmath>

namespace lp {

const QList<MarketField> &marketFields()
{
    static const QList<MarketField> fields = [] {
        QList<MarketField> list;
        for (const PlanField &f : planFields()) {
            if (f.market)
                list.append(*f.market);
        }
        return list;
    }();
    return fields;
}

namespace {

// The plan field table's row of a market value; every MarketField has one.
const PlanField &row(MarketField f)
{
    const PlanField *field = planField(f);
    Q_ASSERT(field);
    return *field;
}

// The value's name inside a market reserve or e-mode category: the plan's name, except that a reserve
// holds a default price where the plan holds today's.
QString reserveKey(MarketField f)
{
    if (f == MarketField::CollateralPriceUsd || f == MarketField::BorrowPriceUsd)
        return QStringLiteral("defaultPriceUsd");
    return row(f).key();
}

bool isEModeField(MarketField f)
{
    return f == MarketField::CollateralLtv || f == MarketField::CollateralLiquidationThreshold ||
           f == MarketField::CollateralLiquidationBonus;
}

// The preset's values in the shape of a plan, so fields are read the same way on both sides.
Plan presetAsPlan(const MarketPreset &preset)
{
    Plan p;
    p.collateral = preset.collateral;
    p.borrow = preset.borrow;
    p.liquidationRules = preset.liquidationRules;
    p.liquidationRuleParams = preset.liquidationRuleParams;
    return p;
}

bool equalsPreset(const Plan &plan, MarketField f, const MarketPreset &preset)
{
    return !row(f).differs(plan, presetAsPlan(preset));
}

void setFromPreset(Plan *plan, MarketField f, const MarketPreset &preset)
{
    row(f).copy(*plan, presetAsPlan(preset));
}

} // namespace

double fieldValue(const Plan &plan, MarketField f)
{
    const PlanField &field = row(f);
    return field.isNumeric() ? field.get(plan) : std::nan("");
}

QString fieldPath(MarketField f)
{
    return row(f).pathName();
}

QString MarketPreset::sourcePath(MarketField f) const
{
    if (!available.testFlag(f))
        return {};
    QString key = reserveKey(f);
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
    p.liquidationRuleParams = market.liquidationRuleParams;
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
        p.liquidationRuleParams.protocolFee = r.liquidationProtocolFee;
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
        else if (useEMode)
            p.eModeNote = market.eModeRefusal(collateralSymbol, borrowSymbol);
    }
    const qsizetype b = market.reserveIndex(borrowSymbol);
    if (b >= 0 && market.reserves[b].borrowable) {
        const Reserve &r = market.reserves[b];
        p.borrowReserve = b;
        p.borrow.symbol = r.symbol;
        p.borrow.priceUsd = r.defaultPriceUsd;
        // Aave V4: the base drawn rate plus the user's risk premium (the market's rule numbers).
        p.borrow.borrowApy = borrowRateUnder(
            LiquidationRules::forRuleSet(market.liquidationRules, market.liquidationRuleParams), r.borrowApy);
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
    if (!preset.marketId.isEmpty())
        plan->liquidationRuleParams = preset.liquidationRuleParams;
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
