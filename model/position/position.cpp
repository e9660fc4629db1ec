#include "position.h"

#include "riskasset.h"

#include <cmath>
#include <limits>

namespace lp {

double healthFactor(double collateral, double debt, double priceA, double priceB, double lt)
{
    if (debt <= 0.0)
        return std::numeric_limits<double>::infinity();
    return collateral * priceA * lt / (debt * priceB);
}

double liquidationPrice(double collateral, double debt, double priceB, double lt)
{
    if (debt <= 0.0)
        return 0.0;
    if (collateral <= 0.0)
        return std::numeric_limits<double>::infinity();
    return debt * priceB / (collateral * lt);
}

double maxLeverage(double ltv)
{
    return ltv < 1.0 ? 1.0 / (1.0 - ltv) : std::numeric_limits<double>::infinity();
}

PositionFigures positionFigures(double collateral, double debt, double priceA, double priceB,
                                const Plan &plan)
{
    const double lt = plan.collateral.liquidationThreshold;
    PositionFigures f;
    f.collateral = collateral;
    f.debt = debt;
    f.collateralUsd = collateral * priceA;
    f.debtUsd = debt * priceB;
    f.equityUsd = f.collateralUsd - f.debtUsd;
    f.leverage = f.equityUsd > 0 ? f.collateralUsd / f.equityUsd : std::numeric_limits<double>::infinity();
    f.ltv = f.collateralUsd > 0 ? f.debtUsd / f.collateralUsd : 0.0;
    f.healthFactor = healthFactor(collateral, debt, priceA, priceB, lt);
    f.liquidationRatio = liquidationPrice(collateral, debt, 1.0, lt);
    if (effectiveRiskAsset(plan) == RiskAsset::Borrow)
        // A short: the debt asset's USD price at which HF = 1, Token A's held.
        f.liquidationPriceUsd = debt > 0.0 ? collateral * priceA * lt / debt : 0.0;
    else
        f.liquidationPriceUsd = plan.borrow.priceModel == PriceModel::Fixed
                                    ? liquidationPrice(collateral, debt, priceB, lt)
                                    : std::numeric_limits<double>::quiet_NaN();
    // Same in both price models: 1 - (pa/pb)_liq / (pa/pb).
    f.distanceToLiquidation = 1.0 - f.liquidationRatio * priceB / priceA;
    const double earn = f.collateralUsd * (plan.collateral.supplyApy + plan.collateral.nativeYield);
    const double pay = f.debtUsd * plan.borrow.borrowApy;
    f.netApy = f.equityUsd > 0 ? (earn - pay) / f.equityUsd : std::numeric_limits<double>::quiet_NaN();
    return f;
}

} // namespace lp
