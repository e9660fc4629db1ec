#include "liquidation.h"

#include "position.h"

#include <algorithm>

namespace lp {

LiquidationEvent liquidateOnce(double *collateral, double *debt, double priceA, const LiquidationParams &p)
{
    LiquidationEvent e;
    e.priceUsd = priceA;
    e.healthFactorBefore = healthFactor(*collateral, *debt, priceA, p.priceB, p.liquidationThreshold);
    e.closeFactor = e.healthFactorBefore < p.rules.fullCloseBelowHealthFactor ? 1.0 : p.rules.closeFactor;
    double repaid = *debt * e.closeFactor;
    // Seized collateral = repaid x P_B x (1 + bonus) / P_A
    // (LiquidationLogic._calculateAvailableCollateralToLiquidate).
    double seized = repaid * p.priceB * (1.0 + p.liquidationBonus) / priceA;
    if (seized > *collateral) {
        seized = *collateral;
        repaid = seized * priceA / (p.priceB * (1.0 + p.liquidationBonus));
    }
    *collateral -= seized;
    *debt -= repaid;
    e.debtRepaid = repaid;
    e.collateralSeized = seized;
    e.penaltyUsd = seized * priceA - repaid * p.priceB;
    e.collateralAfter = *collateral;
    e.debtAfter = *debt;
    return e;
}

FallingPathLiquidator::FallingPathLiquidator(double collateral, double debt, LiquidationParams params)
    : m_collateral(collateral), m_debt(debt), m_dustDebt(debt * 1e-12), m_params(params)
{
}

void FallingPathLiquidator::advanceTo(double priceA)
{
    // Each liquidation at HF = 1 leaves HF = 2 - (1 + bonus) lt > 1 (validation keeps lt (1 + bonus) < 1),
    // so the next liquidation price is lower by the factor 1 / (2 - (1 + bonus) lt): the loop ends. The
    // guards stop it on dust debt or exhausted collateral.
    for (int guard = 0; guard < 100000 && m_debt > m_dustDebt && m_collateral > 0.0; ++guard) {
        const double liq =
            liquidationPrice(m_collateral, m_debt, m_params.priceB, m_params.liquidationThreshold);
        if (!(priceA < liq))
            return;
        LiquidationEvent e = liquidateOnce(&m_collateral, &m_debt, liq, m_params);
        // At the crossing HF is 1 by definition; rounding must not switch on the 100 % close factor.
        e.healthFactorBefore = 1.0;
        m_events.push_back(e);
    }
}

std::vector<LiquidationEvent> liquidateAfterGap(double *collateral, double *debt, double priceA,
                                                const LiquidationParams &p)
{
    std::vector<LiquidationEvent> events;
    for (int guard = 0; guard < 1000 && *debt > 0.0 && *collateral > 0.0; ++guard) {
        if (healthFactor(*collateral, *debt, priceA, p.priceB, p.liquidationThreshold) >= 1.0)
            break;
        events.push_back(liquidateOnce(collateral, debt, priceA, p));
    }
    return events;
}

} // namespace lp
