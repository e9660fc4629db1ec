#include "rulesetexplain.h"

#include "displayformat.h"
#include "engine.h"
#include "liquidation.h"

#include <QCoreApplication>

namespace lp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::rulesetexplain", text);
}

} // namespace

QString ruleSetParagraph(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const double pb = plan.borrow.priceUsd;
    const LiquidationParams p = liquidationParams(plan, pb);
    const LiquidationRuleParams &rp = p.rules.params;
    const double c = result.opened.collateral;
    const double d = result.opened.debt;
    const QString debt = display::units(d, plan.borrow.symbol);
    const QString debtUsd = display::usd(d * pb);
    const QString at = display::usd(liquidationTriggerPrice(c, d, p));
    const QString lt = display::percent(plan.collateral.liquidationThreshold, 1);
    const QString name = toString(plan.liquidationRules);
    switch (plan.liquidationRules) {
    case LiquidationRuleSet::AaveV30:
        return tr("This plan follows %1: once the health factor falls below 1 (%2 at %3), a liquidator may "
                  "repay 50 % of your %4 of debt, or all of it once HF is below 0.95, and takes collateral "
                  "worth what it repaid plus the %5 bonus. Debt left without collateral stays yours.")
            .arg(name, plan.collateral.symbol, at, debt,
                 display::percent(plan.collateral.liquidationBonus, 2));
    case LiquidationRuleSet::AaveV33:
    case LiquidationRuleSet::AaveV36:
    case LiquidationRuleSet::AaveV37: {
        const bool large = d * pb >= p.rules.minPositionUsdForCloseFactor &&
                           c * plan.collateral.priceUsd >= p.rules.minPositionUsdForCloseFactor;
        return tr("This plan follows %1: once the health factor falls below 1 (%2 at %3), a liquidator may "
                  "repay all of the debt, or only 50 % while collateral and debt are both worth $2,000 and "
                  "HF stays above 0.95, leaving at least $1,000 of each. Your debt is %4, so the first call "
                  "repays %5. Collateral worth the repaid debt plus the %6 bonus goes; debt left without "
                  "collateral is written off.")
            .arg(name, plan.collateral.symbol, at, debtUsd, large ? tr("half of it") : tr("all of it"),
                 display::percent(plan.collateral.liquidationBonus, 2));
    }
    case LiquidationRuleSet::AaveV4:
        return tr("This plan follows %1: once the health factor falls below 1 (%2 at %3), a liquidator "
                  "repays "
                  "just enough of your %4 of debt to bring HF back to %5. The bonus rises as health falls, "
                  "from %6 at HF 1 to %7 at HF %8. Borrowing costs the base rate times (1 + your risk "
                  "premium of %9).")
            .arg(name, plan.collateral.symbol, at, debt, display::number(rp.targetHealthFactor, 2),
                 display::percent(bonusAt(p, 1.0), 2), display::percent(plan.collateral.liquidationBonus, 2),
                 display::number(rp.healthFactorForMaxBonus, 2), display::percent(rp.riskPremium, 1));
    case LiquidationRuleSet::MorphoBlue:
        return tr("This plan follows %1: once the loan-to-value reaches the LLTV of %2 (%3 at %4), a "
                  "liquidator may repay all of your %5 of debt and takes collateral worth %6 times it "
                  "(min(1.15, 1 / (0.3 LLTV + 0.7))). Debt left without collateral is bad debt, realised at "
                  "once.")
            .arg(name, lt, plan.collateral.symbol, at, debt,
                 display::number(morphoIncentiveFactor(plan.collateral.liquidationThreshold), 4));
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        return tr("This plan follows %1: from an LTV of %2 (%3 at %4) a pre-liquidation may repay %5 to %6 "
                  "of "
                  "your %7 of debt with an incentive of %8 to %9, rising as LTV nears the LLTV of %10; past "
                  "the LLTV Morpho Blue's own liquidation may repay all of it.")
            .arg(name, display::percent(triggerLtv(p), 1), plan.collateral.symbol, at,
                 display::percent(rp.preCloseFactor1, 0), display::percent(rp.preCloseFactor2, 0), debt,
                 display::number(rp.preIncentiveFactor1, 3), display::number(rp.preIncentiveFactor2, 3))
            .arg(lt);
    }
    return {};
}

} // namespace lp
