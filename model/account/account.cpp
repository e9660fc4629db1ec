#include "account.h"

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

double roundDown(double value, double step)
{
    if (!(step > 0.0))
        return value;
    // A tiny allowance so that a weighted threshold of exactly 0.83 computed as 0.82999999999 stays 0.83.
    return std::floor(value / step + 1e-9) * step;
}

// The sums of the health factor, split between the assets that move and those that hold.
struct Sums {
    double collateral = 0.0; // USD that counts
    double threshold = 0.0;  // USD x liquidation threshold
    double debt = 0.0;       // USD
};

void add(Sums &s, const AccountAsset &a, double factor)
{
    const double c = a.collateralUsd() * factor;
    s.collateral += c;
    s.threshold += c * a.liquidationThreshold;
    s.debt += a.debtUsd() * factor;
}

// The weighted threshold with `factor` on the moving assets, rounded as the account rounds it.
double weightedThreshold(const Sums &hold, const Sums &move, double factor, double step)
{
    const double c = hold.collateral + factor * move.collateral;
    return c > 0.0 ? roundDown((hold.threshold + factor * move.threshold) / c, step) : 0.0;
}

} // namespace

qsizetype Account::indexOf(const QString &symbol) const
{
    for (qsizetype i = 0; i < assets.size(); ++i)
        if (assets[i].symbol == symbol)
            return i;
    return -1;
}

QStringList Account::groups() const
{
    QStringList out;
    for (const AccountAsset &a : assets) {
        if (a.group.isEmpty() || out.contains(a.group) || !(a.countsAsCollateral() || a.debt > 0.0))
            continue;
        const auto members = std::count_if(assets.begin(), assets.end(), [&](const AccountAsset &b) {
            return b.group == a.group && (b.countsAsCollateral() || b.debt > 0.0);
        });
        if (members >= 2)
            out << a.group;
    }
    return out;
}

AccountFigures accountFigures(const Account &account)
{
    AccountFigures f;
    double ltvSum = 0.0;
    double thresholdSum = 0.0;
    // Each asset valued as the rules value it for the health factor (rounded in the protocol's favour
    // from Aave v3.5 on, exact otherwise).
    const LiquidationRules rules = LiquidationRules::forRuleSet(account.liquidationRules);
    for (const AccountAsset &a : account.assets) {
        const double c = a.countsAsCollateral()
                             ? collateralValueForHealth(rules, a.collateral, a.priceUsd, a.decimals)
                             : 0.0;
        f.totalCollateralUsd += c;
        ltvSum += c * a.ltv;
        thresholdSum += c * a.liquidationThreshold;
        f.totalDebtUsd += debtValueForHealth(rules, a.debt, a.priceUsd, a.decimals);
    }
    if (f.totalCollateralUsd > 0.0) {
        f.ltv = roundDown(ltvSum / f.totalCollateralUsd, account.thresholdStep);
        f.liquidationThreshold = roundDown(thresholdSum / f.totalCollateralUsd, account.thresholdStep);
        f.currentLtv = f.totalDebtUsd / f.totalCollateralUsd;
    }
    if (f.totalDebtUsd > 0.0)
        f.healthFactor = f.totalCollateralUsd * f.liquidationThreshold / f.totalDebtUsd;
    f.borrowingPowerUsd = std::max(0.0, f.totalCollateralUsd * f.ltv - f.totalDebtUsd);
    return f;
}

double AccountLiquidationPrice::distance() const
{
    return direction == Direction::Never ? std::numeric_limits<double>::quiet_NaN() : std::abs(1.0 - factor);
}

AccountLiquidationPrice liquidationPriceOf(const Account &account, const QStringList &symbols,
                                           const QString &name)
{
    AccountLiquidationPrice out;
    out.name = name;
    out.symbols = symbols;
    Sums hold;
    Sums move;
    for (const AccountAsset &a : account.assets)
        add(symbols.contains(a.symbol) ? move : hold, a, 1.0);
    // HF(f) = (Ch + f Cm) x lt(f) / (Dh + f Dm), lt(f) the weighted threshold. With lt fixed at L,
    // HF = 1 at f = (Dh - L Ch) / (L Cm - Dm). Exact weights make L Ch and L Cm the threshold sums; a
    // rounded threshold is piecewise constant in f, so the root is found again until L stops changing.
    const auto solve = [&](double L, bool exact) {
        const double numerator = hold.debt - (exact ? hold.threshold : L * hold.collateral);
        const double denominator = (exact ? move.threshold : L * move.collateral) - move.debt;
        return std::pair{numerator, denominator};
    };
    auto [numerator, denominator] = solve(0.0, true);
    if (denominator == 0.0 || !(numerator / denominator > 0.0) || !std::isfinite(numerator / denominator))
        return out;
    double factor = numerator / denominator;
    const bool risesHurt = denominator < 0.0;
    if (account.thresholdStep > 0.0) {
        // When L flips between two values, the health factor jumps over 1 where the weighted threshold
        // crosses the upper one, B: (Th + f Tm) / (Ch + f Cm) = B, f = (B Ch - Th) / (Tm - B Cm).
        double previous = std::numeric_limits<double>::quiet_NaN();
        double beforePrevious = std::numeric_limits<double>::quiet_NaN();
        for (int i = 0; i < 16; ++i) {
            const double L = weightedThreshold(hold, move, factor, account.thresholdStep);
            if (L == previous)
                break;
            if (L == beforePrevious) {
                const double upper = std::max(L, previous);
                const double jump =
                    (upper * hold.collateral - hold.threshold) / (move.threshold - upper * move.collateral);
                if (std::isfinite(jump) && jump > 0.0)
                    factor = jump;
                break;
            }
            beforePrevious = previous;
            previous = L;
            std::tie(numerator, denominator) = solve(L, false);
            if (denominator == 0.0 || !(numerator / denominator > 0.0))
                return out;
            factor = numerator / denominator;
        }
    }
    out.factor = factor;
    out.direction =
        risesHurt ? AccountLiquidationPrice::Direction::Rises : AccountLiquidationPrice::Direction::Falls;
    if (symbols.size() == 1) {
        const qsizetype i = account.indexOf(symbols.first());
        if (i >= 0)
            out.priceUsd = account.assets[i].priceUsd * factor;
    }
    return out;
}

QList<AccountLiquidationPrice> liquidationPrices(const Account &account)
{
    QList<AccountLiquidationPrice> out;
    for (const AccountAsset &a : account.assets)
        if (a.countsAsCollateral() || a.debt > 0.0)
            out << liquidationPriceOf(account, {a.symbol}, a.symbol);
    for (const QString &group : account.groups()) {
        QStringList members;
        for (const AccountAsset &a : account.assets)
            if (a.group == group)
                members << a.symbol;
        out << liquidationPriceOf(account, members, group);
    }
    return out;
}

Account withPricesScaled(const Account &account, const QStringList &symbols, double factor)
{
    Account out = account;
    for (AccountAsset &a : out.assets)
        if (symbols.contains(a.symbol))
            a.priceUsd *= factor;
    return out;
}

AccountLiquidation firstLiquidation(const Account &account)
{
    AccountLiquidation out;
    out.after = account;
    const AccountFigures before = accountFigures(account);
    out.afterFigures = before;
    if (!(before.healthFactor < 1.0))
        return out;
    qsizetype debtIndex = -1;
    qsizetype collateralIndex = -1;
    for (qsizetype i = 0; i < account.assets.size(); ++i) {
        const AccountAsset &a = account.assets[i];
        if (a.debt > 0.0 && (debtIndex < 0 || a.debtUsd() > account.assets[debtIndex].debtUsd()))
            debtIndex = i;
        if (a.countsAsCollateral() &&
            (collateralIndex < 0 || a.collateralUsd() > account.assets[collateralIndex].collateralUsd()))
            collateralIndex = i;
    }
    if (debtIndex < 0 || collateralIndex < 0)
        return out;
    const AccountAsset &debt = account.assets[debtIndex];
    const AccountAsset &collateral = account.assets[collateralIndex];
    // The rule set sizes and prices the call at the account's health factor (its weighted threshold
    // standing for the pair's): the close factor (v3.0's 50 % / 100 %, v3.3's small-position rule, V4's
    // target, Morpho's all) and the bonus (fixed on Aave v3, rising on V4, Morpho's incentive).
    const LiquidationParams params{debt.priceUsd, before.liquidationThreshold, collateral.liquidationBonus,
                                   LiquidationRules::forRuleSet(account.liquidationRules)};
    const CallTerms terms =
        callTermsAtHealth(params, collateral.collateralUsd(), debt.debtUsd(), before.healthFactor);
    if (!terms.allowed)
        return out;
    const double closeFactor = terms.closeFactor;
    double repaidUsd = terms.repayUsd;
    double seizedUsd = repaidUsd * (1.0 + terms.bonus);
    if (seizedUsd > collateral.collateralUsd()) {
        seizedUsd = collateral.collateralUsd();
        repaidUsd = seizedUsd / (1.0 + terms.bonus);
    }
    out.possible = true;
    out.debtSymbol = debt.symbol;
    out.collateralSymbol = collateral.symbol;
    out.closeFactor = closeFactor;
    out.repaidUsd = repaidUsd;
    out.seizedUsd = seizedUsd;
    out.repaidUnits = repaidUsd / debt.priceUsd;
    out.seizedUnits = seizedUsd / collateral.priceUsd;
    out.after.assets[debtIndex].debt = std::max(0.0, debt.debt - out.repaidUnits);
    out.after.assets[collateralIndex].collateral = std::max(0.0, collateral.collateral - out.seizedUnits);
    out.afterFigures = accountFigures(out.after);
    return out;
}

} // namespace lp
