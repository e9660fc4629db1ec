#include "stress.h"

#include "closing.h"
#include "position.h"
#include "riskasset.h"
#include "timeline.h"

#include <cmath>

namespace lp {

namespace {

StressFigures figuresAt(const Plan &plan, double c, double d, double pa, double pb)
{
    StressFigures s;
    static_cast<PositionFigures &>(s) = positionFigures(c, d, pa, pb, plan);
    s.priceAUsd = pa;
    s.priceBUsd = pb;
    s.liquidationThreshold = plan.collateral.liquidationThreshold;
    CloseOptions flash;
    flash.method = CloseMethod::FlashClose;
    const Expected<CloseResult> close = unwindPosition(plan, c, d, pa, pb, flash);
    s.closeValueUsd = close ? close->walkAwayUsd : std::numeric_limits<double>::quiet_NaN();
    return s;
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
    case StressKind::RatioDepeg:
        return QStringLiteral("ratioDepeg");
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

std::vector<StressScenario> stressScenarios(const Plan &plan)
{
    std::vector<StressScenario> all = defaultStressScenarios();
    if (effectiveRiskAsset(plan) != RiskAsset::Ratio)
        return all;
    std::vector<StressScenario> out;
    for (const double ratio : {0.90, 0.95, 0.98, 1.02})
        out.push_back(
            {StressKind::RatioDepeg, QStringLiteral("ratioDepeg-%1").arg(ratio, 0, 'f', 2), ratio, 0});
    for (const StressScenario &s : all) {
        if (s.kind != StressKind::PriceShock)
            out.push_back(s);
    }
    return out;
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
        // The shock hits the risk asset the way that hurts: a short's debt asset rises by as much as a
        // long's collateral would fall (riskasset.h).
        if (effectiveRiskAsset(plan) == RiskAsset::Borrow)
            pb = pb0 * (1.0 - scenario.value);
        else
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
    case StressKind::RatioDepeg:
        pa = pa0 * std::max(0.0, scenario.value);
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
    for (const StressScenario &s : stressScenarios(plan))
        out.push_back(runStress(plan, opened, s));
    return out;
}

} // namespace lp
