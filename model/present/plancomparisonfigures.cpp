// The comparison's figures of one result: their names, numbers and text, and a pinned plan's default name
// (the table model itself is plancomparison.cpp).
#include "plancomparison.h"

#include "displayformat.h"
#include "engine.h"

#include <cmath>
#include <limits>

namespace lp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool hasDebt(const PlanResult &r)
{
    return r.opened.debt > 0.0;
}

bool tracks(const PlanResult &r)
{
    return r.plan.borrow.priceModel == PriceModel::TracksCollateral;
}

// The rules in words: "auto-repay at HF 1.40 to 1.70; stop-loss $2,400".
QString rulesText(const Plan &plan)
{
    QStringList parts;
    for (const ProtectionRule &r : plan.protection) {
        switch (r.kind) {
        case ProtectionKind::AutoRepay:
            parts << PlanComparison::tr("auto-repay at HF %1 to %2")
                         .arg(display::healthFactor(r.triggerHealthFactor),
                              display::healthFactor(r.targetHealthFactor));
            break;
        case ProtectionKind::AutoBoost:
            parts << PlanComparison::tr("auto-boost at HF %1 to %2")
                         .arg(display::healthFactor(r.triggerHealthFactor),
                              display::healthFactor(r.targetHealthFactor));
            break;
        case ProtectionKind::StopLoss:
            parts << PlanComparison::tr("stop-loss %1").arg(display::usd(r.priceUsd));
            break;
        case ProtectionKind::TakeProfit:
            parts << PlanComparison::tr("take-profit %1").arg(display::usd(r.priceUsd));
            break;
        case ProtectionKind::TrailingStop:
            parts << PlanComparison::tr("trailing stop %1").arg(display::percent(r.fraction, 0));
            break;
        case ProtectionKind::PreLiquidation:
            parts << PlanComparison::tr("pre-liquidation at LTV %1").arg(display::percent(r.ltv, 1));
            break;
        }
    }
    return parts.isEmpty() ? PlanComparison::tr("none") : parts.join(QStringLiteral("; "));
}

} // namespace

QString PlanComparison::defaultName(const PlanResult &result)
{
    const lp::Strategy &s = result.plan.strategy;
    QString strategy;
    switch (s.mode) {
    case StrategyMode::Loops:
        strategy = s.loops == 1 ? tr("1 loop") : tr("%1 loops").arg(s.loops);
        break;
    case StrategyMode::TargetLeverage:
        strategy = display::leverage(s.leverage);
        break;
    case StrategyMode::TargetHealthFactor:
        strategy = tr("HF %1").arg(display::healthFactor(s.healthFactor));
        break;
    }
    // Pins of one plan differ by their strategy, so the name carries it.
    const QString name = result.plan.name.trimmed();
    return name.isEmpty() ? strategy : tr("%1, %2").arg(name, strategy);
}

QString PlanComparison::figureName(Figure figure)
{
    switch (figure) {
    case Deposit:
        return tr("Deposit");
    case Strategy:
        return tr("Strategy");
    case Leverage:
        return tr("Leverage");
    case HealthFactor:
        return tr("Health factor");
    case Ltv:
        return tr("LTV (max)");
    case LiquidationPrice:
        return tr("Liquidation price");
    case Distance:
        return tr("Distance to liquidation");
    case Exposure:
        return tr("Collateral value");
    case Debt:
        return tr("Debt value");
    case Equity:
        return tr("Equity");
    case OpeningCosts:
        return tr("Opening costs");
    case NetApy:
        return tr("Net APY");
    case Transactions:
        return tr("Transactions to open");
    case Protection:
        return tr("Protection rules");
    case LiquidationWithRules:
        return tr("Liquidation chance with the rules");
    case RuleCosts:
        return tr("Expected cost of the rules");
    case FigureCount:
        break;
    }
    return {};
}

double PlanComparison::figureValue(const PlanResult &r, Figure figure)
{
    const PositionFigures &pos = r.position;
    switch (figure) {
    case Deposit:
        return r.plan.deposit;
    case Strategy:
        return kNaN;
    case Leverage:
        return pos.leverage;
    case HealthFactor:
        return pos.healthFactor;
    case Ltv:
        return pos.ltv;
    case LiquidationPrice:
        if (!hasDebt(r))
            return kNaN;
        return tracks(r) ? pos.liquidationRatio : pos.liquidationPriceUsd;
    case Distance:
        return hasDebt(r) ? pos.distanceToLiquidation : kNaN;
    case Exposure:
        return pos.collateralUsd;
    case Debt:
        return pos.debtUsd;
    case Equity:
        return pos.equityUsd;
    case OpeningCosts:
        return r.opened.costs.totalUsd();
    case NetApy:
        return pos.netApy;
    case Transactions:
        return r.opened.costs.transactions;
    case Protection: // text only; the simulated figures come from the table (protectionData)
    case LiquidationWithRules:
    case RuleCosts:
        return kNaN;
    case FigureCount:
        break;
    }
    return kNaN;
}

QString PlanComparison::figureText(const PlanResult &r, Figure figure)
{
    const Plan &plan = r.plan;
    const double v = figureValue(r, figure);
    switch (figure) {
    case Deposit:
        return display::units(v, plan.collateral.symbol, 4);
    case Strategy: {
        const QString how = plan.execution == Execution::FlashLoan ? tr("flash loan") : tr("loops");
        switch (plan.strategy.mode) {
        case StrategyMode::Loops:
            return tr("%1 × %2 of max LTV (%3)")
                .arg(plan.strategy.loops)
                .arg(display::percent(plan.strategy.ltvFraction, 0), how);
        case StrategyMode::TargetLeverage:
            return tr("target %1 (%2)").arg(display::leverage(plan.strategy.leverage), how);
        case StrategyMode::TargetHealthFactor:
            return tr("target HF %1 (%2)").arg(display::healthFactor(plan.strategy.healthFactor), how);
        }
        return {};
    }
    case Leverage:
        return display::leverage(v);
    case HealthFactor:
        return display::healthFactor(v);
    case Ltv:
        return tr("%1 (%2)").arg(display::percent(v, 1), display::percent(plan.collateral.ltv, 0));
    case LiquidationPrice:
        if (std::isnan(v))
            return tr("none (no debt)");
        return tracks(r) ? display::ratio(v, plan.borrow.symbol, plan.collateral.symbol) : display::usd(v);
    case Distance:
        return std::isnan(v) ? display::undefinedMark() : display::percent(v, 1);
    case Exposure:
    case Debt:
    case Equity:
    case OpeningCosts:
        return display::usd(v);
    case NetApy:
        return display::signedPercent(v);
    case Transactions:
        return display::locale().toString(static_cast<int>(v));
    case Protection:
        return rulesText(plan);
    case LiquidationWithRules:
    case RuleCosts:
        return plan.protection.isEmpty() ? display::undefinedMark() : QString();
    case FigureCount:
        break;
    }
    return {};
}

} // namespace lp
