#include "plan.h"

#include "computable.h"

#include <QLocale>

#include <cmath>

namespace lp {

double Costs::swapKeep() const
{
    return (1.0 - swapFeeBps / 1e4) * (1.0 - slippageBps / 1e4);
}

QString formatNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

LiquidationParams liquidationParams(const Plan &plan, double priceBUsd)
{
    return {priceBUsd, plan.collateral.liquidationThreshold, plan.collateral.liquidationBonus,
            LiquidationRules::forRuleSet(plan.liquidationRules)};
}

ValidationErrors validatePlan(const Plan &plan)
{
    ValidationErrors errors;
    FieldChecker c(&errors);

    const CollateralAsset &a = plan.collateral;
    c.text(QStringLiteral("collateral.symbol"), a.symbol, 32);
    c.range(QStringLiteral("collateral.priceUsd"), a.priceUsd, 0.0, limits::maxPriceUsd, true);
    const bool ltvOk = c.range(QStringLiteral("collateral.ltv"), a.ltv, 0.0, 1.0, false, true);
    const bool ltOk =
        c.range(QStringLiteral("collateral.liquidationThreshold"), a.liquidationThreshold, 0.0, 1.0, true);
    if (ltvOk && ltOk && a.liquidationThreshold <= a.ltv)
        c.fail(QStringLiteral("collateral.liquidationThreshold"),
               QStringLiteral("must be above ltv (%1)").arg(formatNumber(a.ltv)));
    if (c.range(QStringLiteral("collateral.liquidationBonus"), a.liquidationBonus, 0.0, 1.0, false, true) &&
        ltOk && a.liquidationThreshold * (1.0 + a.liquidationBonus) >= 1.0)
        // Aave's PoolConfigurator requires LT x (1 + bonus) <= 100 %: otherwise a liquidation at HF 1 would
        // seize more collateral than exists.
        c.fail(QStringLiteral("collateral.liquidationBonus"),
               QStringLiteral("liquidationThreshold x (1 + liquidationBonus) must be below 1 (got %1)")
                   .arg(formatNumber(a.liquidationThreshold * (1.0 + a.liquidationBonus))));
    c.range(QStringLiteral("collateral.supplyApy"), a.supplyApy, -1.0, 100.0, true);
    c.range(QStringLiteral("collateral.nativeYield"), a.nativeYield, -1.0, 100.0, true);

    const BorrowAsset &b = plan.borrow;
    c.text(QStringLiteral("borrow.symbol"), b.symbol, 32);
    c.range(QStringLiteral("borrow.priceUsd"), b.priceUsd, 0.0, limits::maxPriceUsd, true);
    c.range(QStringLiteral("borrow.borrowApy"), b.borrowApy, -1.0, 100.0, true);

    if (c.range(QStringLiteral("deposit"), plan.deposit, 0.0, limits::maxDeposit, true) &&
        std::isfinite(a.priceUsd) && a.priceUsd > 0 && plan.deposit * a.priceUsd > limits::maxPositionUsd)
        c.fail(QStringLiteral("deposit"),
               QStringLiteral("is worth %1 USD, more than the %2 USD this planner models")
                   .arg(formatNumber(plan.deposit * a.priceUsd), formatNumber(limits::maxPositionUsd)));

    const Strategy &s = plan.strategy;
    switch (s.mode) {
    case StrategyMode::Loops:
        if (s.loops < 0 || s.loops > limits::maxLoops)
            c.fail(QStringLiteral("strategy.loops"),
                   QStringLiteral("must be between 0 and %1 (got %2)").arg(limits::maxLoops).arg(s.loops));
        break;
    case StrategyMode::TargetLeverage:
        c.range(QStringLiteral("strategy.leverage"), s.leverage, 1.0, limits::maxLeverage);
        break;
    case StrategyMode::TargetHealthFactor:
        c.range(QStringLiteral("strategy.healthFactor"), s.healthFactor, 1.0, 1e6, true);
        break;
    }
    c.range(QStringLiteral("strategy.ltvFraction"), s.ltvFraction, 0.0, 1.0, true);

    const Costs &k = plan.costs;
    c.range(QStringLiteral("costs.swapFeeBps"), k.swapFeeBps, 0.0, limits::maxBps, false, true);
    c.range(QStringLiteral("costs.slippageBps"), k.slippageBps, 0.0, limits::maxBps, false, true);
    c.range(QStringLiteral("costs.flashPremiumBps"), k.flashPremiumBps, 0.0, limits::maxBps, false, true);
    c.range(QStringLiteral("costs.gasUsdPerTx"), k.gasUsdPerTx, 0.0, limits::maxGasUsdPerTx);

    if (plan.horizonDays < 1 || plan.horizonDays > limits::maxHorizonDays)
        c.fail(QStringLiteral("horizonDays"), QStringLiteral("must be between 1 and %1 (got %2)")
                                                  .arg(limits::maxHorizonDays)
                                                  .arg(plan.horizonDays));
    c.range(QStringLiteral("risk.annualVolatility"), plan.risk.annualVolatility, 0.0, limits::maxVolatility);
    c.range(QStringLiteral("risk.drift"), plan.risk.drift, -10.0, 10.0);
    errors += validateComputable(plan); // tiny amounts, compounding out of range
    return errors;
}

Plan defaultPlan()
{
    Plan p;
    p.name = QStringLiteral("wstETH loop");
    p.collateral.supplyApy = 0.001;
    p.collateral.nativeYield = 0.03;
    p.borrow.borrowApy = 0.025;
    p.strategy.ltvFraction = 0.9;
    p.costs = {5.0, 10.0, 5.0, 0.5};
    return p;
}

QString toString(StrategyMode mode)
{
    switch (mode) {
    case StrategyMode::Loops:
        return QStringLiteral("loops");
    case StrategyMode::TargetLeverage:
        return QStringLiteral("targetLeverage");
    case StrategyMode::TargetHealthFactor:
        return QStringLiteral("targetHealthFactor");
    }
    return {};
}

QString toString(Execution execution)
{
    return execution == Execution::Loop ? QStringLiteral("loop") : QStringLiteral("flashLoan");
}

QString toString(PriceModel model)
{
    return model == PriceModel::Fixed ? QStringLiteral("fixed") : QStringLiteral("tracksCollateral");
}

bool strategyModeFromString(const QString &text, StrategyMode *out)
{
    for (StrategyMode m :
         {StrategyMode::Loops, StrategyMode::TargetLeverage, StrategyMode::TargetHealthFactor}) {
        if (text == toString(m)) {
            *out = m;
            return true;
        }
    }
    return false;
}

bool executionFromString(const QString &text, Execution *out)
{
    for (Execution e : {Execution::Loop, Execution::FlashLoan}) {
        if (text == toString(e)) {
            *out = e;
            return true;
        }
    }
    return false;
}

bool priceModelFromString(const QString &text, PriceModel *out)
{
    for (PriceModel m : {PriceModel::Fixed, PriceModel::TracksCollateral}) {
        if (text == toString(m)) {
            *out = m;
            return true;
        }
    }
    return false;
}

} // namespace lp
