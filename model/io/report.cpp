#include "report.h"

#include "carryjson.h"
#include "execution.h"
#include "liquidationprobability.h"
#include "machineformat.h"
#include "marketregistry.h"
#include "marketreport.h"
#include "riskasset.h"
#include "rowjson.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>

namespace lp {

namespace {

using machine::fixed;
using machine::num;
using machine::percent;

} // namespace

namespace {

// `risk`, with `risk.protection` when the plan has protection rules: the figures, or {error}.
QJsonObject reportRiskJson(const Plan &plan, const Outlook &o)
{
    QJsonObject risk = riskJson(plan, o.liquidationProbability, o.monteCarlo);
    if (o.protection)
        risk.insert(QStringLiteral("protection"), protectionJson(*o.protection));
    else if (!o.protectionErrors.isEmpty())
        risk.insert(QStringLiteral("protection"),
                    QJsonObject{{QStringLiteral("error"), formatErrors(o.protectionErrors)}});
    return risk;
}

} // namespace

QJsonObject reportJson(const PlanResult &r, const MarketRegistry &markets)
{
    return reportJson(r, computeOutlook(r), markets);
}

QString reportText(const PlanResult &r, const MarketRegistry &markets)
{
    return reportText(r, computeOutlook(r), markets);
}

QJsonObject reportJson(const PlanResult &r, const Outlook &o, const MarketRegistry &markets)
{
    const PositionFigures &p = r.position;
    const bool tracks = r.plan.borrow.priceModel == PriceModel::TracksCollateral;

    QJsonObject position{
        {QStringLiteral("collateral"), num(p.collateral)},
        {QStringLiteral("debt"), num(p.debt)},
        {QStringLiteral("collateralUsd"), num(p.collateralUsd)},
        {QStringLiteral("debtUsd"), num(p.debtUsd)},
        {QStringLiteral("equityUsd"), num(p.equityUsd)},
        {QStringLiteral("leverage"), num(p.leverage)},
        {QStringLiteral("ltv"), num(p.ltv)},
        {QStringLiteral("healthFactor"), num(p.healthFactor)},
        // The price that moves (riskasset.h); liquidationPriceUsd is that asset's price at HF = 1 (for a
        // short, B's), null when B tracks A (the ratio is liquidationRatio).
        {QStringLiteral("riskAsset"), toString(effectiveRiskAsset(r.plan))},
        {QStringLiteral("liquidationPriceUsd"),
         tracks ? QJsonValue(QJsonValue::Null) : num(p.liquidationPriceUsd)},
        {QStringLiteral("liquidationRatio"), num(p.liquidationRatio)},
        {QStringLiteral("distanceToLiquidation"), num(p.distanceToLiquidation)},
        {QStringLiteral("netApy"), num(p.netApy)},
    };

    const OpeningCosts &c = r.opened.costs;
    const QJsonObject costs{
        {QStringLiteral("swapFeesUsd"), num(c.swapFeesUsd)},
        {QStringLiteral("slippageUsd"), num(c.slippageUsd)},
        {QStringLiteral("flashPremiumUsd"), num(c.flashPremiumUsd)},
        {QStringLiteral("gasUsd"), num(c.gasUsd)},
        {QStringLiteral("totalUsd"), num(c.totalUsd())},
        {QStringLiteral("transactions"), c.transactions},
    };

    QJsonArray liquidations;
    for (const LiquidationEvent &e : r.sweep.liquidations) {
        liquidations.append(QJsonObject{
            {QStringLiteral("priceUsd"), num(e.priceUsd)},
            {QStringLiteral("closeFactor"), num(e.closeFactor)},
            {QStringLiteral("debtRepaid"), num(e.debtRepaid)},
            {QStringLiteral("collateralSeized"), num(e.collateralSeized)},
            {QStringLiteral("penaltyUsd"), num(e.penaltyUsd)},
            {QStringLiteral("bonus"), num(e.bonus)},
            {QStringLiteral("protocolFeeCollateral"), num(e.protocolFeeCollateral)},
            {QStringLiteral("debtWrittenOff"), num(e.debtWrittenOff)},
            {QStringLiteral("healthFactorAfter"), num(e.healthFactorAfter)},
        });
    }
    const PriceSweep &sw = r.sweep;
    const QJsonObject sweep{
        {QStringLiteral("points"), static_cast<int>(sw.points.size())},
        {QStringLiteral("minPriceUsd"), num(sw.points.empty() ? 0.0 : sw.points.front().priceUsd)},
        {QStringLiteral("maxPriceUsd"), num(sw.points.empty() ? 0.0 : sw.points.back().priceUsd)},
        {QStringLiteral("spotPriceUsd"), num(sw.spotPriceUsd)},
        {QStringLiteral("breakEvenPriceUsd"), num(sw.breakEvenPriceUsd)},
        {QStringLiteral("zeroEquityPriceUsd"), num(sw.zeroEquityPriceUsd)},
        {QStringLiteral("liquidations"), liquidations},
    };

    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("leverage-planner-report")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("plan"),
         QJsonObject{{QStringLiteral("name"), r.plan.name},
                     {QStringLiteral("collateral"), r.plan.collateral.symbol},
                     {QStringLiteral("borrow"), r.plan.borrow.symbol},
                     {QStringLiteral("deposit"), num(r.plan.deposit)},
                     {QStringLiteral("mode"), toString(r.plan.strategy.mode)},
                     {QStringLiteral("execution"), toString(r.plan.execution)},
                     {QStringLiteral("priceModel"), toString(r.plan.borrow.priceModel)}}},
        {QStringLiteral("position"), position},
        {QStringLiteral("loops"), loopStepsJson(r.opened.steps)},
        {QStringLiteral("costs"), costs},
        {QStringLiteral("sweep"), sweep},
        {QStringLiteral("market"), marketReportJson(r.plan, markets)},
        {QStringLiteral("time"), timelineJson(o.timeline)},
        {QStringLiteral("close"), outlookCloseJson(o)},
        {QStringLiteral("risk"), reportRiskJson(r.plan, o)},
        {QStringLiteral("stress"), stressJson(o.stress)},
        {QStringLiteral("carry"), carryJson(planCarry(r, markets))},
        {QStringLiteral("execution"), executionJson(executionFigures(r))},
    };
}

QString reportText(const PlanResult &r, const Outlook &o, const MarketRegistry &markets)
{
    const Plan &plan = r.plan;
    const PositionFigures &p = r.position;
    const QString a = plan.collateral.symbol;
    const QString b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    QStringList out;
    out << QStringLiteral("Plan: %1").arg(plan.name.isEmpty() ? QStringLiteral("(unnamed)") : plan.name);
    out << QStringLiteral("  %1 %2 as collateral, borrowing %3; %4, %5 execution")
               .arg(fixed(plan.deposit, 6), a, b, toString(plan.strategy.mode), toString(plan.execution));
    out << QString();
    out << QStringLiteral("Position");
    auto row = [&out](const QString &label, const QString &value) {
        out << QStringLiteral("  %1 %2").arg(label.leftJustified(24, QLatin1Char(' ')), value);
    };
    row(QStringLiteral("Collateral"),
        QStringLiteral("%1 %2 ($%3)").arg(fixed(p.collateral, 6), a, fixed(p.collateralUsd, 2)));
    row(QStringLiteral("Debt"), QStringLiteral("%1 %2 ($%3)").arg(fixed(p.debt, 6), b, fixed(p.debtUsd, 2)));
    row(QStringLiteral("Equity"), QStringLiteral("$%1").arg(fixed(p.equityUsd, 2)));
    row(QStringLiteral("Leverage"), fixed(p.leverage, 4) + QLatin1Char('x'));
    row(QStringLiteral("LTV"),
        percent(p.ltv) + QStringLiteral(" (max %1)").arg(percent(plan.collateral.ltv)));
    row(QStringLiteral("Health factor"), fixed(p.healthFactor, 4));
    if (tracks)
        row(QStringLiteral("Liquidation ratio"),
            QStringLiteral("%1 %2 per %3").arg(fixed(p.liquidationRatio, 6), b, a));
    else if (effectiveRiskAsset(plan) == RiskAsset::Borrow)
        row(QStringLiteral("Liquidation price"),
            QStringLiteral("%1 at $%2 (a short: %1 rising)").arg(b, fixed(p.liquidationPriceUsd, 2)));
    else
        row(QStringLiteral("Liquidation price"), QStringLiteral("$%1").arg(fixed(p.liquidationPriceUsd, 2)));
    row(QStringLiteral("Distance to liquidation"), percent(p.distanceToLiquidation));
    row(QStringLiteral("Net APY on equity"), percent(p.netApy));
    out << QString();
    out << QStringLiteral("Loops");
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7")
               .arg(QStringLiteral("step"), 4)
               .arg(QStringLiteral("borrowed"), 14)
               .arg(QStringLiteral("swapped"), 14)
               .arg(QStringLiteral("collateral"), 14)
               .arg(QStringLiteral("debt"), 14)
               .arg(QStringLiteral("LTV"), 9)
               .arg(QStringLiteral("HF"), 9);
    for (const LoopStep &s : r.opened.steps) {
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7")
                   .arg(QString::number(s.step) + (s.partial ? QStringLiteral("*") : QString()), 4)
                   .arg(fixed(s.borrowed, 6), 14)
                   .arg(fixed(s.swappedToCollateral, 6), 14)
                   .arg(fixed(s.collateral, 6), 14)
                   .arg(fixed(s.debt, 6), 14)
                   .arg(percent(s.ltv), 9)
                   .arg(fixed(s.healthFactor, 4), 9);
    }
    if (std::any_of(r.opened.steps.begin(), r.opened.steps.end(),
                    [](const LoopStep &s) { return s.partial; }))
        out << QStringLiteral("  * partial loop: borrowed only what the target needed");
    out << QString();
    const OpeningCosts &c = r.opened.costs;
    out << QStringLiteral("Opening costs");
    row(QStringLiteral("Swap fees"), QStringLiteral("$%1").arg(fixed(c.swapFeesUsd, 2)));
    row(QStringLiteral("Slippage"), QStringLiteral("$%1").arg(fixed(c.slippageUsd, 2)));
    row(QStringLiteral("Flash-loan premium"), QStringLiteral("$%1").arg(fixed(c.flashPremiumUsd, 2)));
    row(QStringLiteral("Gas"),
        QStringLiteral("$%1 (%2 transactions)").arg(fixed(c.gasUsd, 2)).arg(c.transactions));
    if (plan.priceImpact.model != ImpactModel::None)
        row(QStringLiteral("Price impact"), QStringLiteral("$%1").arg(fixed(c.impactUsd, 2)));
    row(QStringLiteral("Total"), QStringLiteral("$%1").arg(fixed(c.totalUsd(), 2)));
    const ExecutionFigures x = executionFigures(r);
    out << QString();
    out << QStringLiteral("Execution");
    row(QStringLiteral("Entry price impact"), QStringLiteral("$%1").arg(fixed(x.entryImpactUsd, 2)));
    row(QStringLiteral("Exit price impact"), QStringLiteral("$%1").arg(fixed(x.exitImpactUsd, 2)));
    row(QStringLiteral("Proceeds if closed now"),
        x.canClose ? QStringLiteral("$%1 (equity $%2)")
                         .arg(fixed(x.proceedsIfClosedNowUsd, 2), fixed(x.equityUsd, 2))
                   : QStringLiteral("cannot close at today's prices"));
    row(QStringLiteral("Open + close costs"),
        x.canClose ? percent(x.costShareOfEquity) + QStringLiteral(" of equity") : QStringLiteral("-"));
    out << QString();
    out << QStringLiteral("Price sweep (%1 points, B's price held)").arg(r.sweep.points.size());
    row(QStringLiteral("Break-even price"), QStringLiteral("$%1").arg(fixed(r.sweep.breakEvenPriceUsd, 2)));
    row(QStringLiteral("Zero-equity price"),
        QStringLiteral("$%1 (without liquidations)").arg(fixed(r.sweep.zeroEquityPriceUsd, 2)));
    row(QStringLiteral("Liquidations on the way"), QString::number(r.sweep.liquidations.size()));
    out << outlookText(plan, o);
    out << QString() << carryText(planCarry(r, markets));
    const QStringList market = marketReportText(plan, markets);
    if (!market.isEmpty())
        out << QString() << market;
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace lp
