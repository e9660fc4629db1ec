#pragma once

#include "engine.h"
#include "ratemodel.h"

#include <optional>
#include <vector>

namespace lp {

class MarketRegistry;

// Carry: what the loop earns on its equity as a function of leverage, with the position's own borrow
// (and supply) moving the reserves' utilization up (and down) their kinked rate curves.
//
// Per unit of equity E at leverage L the collateral is worth L E and the debt (L - 1) E, so
//   net APY(L) = y(L) L - b(L) (L - 1)
// with y the collateral's supply APY plus native yield and b the borrow APY. Without a reserve state both
// are the plan's constants; with one, b(L) = APY of borrowRate(U_B(L)), U_B(L) = (debt + (L - 1) E / PB)
// / supply of B's reserve, and y's supply part = APY of borrowRate(U_A) U_A (1 - reserveFactor) at
// U_A(L) = debt / (supply + L E / PA) of A's reserve.

// A reserve's rate strategy and size, in whole tokens (a fetched market's state, fetchedmarket.h).
struct ReserveState {
    RateStrategy strategy;
    double reserveFactor = 0;
    double totalSupply = 0;
    double totalDebt = 0;
    [[nodiscard]] double utilization() const { return totalSupply > 0 ? totalDebt / totalSupply : 0.0; }
};

struct CarryInputs {
    double supplyApy = 0;   // A's, used when there is no collateral reserve state
    double nativeYield = 0; // A's staking yield: not moved by utilization
    double borrowApy = 0;   // B's, used when there is no borrow reserve state
    double maxLeverage = 1; // 1 / (1 - ltv): the curve runs from 1x to here
    double equityUsd = 0;   // E, the size the own-utilization shift is computed for
    double priceAUsd = 1;
    double priceBUsd = 1;
    std::optional<ReserveState> borrowReserve;     // B's reserve: own borrow raises its utilization
    std::optional<ReserveState> collateralReserve; // A's reserve: own supply lowers its utilization
};

struct CarryPoint {
    double leverage = 1;
    double netApy = 0;             // y L - b (L - 1)
    double borrowApy = 0;          // b at this leverage
    double collateralYield = 0;    // y at this leverage (supply APY + native yield)
    double borrowUtilization = 0;  // U_B after the own borrow; NaN without a reserve state
    bool exceedsLiquidity = false; // the own borrow would need more than the reserve has (U_B > 1)
};

// How the plan's own position moves its reserves, at the plan's leverage.
struct OwnUtilizationImpact {
    double borrowUtilizationBefore = 0;
    double borrowUtilizationAfter = 0;
    double borrowApyBefore = 0;
    double borrowApyAfter = 0;
    bool hasCollateralReserve = false;
    double supplyApyBefore = 0; // A's supply APY (without native yield)
    double supplyApyAfter = 0;
};

struct CarryResult {
    std::vector<CarryPoint> byLeverage; // ascending, 1x to the maximum
    CarryPoint atPlan;                  // at the plan's leverage
    double holdApy = 0;                 // y at 1x: the deposit simply supplied to the market
    // The borrow APY above which the loop earns less than holding: (y(L) L - y(1)) / (L - 1) at the
    // plan's leverage; y with constant rates. NaN without debt (L = 1).
    double breakEvenBorrowApy = 0;
    double costsUsd = 0;    // opening plus closing costs
    double paybackDays = 0; // costs / (E net APY / 365); +infinity when the carry is not positive
    std::optional<OwnUtilizationImpact> ownUtilization; // with a borrow reserve state
};

[[nodiscard]] CarryPoint carryAt(const CarryInputs &in, double leverage);

// The curve at `points` leverages from 1x to in.maxLeverage (at least 2), and the figures at planLeverage.
[[nodiscard]] CarryResult computeCarry(const CarryInputs &in, double planLeverage, double costsUsd,
                                       int points = 41);

// The plan's inputs: its rates, prices, equity and max LTV; the reserve states from its market when the
// market holds a rate strategy and a fetched reserve size for the asset (else constant rates).
[[nodiscard]] CarryInputs carryInputs(const PlanResult &result, const MarketRegistry &markets);

// What closing right now at today's prices would cost (a flash close; selling to repay when the flash close
// is impossible): swap fees, slippage, premium and gas. NaN when neither close works.
[[nodiscard]] double closingCostNowUsd(const PlanResult &result);

// Equity minus closingCostNowUsd: what closing right now pays out (at most the equity). NaN when neither
// close works; the equity itself without debt.
[[nodiscard]] double proceedsIfClosedNowUsd(const PlanResult &result);

// The plan's carry: carryInputs, at its leverage, with its opening costs plus closingCostNowUsd.
[[nodiscard]] CarryResult planCarry(const PlanResult &result, const MarketRegistry &markets);

// A borrow-rate path: B's rate strategy pushed to `utilization` for `days` days, then back to the plan's
// borrow APY, over a `horizonDays` horizon at the plan's leverage.
struct RatePathResult {
    double utilization = 0;
    int days = 0;
    int horizonDays = 0;
    double borrowApyDuring = 0;
    double netApyDuring = 0;
    double netApyAfter = 0;
    double averageNetApy = 0;    // (during x days + after x (horizon - days)) / horizon
    double extraInterestUsd = 0; // (L - 1) E (b_during - b) days / 365
};
[[nodiscard]] RatePathResult borrowRatePath(const CarryInputs &in, const RateStrategy &strategy,
                                            double planLeverage, double utilization, int days,
                                            int horizonDays);

} // namespace lp
