#include "accountplan.h"

#include "machineformat.h"

#include <algorithm>

namespace lp {

namespace {
constexpr double kMorphoLtvMargin = 1e-4; // one basis point below a threshold the LTV equals
} // namespace

Expected<Plan> planFromAccount(const Account &account, const QString &name)
{
    const AccountAsset *collateral = nullptr;
    const AccountAsset *debt = nullptr;
    for (const AccountAsset &a : account.assets) {
        if (a.countsAsCollateral()) {
            if (collateral || a.debt > 0.0)
                return ValidationError{
                    QStringLiteral("account"),
                    QStringLiteral("a plan needs one collateral and one debt asset; this account "
                                   "holds more (the account view shows it; the planning views "
                                   "need a single pair)")};
            collateral = &a;
        } else if (a.debt > 0.0) {
            if (debt)
                return ValidationError{
                    QStringLiteral("account"),
                    QStringLiteral("a plan needs one debt asset; this account owes more than one "
                                   "(the account view shows it; the planning views need a single "
                                   "pair)")};
            debt = &a;
        }
    }
    if (!collateral || !debt)
        return ValidationError{
            QStringLiteral("account"),
            QStringLiteral("a plan needs collateral and debt; this account has %1")
                .arg(collateral ? QStringLiteral("no debt") : QStringLiteral("no collateral"))};
    const double collateralUsd = collateral->collateral * collateral->priceUsd;
    const double debtUsd = debt->debt * debt->priceUsd;
    const double equityUsd = collateralUsd - debtUsd;
    if (!(equityUsd > 0.0))
        return ValidationError{
            QStringLiteral("account"),
            QStringLiteral("the debt ($%1) is worth the collateral ($%2) or more: no equity to plan")
                .arg(machine::fixed(debtUsd, 2), machine::fixed(collateralUsd, 2))};
    Plan p;
    p.name = name.isEmpty() ? QStringLiteral("%1 / %2 position").arg(collateral->symbol, debt->symbol) : name;
    p.market.clear();
    p.collateral.symbol = collateral->symbol;
    p.collateral.priceUsd = collateral->priceUsd;
    // Morpho Blue lends up to the LLTV itself (its LTV is its threshold), and a plan's max LTV must lie
    // below its threshold: there it is the threshold less one basis point. The health factor and the
    // liquidation price use the threshold, so they are the position's exactly.
    p.collateral.ltv = std::min(collateral->ltv, collateral->liquidationThreshold - kMorphoLtvMargin);
    p.collateral.liquidationThreshold = collateral->liquidationThreshold;
    p.collateral.liquidationBonus = collateral->liquidationBonus;
    p.collateral.supplyApy = 0.0;
    p.collateral.nativeYield = 0.0;
    p.borrow.symbol = debt->symbol;
    p.borrow.priceUsd = debt->priceUsd;
    p.borrow.borrowApy = 0.0;
    p.borrow.priceModel = PriceModel::Fixed;
    p.deposit = equityUsd / collateral->priceUsd;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = collateralUsd / equityUsd;
    p.strategy.ltvFraction = 1.0;
    p.execution = Execution::FlashLoan;
    p.costs = {};
    p.liquidationRules = account.liquidationRules;
    p.useEMode = false; // the thresholds above are already the ones in force (e-mode applied)
    return p;
}

} // namespace lp
