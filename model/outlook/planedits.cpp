#include "planedits.h"

#include "engine.h"
#include "machineformat.h"
#include "swapimpact.h"

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

using machine::fixed;

// The share of a swap of `usd` worth of B into A that reaches the position, k (1 - i(usd (1 - s))), as the
// opening charges it (opening.cpp).
double entryKeep(const Plan &plan, double usd)
{
    const double in = usd * (1.0 - plan.costs.swapFeeBps / 1e4);
    return plan.costs.swapKeep() * (1.0 - impactShare(plan.priceImpact, SwapSide::BuyCollateral, in));
}

QString times(double leverage)
{
    return fixed(leverage, 2) + QLatin1Char('x');
}

// The edit's figures from the plan holding C' and D'.
Expected<PlanEdit> editTo(const Plan &plan, double collateral, double debt)
{
    Expected<Plan> held = planHoldingPosition(plan, collateral, debt);
    if (!held)
        return held.errors();
    PlanEdit e;
    e.plan = *held;
    e.collateralAfter = collateral;
    e.debtAfter = debt;
    return e;
}

ValidationError badTarget(const char *field, const QString &message)
{
    return ValidationError{QString::fromLatin1(field), message};
}

// The sale that deleverages to L (planedits.h): V USD of A sold, its costs, the flash premium.
struct Unwind {
    double valueUsd = 0;
    CollateralSale sale;
    double premiumUsd = 0;
};

// V = (C PA - L E) / (1 - L (1 - kappa(V))), iterated from kappa(0) = k / (1 + phi) (no impact).
Expected<Unwind> unwindTo(const Plan &plan, double collateralUsd, double equity, double leverage,
                          CloseMethod method)
{
    constexpr int kMaxSteps = 1000;
    constexpr double kTolerance = 1e-13;
    const double premium = method == CloseMethod::FlashClose ? plan.costs.flashPremiumBps / 1e4 : 0.0;
    const double excess = collateralUsd - leverage * equity;
    double kappa = plan.costs.swapKeep() / (1.0 + premium);
    Unwind out;
    for (int step = 0; step < kMaxSteps; ++step) {
        const double room = 1.0 - leverage * (1.0 - kappa);
        if (!(room > 0.0))
            return badTarget(
                "leverage",
                QStringLiteral("leverage %1 cannot be reached by selling collateral: the swap "
                               "keeps %2 of each dollar sold, so a sale takes at least 1/%4 of "
                               "itself from the equity and the leverage never falls to %1 "
                               "(1 - L (1 - k) = %3 <= 0)")
                    .arg(times(leverage), machine::percent(kappa), fixed(room, 6), fixed(leverage, 2)));
        const double value = excess / room;
        if (!(value < collateralUsd))
            return badTarget("leverage",
                             QStringLiteral("leverage %1 cannot be reached: its sale ($%2 with its costs) is "
                                            "more than the collateral ($%3)")
                                 .arg(times(leverage), fixed(value, 2), fixed(collateralUsd, 2)));
        out.sale = sellCollateralUsd(plan, value);
        kappa = out.sale.receivedUsd / value / (1.0 + premium);
        const bool settled = std::fabs(value - out.valueUsd) <= kTolerance * value;
        out.valueUsd = value;
        out.premiumUsd = out.sale.receivedUsd * premium / (1.0 + premium);
        if (settled)
            return out;
    }
    return badTarget("leverage",
                     QStringLiteral("the sale to leverage %1 does not settle: its price impact changes the "
                                    "sale by more than %2 of itself after %3 steps")
                         .arg(times(leverage), formatNumber(kTolerance))
                         .arg(kMaxSteps));
}

} // namespace

Expected<Plan> planHoldingPosition(const Plan &plan, double collateral, double debt)
{
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double cv = collateral * pa;
    const double dv = std::max(0.0, debt) * pb;
    if (!(collateral > 0.0) || !std::isfinite(cv) || !(cv > dv))
        return ValidationError{QStringLiteral("deposit"),
                               QStringLiteral("the position after the edit has no equity (collateral $%1, "
                                              "debt $%2)")
                                   .arg(fixed(cv, 2), fixed(dv, 2))};
    Plan p = plan;
    if (dv <= 0.0) {
        p.deposit = collateral;
        p.strategy.mode = StrategyMode::Loops;
        p.strategy.loops = 0;
        return p;
    }
    const double phi = plan.costs.flashPremiumBps / 1e4;
    const double y = dv / (1.0 + phi);
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = cv / (cv - dv);
    p.deposit = (cv - entryKeep(plan, y) * y) / pa;
    return p;
}

Expected<PlanEdit> addLoop(const Plan &plan)
{
    Expected<PlanResult> r = computePlan(plan);
    if (!r)
        return r.errors();
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const double c = r->opened.collateral;
    const double d = r->opened.debt;
    if (plan.strategy.mode == StrategyMode::Loops && plan.strategy.loops >= limits::maxLoops)
        return badTarget(
            "strategy.loops",
            QStringLiteral("the plan has %1 loops, the most a plan may have").arg(limits::maxLoops));
    const double t = plan.strategy.ltvFraction * plan.collateral.ltv;
    const double y = t * c * pa - d * pb;
    if (!(y > 1e-12 * c * pa))
        return badTarget("strategy.ltvFraction",
                         QStringLiteral("the position is at the loop LTV already (%1 of %2 of max LTV %3): "
                                        "another loop borrows nothing")
                             .arg(machine::percent(r->position.ltv),
                                  machine::percent(plan.strategy.ltvFraction),
                                  machine::percent(plan.collateral.ltv)));
    const double received = y * entryKeep(plan, y) / pa;
    Expected<PlanEdit> e = [&]() -> Expected<PlanEdit> {
        if (plan.strategy.mode != StrategyMode::Loops)
            return editTo(plan, c + received, d + y / pb);
        PlanEdit out;
        out.plan = plan;
        ++out.plan.strategy.loops;
        out.collateralAfter = c + received;
        out.debtAfter = d + y / pb;
        return out;
    }();
    if (!e)
        return e;
    PlanEdit out = *e;
    out.borrowed = y / pb;
    out.summary =
        QStringLiteral("One more loop at %1 LTV: borrow %2 %3 ($%4), swap it for %5 %6 and deposit it.")
            .arg(machine::percent(t), fixed(y / pb, 6), plan.borrow.symbol, fixed(y, 2), fixed(received, 6),
                 plan.collateral.symbol);
    return out;
}

Expected<PlanEdit> repayToHealthFactor(const Plan &plan, double targetHealthFactor)
{
    if (!std::isfinite(targetHealthFactor) || !(targetHealthFactor > 1.0))
        return badTarget("healthFactor",
                         QStringLiteral("the health factor to reach must be a number above 1"));
    Expected<PlanResult> r = computePlan(plan);
    if (!r)
        return r.errors();
    const double d = r->opened.debt;
    const double hf = r->position.healthFactor;
    if (!(d > 0.0))
        return badTarget("healthFactor", QStringLiteral("the position has no debt to repay"));
    if (targetHealthFactor <= hf)
        return badTarget(
            "healthFactor",
            QStringLiteral("health factor %1 is not above the current %2: repaying only raises it "
                           "(Deleverage or Add a Loop lower it)")
                .arg(fixed(targetHealthFactor, 4), fixed(hf, 4)));
    const double repaid = d * (1.0 - hf / targetHealthFactor);
    Expected<PlanEdit> e = editTo(plan, r->opened.collateral, d - repaid);
    if (!e)
        return e;
    PlanEdit out = *e;
    out.repaidDebt = repaid;
    out.summary = QStringLiteral("Repay %1 %2 ($%3) from outside the position: health factor %4 -> %5.")
                      .arg(fixed(repaid, 6), plan.borrow.symbol, fixed(repaid * plan.borrow.priceUsd, 2),
                           fixed(hf, 4), fixed(targetHealthFactor, 4));
    return out;
}

Expected<PlanEdit> deleverageToLeverage(const Plan &plan, double targetLeverage, CloseMethod method)
{
    if (!std::isfinite(targetLeverage) || targetLeverage < 1.0)
        return badTarget("leverage", QStringLiteral("the leverage to reach must be a number of at least 1"));
    Expected<PlanResult> r = computePlan(plan);
    if (!r)
        return r.errors();
    const double current = r->position.leverage;
    if (targetLeverage >= current)
        return badTarget(
            "leverage",
            QStringLiteral("leverage %1 is not below the current %2: deleveraging lowers it (Add a "
                           "Loop raises it)")
                .arg(times(targetLeverage), times(current)));
    const double equity = r->position.equityUsd;
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    Expected<Unwind> unwind = unwindTo(plan, r->opened.collateral * pa, equity, targetLeverage, method);
    if (!unwind)
        return unwind.errors();
    // C' PA = L E' and D' PB = (L - 1) E' at the fixed point (docs/architecture.md, plan edits).
    const double equityAfter = equity - unwind->sale.costUsd() - unwind->premiumUsd;
    const double c = targetLeverage * equityAfter / pa;
    const double d = (targetLeverage - 1.0) * equityAfter / pb;
    Expected<PlanEdit> e = editTo(plan, c, d);
    if (!e)
        return e;
    PlanEdit out = *e;
    out.soldCollateral = r->opened.collateral - c;
    out.repaidDebt = r->opened.debt - d;
    out.swapCostUsd = unwind->sale.costUsd();
    out.flashPremiumUsd = unwind->premiumUsd;
    const QString premium =
        method == CloseMethod::FlashClose
            ? QStringLiteral(" and the flash loan's premium %1").arg(machine::usd(out.flashPremiumUsd))
            : QString();
    out.summary =
        QStringLiteral("Sell %1 %2 ($%3) to repay %4 %5: leverage %6 -> %7. The swap costs %8 (fee "
                       "%9, price impact %10, slippage %11)%12: equity $%13 -> $%14.")
            .arg(fixed(out.soldCollateral, 6), plan.collateral.symbol, fixed(out.soldCollateral * pa, 2),
                 fixed(out.repaidDebt, 6), plan.borrow.symbol, times(current), times(targetLeverage),
                 machine::usd(out.swapCostUsd), machine::usd(unwind->sale.feeUsd))
            .arg(machine::usd(unwind->sale.impactUsd), machine::usd(unwind->sale.slippageUsd), premium,
                 fixed(equity, 2), fixed(equityAfter, 2));
    return out;
}

Expected<PlanEdit> closeNow(const Plan &plan, const CloseOptions &options)
{
    Expected<PlanResult> r = computePlan(plan);
    if (!r)
        return r.errors();
    CloseOptions now = options;
    now.exitDay = 0;
    now.exitPriceUsd = plan.collateral.priceUsd;
    now.exitPriceBUsd = plan.borrow.priceUsd;
    Expected<CloseResult> close = simulateClose(plan, r->opened, now);
    if (!close)
        return close.errors();
    if (!(close->walkAwayCollateral > 0.0))
        return ValidationError{QStringLiteral("deposit"),
                               QStringLiteral("closing now leaves nothing: the costs take the whole equity")};
    PlanEdit out;
    out.plan = plan;
    out.plan.deposit = close->walkAwayCollateral;
    out.plan.strategy.mode = StrategyMode::Loops;
    out.plan.strategy.loops = 0;
    out.collateralAfter = close->walkAwayCollateral;
    out.debtAfter = 0.0;
    out.repaidDebt = r->opened.debt;
    out.soldCollateral = r->opened.collateral - close->walkAwayCollateral;
    out.proceedsUsd = close->walkAwayUsd;
    out.summary = QStringLiteral("Close now (%1): %2 %3 ($%4) left after %5 in costs and %6 gas.")
                      .arg(toString(close->method), fixed(close->walkAwayCollateral, 6),
                           plan.collateral.symbol, fixed(close->walkAwayUsd, 2),
                           machine::usd(close->costs.inPositionUsd()), machine::usd(close->costs.gasUsd));
    return out;
}

} // namespace lp
