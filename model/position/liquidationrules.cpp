#include "liquidationrules.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lp {

QString toString(LiquidationRuleSet rules)
{
    switch (rules) {
    case LiquidationRuleSet::AaveV30:
        return QStringLiteral("aave-v3.0");
    case LiquidationRuleSet::AaveV33:
        return QStringLiteral("aave-v3.3");
    case LiquidationRuleSet::AaveV36:
        return QStringLiteral("aave-v3.6");
    case LiquidationRuleSet::AaveV37:
        return QStringLiteral("aave-v3.7");
    case LiquidationRuleSet::AaveV4:
        return QStringLiteral("aave-v4");
    case LiquidationRuleSet::MorphoBlue:
        return QStringLiteral("morpho-blue");
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        return QStringLiteral("morpho-blue-preliquidation");
    }
    return {};
}

bool liquidationRuleSetFromString(const QString &text, LiquidationRuleSet *out)
{
    for (const LiquidationRuleSet r : allLiquidationRuleSets) {
        if (text == toString(r)) {
            *out = r;
            return true;
        }
    }
    return false;
}

QStringList liquidationRuleSetSpellings()
{
    QStringList all;
    for (const LiquidationRuleSet r : allLiquidationRuleSets)
        all << toString(r);
    return all;
}

QString describe(LiquidationRuleSet rules)
{
    switch (rules) {
    case LiquidationRuleSet::AaveV30:
        return QStringLiteral("Aave v3.0: 50 % close factor, 100 % below HF 0.95, fixed bonus");
    case LiquidationRuleSet::AaveV33:
        return QStringLiteral("Aave v3.3-3.5: 100 % close factor (50 % above HF 0.95 on positions over "
                              "$2,000), $1,000 dust rule, bad debt written off, health factor rounded in the "
                              "protocol's favour (3.5)");
    case LiquidationRuleSet::AaveV36:
        return QStringLiteral("Aave v3.6: the v3.3 liquidation rules; LTV-0 collateral per e-mode adds no "
                              "borrowing power");
    case LiquidationRuleSet::AaveV37:
        return QStringLiteral(
            "Aave v3.7: the v3.3 liquidation rules; isolated e-modes replace isolation mode");
    case LiquidationRuleSet::AaveV4:
        return QStringLiteral("Aave V4: repays just enough to reach the target health factor, bonus rising "
                              "as health falls, risk premium on borrowing");
    case LiquidationRuleSet::MorphoBlue:
        return QStringLiteral("Morpho Blue: liquidatable at LTV >= LLTV, all of the debt may be repaid, "
                              "incentive min(1.15, 1 / (0.3 LLTV + 0.7)), bad debt realised");
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        return QStringLiteral("Morpho Blue with pre-liquidation: partial calls from the pre-LLTV with a "
                              "rising close factor and incentive, then Morpho Blue's rules");
    }
    return {};
}

QString ruleSetSource(LiquidationRuleSet rules)
{
    switch (rules) {
    case LiquidationRuleSet::AaveV30:
        return QStringLiteral(
            "github.com/aave/aave-v3-core contracts/protocol/libraries/logic/LiquidationLogic.sol");
    case LiquidationRuleSet::AaveV33:
        return QStringLiteral("github.com/aave-dao/aave-v3-origin docs/3.3/Aave-v3.3-features.md, "
                              "docs/3.5/Aave-v3.5-features.md");
    case LiquidationRuleSet::AaveV36:
        return QStringLiteral("github.com/aave-dao/aave-v3-origin docs/3.6");
    case LiquidationRuleSet::AaveV37:
        return QStringLiteral("github.com/aave-dao/aave-v3-origin docs/3.7");
    case LiquidationRuleSet::AaveV4:
        return QStringLiteral("github.com/aave/aave-v4 docs/features/LiquidationEngine.md");
    case LiquidationRuleSet::MorphoBlue:
        return QStringLiteral(
            "github.com/morpho-org/morpho-blue src/libraries/ConstantsLib.sol, docs.morpho.org");
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        return QStringLiteral("github.com/morpho-org/pre-liquidation");
    }
    return {};
}

LiquidationRules LiquidationRules::forRuleSet(LiquidationRuleSet ruleSet, const LiquidationRuleParams &params)
{
    LiquidationRules rules;
    rules.ruleSet = ruleSet;
    rules.params = params;
    return rules;
}

namespace {

bool isMorpho(LiquidationRuleSet r)
{
    return r == LiquidationRuleSet::MorphoBlue || r == LiquidationRuleSet::MorphoBluePreLiquidation;
}

bool hasPreLiquidation(const LiquidationParams &p)
{
    return p.rules.ruleSet == LiquidationRuleSet::MorphoBluePreLiquidation && p.rules.params.preLltv > 0.0 &&
           p.rules.params.preLltv < p.liquidationThreshold;
}

// Where ltv lies between preLltv and the LLTV, 0..1 (morpho-org/pre-liquidation PreLiquidation.sol).
double preQuotient(const LiquidationParams &p, double ltv)
{
    const double lo = p.rules.params.preLltv;
    return std::clamp((ltv - lo) / (p.liquidationThreshold - lo), 0.0, 1.0);
}

// Aave V4's Dutch-auction bonus at hf < 1 (docs/features/LiquidationEngine.md).
double v4Bonus(const LiquidationParams &p, double hf)
{
    const double maxLb = 1.0 + p.liquidationBonus;
    const double minLb = (maxLb - 1.0) * p.rules.params.bonusFactor + 1.0;
    const double hfMax = p.rules.params.healthFactorForMaxBonus;
    if (hf <= hfMax)
        return maxLb - 1.0;
    return minLb + (maxLb - minLb) * (1.0 - std::min(hf, 1.0)) / (1.0 - hfMax) - 1.0;
}

} // namespace

double morphoIncentiveFactor(double lltv)
{
    return std::min(1.15, 1.0 / (0.3 * lltv + 0.7));
}

double triggerLtv(const LiquidationParams &p)
{
    return hasPreLiquidation(p) ? p.rules.params.preLltv : p.liquidationThreshold;
}

double bonusAt(const LiquidationParams &p, double hf)
{
    const double lt = p.liquidationThreshold;
    switch (p.rules.ruleSet) {
    case LiquidationRuleSet::AaveV4:
        return v4Bonus(p, hf);
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        if (hasPreLiquidation(p) && hf >= 1.0) {
            const double q = preQuotient(p, lt / hf);
            const LiquidationRuleParams &r = p.rules.params;
            return r.preIncentiveFactor1 + q * (r.preIncentiveFactor2 - r.preIncentiveFactor1) - 1.0;
        }
        return morphoIncentiveFactor(lt) - 1.0;
    case LiquidationRuleSet::MorphoBlue:
        return morphoIncentiveFactor(lt) - 1.0;
    default:
        return p.liquidationBonus;
    }
}

double maxBonus(const LiquidationParams &p)
{
    if (isMorpho(p.rules.ruleSet))
        return std::max(morphoIncentiveFactor(p.liquidationThreshold) - 1.0,
                        hasPreLiquidation(p) ? p.rules.params.preIncentiveFactor2 - 1.0 : 0.0);
    return p.liquidationBonus;
}

namespace {

// The terms at a state whose LTV and health factor are given (they agree for one pair: hf = lt / ltv).
CallTerms termsAt(const LiquidationParams &p, double collateralUsd, double debtUsd, double ltv, double hf,
                  bool atTrigger)
{
    CallTerms t;
    const LiquidationRules &r = p.rules;
    const double lt = p.liquidationThreshold;
    const double trigger = triggerLtv(p);
    // A call is priced for any state at or past the trigger (LTV >= LLTV or preLltv, HF <= 1), so that a
    // call at the liquidation price itself can be computed; whether the protocol allows one is the strict
    // check (isLiquidatable: HF < 1, LTV > LLTV).
    t.allowed = atTrigger || ltv >= trigger;
    if (!t.allowed)
        return t;
    t.bonus = bonusAt(p, hf);
    switch (r.ruleSet) {
    case LiquidationRuleSet::AaveV30:
        t.closeFactor = hf < r.fullCloseBelowHealthFactor ? 1.0 : r.closeFactor;
        break;
    case LiquidationRuleSet::AaveV33:
    case LiquidationRuleSet::AaveV36:
    case LiquidationRuleSet::AaveV37: {
        // v3.3 LiquidationLogic l.270-345: 100 % unless both sides are worth >= $2,000 and HF > 0.95. With a
        // single debt reserve "50 % of the total debt" is 50 % of this reserve's debt.
        const bool large =
            collateralUsd >= r.minPositionUsdForCloseFactor && debtUsd >= r.minPositionUsdForCloseFactor;
        t.closeFactor = large && hf > r.fullCloseBelowHealthFactor ? r.closeFactor : 1.0;
        break;
    }
    case LiquidationRuleSet::AaveV4: {
        // l = D (THF - HF) / (THF - lb cf): the debt whose repayment brings HF to the target.
        const double thf = r.params.targetHealthFactor;
        const double denominator = thf - (1.0 + t.bonus) * lt;
        const double share = denominator > 0.0 ? (thf - hf) / denominator : 1.0;
        t.closeFactor = std::clamp(share, 0.0, 1.0);
        // Dust: a call that would leave less than $1,000 of debt repays all of it.
        if (debtUsd * (1.0 - t.closeFactor) < r.minLeftoverUsd)
            t.closeFactor = 1.0;
        break;
    }
    case LiquidationRuleSet::MorphoBlue:
        t.closeFactor = 1.0;
        break;
    case LiquidationRuleSet::MorphoBluePreLiquidation:
        if (hasPreLiquidation(p) && (atTrigger || ltv <= lt)) {
            const double q = preQuotient(p, ltv);
            t.closeFactor =
                r.params.preCloseFactor1 + q * (r.params.preCloseFactor2 - r.params.preCloseFactor1);
        } else {
            t.closeFactor = 1.0;
        }
        break;
    }
    t.repayUsd = debtUsd * t.closeFactor;
    return t;
}

// x rounded to a multiple of `step`, down or up. An x whose count of steps is within the doubles' own error
// of a whole number (1e-9 of a step, or 1e-13 relative for large counts) is that multiple, so that values
// already on the grid do not move.
double roundToStep(double x, double step, bool up)
{
    const double n = x / step;
    const double nearest = std::round(n);
    if (std::abs(n - nearest) <= std::max(1e-9, 1e-13 * std::abs(n)))
        return nearest * step;
    return (up ? std::ceil(n) : std::floor(n)) * step;
}

double valueForHealth(const LiquidationRules &r, double units, double priceUsd, int decimals, bool up)
{
    if (!roundsHealthInProtocolsFavour(r) || !(units > 0.0))
        return units * priceUsd;
    const double tokenUnit = std::pow(10.0, -std::clamp(decimals, 0, 36));
    return roundToStep(roundToStep(units, tokenUnit, up) * priceUsd, kAaveBaseCurrencyUnitUsd, up);
}

} // namespace

CallTerms callTerms(const LiquidationParams &p, double collateralUsd, double debtUsd, bool atTrigger)
{
    if (!(debtUsd > 0.0) || !(collateralUsd > 0.0))
        return {};
    const double trigger = triggerLtv(p);
    const double ltv = atTrigger ? trigger : debtUsd / collateralUsd;
    const double hf =
        atTrigger ? p.liquidationThreshold / trigger : collateralUsd * p.liquidationThreshold / debtUsd;
    return termsAt(p, collateralUsd, debtUsd, ltv, hf, atTrigger);
}

CallTerms callTermsAtHealth(const LiquidationParams &p, double collateralUsd, double debtUsd,
                            double healthFactor)
{
    if (!(debtUsd > 0.0) || !(collateralUsd > 0.0) || !(healthFactor > 0.0))
        return {};
    return termsAt(p, collateralUsd, debtUsd, p.liquidationThreshold / healthFactor, healthFactor, false);
}

bool writesOffBadDebt(const LiquidationRules &r)
{
    return r.ruleSet != LiquidationRuleSet::AaveV30;
}

bool hasDustRule(const LiquidationRules &r)
{
    return r.ruleSet == LiquidationRuleSet::AaveV33 || r.ruleSet == LiquidationRuleSet::AaveV36 ||
           r.ruleSet == LiquidationRuleSet::AaveV37 || r.ruleSet == LiquidationRuleSet::AaveV4;
}

bool dustCallRepaysAllDebt(const LiquidationRules &r)
{
    return r.ruleSet == LiquidationRuleSet::AaveV4;
}

bool roundsHealthInProtocolsFavour(const LiquidationRules &r)
{
    return r.ruleSet == LiquidationRuleSet::AaveV33 || r.ruleSet == LiquidationRuleSet::AaveV36 ||
           r.ruleSet == LiquidationRuleSet::AaveV37;
}

double collateralValueForHealth(const LiquidationRules &r, double units, double priceUsd, int decimals)
{
    return valueForHealth(r, units, priceUsd, decimals, false);
}

double debtValueForHealth(const LiquidationRules &r, double units, double priceUsd, int decimals)
{
    return valueForHealth(r, units, priceUsd, decimals, true);
}

double protocolFeeShare(const LiquidationRules &r)
{
    return isMorpho(r.ruleSet) ? 0.0 : r.params.protocolFee;
}

bool allowsSeveralEModesPerAsset(LiquidationRuleSet r)
{
    return r != LiquidationRuleSet::AaveV30;
}

double borrowRateUnder(const LiquidationRules &r, double baseRate)
{
    return r.ruleSet == LiquidationRuleSet::AaveV4 ? baseRate * (1.0 + r.params.riskPremium) : baseRate;
}

} // namespace lp
