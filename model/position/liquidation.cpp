#include "liquidation.h"

#include "computable.h"
#include "position.h"

#include <algorithm>

namespace lp {

LiquidationEvent liquidateOnce(double *collateral, double *debt, double priceA, const LiquidationParams &p,
                               bool atTrigger)
{
    LiquidationEvent e;
    e.priceUsd = priceA;
    e.healthFactorBefore = healthFactor(*collateral, *debt, priceA, p.priceB, p.liquidationThreshold);
    const double collateralUsd = *collateral * priceA;
    const CallTerms terms = callTerms(p, collateralUsd, *debt * p.priceB, atTrigger);
    if (!terms.allowed) {
        e.collateralAfter = *collateral;
        e.debtAfter = *debt;
        e.healthFactorAfter = e.healthFactorBefore;
        return e;
    }
    e.closeFactor = terms.closeFactor;
    e.bonus = terms.bonus;
    const double keep = p.priceB * (1.0 + terms.bonus); // USD of collateral seized per unit of B repaid
    double repaid = *debt * terms.closeFactor;
    if (hasDustRule(p.rules) && terms.closeFactor < 1.0) {
        // Dust rule: a partial liquidation must leave >= $1,000 of collateral (the 50 % cap on a debt of
        // >= $2,000 always leaves >= $1,000 of debt). v3.3's liquidator repays the most that still does;
        // V4 seizes all of the collateral instead (docs/features/LiquidationEngine.md, step 4).
        const double maxForLeftover = (collateralUsd - p.rules.minLeftoverUsd) / keep;
        if (repaid > maxForLeftover)
            repaid = dustCallRepaysAllDebt(p.rules) ? *debt : std::max(0.0, maxForLeftover);
    }
    // Seized collateral = repaid x P_B x (1 + bonus) / P_A
    // (LiquidationLogic._calculateAvailableCollateralToLiquidate).
    double seized = repaid * keep / priceA;
    if (seized > *collateral) {
        seized = *collateral;
        repaid = seized * priceA / keep;
    }
    *collateral -= seized;
    *debt -= repaid;
    if (writesOffBadDebt(p.rules) && *collateral <= 0.0 && *debt > 0.0) {
        // Bad debt: with no collateral left the remaining debt is written off (v3.3's deficit, V4's
        // reported deficit, Morpho's realised bad debt).
        e.debtWrittenOff = *debt;
        *debt = 0.0;
    }
    e.debtRepaid = repaid;
    e.collateralSeized = seized;
    e.penaltyUsd = seized * priceA - repaid * p.priceB;
    // The protocol's share of the bonus part: (seized - seized / (1 + bonus)) x fee.
    e.protocolFeeCollateral = (seized - seized / (1.0 + terms.bonus)) * protocolFeeShare(p.rules);
    e.collateralAfter = *collateral;
    e.debtAfter = *debt;
    e.healthFactorAfter = healthFactor(*collateral, *debt, priceA, p.priceB, p.liquidationThreshold);
    return e;
}

bool isLiquidatable(double collateral, double debt, double priceA, const LiquidationParams &p)
{
    // Aave: HF < 1; Morpho: LTV > LLTV; pre-liquidation: LTV > preLltv. All are HF on the trigger < 1.
    return debt > 0.0 && collateral > 0.0 &&
           healthFactor(collateral, debt, priceA, p.priceB, triggerLtv(p)) < 1.0;
}

double liquidationTriggerPrice(double collateral, double debt, const LiquidationParams &p)
{
    return liquidationPrice(collateral, debt, p.priceB, triggerLtv(p));
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
        const double liq = liquidationTriggerPrice(m_collateral, m_debt, m_params);
        if (!(priceA < liq))
            return;
        LiquidationEvent e = liquidateOnce(&m_collateral, &m_debt, liq, m_params, true);
        // At the crossing the position is at the trigger by definition (HF 1, or lt / preLltv); rounding
        // must not switch on the 100 % close factor.
        e.healthFactorBefore = m_params.liquidationThreshold / triggerLtv(m_params);
        m_events.push_back(e);
    }
}

std::vector<LiquidationEvent> liquidateAfterGap(double *collateral, double *debt, double priceA,
                                                const LiquidationParams &p)
{
    std::vector<LiquidationEvent> events;
    for (int guard = 0; guard < 1000 && *debt > 0.0 && *collateral > 0.0; ++guard) {
        if (!isLiquidatable(*collateral, *debt, priceA, p))
            break;
        const LiquidationEvent e = liquidateOnce(collateral, debt, priceA, p);
        if (!(e.debtRepaid > 0.0))
            break;
        events.push_back(e);
    }
    return events;
}

} // namespace lp
