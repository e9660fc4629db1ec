#include "plandiff.h"

namespace lp {

QStringList changedPlanFields(const Plan &before, const Plan &after)
{
    QStringList paths;
    const auto check = [&paths](bool differs, const char *path) {
        if (differs)
            paths.append(QLatin1String(path));
    };
    const Plan &a = before;
    const Plan &b = after;
    check(a.name != b.name, "name");
    check(a.market != b.market, "market");
    check(a.collateral.symbol != b.collateral.symbol, "collateral.symbol");
    check(a.collateral.priceUsd != b.collateral.priceUsd, "collateral.priceUsd");
    check(a.collateral.ltv != b.collateral.ltv, "collateral.ltv");
    check(a.collateral.liquidationThreshold != b.collateral.liquidationThreshold,
          "collateral.liquidationThreshold");
    check(a.collateral.liquidationBonus != b.collateral.liquidationBonus, "collateral.liquidationBonus");
    check(a.collateral.supplyApy != b.collateral.supplyApy, "collateral.supplyApy");
    check(a.collateral.nativeYield != b.collateral.nativeYield, "collateral.nativeYield");
    check(a.borrow.symbol != b.borrow.symbol, "borrow.symbol");
    check(a.borrow.priceUsd != b.borrow.priceUsd, "borrow.priceUsd");
    check(a.borrow.borrowApy != b.borrow.borrowApy, "borrow.borrowApy");
    check(a.borrow.priceModel != b.borrow.priceModel, "borrow.priceModel");
    check(a.deposit != b.deposit, "deposit");
    check(a.strategy.mode != b.strategy.mode, "strategy.mode");
    check(a.strategy.loops != b.strategy.loops, "strategy.loops");
    check(a.strategy.leverage != b.strategy.leverage, "strategy.leverage");
    check(a.strategy.healthFactor != b.strategy.healthFactor, "strategy.healthFactor");
    check(a.strategy.ltvFraction != b.strategy.ltvFraction, "strategy.ltvFraction");
    check(a.execution != b.execution, "execution");
    check(a.costs.swapFeeBps != b.costs.swapFeeBps, "costs.swapFeeBps");
    check(a.costs.slippageBps != b.costs.slippageBps, "costs.slippageBps");
    check(a.costs.flashPremiumBps != b.costs.flashPremiumBps, "costs.flashPremiumBps");
    check(a.costs.gasUsdPerTx != b.costs.gasUsdPerTx, "costs.gasUsdPerTx");
    check(a.horizonDays != b.horizonDays, "horizonDays");
    check(a.risk.annualVolatility != b.risk.annualVolatility, "risk.annualVolatility");
    check(a.risk.drift != b.risk.drift, "risk.drift");
    check(a.liquidationRules != b.liquidationRules, "liquidationRules");
    check(a.useEMode != b.useEMode, "eMode");
    check(a.presetFields != b.presetFields, "presetFields");
    check(a.unknownFields != b.unknownFields, "unknownFields");
    // A member added to Plan without a line above still shows up as a change, never as none.
    check(paths.isEmpty() && a != b, "plan");
    return paths;
}

} // namespace lp
