#include "carry.h"

#include "closing.h"
#include "marketregistry.h"
#include "position.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Borrow APY of a reserve at utilization u (clamped by borrowRate to [0, 1]).
double borrowApyAt(const ReserveState &r, double u)
{
    return aprToApy(borrowRate(r.strategy, u));
}

double supplyApyAt(const ReserveState &r, double u)
{
    return aprToApy(supplyRate(r.strategy, std::clamp(u, 0.0, 1.0), r.reserveFactor));
}

std::optional<ReserveState> reserveState(const Market &market, const QString &symbol)
{
    const qsizetype i = market.reserveIndex(symbol);
    if (i < 0)
        return std::nullopt;
    const Reserve &r = market.reserves[i];
    if (!r.rateStrategy || !r.onChain || !(r.onChain->totalSupply > 0))
        return std::nullopt;
    return ReserveState{*r.rateStrategy, r.reserveFactor, r.onChain->totalSupply, r.onChain->totalDebt};
}

} // namespace

CarryPoint carryAt(const CarryInputs &in, double leverage)
{
    CarryPoint p;
    p.leverage = leverage;
    const double debtUsd = (leverage - 1.0) * in.equityUsd;
    p.borrowApy = in.borrowApy;
    p.borrowUtilization = kNaN;
    if (in.borrowReserve) {
        const ReserveState &r = *in.borrowReserve;
        p.borrowUtilization = (r.totalDebt + debtUsd / in.priceBUsd) / r.totalSupply;
        p.exceedsLiquidity = p.borrowUtilization > 1.0;
        p.borrowApy = borrowApyAt(r, p.borrowUtilization);
    }
    double supply = in.supplyApy;
    if (in.collateralReserve) {
        const ReserveState &r = *in.collateralReserve;
        supply = supplyApyAt(r, r.totalDebt / (r.totalSupply + leverage * in.equityUsd / in.priceAUsd));
    }
    p.collateralYield = supply + in.nativeYield;
    p.netApy = p.collateralYield * leverage - p.borrowApy * (leverage - 1.0);
    return p;
}

CarryResult computeCarry(const CarryInputs &in, double planLeverage, double costsUsd, int points)
{
    CarryResult out;
    const int n = std::max(points, 2);
    const double top = std::isfinite(in.maxLeverage) ? std::max(in.maxLeverage, 1.0) : 1.0;
    out.byLeverage.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        out.byLeverage.push_back(carryAt(in, 1.0 + (top - 1.0) * i / (n - 1)));
    out.atPlan = carryAt(in, planLeverage);
    out.holdApy = carryAt(in, 1.0).collateralYield;
    out.breakEvenBorrowApy =
        planLeverage > 1.0 ? (out.atPlan.collateralYield * planLeverage - out.holdApy) / (planLeverage - 1.0)
                           : kNaN;
    out.costsUsd = costsUsd;
    const double carryPerDay = in.equityUsd * out.atPlan.netApy / 365.0;
    out.paybackDays = carryPerDay > 0 ? costsUsd / carryPerDay : std::numeric_limits<double>::infinity();
    if (in.borrowReserve) {
        const ReserveState &r = *in.borrowReserve;
        OwnUtilizationImpact impact;
        impact.borrowUtilizationBefore = r.utilization();
        impact.borrowUtilizationAfter = out.atPlan.borrowUtilization;
        impact.borrowApyBefore = borrowApyAt(r, r.utilization());
        impact.borrowApyAfter = out.atPlan.borrowApy;
        if (in.collateralReserve) {
            impact.hasCollateralReserve = true;
            impact.supplyApyBefore = supplyApyAt(*in.collateralReserve, in.collateralReserve->utilization());
            impact.supplyApyAfter = out.atPlan.collateralYield - in.nativeYield;
        }
        out.ownUtilization = impact;
    }
    return out;
}

CarryInputs carryInputs(const PlanResult &result, const MarketRegistry &markets)
{
    const Plan &plan = result.plan;
    CarryInputs in;
    in.supplyApy = plan.collateral.supplyApy;
    in.nativeYield = plan.collateral.nativeYield;
    in.borrowApy = plan.borrow.borrowApy;
    in.maxLeverage = maxLeverage(plan.collateral.ltv);
    in.equityUsd = result.position.equityUsd;
    in.priceAUsd = plan.collateral.priceUsd;
    in.priceBUsd = plan.borrow.priceUsd;
    if (const Market *market = plan.market.isEmpty() ? nullptr : markets.find(plan.market)) {
        in.borrowReserve = reserveState(*market, plan.borrow.symbol);
        in.collateralReserve = reserveState(*market, plan.collateral.symbol);
    }
    return in;
}

double closingCostNowUsd(const PlanResult &result)
{
    const Plan &plan = result.plan;
    CloseOptions options;
    for (CloseMethod method : {CloseMethod::FlashClose, CloseMethod::SellToRepay}) {
        options.method = method;
        const Expected<CloseResult> close =
            unwindPosition(plan, result.opened.collateral, result.opened.debt, plan.collateral.priceUsd,
                           plan.borrow.priceUsd, options);
        if (close)
            return close->costs.totalUsd();
    }
    return kNaN;
}

double proceedsIfClosedNowUsd(const PlanResult &result)
{
    if (!(result.opened.debt > 0))
        return result.position.equityUsd;
    return result.position.equityUsd - closingCostNowUsd(result);
}

CarryResult planCarry(const PlanResult &result, const MarketRegistry &markets)
{
    const double closing = result.opened.debt > 0 ? closingCostNowUsd(result) : 0.0;
    return computeCarry(carryInputs(result, markets), result.position.leverage,
                        result.opened.costs.totalUsd() + (std::isfinite(closing) ? closing : 0.0));
}

RatePathResult borrowRatePath(const CarryInputs &in, const RateStrategy &strategy, double planLeverage,
                              double utilization, int days, int horizonDays)
{
    RatePathResult out;
    out.utilization = utilization;
    out.horizonDays = std::max(horizonDays, 1);
    out.days = std::clamp(days, 0, out.horizonDays);
    CarryInputs constant = in;
    constant.borrowReserve.reset();
    const CarryPoint after = carryAt(constant, planLeverage);
    constant.borrowApy = aprToApy(borrowRate(strategy, utilization));
    const CarryPoint during = carryAt(constant, planLeverage);
    out.borrowApyDuring = during.borrowApy;
    out.netApyDuring = during.netApy;
    out.netApyAfter = after.netApy;
    out.averageNetApy =
        (during.netApy * out.days + after.netApy * (out.horizonDays - out.days)) / out.horizonDays;
    out.extraInterestUsd =
        (planLeverage - 1.0) * in.equityUsd * (during.borrowApy - after.borrowApy) * out.days / 365.0;
    return out;
}

} // namespace lp
