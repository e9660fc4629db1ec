// `leverage-planner liquidate PLAN --price P [--format json|text] [--path]`: Token A's price jumps from spot
// to P (or falls to it along a path) and every liquidation call a liquidator would make under the plan's
// rule set is printed, then what is left (docs/architecture.md, "Liquidation rules").
#include "cli.h"
#include "commandsupport.h"
#include "liquidationscenario.h"
#include "machineformat.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace lp::cli {

namespace {

using machine::num;

QJsonObject callJson(const LiquidationEvent &e)
{
    return {{QStringLiteral("priceUsd"), num(e.priceUsd)},
            {QStringLiteral("healthFactorBefore"), num(e.healthFactorBefore)},
            {QStringLiteral("closeFactor"), num(e.closeFactor)},
            {QStringLiteral("debtRepaid"), num(e.debtRepaid)},
            {QStringLiteral("collateralSeized"), num(e.collateralSeized)},
            {QStringLiteral("bonus"), num(e.bonus)},
            {QStringLiteral("bonusUsd"), num(e.penaltyUsd)},
            {QStringLiteral("protocolFeeCollateral"), num(e.protocolFeeCollateral)},
            {QStringLiteral("debtWrittenOff"), num(e.debtWrittenOff)},
            {QStringLiteral("healthFactorAfter"), num(e.healthFactorAfter)}};
}

QJsonObject scenarioJson(const LiquidationScenario &s, const Plan &plan, double collateral, double debt)
{
    QJsonArray calls;
    for (const LiquidationEvent &e : s.calls)
        calls.append(callJson(e));
    return {
        {QStringLiteral("liquidationRules"), toString(plan.liquidationRules)},
        {QStringLiteral("liquidationRulesSource"), ruleSetSource(plan.liquidationRules)},
        {QStringLiteral("mode"), s.alongPath ? QStringLiteral("path") : QStringLiteral("gap")},
        {QStringLiteral("spotPriceUsd"), num(s.spotPriceUsd)},
        {QStringLiteral("priceUsd"), num(s.priceUsd)},
        {QStringLiteral("borrowPriceUsd"), num(s.priceBUsd)},
        {QStringLiteral("before"),
         QJsonObject{{QStringLiteral("collateral"), num(collateral)}, {QStringLiteral("debt"), num(debt)}}},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("after"), QJsonObject{{QStringLiteral("collateral"), num(s.collateralAfter)},
                                              {QStringLiteral("debt"), num(s.debtAfter)},
                                              {QStringLiteral("equityUsd"), num(s.equityUsd)}}},
        {QStringLiteral("badDebt"), num(s.badDebt)},
    };
}

QString scenarioText(const LiquidationScenario &s, const Plan &plan)
{
    const QString a = plan.collateral.symbol;
    const QString b = plan.borrow.symbol;
    QStringList out;
    out << QStringLiteral("Liquidation under %1 (%2)")
               .arg(toString(plan.liquidationRules), describe(plan.liquidationRules));
    out << QStringLiteral("%1 %2 from %3 to %4 (%5 at %6)")
               .arg(a, s.alongPath ? QStringLiteral("falls") : QStringLiteral("jumps"),
                    machine::usd(s.spotPriceUsd), machine::usd(s.priceUsd), b, machine::usd(s.priceBUsd));
    if (s.calls.empty())
        out << QStringLiteral("  no liquidation call is allowed at this price");
    int n = 0;
    for (const LiquidationEvent &e : s.calls) {
        out << QStringLiteral("  call %1 at %2: HF %3 -> %4, close factor %5, repaid %6 %7, seized %8 %9, "
                              "bonus %10, protocol fee %11 %9")
                   .arg(++n)
                   .arg(machine::usd(e.priceUsd), machine::fixed(e.healthFactorBefore, 4),
                        machine::fixed(e.healthFactorAfter, 4), machine::percent(e.closeFactor),
                        machine::fixed(e.debtRepaid, 6), b, machine::fixed(e.collateralSeized, 6), a,
                        machine::usd(e.penaltyUsd))
                   .arg(machine::fixed(e.protocolFeeCollateral, 6));
        if (e.debtWrittenOff > 0)
            out << QStringLiteral("    %1 %2 of debt written off")
                       .arg(machine::fixed(e.debtWrittenOff, 6), b);
    }
    out << QStringLiteral("After: %1 %2, %3 %4 of debt, equity %5, bad debt %6 %4")
               .arg(machine::fixed(s.collateralAfter, 6), a, machine::fixed(s.debtAfter, 6), b,
                    machine::usd(s.equityUsd), machine::fixed(s.badDebt, 6));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int runLiquidateCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Moves Token A's price from the plan's price to P and prints each liquidation call a liquidator "
        "would make under the plan's rule set, then what is left and any bad debt."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption price(QStringLiteral("price"), QStringLiteral("Token A's new price in USD."),
                                   QStringLiteral("P"));
    const QCommandLineOption path(QStringLiteral("path"),
                                  QStringLiteral("Fall to P along a path (calls at each crossing, as the "
                                                 "sweep applies them) instead of jumping at once."));
    const QCommandLineOption format = formatOption();
    parser.addOption(price);
    parser.addOption(path);
    parser.addOption(format);
    int code = Ok;
    if (!parseOrExit(parser, args, &code))
        return code;
    const QString fmt = parser.value(format);
    if (!isKnownFormat(fmt))
        return BadInput;
    if (!parser.isSet(price)) {
        printErr(QStringLiteral("leverage-planner: liquidate needs --price P (see --help)"));
        return BadInput;
    }
    bool ok = false;
    const double p = QLocale::c().toDouble(parser.value(price), &ok);
    if (!ok || !(p > 0.0) || p > limits::maxPriceUsd) {
        printErr(
            QStringLiteral("leverage-planner: --price must be a number above 0 and at most %1 (got \"%2\")")
                .arg(formatNumber(limits::maxPriceUsd), parser.value(price).left(40)));
        return BadInput;
    }
    const std::optional<PlanResult> result = loadAndCompute(parser, &code);
    if (!result)
        return code;
    const double c = result->opened.collateral;
    const double d = result->opened.debt;
    const LiquidationScenario s = liquidateAtPrice(result->plan, c, d, p, parser.isSet(path));
    const QByteArray bytes =
        fmt == QLatin1String("json")
            ? QJsonDocument(scenarioJson(s, result->plan, c, d)).toJson(QJsonDocument::Indented)
            : scenarioText(s, result->plan).toUtf8();
    if (!writeStdout(bytes)) {
        printErr(QStringLiteral("leverage-planner: could not write to standard output"));
        return Failure;
    }
    return Ok;
}

} // namespace lp::cli
