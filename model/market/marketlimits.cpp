#include "marketlimits.h"

#include "marketregistry.h"
#include "opening.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

std::vector<MarketLimit> marketLimits(const Plan &plan, double collateral, double debt,
                                      const Reserve *collateralReserve, const Reserve *borrowReserve)
{
    std::vector<MarketLimit> out;
    if (borrowReserve && borrowReserve->onChain && debt > 0) {
        const ReserveChainData &b = *borrowReserve->onChain;
        const QString &sym = plan.borrow.symbol;
        if (b.borrowCap > 0)
            out.push_back({QStringLiteral("borrow cap of %1").arg(sym), sym, debt,
                           std::max(0.0, b.borrowCap - b.totalDebt), b.borrowCap, b.totalDebt});
        out.push_back({QStringLiteral("available liquidity of %1").arg(sym), sym, debt,
                       std::max(0.0, b.availableLiquidity), 0.0, b.totalDebt});
    }
    if (collateralReserve && collateralReserve->onChain && collateralReserve->onChain->supplyCap > 0) {
        const ReserveChainData &a = *collateralReserve->onChain;
        const QString &sym = plan.collateral.symbol;
        out.push_back({QStringLiteral("supply cap of %1").arg(sym), sym, collateral,
                       std::max(0.0, a.supplyCap - a.totalSupply), a.supplyCap, a.totalSupply});
    }
    return out;
}

double largestDepositThatFits(const Plan &plan, const std::vector<MarketLimit> &limits)
{
    double best = std::numeric_limits<double>::infinity();
    for (const MarketLimit &l : limits) {
        if (l.need > 0)
            best = std::min(best, plan.deposit * l.room / l.need);
    }
    return best;
}

namespace {

// Whether the plan at `deposit` opens within every limit.
bool fitsAt(const Plan &plan, double deposit, const Reserve *collateralReserve, const Reserve *borrowReserve)
{
    Plan sized = plan;
    sized.deposit = deposit;
    const Expected<OpenedPosition> opened = openPosition(sized);
    if (!opened)
        return false;
    const std::vector<MarketLimit> limits =
        marketLimits(sized, opened->collateral, opened->debt, collateralReserve, borrowReserve);
    return std::all_of(limits.begin(), limits.end(), [](const MarketLimit &l) { return l.need <= l.room; });
}

} // namespace

double largestFittingDeposit(const Plan &plan, const Reserve *collateralReserve, const Reserve *borrowReserve)
{
    const Expected<OpenedPosition> opened = openPosition(plan);
    if (!opened)
        return std::numeric_limits<double>::quiet_NaN();
    const double linear = largestDepositThatFits(
        plan, marketLimits(plan, opened->collateral, opened->debt, collateralReserve, borrowReserve));
    if (plan.priceImpact.model == ImpactModel::None || !std::isfinite(linear))
        return linear;
    if (fitsAt(plan, plan.deposit, collateralReserve, borrowReserve))
        return plan.deposit; // the plan itself fits; larger deposits are not asked about
    double lo = 0.0;
    double hi = plan.deposit;
    while (hi - lo > 1e-12 * plan.deposit)
        (fitsAt(plan, 0.5 * (lo + hi), collateralReserve, borrowReserve) ? lo : hi) = 0.5 * (lo + hi);
    return lo;
}

namespace {

// Eight significant digits: enough to compare with a block explorer, short enough to read.
QString amount(double value)
{
    return QString::number(value, 'g', 8);
}

} // namespace

ValidationErrors checkMarketLimits(const PlanResult &result, const MarketRegistry &markets)
{
    const Plan &plan = result.plan;
    const Market *market = plan.market.isEmpty() ? nullptr : markets.find(plan.market);
    if (!market)
        return {};
    const std::vector<MarketLimit> limits =
        marketLimits(plan, result.opened.collateral, result.opened.debt,
                     market->reserve(plan.collateral.symbol), market->reserve(plan.borrow.symbol));
    const double largest = largestFittingDeposit(plan, market->reserve(plan.collateral.symbol),
                                                 market->reserve(plan.borrow.symbol));
    ValidationErrors errors;
    for (const MarketLimit &l : limits) {
        if (l.need <= l.room)
            continue;
        const QString used =
            l.cap > 0 ? QStringLiteral(" (cap %1, %2 in use)").arg(amount(l.cap), amount(l.used)) : QString();
        errors.append({QStringLiteral("deposit"),
                       QStringLiteral("the plan needs %1 %2 but the %3 leaves %4 %2%5; the largest deposit "
                                      "that fits is %6 %7")
                           .arg(amount(l.need), l.symbol, l.name, amount(l.room), used, amount(largest),
                                plan.collateral.symbol)});
    }
    return errors;
}

} // namespace lp
