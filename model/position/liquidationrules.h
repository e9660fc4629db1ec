#pragma once

// The liquidation rules a plan names, apart from the liquidation math (liquidation.h), so that plan.h can
// hold them without including the math, which itself needs the position's formulas (position.h).
// This file and liquidationrules.cpp are the one place in the engine that knows protocol names: every
// liquidation site asks the rule set how a call is sized and priced (docs/architecture.md, "Liquidation
// rules").
#include <QString>
#include <QStringList>

namespace lp {

// Which protocol's liquidation logic a market runs. ZeroLend's 2023 markets predate Aave v3.1 and run
// v3.0; Aave v3 Ethereum runs v3.3 or later; Aave V4 spokes; Morpho Blue markets, with or without a
// borrower-authorised pre-liquidation contract.
enum class LiquidationRuleSet {
    AaveV30,
    AaveV33, // v3.3 to v3.5
    AaveV36,
    AaveV37,
    AaveV4,
    MorphoBlue,
    MorphoBluePreLiquidation,
};

// Every rule set, in the order the pickers list them.
inline constexpr LiquidationRuleSet allLiquidationRuleSets[] = {
    LiquidationRuleSet::AaveV30,
    LiquidationRuleSet::AaveV33,
    LiquidationRuleSet::AaveV36,
    LiquidationRuleSet::AaveV37,
    LiquidationRuleSet::AaveV4,
    LiquidationRuleSet::MorphoBlue,
    LiquidationRuleSet::MorphoBluePreLiquidation,
};

// File spellings: "aave-v3.0", "aave-v3.3", "aave-v3.6", "aave-v3.7", "aave-v4", "morpho-blue",
// "morpho-blue-preliquidation".
[[nodiscard]] QString toString(LiquidationRuleSet rules);
[[nodiscard]] bool liquidationRuleSetFromString(const QString &text, LiquidationRuleSet *out);
// Every spelling, for the readers' "must be one of" messages.
[[nodiscard]] QStringList liquidationRuleSetSpellings();
// One line for a person: "Aave v3.3-3.5: 100 % close factor below $2,000, $1,000 dust rule".
[[nodiscard]] QString describe(LiquidationRuleSet rules);
// The public source of the rule set's logic (a repository path or documentation URL).
[[nodiscard]] QString ruleSetSource(LiquidationRuleSet rules);

// The numbers a rule set needs beyond the collateral's threshold and bonus. A market supplies them
// (model/market); each has the protocol's published default.
struct LiquidationRuleParams {
    // Aave V4 (aave/aave-v4 docs/features/LiquidationEngine.md): a call repays just enough to bring HF to
    // targetHealthFactor; the bonus rises linearly from minLB = (maxLB - 1) x bonusFactor + 1 at HF = 1 to
    // maxLB at healthFactorForMaxBonus and below. maxLB is the collateral's liquidation bonus + 1.
    double targetHealthFactor = 1.05;
    double bonusFactor = 0.8;
    double healthFactorForMaxBonus = 0.85;
    // Aave V4: the user's risk premium, a share added to the base drawn rate: borrow rate = base x (1 + rp).
    double riskPremium = 0.0;
    // Morpho Blue pre-liquidation (morpho-org/pre-liquidation): from preLltv up to the LLTV, a call may
    // repay a close factor and pays an incentive factor that both rise linearly with the LTV.
    double preLltv = 0.0; // 0: none; must be below the LLTV (the collateral's liquidation threshold)
    double preCloseFactor1 = 0.1;
    double preCloseFactor2 = 0.5;
    double preIncentiveFactor1 = 1.01;
    double preIncentiveFactor2 = 1.02;
    // Share of the bonus that goes to the protocol (Aave's liquidation protocol fee; 0 on Morpho).
    double protocolFee = 0.1;
    friend bool operator==(const LiquidationRuleParams &, const LiquidationRuleParams &) = default;
};

// A rule set with its numbers, and the constants of its contracts.
struct LiquidationRules {
    LiquidationRuleSet ruleSet = LiquidationRuleSet::AaveV30;
    LiquidationRuleParams params;
    double closeFactor = 0.5;                    // Aave v3 DEFAULT_LIQUIDATION_CLOSE_FACTOR
    double fullCloseBelowHealthFactor = 0.95;    // Aave v3 CLOSE_FACTOR_HF_THRESHOLD
    double minPositionUsdForCloseFactor = 2000.; // v3.3 MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD
    double minLeftoverUsd = 1000.;               // v3.3 MIN_LEFTOVER_BASE, V4 DUST_LIQUIDATION_THRESHOLD
    double morphoMaxIncentiveFactor = 1.15;      // Morpho Blue MAX_LIQUIDATION_INCENTIVE_FACTOR
    double morphoCursor = 0.3;                   // Morpho Blue LIQUIDATION_CURSOR

    [[nodiscard]] static LiquidationRules forRuleSet(LiquidationRuleSet ruleSet,
                                                     const LiquidationRuleParams &params = {});
};

// What a liquidation needs to know of a position besides its amounts: B's price, the collateral's
// threshold and bonus, and the rules.
struct LiquidationParams {
    double priceB = 1;
    double liquidationThreshold = 0.8;
    double liquidationBonus = 0.05;
    LiquidationRules rules;
};

// One liquidation call's terms at a state, as the rule set sizes and prices it. Amounts in USD.
struct CallTerms {
    bool allowed = false; // the state is at or past the rules' trigger
    double closeFactor =
        0;               // the share of the debt the call may repay (V4: the share that reaches the target)
    double repayUsd = 0; // the debt value the maximal call repays, before the collateral cap
    double bonus = 0;    // the collateral seized is worth repaid x (1 + bonus)
};

// The LTV from which calls are allowed: the liquidation threshold, or preLltv under pre-liquidation.
[[nodiscard]] double triggerLtv(const LiquidationParams &p);
// The bonus a call pays at health factor hf (on the liquidation threshold): Aave v3's fixed bonus, V4's
// Dutch-auction bonus, Morpho's incentive factor - 1, or the pre-liquidation incentive at that LTV.
[[nodiscard]] double bonusAt(const LiquidationParams &p, double hf);
// The most a call can pay: V4's and Aave v3's maximum bonus, Morpho's incentive.
[[nodiscard]] double maxBonus(const LiquidationParams &p);
// Morpho Blue's liquidation incentive factor at an LLTV: min(1.15, 1 / (0.3 LLTV + 0.7)).
[[nodiscard]] double morphoIncentiveFactor(double lltv);
// The terms of the maximal call at a state (collateral and debt in USD). `atTrigger` treats the state as
// exactly at the trigger LTV (a falling path's crossing), so that rounding cannot make it not liquidatable.
[[nodiscard]] CallTerms callTerms(const LiquidationParams &p, double collateralUsd, double debtUsd,
                                  bool atTrigger = false);
// The same for an account with several assets, whose health factor is not the one pair's: the call repays
// the debt reserve (debtUsd) and seizes the collateral reserve (collateralUsd), at the account's health
// factor (p.liquidationThreshold is the account's weighted threshold). v3.3's $2,000 test looks at the two
// reserves; the trigger and V4's target at the account's health factor.
[[nodiscard]] CallTerms callTermsAtHealth(const LiquidationParams &p, double collateralUsd, double debtUsd,
                                          double healthFactor);
// Whether debt left with no collateral is written off at once (v3.3+, V4 deficit, Morpho's bad debt);
// under v3.0 it stays on the account.
[[nodiscard]] bool writesOffBadDebt(const LiquidationRules &r);
// Whether a partial call must leave minLeftoverUsd of collateral (v3.3+ and V4's dust rules).
[[nodiscard]] bool hasDustRule(const LiquidationRules &r);
// Under the dust rule, what a call that would leave less collateral does: V4 repays all of the debt
// (seizing what it takes), v3.3's liquidator repays the most that still leaves minLeftoverUsd.
[[nodiscard]] bool dustCallRepaysAllDebt(const LiquidationRules &r);
// Whether the health factor values a position in the protocol's favour (Aave v3.5 and later: the aave-v3.3
// rule set, which spans 3.3 to 3.5, and 3.6/3.7; aave-v3-origin docs/3.5/Aave-v3.5-features.md, "Rounding
// for User Position Valuation in Base Currency"): a balance in token base units (10^-decimals) and its value
// in base-currency units (1e-8 USD), collateral rounded down and debt rounded up.
[[nodiscard]] bool roundsHealthInProtocolsFavour(const LiquidationRules &r);
// The USD value the health factor counts for `units` of an asset with `decimals` at `priceUsd`: exact, or
// rounded as above when the rules say so. Amounts on the grid (to the doubles' precision) are not moved.
[[nodiscard]] double collateralValueForHealth(const LiquidationRules &r, double units, double priceUsd,
                                              int decimals);
[[nodiscard]] double debtValueForHealth(const LiquidationRules &r, double units, double priceUsd,
                                        int decimals);
// The base currency's unit on Aave v3 markets: USD with 8 decimals.
inline constexpr double kAaveBaseCurrencyUnitUsd = 1e-8;
// The share of a call's bonus that goes to the protocol (Aave's liquidation protocol fee; none on Morpho).
[[nodiscard]] double protocolFeeShare(const LiquidationRules &r);
// Whether an asset may belong to several e-mode categories (Aave v3.2+ liquid e-modes; not v3.0).
[[nodiscard]] bool allowsSeveralEModesPerAsset(LiquidationRuleSet r);
// The borrow rate a position pays on a base rate: V4 adds the user's risk premium (base x (1 + rp)).
[[nodiscard]] double borrowRateUnder(const LiquidationRules &r, double baseRate);

} // namespace lp
