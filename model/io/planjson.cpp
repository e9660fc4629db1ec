#include "planjson.h"

#include "jsonreader.h"
#include "marketregistry.h"
#include "planmarket.h"
#include "safefile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace lp {

namespace {

void keepUnknown(QJsonObject *unknown, const QString &key, const QJsonObject &rest)
{
    if (!rest.isEmpty())
        unknown->insert(key, rest);
}

// The market fields the document states itself.
MarketFields presentFields(const QJsonObject &root)
{
    MarketFields present;
    for (MarketField f : marketFields()) {
        const QStringList parts = fieldPath(f).split(QLatin1Char('.'));
        const bool has =
            parts.size() == 1 ? root.contains(parts[0]) : root.value(parts[0]).toObject().contains(parts[1]);
        if (has)
            present |= f;
    }
    return present;
}

// Appended to "is required" when a market was named but cannot supply the value.
QString requiredHint(const QString &marketId, const Market *market, const QString &role,
                     const QString &symbol)
{
    if (marketId.isEmpty())
        return {};
    if (!market)
        return QStringLiteral(" (market \"%1\" is not known here, so the plan must state it)")
            .arg(marketId.left(40));
    return QStringLiteral(" (market \"%1\" has no %2 asset \"%3\")").arg(marketId, role, symbol.left(32));
}

} // namespace

Expected<Plan> parsePlan(const QByteArray &json)
{
    return parsePlan(json, MarketRegistry::builtIn());
}

Expected<Plan> parsePlan(const QByteArray &json, const MarketRegistry &markets)
{
    QJsonObject object;
    ValidationErrors errors = parseJsonObject(json, QStringLiteral("a plan"), &object);
    if (!errors.isEmpty())
        return errors;
    ObjectReader root(object, QString(), &errors);

    QString format;
    root.string(QStringLiteral("format"), &format, true);
    if (errors.isEmpty() && format != QLatin1String(kPlanFormatName))
        root.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\" (got \"%2\")")
                                                .arg(QLatin1String(kPlanFormatName), format.left(40)));
    int version = 0;
    root.integer(QStringLiteral("version"), &version, true);
    if (!errors.isEmpty())
        return errors;
    if (version > kPlanFormatVersion)
        return ValidationError{
            QStringLiteral("version"),
            QStringLiteral("this plan is format version %1; this Leverage Planner reads version "
                           "%2 and older. Open it with a newer Leverage Planner.")
                .arg(version)
                .arg(kPlanFormatVersion)};
    if (version < 1)
        return ValidationError{QStringLiteral("version"),
                               QStringLiteral("must be at least 1 (got %1)").arg(version)};

    Plan plan; // file defaults are the struct defaults
    root.string(QStringLiteral("name"), &plan.name);
    root.string(QStringLiteral("market"), &plan.market);
    root.boolean(QStringLiteral("eMode"), &plan.useEMode);
    root.choice(QStringLiteral("liquidationRules"), &plan.liquidationRules, &liquidationRuleSetFromString,
                {toString(LiquidationRuleSet::AaveV30), toString(LiquidationRuleSet::AaveV33)});
    root.number(QStringLiteral("deposit"), &plan.deposit, true);
    root.integer(QStringLiteral("horizonDays"), &plan.horizonDays);
    root.choice(QStringLiteral("execution"), &plan.execution, &executionFromString,
                {QStringLiteral("loop"), QStringLiteral("flashLoan")});

    // What the named market can supply for these two assets; it relaxes the required fields.
    const QString collateralSymbol =
        object.value(QStringLiteral("collateral")).toObject().value(QStringLiteral("symbol")).toString();
    const QString borrowSymbol =
        object.value(QStringLiteral("borrow")).toObject().value(QStringLiteral("symbol")).toString();
    const Market *market = plan.market.isEmpty() ? nullptr : markets.find(plan.market);
    const MarketPreset preset =
        market ? marketPreset(*market, collateralSymbol, borrowSymbol, plan.useEMode) : MarketPreset{};
    const auto required = [&preset](MarketField f) { return !preset.available.testFlag(f); };

    const bool hasCollateral = object.value(QStringLiteral("collateral")).isObject();
    ObjectReader coll(root.object(QStringLiteral("collateral"), true), QStringLiteral("collateral"), &errors);
    if (hasCollateral) {
        coll.setRequiredHint(
            requiredHint(plan.market, market, QStringLiteral("collateral"), collateralSymbol));
        coll.string(QStringLiteral("symbol"), &plan.collateral.symbol, true);
        coll.number(QStringLiteral("priceUsd"), &plan.collateral.priceUsd,
                    required(MarketField::CollateralPriceUsd));
        coll.number(QStringLiteral("ltv"), &plan.collateral.ltv, required(MarketField::CollateralLtv));
        coll.number(QStringLiteral("liquidationThreshold"), &plan.collateral.liquidationThreshold,
                    required(MarketField::CollateralLiquidationThreshold));
        coll.number(QStringLiteral("liquidationBonus"), &plan.collateral.liquidationBonus);
        coll.number(QStringLiteral("supplyApy"), &plan.collateral.supplyApy);
        coll.number(QStringLiteral("nativeYield"), &plan.collateral.nativeYield);
    }

    const bool hasBorrow = object.value(QStringLiteral("borrow")).isObject();
    ObjectReader borrow(root.object(QStringLiteral("borrow"), true), QStringLiteral("borrow"), &errors);
    if (hasBorrow) {
        borrow.setRequiredHint(requiredHint(plan.market, market, QStringLiteral("borrowable"), borrowSymbol));
        borrow.string(QStringLiteral("symbol"), &plan.borrow.symbol, true);
        borrow.number(QStringLiteral("priceUsd"), &plan.borrow.priceUsd,
                      required(MarketField::BorrowPriceUsd));
        borrow.number(QStringLiteral("borrowApy"), &plan.borrow.borrowApy);
        borrow.choice(QStringLiteral("priceModel"), &plan.borrow.priceModel, &priceModelFromString,
                      {QStringLiteral("fixed"), QStringLiteral("tracksCollateral")});
    }

    const bool hasStrategy = object.value(QStringLiteral("strategy")).isObject();
    ObjectReader strat(root.object(QStringLiteral("strategy"), true), QStringLiteral("strategy"), &errors);
    if (hasStrategy) {
        const qsizetype before = errors.size();
        strat.choice(
            QStringLiteral("mode"), &plan.strategy.mode, &strategyModeFromString,
            {QStringLiteral("loops"), QStringLiteral("targetLeverage"), QStringLiteral("targetHealthFactor")},
            true);
        if (errors.size() == before) {
            switch (plan.strategy.mode) {
            case StrategyMode::Loops:
                strat.integer(QStringLiteral("loops"), &plan.strategy.loops, true);
                break;
            case StrategyMode::TargetLeverage:
                strat.number(QStringLiteral("leverage"), &plan.strategy.leverage, true);
                break;
            case StrategyMode::TargetHealthFactor:
                strat.number(QStringLiteral("healthFactor"), &plan.strategy.healthFactor, true);
                break;
            }
        }
        // The other modes' numbers are optional; keep them so switching modes in the GUI remembers them.
        if (plan.strategy.mode != StrategyMode::Loops)
            strat.integer(QStringLiteral("loops"), &plan.strategy.loops);
        if (plan.strategy.mode != StrategyMode::TargetLeverage)
            strat.number(QStringLiteral("leverage"), &plan.strategy.leverage);
        if (plan.strategy.mode != StrategyMode::TargetHealthFactor)
            strat.number(QStringLiteral("healthFactor"), &plan.strategy.healthFactor);
        strat.number(QStringLiteral("ltvFraction"), &plan.strategy.ltvFraction);
    }

    ObjectReader costs(root.object(QStringLiteral("costs")), QStringLiteral("costs"), &errors);
    costs.number(QStringLiteral("swapFeeBps"), &plan.costs.swapFeeBps);
    costs.number(QStringLiteral("slippageBps"), &plan.costs.slippageBps);
    costs.number(QStringLiteral("flashPremiumBps"), &plan.costs.flashPremiumBps);
    costs.number(QStringLiteral("gasUsdPerTx"), &plan.costs.gasUsdPerTx);

    ObjectReader risk(root.object(QStringLiteral("risk")), QStringLiteral("risk"), &errors);
    risk.number(QStringLiteral("annualVolatility"), &plan.risk.annualVolatility);
    risk.number(QStringLiteral("drift"), &plan.risk.drift);

    if (!errors.isEmpty())
        return errors;
    // Everything the document leaves out and the market has comes from the market.
    plan.presetFields = preset.available & ~presentFields(object);
    applyPreset(&plan, preset);
    const ValidationErrors invalid = validatePlan(plan);
    if (!invalid.isEmpty())
        return invalid;

    plan.unknownFields = root.rest();
    keepUnknown(&plan.unknownFields, QStringLiteral("collateral"), coll.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("borrow"), borrow.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("strategy"), strat.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("costs"), costs.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("risk"), risk.rest());
    return plan;
}

Expected<Plan> readPlanFile(const QString &path)
{
    return readPlanFile(path, MarketRegistry::builtIn());
}

Expected<Plan> readPlanFile(const QString &path, const MarketRegistry &markets)
{
    const Expected<QByteArray> data = readFileBounded(path, kMaxPlanFileBytes, QStringLiteral("a plan file"));
    if (!data)
        return data.errors();
    return parsePlan(*data, markets);
}

namespace {

QJsonObject merged(QJsonObject known, const QJsonValue &unknown)
{
    const QJsonObject extra = unknown.toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!known.contains(it.key()))
            known.insert(it.key(), it.value());
    }
    return known;
}

} // namespace

QJsonObject planToJson(const Plan &plan)
{
    return planToJson(plan, MarketRegistry::builtIn());
}

QJsonObject planToJson(const Plan &plan, const MarketRegistry &markets)
{
    const MarketPreset preset = marketPreset(markets, plan);
    // With no known market every value is the plan's own (isOverridden is true when unavailable).
    const auto put = [&](QJsonObject *o, MarketField f, const QJsonValue &value) {
        if (isOverridden(plan, f, preset))
            o->insert(fieldPath(f).section(QLatin1Char('.'), -1), value);
    };

    const QJsonObject &u = plan.unknownFields;
    QJsonObject root = merged({}, u);
    root[QStringLiteral("format")] = QLatin1String(kPlanFormatName);
    root[QStringLiteral("version")] = kPlanFormatVersion;
    root[QStringLiteral("name")] = plan.name;
    if (!plan.market.isEmpty())
        root[QStringLiteral("market")] = plan.market;
    if (!plan.useEMode)
        root[QStringLiteral("eMode")] = false;
    // The rules are written when they are the plan's own choice, unless that is the default of a plan
    // without a market (so files from before markets keep their shape).
    if (isOverridden(plan, MarketField::LiquidationRules, preset) &&
        (!plan.market.isEmpty() || plan.liquidationRules != LiquidationRuleSet::AaveV30))
        root[QStringLiteral("liquidationRules")] = toString(plan.liquidationRules);

    const CollateralAsset &a = plan.collateral;
    QJsonObject collateral{{QStringLiteral("symbol"), a.symbol}};
    put(&collateral, MarketField::CollateralPriceUsd, a.priceUsd);
    put(&collateral, MarketField::CollateralLtv, a.ltv);
    put(&collateral, MarketField::CollateralLiquidationThreshold, a.liquidationThreshold);
    put(&collateral, MarketField::CollateralLiquidationBonus, a.liquidationBonus);
    put(&collateral, MarketField::CollateralSupplyApy, a.supplyApy);
    put(&collateral, MarketField::CollateralNativeYield, a.nativeYield);
    root[QStringLiteral("collateral")] = merged(collateral, u.value(QStringLiteral("collateral")));
    const BorrowAsset &b = plan.borrow;
    QJsonObject borrow{{QStringLiteral("symbol"), b.symbol},
                       {QStringLiteral("priceModel"), toString(b.priceModel)}};
    put(&borrow, MarketField::BorrowPriceUsd, b.priceUsd);
    put(&borrow, MarketField::BorrowApy, b.borrowApy);
    root[QStringLiteral("borrow")] = merged(borrow, u.value(QStringLiteral("borrow")));
    root[QStringLiteral("deposit")] = plan.deposit;
    const Strategy &s = plan.strategy;
    root[QStringLiteral("strategy")] = merged({{QStringLiteral("mode"), toString(s.mode)},
                                               {QStringLiteral("loops"), s.loops},
                                               {QStringLiteral("leverage"), s.leverage},
                                               {QStringLiteral("healthFactor"), s.healthFactor},
                                               {QStringLiteral("ltvFraction"), s.ltvFraction}},
                                              u.value(QStringLiteral("strategy")));
    root[QStringLiteral("execution")] = toString(plan.execution);
    const Costs &c = plan.costs;
    root[QStringLiteral("costs")] = merged({{QStringLiteral("swapFeeBps"), c.swapFeeBps},
                                            {QStringLiteral("slippageBps"), c.slippageBps},
                                            {QStringLiteral("flashPremiumBps"), c.flashPremiumBps},
                                            {QStringLiteral("gasUsdPerTx"), c.gasUsdPerTx}},
                                           u.value(QStringLiteral("costs")));
    root[QStringLiteral("horizonDays")] = plan.horizonDays;
    root[QStringLiteral("risk")] = merged({{QStringLiteral("annualVolatility"), plan.risk.annualVolatility},
                                           {QStringLiteral("drift"), plan.risk.drift}},
                                          u.value(QStringLiteral("risk")));
    return root;
}

} // namespace lp
