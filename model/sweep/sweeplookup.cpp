#include "sweeplookup.h"

#include <algorithm>
#include <cmath>

namespace lp {

double leveragedPnl(const SweepPoint &point, PnlUnit unit)
{
    return unit == PnlUnit::Usd ? point.pnlUsd : point.pnlPct;
}

double holdPnl(const PriceSweep &sweep, const SweepPoint &point, PnlUnit unit)
{
    if (unit == PnlUnit::Usd)
        return point.holdPnlUsd;
    return sweep.depositValueUsd > 0 ? point.holdPnlUsd / sweep.depositValueUsd : 0.0;
}

double liquidationPenaltyUsd(const PriceSweep &sweep)
{
    double total = 0;
    for (const LiquidationEvent &event : sweep.liquidations)
        total += event.penaltyUsd;
    return total;
}

namespace {

double lerp(double a, double b, double w, bool nearerIsB)
{
    if (!std::isfinite(a) || !std::isfinite(b))
        return nearerIsB ? b : a;
    return a + (b - a) * w;
}

} // namespace

std::optional<SweepPoint> sweepPointAt(const PriceSweep &sweep, double priceUsd)
{
    const std::vector<SweepPoint> &pts = sweep.points;
    if (pts.empty() || !std::isfinite(priceUsd) || priceUsd < pts.front().priceUsd ||
        priceUsd > pts.back().priceUsd)
        return std::nullopt;
    // First point at or above the price; the one before it brackets it from below.
    const auto hi = std::lower_bound(pts.begin(), pts.end(), priceUsd,
                                     [](const SweepPoint &p, double x) { return p.priceUsd < x; });
    if (hi == pts.begin() || hi->priceUsd == priceUsd)
        return *hi;
    const SweepPoint &b = *hi;
    const SweepPoint &a = *(hi - 1);
    const double w = (priceUsd - a.priceUsd) / (b.priceUsd - a.priceUsd);
    const bool nearB = w >= 0.5;
    SweepPoint r;
    r.priceUsd = priceUsd;
    // Every figure of the row, PositionFigures' included, so an interpolated point is a whole row.
    static constexpr double SweepPoint::*kFields[] = {&SweepPoint::collateral,
                                                      &SweepPoint::debt,
                                                      &SweepPoint::collateralUsd,
                                                      &SweepPoint::debtUsd,
                                                      &SweepPoint::equityUsd,
                                                      &SweepPoint::leverage,
                                                      &SweepPoint::ltv,
                                                      &SweepPoint::healthFactor,
                                                      &SweepPoint::liquidationPriceUsd,
                                                      &SweepPoint::liquidationRatio,
                                                      &SweepPoint::distanceToLiquidation,
                                                      &SweepPoint::netApy,
                                                      &SweepPoint::pnlUsd,
                                                      &SweepPoint::pnlPct,
                                                      &SweepPoint::holdPnlUsd,
                                                      &SweepPoint::liquidatedShare};
    for (double SweepPoint::*field : kFields)
        r.*field = lerp(a.*field, b.*field, w, nearB);
    return r;
}

const HealthPoint *nearestHealthPoint(const std::vector<HealthPoint> &series, double priceUsd)
{
    if (series.empty() || !(priceUsd >= series.front().priceUsd) || !(priceUsd <= series.back().priceUsd))
        return nullptr;
    const auto hi = std::lower_bound(series.begin(), series.end(), priceUsd,
                                     [](const HealthPoint &p, double x) { return p.priceUsd < x; });
    if (hi == series.begin())
        return &*hi;
    const auto lo = hi - 1;
    return priceUsd - lo->priceUsd < hi->priceUsd - priceUsd ? &*lo : &*hi;
}

} // namespace lp
