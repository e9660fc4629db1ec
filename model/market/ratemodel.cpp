#include "ratemodel.h"

#include "machineformat.h"
#include "plan.h"

#include <algorithm>
#include <cmath>

namespace lp {

double borrowRate(const RateStrategy &s, double utilization)
{
    const double u = std::clamp(utilization, 0.0, 1.0);
    if (u <= s.optimalUtilization)
        return s.baseRate + s.slope1 * u / s.optimalUtilization;
    return s.baseRate + s.slope1 + s.slope2 * (u - s.optimalUtilization) / (1.0 - s.optimalUtilization);
}

double supplyRate(const RateStrategy &s, double utilization, double reserveFactor)
{
    const double u = std::clamp(utilization, 0.0, 1.0);
    return borrowRate(s, u) * u * (1.0 - reserveFactor);
}

double aprToApy(double apr)
{
    // log1p/expm1 keep the full precision that pow(1 + tiny, huge) would lose.
    return std::expm1(kSecondsPerYear * std::log1p(apr / kSecondsPerYear));
}

double apyToApr(double apy)
{
    return kSecondsPerYear * std::expm1(std::log1p(apy) / kSecondsPerYear);
}

std::vector<RatePoint> rateCurve(const RateStrategy &s, double reserveFactor, int points)
{
    const int n = std::max(points, 2);
    std::vector<RatePoint> curve;
    curve.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        RatePoint p;
        p.utilization = static_cast<double>(i) / (n - 1);
        p.borrowApr = borrowRate(s, p.utilization);
        p.borrowApy = aprToApy(p.borrowApr);
        p.supplyApr = supplyRate(s, p.utilization, reserveFactor);
        p.supplyApy = aprToApy(p.supplyApr);
        curve.push_back(p);
    }
    return curve;
}

ValidationErrors validateRateStrategy(const RateStrategy &s, const QString &path)
{
    ValidationErrors errors;
    const auto field = [&path](const char *key) { return path + QLatin1Char('.') + QLatin1String(key); };
    if (!(s.optimalUtilization > 0.0 && s.optimalUtilization < 1.0))
        errors.append(
            {field("optimalUtilization"),
             QStringLiteral("must be above 0 and below 1 (got %1)").arg(formatNumber(s.optimalUtilization))});
    const std::pair<const char *, double> rates[] = {
        {"baseRate", s.baseRate}, {"slope1", s.slope1}, {"slope2", s.slope2}};
    for (const auto &[key, value] : rates) {
        if (!(value >= 0.0 && value <= 100.0))
            errors.append(
                {field(key), QStringLiteral("must be between 0 and 100 (got %1)").arg(formatNumber(value))});
    }
    return errors;
}

} // namespace lp
