#pragma once

#include "plan.h"

namespace lp {

// Risk figures of a position. C units of Token A as collateral, D units of B
// as debt, valued at prices pa and pb. HF = C pa lt / (D pb); with no debt HF is +infinity.
struct PositionFigures {
    double collateral = 0;            // units of A
    double debt = 0;                  // units of B
    double collateralUsd = 0;         // CV = C pa
    double debtUsd = 0;               // DV = D pb
    double equityUsd = 0;             // E = CV - DV
    double leverage = 1;              // CV / E
    double ltv = 0;                   // DV / CV
    double healthFactor = 0;          // CV lt / DV
    double liquidationPriceUsd = 0;   // D pb / (C lt); NaN when B's price tracks A (use the ratio);
                                      // a short (risk asset Borrow): B's price at HF = 1, C pa lt / D
    double liquidationRatio = 0;      // (pa/pb) at liquidation = D / (C lt)
    double distanceToLiquidation = 1; // 1 - liquidation ratio / current ratio
    double netApy = 0;                // (CV (supplyApy + nativeYield) - DV borrowApy) / E
};

[[nodiscard]] double healthFactor(double collateral, double debt, double priceA, double priceB, double lt);
[[nodiscard]] double liquidationPrice(double collateral, double debt, double priceB, double lt);

// The leverage that endless loops at the max LTV approach with free swaps: 1 / (1 - ltv).
[[nodiscard]] double maxLeverage(double ltv);

[[nodiscard]] PositionFigures positionFigures(double collateral, double debt, double priceA, double priceB,
                                              const Plan &plan);

} // namespace lp
