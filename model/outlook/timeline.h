#pragma once

#include "opening.h"
#include "plan.h"

#include <limits>
#include <optional>
#include <vector>

namespace lp {

// Incentive APRs (reward-token emissions on a market, added to the net APY). They are paid in
// a separate reward token that the user claims, so they add to the net APY and to the P&L but never to
// the collateral or the debt: HF and the liquidation price ignore them. APR, not APY: rewards do not
// compound inside the position. Both are rewards to the user (a positive borrowApr lowers the cost of
// the debt).
struct Incentives {
    double supplyApr = 0.0; // on the collateral's USD value
    double borrowApr = 0.0; // on the debt's USD value
    friend bool operator==(const Incentives &, const Incentives &) = default;
};

// Net APY on equity at the opening prices, in parts that sum to `total`:
// (CV (supplyApy + nativeYield) - DV borrowApy + CV incSupply + DV incBorrow) / E.
struct NetApyBreakdown {
    double supply = 0;      // CV supplyApy / E
    double nativeYield = 0; // CV nativeYield / E
    double borrowCost = 0;  // -DV borrowApy / E (negative while borrowing costs something)
    double incentives = 0;  // (CV supplyApr + DV borrowApr) / E
    double total = 0;
};

// One day of the position at fixed prices (today's unless TimelineOptions says otherwise): PositionFigures
// of the accrued amounts at those prices (a base, as in LoopStep), then the day's own figures.
// collateral = C (1 + supplyApy)^(T/365) (1 + nativeYield)^(T/365), debt = D (1 + borrowApy)^(T/365);
// liquidationPriceUsd is NaN when B tracks A (use the ratio).
struct TimelinePoint : PositionFigures {
    int day = 0;
    double incentivesUsd = 0;  // rewards accrued since day 0 (outside the position)
    double pnlUsd = 0;         // equity + incentives - (deposit value at open + opening gas)
    double holdCollateral = 0; // x0 (1 + nativeYield)^(T/365): an LST holder still earns staking
    double holdValueUsd = 0;
    double holdPnlUsd = 0; // hold value - deposit value at open
};

struct TimelineOptions {
    int horizonDays = -1;                                        // < 0: the plan's horizonDays
    double priceAUsd = std::numeric_limits<double>::quiet_NaN(); // NaN: the plan's price ("today's price")
    double priceBUsd = std::numeric_limits<double>::quiet_NaN(); // NaN: the plan's price
    Incentives incentives;
};

struct Timeline {
    std::vector<TimelinePoint> points; // days 0..horizon
    NetApyBreakdown netApy;
    std::optional<double> daysToLiquidation; // at the timeline's prices; nullopt = never
    double priceAUsd = 0;
    double priceBUsd = 0;
    double depositValueUsd = 0; // x0 x the plan's (opening) price of A
    double costBasisUsd = 0;    // deposit value + opening gas
};

// Growth factors per year: gA = (1 + supplyApy)(1 + nativeYield), gB = 1 + borrowApy.
[[nodiscard]] double collateralGrowth(const Plan &plan);
[[nodiscard]] double debtGrowth(const Plan &plan);
// Units after `days` of compounding: amount x growth^(days / 365).
[[nodiscard]] double accrue(double amount, double annualGrowth, double days);
// Integral of amount x growth^(t/365) over t in [0, days], in years: how APR rewards accrue on a
// compounding balance (closed form; amount x days / 365 when growth is 1).
[[nodiscard]] double accruedYears(double annualGrowth, double days);

[[nodiscard]] NetApyBreakdown netApyBreakdown(const Plan &plan, double collateral, double debt, double priceA,
                                              double priceB, const Incentives &incentives = {});

// Days until HF reaches 1 at fixed prices: solves C gA^(t/365) pa lt = D gB^(t/365) pb, i.e.
// t = 365 ln(HF) / ln(gB / gA). 0 when HF <= 1 already; nullopt ("never") without debt or when the
// collateral grows at least as fast as the debt.
[[nodiscard]] std::optional<double> daysToLiquidation(const Plan &plan, double collateral, double debt,
                                                      double priceA, double priceB);

// The position day by day from the opened position, at today's prices.
[[nodiscard]] Timeline computeTimeline(const Plan &plan, const OpenedPosition &opened,
                                       const TimelineOptions &options = {});

// P&L in USD on a price x day grid (rows: prices, columns: days) for the heatmap of issue 6: the
// position accrues to the day, then Token A falls (or rises) to the price as a continuous path, with
// the same Aave v3.0 partial liquidations as the price sweep. P&L = equity - deposit value - opening gas.
struct PnlGrid {
    std::vector<double> pricesUsd;
    std::vector<int> days;
    std::vector<double> pnlUsd; // row-major: pnlUsd[row * days.size() + column]
    [[nodiscard]] double at(size_t priceRow, size_t dayColumn) const
    {
        return pnlUsd[priceRow * days.size() + dayColumn];
    }
};
[[nodiscard]] PnlGrid pnlGrid(const Plan &plan, const OpenedPosition &opened, std::vector<double> pricesUsd,
                              std::vector<int> days);

} // namespace lp
