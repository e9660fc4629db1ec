#include "liquidationprobability.h"

#include "machineformat.h"
#include "position.h"
#include "riskasset.h"
#include "timeline.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr double kSqrt1_2 = 0.70710678118654752440; // 1/sqrt(2)

using machine::num;

} // namespace

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x * kSqrt1_2);
}

double logNormalCdf(double x)
{
    if (x > -30.0)
        return std::log(normalCdf(x));
    // Mills-ratio expansion (Abramowitz & Stegun 26.2.12): N(x) ~ phi(x)/|x| (1 - 1/x^2 + 3/x^4 - 15/x^6
    // + 105/x^8 - 945/x^10); below x = -30 the first omitted term, 10395/x^12, is under 2e-14.
    const double u = 1.0 / (x * x);
    return -0.5 * x * x - std::log(-x) - 0.91893853320467274178 +
           std::log1p(u * (-1.0 + u * (3.0 + u * (-15.0 + u * (105.0 - 945.0 * u)))));
}

double barrierHitProbability(double spot, double barrier, double years, double volatility, double drift)
{
    if (!(barrier > 0.0))
        return 0.0;
    if (barrier >= spot)
        return 1.0;
    if (!(years > 0.0))
        return 0.0;
    const double h = std::log(barrier / spot); // < 0
    if (volatility <= 0.0) {
        // ln S_t = drift t: the minimum over [0, T] is min(0, drift T).
        return drift * years <= h ? 1.0 : 0.0;
    }
    const double v = drift - 0.5 * volatility * volatility;
    const double sT = volatility * std::sqrt(years);
    const double direct = normalCdf((h - v * years) / sT);
    // (H/S0)^(2v/s^2) N(...) in logs: the power overflows when v < 0 and s is small while N underflows.
    const double reflected =
        std::exp(2.0 * v / (volatility * volatility) * h + logNormalCdf((h + v * years) / sT));
    return std::clamp(direct + reflected, 0.0, 1.0);
}

double liquidationProbability(const Plan &plan, const OpenedPosition &opened, int horizonDays)
{
    if (opened.debt <= 0.0)
        return 0.0;
    const double hf = healthFactor(opened.collateral, opened.debt, plan.collateral.priceUsd,
                                   plan.borrow.priceUsd, plan.collateral.liquidationThreshold);
    const int days = horizonDays < 0 ? plan.horizonDays : horizonDays;
    return barrierHitProbability(1.0, 1.0 / hf, days / 365.0, riskVolatility(plan), plan.risk.drift);
}

Expected<ProbabilityGrid> probabilityHeatmap(const Plan &plan, std::vector<int> loopCounts,
                                             std::vector<double> volatilities,
                                             const std::optional<MonteCarloOptions> &monteCarlo)
{
    ValidationErrors errors;
    for (int n : loopCounts) {
        if (n < 0 || n > limits::maxLoops) {
            errors.append({QStringLiteral("heatmap.loopCounts"),
                           QStringLiteral("must be between 0 and %1 (got %2)").arg(limits::maxLoops).arg(n)});
            break;
        }
    }
    for (double s : volatilities) {
        if (!(s >= 0.0) || s > limits::maxVolatility) {
            errors.append({QStringLiteral("heatmap.volatilities"),
                           QStringLiteral("must be between 0 and %1 (got %2)")
                               .arg(formatNumber(limits::maxVolatility), formatNumber(s))});
            break;
        }
    }
    if (!errors.isEmpty())
        return errors;

    ProbabilityGrid grid;
    grid.loopCounts = std::move(loopCounts);
    grid.volatilities = std::move(volatilities);
    grid.probability.reserve(grid.loopCounts.size() * grid.volatilities.size());
    for (int n : grid.loopCounts) {
        Plan p = plan;
        p.strategy.mode = StrategyMode::Loops;
        p.strategy.loops = n;
        Expected<OpenedPosition> opened = openPosition(p);
        if (!opened)
            return opened.errors();
        const PositionFigures f =
            positionFigures(opened->collateral, opened->debt, p.collateral.priceUsd, p.borrow.priceUsd, p);
        grid.leverage.push_back(f.leverage);
        grid.healthFactor.push_back(f.healthFactor);
        const Timeline timeline = monteCarlo ? computeTimeline(p, *opened) : Timeline{};
        for (double s : grid.volatilities) {
            setRiskVolatility(&p, s);
            if (!monteCarlo) {
                grid.probability.push_back(liquidationProbability(p, *opened));
                continue;
            }
            Expected<MonteCarloResult> mc = monteCarloLiquidationProbability(p, timeline, *monteCarlo);
            if (!mc)
                return mc.errors();
            grid.probability.push_back(mc->probability);
        }
    }
    return grid;
}

QJsonObject riskJson(const Plan &plan, double closedFormProbability,
                     const std::optional<MonteCarloResult> &monteCarlo)
{
    QJsonObject risk{{QStringLiteral("liquidationProbability"), num(closedFormProbability)},
                     {QStringLiteral("horizonDays"), plan.horizonDays},
                     {QStringLiteral("annualVolatility"), num(plan.risk.annualVolatility)},
                     {QStringLiteral("drift"), num(plan.risk.drift)},
                     {QStringLiteral("ratioVolatility"), num(plan.risk.ratioVolatility)},
                     {QStringLiteral("volatilityUsed"), num(riskVolatility(plan))}};
    if (monteCarlo) {
        // The seed as a JSON number is exact below 2^53; larger seeds also go out as a string.
        const MonteCarloResult &mc = *monteCarlo;
        QJsonObject o{{QStringLiteral("probability"), num(mc.probability)},
                      {QStringLiteral("ci95Low"), num(mc.ci95Low)},
                      {QStringLiteral("ci95High"), num(mc.ci95High)},
                      {QStringLiteral("paths"), mc.paths},
                      {QStringLiteral("seed"), static_cast<double>(mc.seed)},
                      {QStringLiteral("threads"), mc.threads},
                      {QStringLiteral("steps"), mc.steps},
                      {QStringLiteral("barrier"), QStringLiteral("risingWithInterest")}};
        if (mc.seed >= (std::uint64_t{1} << 53))
            o.insert(QStringLiteral("seedText"), QString::number(mc.seed));
        risk.insert(QStringLiteral("monteCarlo"), o);
    }
    return risk;
}

} // namespace lp
