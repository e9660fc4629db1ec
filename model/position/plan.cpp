#include "plan.h"

#include "computable.h"
#include "machineformat.h"
#include "planfields.h"

#include <cmath>

namespace lp {

double Costs::swapKeep() const
{
    return (1.0 - swapFeeBps / 1e4) * (1.0 - slippageBps / 1e4);
}

LiquidationParams liquidationParams(const Plan &plan, double priceBUsd)
{
    return {priceBUsd, plan.collateral.liquidationThreshold, plan.collateral.liquidationBonus,
            LiquidationRules::forRuleSet(plan.liquidationRules, plan.liquidationRuleParams)};
}

ValidationErrors validatePlan(const Plan &plan)
{
    ValidationErrors errors;
    FieldChecker c(&errors);
    for (const PlanField &f : planFields()) {
        // A strategy mode's target applies only in that mode.
        if (f.mode && *f.mode != plan.strategy.mode)
            continue;
        const QString path = f.pathName();
        bool valid = true;
        switch (f.kind) {
        case PlanFieldKind::Number:
            valid = c.range(path, f.get(plan), f.range.lo, f.range.hi, f.range.loOpen, f.range.hiOpen);
            break;
        case PlanFieldKind::Integer:
            if (const double v = f.get(plan); v < f.range.lo || v > f.range.hi) {
                c.fail(path, QStringLiteral("must be between %1 and %2 (got %3)")
                                 .arg(formatNumber(f.range.lo), formatNumber(f.range.hi), formatNumber(v)));
                valid = false;
            }
            break;
        case PlanFieldKind::Text:
            if (f.maxLength > 0)
                c.text(path, f.text(plan), f.maxLength);
            break;
        case PlanFieldKind::Choice:
        case PlanFieldKind::Bookkeeping:
            break;
        }
        if (valid && f.crossCheck)
            if (const QString problem = f.crossCheck(plan); !problem.isEmpty())
                c.fail(path, problem);
    }
    errors += validateComputable(plan); // tiny amounts, compounding out of range
    errors += validateProtection(plan);
    return errors;
}

Plan defaultPlan()
{
    // The values of the aave-v3-ethereum preset for wstETH against WETH in its wstETH/ETH e-mode
    // (resources/markets/aave-v3-ethereum.json); tst_planmarket checks that they still are, so the plan
    // follows the preset like any plan that names a market.
    Plan p;
    p.name = QStringLiteral("wstETH loop on Aave v3 Ethereum");
    p.market = QStringLiteral("aave-v3-ethereum");
    p.collateral.ltv = 0.935;
    p.collateral.liquidationThreshold = 0.955;
    p.collateral.liquidationBonus = 0.01;
    p.collateral.supplyApy = 0.01185;
    p.collateral.nativeYield = 0.03;
    p.borrow.borrowApy = 0.02265;
    p.liquidationRules = LiquidationRuleSet::AaveV33;
    // wstETH against WETH: WETH moves with wstETH, so the risk is the ratio between them (a depeg), not
    // ETH's USD price (risk asset Ratio, at risk.ratioVolatility).
    p.borrow.priceModel = PriceModel::TracksCollateral;
    p.strategy.ltvFraction = 0.9;
    p.costs = {5.0, 10.0, 5.0, 0.5};
    p.presetFields = MarketFields(MarketField::CollateralPriceUsd) | MarketField::CollateralLtv |
                     MarketField::CollateralLiquidationThreshold | MarketField::CollateralLiquidationBonus |
                     MarketField::CollateralSupplyApy | MarketField::CollateralNativeYield |
                     MarketField::BorrowPriceUsd | MarketField::BorrowApy | MarketField::LiquidationRules;
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

QString toString(RiskAsset asset)
{
    switch (asset) {
    case RiskAsset::Auto:
        return QStringLiteral("auto");
    case RiskAsset::Collateral:
        return QStringLiteral("collateral");
    case RiskAsset::Borrow:
        return QStringLiteral("borrow");
    case RiskAsset::Ratio:
        return QStringLiteral("ratio");
    }
    return {};
}

bool riskAssetFromString(const QString &text, RiskAsset *out)
{
    for (RiskAsset a : {RiskAsset::Auto, RiskAsset::Collateral, RiskAsset::Borrow, RiskAsset::Ratio}) {
        if (text == toString(a)) {
            *out = a;
            return true;
        }
    }
    return false;
}

QString toString(ImpactModel model)
{
    switch (model) {
    case ImpactModel::None:
        return QStringLiteral("none");
    case ImpactModel::ConstantProduct:
        return QStringLiteral("constantProduct");
    case ImpactModel::DepthAtOnePercent:
        return QStringLiteral("depthAtOnePercent");
    }
    return {};
}

bool impactModelFromString(const QString &text, ImpactModel *out)
{
    for (ImpactModel m : {ImpactModel::None, ImpactModel::ConstantProduct, ImpactModel::DepthAtOnePercent}) {
        if (text == toString(m)) {
            *out = m;
            return true;
        }
    }
    return false;
}

} // namespace lp
