#include "opening.h"

#include "position.h"
#include "swapimpact.h"

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

QString pct(double fraction)
{
    return QString::number(fraction * 100.0, 'f', fraction * 100.0 < 10.0 ? 2 : 1) + QStringLiteral(" %");
}

QString times(double leverage)
{
    return QString::number(leverage, 'f', 2) + QLatin1Char('x');
}

LoopStep makeStep(int index, double c, double d, const Plan &plan)
{
    LoopStep s;
    static_cast<PositionFigures &>(s) =
        positionFigures(c, d, plan.collateral.priceUsd, plan.borrow.priceUsd, plan);
    s.step = index;
    return s;
}

// The share of a swap of `usd` worth of B into A that reaches the position: k (1 - i), with i the price
// impact of its input after the fee.
double swapKeepWithImpact(double usd, const Plan &plan)
{
    const double in = usd * (1.0 - plan.costs.swapFeeBps / 1e4);
    return plan.costs.swapKeep() * (1.0 - impactShare(plan.priceImpact, SwapSide::BuyCollateral, in));
}

// Records one swap of `usd` worth of B into A: fee s on the input, price impact i on what is left, slippage
// q on the rest; returns the USD value received, usd (1 - s)(1 - i)(1 - q).
double chargeSwap(double usd, const Plan &plan, LoopStep *step, OpeningCosts *total)
{
    const Costs &costs = plan.costs;
    const double fee = usd * costs.swapFeeBps / 1e4;
    const double share = impactShare(plan.priceImpact, SwapSide::BuyCollateral, usd - fee);
    const double impact = (usd - fee) * share;
    const double slip = (usd - fee - impact) * costs.slippageBps / 1e4;
    step->swapFeeUsd = fee;
    step->slippageUsd = slip;
    step->impactUsd = impact;
    total->swapFeesUsd += fee;
    total->slippageUsd += slip;
    total->impactUsd += impact;
    return usd * costs.swapKeep() * (1.0 - share);
}

// A swap size that depends on its own keep: y = sizeFor(keep) with keep = k (1 - i(y)), by fixed-point
// iteration (the impact share is small and smooth in y, so a few rounds settle it); sizeFor(k) without
// impact.
template <class SizeFor> double sizeWithImpact(const Plan &plan, SizeFor sizeFor)
{
    double y = sizeFor(plan.costs.swapKeep());
    if (plan.priceImpact.model == ImpactModel::None)
        return y;
    for (int i = 0; i < 200; ++i) {
        const double next = sizeFor(swapKeepWithImpact(y, plan));
        const bool settled = std::abs(next - y) <= 1e-13 * std::abs(next);
        y = next;
        if (settled)
            break;
    }
    return y;
}

// Loop execution. With target <= 0 it runs plan.strategy.loops full loops; otherwise it loops until the
// leverage reaches `target`, the last loop borrowing only what is needed.
Expected<OpenedPosition> openWithLoops(const Plan &plan, double target, const QString &targetField)
{
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double t = plan.strategy.ltvFraction * plan.collateral.ltv;

    OpenedPosition out;
    out.execution = Execution::Loop;
    out.perLoopLtv = t;

    if (target > 0) {
        // Each loop borrows up to t of the collateral value, so leverage tends to 1 / (1 - t) and never
        // reaches it: a target at or above it needs a higher LTV than the loops may use.
        const double neededLtv = 1.0 - 1.0 / target;
        if (target > 1.0 && neededLtv >= t) {
            return ValidationError{targetField,
                                   QStringLiteral("%1 needs LTV %2, but each loop borrows at most %3 (%4 of "
                                                  "%5's max LTV %6); loops stay below %7")
                                       .arg(times(target), pct(neededLtv), pct(t),
                                            pct(plan.strategy.ltvFraction), plan.collateral.symbol,
                                            pct(plan.collateral.ltv), times(1.0 / (1.0 - t)))};
        }
    }

    double c = plan.deposit;
    double d = 0.0;
    out.steps.push_back(makeStep(0, c, d, plan));
    const int maxLoops = target > 0 ? limits::maxLoops : plan.strategy.loops;
    bool reached = target > 0 && target <= 1.0;
    for (int i = 1; i <= maxLoops && !reached; ++i) {
        const double cv = c * pa;
        const double dv = d * pb;
        const double fullUsd = std::max(0.0, t * cv - dv);
        double borrowUsd = fullUsd;
        bool partial = false;
        if (target > 0) {
            // Borrowing y (USD) gives leverage (CV + k y) / (CV - DV + k y - y); solve it for the target.
            const double need = sizeWithImpact(plan, [&](double keep) {
                return (target * (cv - dv) - cv) / (target * (1.0 - keep) + keep);
            });
            // The tolerance lets a target equal to N full loops end after N loops despite rounding.
            if (need <= fullUsd * (1.0 + 1e-12)) {
                borrowUsd = std::clamp(need, 0.0, fullUsd);
                partial = borrowUsd < fullUsd * (1.0 - 1e-12);
                reached = true;
            }
        }
        LoopStep step;
        const double received = chargeSwap(borrowUsd, plan, &step, &out.costs) / pa;
        c += received;
        d += borrowUsd / pb;
        static_cast<PositionFigures &>(step) = makeStep(i, c, d, plan);
        step.step = i;
        step.borrowed = borrowUsd / pb;
        step.swappedToCollateral = received;
        step.partial = partial;
        out.steps.push_back(step);
        out.loops = i;
    }
    if (target > 0 && !reached) {
        return ValidationError{targetField,
                               QStringLiteral("%1 needs more than %2 loops at %3 per loop; %2 loops "
                                              "reach %4")
                                   .arg(times(target))
                                   .arg(limits::maxLoops)
                                   .arg(pct(t), times(out.steps.back().leverage))};
    }
    out.collateral = c;
    out.debt = d;
    out.costs.transactions = 1 + kTxPerLoop * out.loops;
    out.costs.gasUsd = out.costs.transactions * plan.costs.gasUsdPerTx;
    out.targetLeverage = target > 0 ? target : out.steps.back().leverage;
    return out;
}

Expected<OpenedPosition> openWithFlashLoan(const Plan &plan, double target, const QString &targetField)
{
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double phi = plan.costs.flashPremiumBps / 1e4;
    const double ltv = plan.collateral.ltv;

    // The final borrow must respect the protocol's LTV: 1 - 1/L <= ltv.
    const double maxLeverage = 1.0 / (1.0 - ltv);
    if (target > maxLeverage * (1.0 + 1e-12)) {
        return ValidationError{targetField,
                               QStringLiteral("%1 needs LTV %2, %3 allows %4; the maximum with a flash "
                                              "loan is %5")
                                   .arg(times(target), pct(1.0 - 1.0 / target), plan.collateral.symbol,
                                        pct(ltv), times(maxLeverage))};
    }

    OpenedPosition out;
    out.execution = Execution::FlashLoan;
    out.perLoopLtv = plan.strategy.ltvFraction * ltv;
    out.targetLeverage = target;

    const double c0 = plan.deposit;
    out.steps.push_back(makeStep(0, c0, 0.0, plan));
    const double y = sizeWithImpact(
        plan, [&](double keep) { return flashLoanUsdForLeverage(c0 * pa, target, keep, phi); });
    if (y > 0.0) {
        LoopStep step;
        const double received = chargeSwap(y, plan, &step, &out.costs) / pa;
        const double debt = y * (1.0 + phi) / pb;
        static_cast<PositionFigures &>(step) = makeStep(1, c0 + received, debt, plan);
        step.step = 1;
        step.borrowed = debt;
        step.swappedToCollateral = received;
        step.flashPremiumUsd = y * phi;
        out.costs.flashPremiumUsd = y * phi;
        out.steps.push_back(step);
        out.loops = 1;
    }
    out.collateral = out.steps.back().collateral;
    out.debt = out.steps.back().debt;
    out.costs.transactions = 1;
    out.costs.gasUsd = plan.costs.gasUsdPerTx;
    return out;
}

} // namespace

double leverageForHealthFactor(double healthFactor, double liquidationThreshold)
{
    return healthFactor / (healthFactor - liquidationThreshold);
}

double flashLoanUsdForLeverage(double equityUsd, double leverage, double keep, double premium)
{
    return equityUsd * (leverage - 1.0) / (leverage * (1.0 + premium - keep) + keep);
}

Expected<OpenedPosition> openPosition(const Plan &plan)
{
    const Strategy &s = plan.strategy;
    const double lt = plan.collateral.liquidationThreshold;
    const bool flash = plan.execution == Execution::FlashLoan;

    switch (s.mode) {
    case StrategyMode::Loops: {
        Expected<OpenedPosition> looped = openWithLoops(plan, 0.0, QStringLiteral("strategy.loops"));
        if (!flash || !looped)
            return looped;
        // The same exposure opened in one flash transaction, so the two executions compare like for like.
        return openWithFlashLoan(plan, looped->steps.back().leverage, QStringLiteral("strategy.loops"));
    }
    case StrategyMode::TargetLeverage:
        return flash ? openWithFlashLoan(plan, s.leverage, QStringLiteral("strategy.leverage"))
                     : openWithLoops(plan, s.leverage, QStringLiteral("strategy.leverage"));
    case StrategyMode::TargetHealthFactor: {
        const QString field = QStringLiteral("strategy.healthFactor");
        if (s.healthFactor <= lt) // validatePlan guarantees HF > 1 > lt; kept for direct callers
            return ValidationError{field, QStringLiteral("must be above the liquidation threshold")};
        const double target = leverageForHealthFactor(s.healthFactor, lt);
        // HF = lt / LTV, so the lowest reachable HF is lt / (max LTV the execution may use).
        const double maxLtv = flash ? plan.collateral.ltv : s.ltvFraction * plan.collateral.ltv;
        if (1.0 - 1.0 / target >= maxLtv * (flash ? 1.0 + 1e-12 : 1.0)) {
            return ValidationError{
                field, QStringLiteral("health factor %1 needs LTV %2, but %3 allows at most %4; "
                                      "the lowest reachable health factor is above %5")
                           .arg(QString::number(s.healthFactor, 'f', 3), pct(lt / s.healthFactor),
                                flash ? QStringLiteral("a flash loan") : QStringLiteral("each loop"),
                                pct(maxLtv), QString::number(lt / maxLtv, 'f', 3))};
        }
        return flash ? openWithFlashLoan(plan, target, field) : openWithLoops(plan, target, field);
    }
    }
    return ValidationError{QStringLiteral("strategy.mode"), QStringLiteral("unknown mode")};
}

} // namespace lp
