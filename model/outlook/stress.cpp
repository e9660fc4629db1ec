#include "stress.h"

#include "closing.h"
#include "machineformat.h"
#include "position.h"
#include "timeline.h"

#include <QJsonObject>
#include <QJsonValue>

#include <cmath>

namespace lp {

namespace {

using machine::num;

StressFigures figuresAt(const Plan &plan, double c, double d, double pa, double pb)
{
    const PositionFigures f = positionFigures(c, d, pa, pb, plan);
    StressFigures s;
    s.priceAUsd = pa;
    s.priceBUsd = pb;
    s.liquidationThreshold = plan.collateral.liquidationThreshold;
    s.collateral = c;
    s.debt = d;
    s.healthFactor = f.healthFactor;
    s.liquidationPriceUsd = f.liquidationPriceUsd;
    s.liquidationRatio = f.liquidationRatio;
    s.equityUsd = f.equityUsd;
    s.leverage = f.leverage;
    CloseOptions flash;
    flash.method = CloseMethod::FlashClose;
    const Expected<CloseResult> close = unwindPosition(plan, c, d, pa, pb, flash);
    s.closeValueUsd = close ? close->walkAwayUsd : std::numeric_limits<double>::quiet_NaN();
    return s;
}

QJsonObject figuresJson(const StressFigures &f)
{
    return {{QStringLiteral("priceAUsd"), num(f.priceAUsd)},
            {QStringLiteral("priceBUsd"), num(f.priceBUsd)},
            {QStringLiteral("liquidationThreshold"), num(f.liquidationThreshold)},
            {QStringLiteral("collateral"), num(f.collateral)},
            {QStringLiteral("debt"), num(f.debt)},
            {QStringLiteral("healthFactor"), num(f.healthFactor)},
            {QStringLiteral("liquidationPriceUsd"), num(f.liquidationPriceUsd)},
            {QStringLiteral("liquidationRatio"), num(f.liquidationRatio)},
            {QStringLiteral("equityUsd"), num(f.equityUsd)},
            {QStringLiteral("leverage"), num(f.leverage)},
            {QStringLiteral("closeValueUsd"), num(f.closeValueUsd)}};
}

} // namespace

QString toString(StressKind kind)
{
    switch (kind) {
    case StressKind::PriceShock:
        return QStringLiteral("priceShock");
    case StressKind::BorrowDepeg:
        return QStringLiteral("borrowDepeg");
    case StressKind::BorrowRateSpike:
        return QStringLiteral("borrowRateSpike");
    case StressKind::ThresholdCut:
        return QStringLiteral("thresholdCut");
    case StressKind::SlippageSpike:
        return QStringLiteral("slippageSpike");
    }
    return {};
}

std::vector<StressScenario> defaultStressScenarios()
{
    return {
        {StressKind::PriceShock, QStringLiteral("priceShock-10"), -0.10, 0},
        {StressKind::PriceShock, QStringLiteral("priceShock-30"), -0.30, 0},
        {StressKind::PriceShock, QStringLiteral("priceShock-50"), -0.50, 0},
        {StressKind::BorrowDepeg, QStringLiteral("borrowDepeg-0.97"), 0.97, 0},
        {StressKind::BorrowDepeg, QStringLiteral("borrowDepeg-1.03"), 1.03, 0},
        {StressKind::BorrowRateSpike, QStringLiteral("borrowRateSpike-40pct-30d"), 0.40, 30},
        {StressKind::ThresholdCut, QStringLiteral("thresholdCut-5pt"), 0.05, 0},
        {StressKind::SlippageSpike, QStringLiteral("slippageSpike-300bps"), 300.0, 0},
    };
}

StressResult runStress(const Plan &plan, const OpenedPosition &opened, const StressScenario &scenario)
{
    StressResult r;
    r.scenario = scenario;
    const double pa0 = plan.collateral.priceUsd;
    const double pb0 = plan.borrow.priceUsd;
    r.before = figuresAt(plan, opened.collateral, opened.debt, pa0, pb0);

    Plan stressed = plan;
    double c = opened.collateral;
    double d = opened.debt;
    double pa = pa0;
    double pb = pb0;
    switch (scenario.kind) {
    case StressKind::PriceShock:
        pa = pa0 * std::max(0.0, 1.0 + scenario.value);
        break;
    case StressKind::BorrowDepeg:
        pb = pb0 * scenario.value;
        break;
    case StressKind::BorrowRateSpike:
        stressed.borrow.borrowApy = scenario.value;
        c = accrue(c, collateralGrowth(plan), scenario.days);
        d = accrue(d, 1.0 + scenario.value, scenario.days);
        break;
    case StressKind::ThresholdCut:
        // A threshold of 0 would make every position with debt liquidatable; keep it a fraction.
        stressed.collateral.liquidationThreshold =
            std::max(1e-6, plan.collateral.liquidationThreshold - scenario.value);
        break;
    case StressKind::SlippageSpike:
        stressed.costs.slippageBps = scenario.value;
        break;
    }
    if (pa > 0.0 && pb > 0.0) {
        r.liquidations = liquidateAfterGap(&c, &d, pa, liquidationParams(stressed, pb));
    }
    for (const LiquidationEvent &e : r.liquidations)
        r.penaltyUsd += e.penaltyUsd;
    r.liquidated = !r.liquidations.empty();
    r.after = figuresAt(stressed, c, d, pa, pb);
    return r;
}

std::vector<StressResult> runStressPresets(const Plan &plan, const OpenedPosition &opened)
{
    std::vector<StressResult> out;
    for (const StressScenario &s : defaultStressScenarios())
        out.push_back(runStress(plan, opened, s));
    return out;
}

QJsonArray stressJson(const std::vector<StressResult> &results)
{
    QJsonArray out;
    for (const StressResult &r : results) {
        out.append(QJsonObject{{QStringLiteral("id"), r.scenario.id},
                               {QStringLiteral("kind"), toString(r.scenario.kind)},
                               {QStringLiteral("value"), num(r.scenario.value)},
                               {QStringLiteral("days"), r.scenario.days},
                               {QStringLiteral("liquidated"), r.liquidated},
                               {QStringLiteral("liquidations"), static_cast<int>(r.liquidations.size())},
                               {QStringLiteral("penaltyUsd"), num(r.penaltyUsd)},
                               {QStringLiteral("before"), figuresJson(r.before)},
                               {QStringLiteral("after"), figuresJson(r.after)}});
    }
    return out;
}

} // namespace lp
