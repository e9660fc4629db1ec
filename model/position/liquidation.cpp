#include "liquidation.h"

#include "computable.h"
#include "position.h"

#include <algorithm>

namespace lp {

namespace {

// The close factor the rules allow at this state (docs/markets.md, "Liquidation").
double closeFactorFor(const LiquidationRules &r, double healthFactorBefore, double collateralUsd,
                      double debtUsd)
{
    if (r.ruleSet == LiquidationRuleSet::AaveV30)
        return healthFactorBefore < r.fullCloseBelowHealthFactor ? 1.0 : r.closeFactor;
    // v3.3 LiquidationLogic l.270-345: 100 % unless both sides are worth >= $2,000 and HF > 0.95. With a
    // single debt reserve "50 % of the total debt" is 50 % of this reserve's debt.
    const bool large =
        collateralUsd >= r.minPositionUsdForCloseFactor && debtUsd >= r.minPositionUsdForCloseFactor;
    return large && healthFactorBefore > r.fullCloseBelowHealthFactor ? r.closeFactor : 1.0;
}

} // namespace

LiquidationEvent liquidateOnce(double *collateral, double *debt, double priceA, const LiquidationParams &p)
{
    LiquidationEvent e;
    e.priceUsd = priceA;
    e.healthFactorBefore = healthFactor(*collateral, *debt, priceA, p.priceB, p.liquidationThreshold);
    const double collateralUsd = *collateral * priceA;
    e.closeFactor = closeFactorFor(p.rules, e.healthFactorBefore, collateralUsd, *debt * p.priceB);
    double repaid = *debt * e.closeFactor;
    if (p.rules.ruleSet == LiquidationRuleSet::AaveV33 && e.closeFactor < 1.0) {
        // Dust rule: a partial liquidation must leave >= $1,000 of collateral (the 50 % cap on a debt of
        // >= $2,000 always leaves >= $1,000 of debt). The liquidator repays the most that still does.
        const double maxForLeftover =
            (collateralUsd - p.rules.minLeftoverUsd) / (p.priceB * (1.0 + p.liquidationBonus));
        repaid = std::max(0.0, std::min(repaid, maxForLeftover));
    }
    // Seized collateral = repaid x P_B x (1 + bonus) / P_A
    // (LiquidationLogic._calculateAvailableCollateralToLiquidate).
    double seized = repaid * p.priceB * (1.0 + p.liquidationBonus) / priceA;
    if (seized > *collateral) {
        seized = *collateral;
        repaid = seized * priceA / (p.priceB * (1.0 + p.liquidationBonus));
    }
    *collateral -= seized;
    *debt -= repaid;
    if (p.rules.ruleSet == LiquidationRuleSet::AaveV33 && *collateral <= 0.0 && *debt > 0.0) {
        // v3.3 bad debt: with no collateral left the remaining debt is burned and booked as a deficit.
        e.debtWrittenOff = *debt;
        *debt = 0.0;
    }
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
    // The cap on events bounds the work whatever the numbers: a sweep that reaches it is an error
    // (computePlan), never minutes of work or gigabytes of events.
    for (int guard = 0; guard < 100000 && m_debt > m_dustDebt && m_collateral > 0.0 &&
                        m_events.size() < static_cast<size_t>(limits::maxLiquidationEvents);
         ++guard) {
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
