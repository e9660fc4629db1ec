#include "planjson.h"

#include "jsonreader.h"
#include "marketregistry.h"
#include "planfields.h"
#include "planmarket.h"
#include "protectionjson.h"
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

// Reads the numbers the field table places in `group` ("" for the top level) into the plan. A strategy
// mode's own target comes first and is required; the other modes' targets are optional and kept, so that
// switching modes in the GUI remembers them. When the mode itself could not be read, the targets of the
// default mode are left alone.
void readNumbers(ObjectReader *reader, const QString &group, const MarketPreset &preset, bool modeRead,
                 Plan *plan)
{
    const auto read = [&](const PlanField &f, bool required) {
        if (f.kind == PlanFieldKind::Integer) {
            int value = static_cast<int>(f.get(*plan));
            reader->integer(f.key(), &value, required);
            f.set(*plan, value);
        } else {
            double value = f.get(*plan);
            reader->number(f.key(), &value, required);
            f.set(*plan, value);
        }
    };
    const auto inGroup = [&group](const PlanField &f) { return f.isNumeric() && f.group() == group; };
    const auto isModeTarget = [plan](const PlanField &f) { return f.mode && *f.mode == plan->strategy.mode; };
    if (modeRead) {
        for (const PlanField &f : planFields()) {
            if (inGroup(f) && isModeTarget(f))
                read(f, f.required == FieldRequired::InItsMode);
        }
    }
    for (const PlanField &f : planFields()) {
        if (!inGroup(f) || isModeTarget(f))
            continue;
        const bool required =
            f.required == FieldRequired::Always ||
            (f.required == FieldRequired::UnlessMarket && f.market && !preset.available.testFlag(*f.market));
        read(f, required);
    }
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
                liquidationRuleSetSpellings());

    // What the named market can supply for these two assets; it relaxes the required fields.
    const QString collateralSymbol =
        object.value(QStringLiteral("collateral")).toObject().value(QStringLiteral("symbol")).toString();
    const QString borrowSymbol =
        object.value(QStringLiteral("borrow")).toObject().value(QStringLiteral("symbol")).toString();
    const Market *market = plan.market.isEmpty() ? nullptr : markets.find(plan.market);
    const MarketPreset preset =
        market ? marketPreset(*market, collateralSymbol, borrowSymbol, plan.useEMode) : MarketPreset{};

    readNumbers(&root, QString(), preset, true, &plan);
    root.choice(QStringLiteral("execution"), &plan.execution, &executionFromString,
                {QStringLiteral("loop"), QStringLiteral("flashLoan")});
    root.choice(QStringLiteral("riskAsset"), &plan.riskAsset, &riskAssetFromString,
                {QStringLiteral("auto"), QStringLiteral("collateral"), QStringLiteral("borrow"),
                 QStringLiteral("ratio")});

    const bool hasCollateral = object.value(QStringLiteral("collateral")).isObject();
    ObjectReader coll(root.object(QStringLiteral("collateral"), true), QStringLiteral("collateral"), &errors);
    if (hasCollateral) {
        coll.setRequiredHint(
            requiredHint(plan.market, market, QStringLiteral("collateral"), collateralSymbol));
        coll.string(QStringLiteral("symbol"), &plan.collateral.symbol, true);
        readNumbers(&coll, QStringLiteral("collateral"), preset, true, &plan);
    }

    const bool hasBorrow = object.value(QStringLiteral("borrow")).isObject();
    ObjectReader borrow(root.object(QStringLiteral("borrow"), true), QStringLiteral("borrow"), &errors);
    if (hasBorrow) {
        borrow.setRequiredHint(requiredHint(plan.market, market, QStringLiteral("borrowable"), borrowSymbol));
        borrow.string(QStringLiteral("symbol"), &plan.borrow.symbol, true);
        readNumbers(&borrow, QStringLiteral("borrow"), preset, true, &plan);
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
        readNumbers(&strat, QStringLiteral("strategy"), preset, errors.size() == before, &plan);
    }

    ObjectReader costs(root.object(QStringLiteral("costs")), QStringLiteral("costs"), &errors);
    readNumbers(&costs, QStringLiteral("costs"), preset, true, &plan);

    ObjectReader risk(root.object(QStringLiteral("risk")), QStringLiteral("risk"), &errors);
    readNumbers(&risk, QStringLiteral("risk"), preset, true, &plan);
    // Optional: a plan without it (any plan before price impact) swaps without impact.
    ObjectReader impact(root.object(QStringLiteral("priceImpact")), QStringLiteral("priceImpact"), &errors);
    impact.choice(
        QStringLiteral("model"), &plan.priceImpact.model, &impactModelFromString,
        {QStringLiteral("none"), QStringLiteral("constantProduct"), QStringLiteral("depthAtOnePercent")});
    readNumbers(&impact, QStringLiteral("priceImpact"), preset, true, &plan);
    readProtection(&root, &errors, &plan.protection);

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
    keepUnknown(&plan.unknownFields, QStringLiteral("priceImpact"), impact.rest());
    return plan;
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

QJsonObject planToJson(const Plan &plan, const MarketRegistry &markets)
{
    const MarketPreset preset = marketPreset(markets, plan);
    // The numbers the field table places in `group`; a value that still holds the market's preset is
    // left out (with no known market every value is the plan's own: isOverridden is true when
    // unavailable).
    const auto putNumbers = [&](QJsonObject *o, const QString &group) {
        for (const PlanField &f : planFields()) {
            if (!f.isNumeric() || f.group() != group || (f.market && !isOverridden(plan, *f.market, preset)))
                continue;
            const double value = f.get(plan);
            o->insert(f.key(), f.kind == PlanFieldKind::Integer ? QJsonValue(static_cast<int>(value))
                                                                : QJsonValue(value));
        }
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
    if (plan.riskAsset != RiskAsset::Auto)
        root[QStringLiteral("riskAsset")] = toString(plan.riskAsset);
    // The rules are written when they are the plan's own choice, unless that is the default of a plan
    // without a market (so files from before markets keep their shape).
    if (isOverridden(plan, MarketField::LiquidationRules, preset) &&
        (!plan.market.isEmpty() || plan.liquidationRules != LiquidationRuleSet::AaveV30))
        root[QStringLiteral("liquidationRules")] = toString(plan.liquidationRules);
    putNumbers(&root, QString());

    QJsonObject collateral{{QStringLiteral("symbol"), plan.collateral.symbol}};
    putNumbers(&collateral, QStringLiteral("collateral"));
    root[QStringLiteral("collateral")] = merged(collateral, u.value(QStringLiteral("collateral")));
    QJsonObject borrow{{QStringLiteral("symbol"), plan.borrow.symbol},
                       {QStringLiteral("priceModel"), toString(plan.borrow.priceModel)}};
    putNumbers(&borrow, QStringLiteral("borrow"));
    root[QStringLiteral("borrow")] = merged(borrow, u.value(QStringLiteral("borrow")));
    QJsonObject strategy{{QStringLiteral("mode"), toString(plan.strategy.mode)}};
    putNumbers(&strategy, QStringLiteral("strategy"));
    root[QStringLiteral("strategy")] = merged(strategy, u.value(QStringLiteral("strategy")));
    root[QStringLiteral("execution")] = toString(plan.execution);
    QJsonObject costs;
    putNumbers(&costs, QStringLiteral("costs"));
    root[QStringLiteral("costs")] = merged(costs, u.value(QStringLiteral("costs")));
    QJsonObject risk;
    putNumbers(&risk, QStringLiteral("risk"));
    root[QStringLiteral("risk")] = merged(risk, u.value(QStringLiteral("risk")));
    // Written only when the plan states it, so plans without impact keep their shape.
    QJsonObject impact;
    putNumbers(&impact, QStringLiteral("priceImpact"));
    const bool impactStated = plan.priceImpact != PriceImpact{} || u.contains(QStringLiteral("priceImpact"));
    if (impactStated) {
        for (const QString &key : impact.keys()) {
            if (impact.value(key).toDouble() == 0.0)
                impact.remove(key);
        }
        impact.insert(QStringLiteral("model"), toString(plan.priceImpact.model));
        root[QStringLiteral("priceImpact")] = merged(impact, u.value(QStringLiteral("priceImpact")));
    }
    if (!plan.protection.isEmpty())
        root[QStringLiteral("protection")] = protectionToJson(plan.protection);
    return root;
}

} // namespace lp
