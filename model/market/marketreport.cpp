#include "marketreport.h"

#include "marketregistry.h"
#include "planmarket.h"

#include <QJsonObject>

#include <cmath>

namespace lp {

namespace {

QString keyOf(MarketField f)
{
    return fieldPath(f).section(QLatin1Char('.'), -1);
}

QJsonObject parameter(const Plan &plan, MarketField f, const MarketPreset &preset)
{
    const bool fromPreset = !isOverridden(plan, f, preset);
    const double v = fieldValue(plan, f);
    return {{QStringLiteral("value"), std::isfinite(v) ? QJsonValue(v) : QJsonValue()},
            {QStringLiteral("source"), fromPreset ? QStringLiteral("preset") : QStringLiteral("plan")},
            {QStringLiteral("presetField"), fromPreset ? QJsonValue(preset.sourcePath(f)) : QJsonValue()},
            // An estimate flag describes the preset's value; the user's own value is not ours to judge.
            {QStringLiteral("estimate"), fromPreset && preset.estimates.testFlag(f)}};
}

QJsonObject side(const Plan &plan, const MarketPreset &preset, const QString &symbol, qsizetype reserve,
                 MarketFields group)
{
    QJsonObject parameters;
    for (MarketField f : marketFields()) {
        if (group.testFlag(f))
            parameters.insert(keyOf(f), parameter(plan, f, preset));
    }
    return {{QStringLiteral("symbol"), symbol},
            {QStringLiteral("inMarket"), reserve >= 0},
            {QStringLiteral("parameters"), parameters}};
}

} // namespace

QJsonValue marketReportJson(const Plan &plan, const MarketRegistry &markets)
{
    if (plan.market.isEmpty())
        return QJsonValue(QJsonValue::Null);
    const Market *market = markets.find(plan.market);
    const MarketPreset preset = marketPreset(markets, plan);
    const auto text = [market](const QString &s) { return market ? QJsonValue(s) : QJsonValue(); };
    QJsonObject out{
        {QStringLiteral("id"), plan.market},
        {QStringLiteral("known"), market != nullptr},
        {QStringLiteral("name"), text(market ? market->name : QString())},
        {QStringLiteral("chain"), text(market ? market->chain : QString())},
        {QStringLiteral("asOf"), text(market ? market->asOf.toString(Qt::ISODate) : QString())},
        {QStringLiteral("source"), text(market ? market->source : QString())},
        {QStringLiteral("liquidationRules"), toString(plan.liquidationRules)},
        {QStringLiteral("liquidationRulesSource"), isOverridden(plan, MarketField::LiquidationRules, preset)
                                                       ? QStringLiteral("plan")
                                                       : QStringLiteral("preset")},
        {QStringLiteral("liquidationRulesDescription"), describe(plan.liquidationRules)},
        {QStringLiteral("liquidationRulesReference"), ruleSetSource(plan.liquidationRules)},
        {QStringLiteral("eMode"), preset.eMode >= 0 ? QJsonValue(preset.eModeLabel) : QJsonValue()},
        {QStringLiteral("collateral"),
         side(plan, preset, plan.collateral.symbol, preset.collateralReserve, kCollateralFields)},
        {QStringLiteral("borrow"),
         side(plan, preset, plan.borrow.symbol, preset.borrowReserve, kBorrowFields)},
    };
    if (!preset.eModeNote.isEmpty())
        out.insert(QStringLiteral("eModeNote"), preset.eModeNote);
    return out;
}

QStringList marketReportText(const Plan &plan, const MarketRegistry &markets)
{
    QStringList out;
    if (plan.market.isEmpty())
        return out;
    const Market *market = markets.find(plan.market);
    const MarketPreset preset = marketPreset(markets, plan);
    out << QStringLiteral("Market");
    if (market)
        out << QStringLiteral("  %1 (%2), as of %3; liquidation rules %4; e-mode %5")
                   .arg(market->name, market->chain, market->asOf.toString(Qt::ISODate),
                        toString(plan.liquidationRules),
                        preset.eMode >= 0            ? preset.eModeLabel
                        : preset.eModeNote.isEmpty() ? QStringLiteral("off")
                                                     : QStringLiteral("off (%1)").arg(preset.eModeNote));
    else
        out << QStringLiteral("  \"%1\" is not a known market: every value is the plan's own")
                   .arg(plan.market);
    if (market)
        out << QStringLiteral("  Source: %1").arg(market->source);
    out << QStringLiteral("  Rules: %1 (%2)")
               .arg(describe(plan.liquidationRules), ruleSetSource(plan.liquidationRules));
    for (MarketField f : marketFields()) {
        if (f == MarketField::LiquidationRules)
            continue;
        const bool fromPreset = !isOverridden(plan, f, preset);
        QString origin =
            fromPreset ? QStringLiteral("preset %1").arg(preset.sourcePath(f)) : QStringLiteral("plan");
        if (fromPreset && preset.estimates.testFlag(f))
            origin += QStringLiteral(", estimate");
        out << QStringLiteral("  %1 %2 (%3)")
                   .arg(fieldPath(f).leftJustified(32, QLatin1Char(' ')))
                   .arg(fieldValue(plan, f), 0, 'g', 10)
                   .arg(origin);
    }
    return out;
}

} // namespace lp
