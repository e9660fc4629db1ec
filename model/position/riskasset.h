#pragma once

#include "plan.h"

#include <QString>

namespace lp {

// Which price moves, the axis every risk figure and chart of a plan runs against:
//  - Collateral: Token A's USD price, B's held (a long: WETH against USDC);
//  - Borrow: B's USD price, A's held (a short: USDC against WETH; the risk is B rising);
//  - Ratio: the A/B price ratio (a correlated pair: wstETH against WETH; the risk is a depeg).
// A plan's RiskAsset::Auto picks one from its price model and assets (effectiveRiskAsset).

// A stablecoin by its symbol (USDC, USDT, DAI, GHO, ...; any symbol containing "USD" or "EUR")
// and a price within 10 % of a dollar or a euro-like peg (0.9 to 1.3 USD).
[[nodiscard]] bool looksStable(const QString &symbol, double priceUsd);

// The plan's own choice, or with Auto: Ratio when B tracks A, Borrow when A is a stablecoin and B is
// not (a short), Collateral otherwise.
[[nodiscard]] RiskAsset effectiveRiskAsset(const Plan &plan);

// The symbol of the risk asset's axis: "WETH", "USDC" or "wstETH/WETH".
[[nodiscard]] QString riskAxisSymbol(const Plan &plan);

// Spot on the risk axis: Token A's price, B's price, or PA / PB.
[[nodiscard]] double riskSpot(const Plan &plan);

// Token A's and B's USD prices when the risk asset stands at x on its axis, the other price held at the
// plan's (for Ratio, B held: A = x PB).
struct PricePair {
    double priceA = 0;
    double priceB = 0;
};
[[nodiscard]] PricePair pricesAtRisk(const Plan &plan, double x);

// The volatility of the price that moves: risk.ratioVolatility for the ratio, risk.annualVolatility
// otherwise; and setting it (the heatmap's volatility axis).
[[nodiscard]] double riskVolatility(const Plan &plan);
void setRiskVolatility(Plan *plan, double volatility);

// The risk asset's value at which HF = 1 for C units of A and D of B at the plan's prices:
// Collateral D PB / (C lt); Borrow C PA lt / D; Ratio D / (C lt). 0 with no debt.
[[nodiscard]] double riskLiquidationValue(const Plan &plan, double collateral, double debt,
                                          double liquidationThreshold);

} // namespace lp
