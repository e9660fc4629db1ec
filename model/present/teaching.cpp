#include "teaching.h"

#include "closing.h"
#include "displayformat.h"
#include "engine.h"
#include "explain.h"
#include "rulesetexplain.h"

#include <QCoreApplication>

#include <cmath>

namespace lp {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::teaching", text);
}

// What the user put in: the deposit at the opening price plus the opening gas (as in the price sweep).
double costBasisUsd(const PlanResult &r)
{
    return r.plan.deposit * r.plan.collateral.priceUsd + r.opened.costs.gasUsd;
}

// Fills the balances and risk figures of a frame whose wallet is already set; every figure is the
// engine's positionFigures() of that state.
void setBalances(TeachingFrame *f, const PlanResult &r, double c, double d, double pa, double pb)
{
    const PositionFigures p = positionFigures(c, d, pa, pb, r.plan);
    f->priceAUsd = pa;
    f->priceBUsd = pb;
    f->collateral = c;
    f->debt = d;
    f->collateralUsd = p.collateralUsd;
    f->debtUsd = p.debtUsd;
    f->walletUsd = f->walletA * pa + f->walletB * pb;
    f->equityUsd = p.collateralUsd + f->walletUsd - p.debtUsd;
    f->healthFactor = p.healthFactor;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    f->liquidationPriceUsd = d > 0.0 ? p.liquidationPriceUsd : nan;
    f->liquidationRatio = d > 0.0 ? p.liquidationRatio : nan;
    f->ltv = p.ltv;
    f->leverage = p.leverage;
    f->pnlUsd = f->equityUsd - costBasisUsd(r);
    f->holdPnlUsd = r.plan.deposit * (pa - r.plan.collateral.priceUsd);
}

QString liquidationText(const TeachingFrame &f, const Plan &plan)
{
    if (!(f.debt > 0.0))
        return tr("nothing can be liquidated");
    if (plan.borrow.priceModel == PriceModel::TracksCollateral)
        return tr("liquidated below %1")
            .arg(display::ratio(f.liquidationRatio, plan.borrow.symbol, plan.collateral.symbol));
    return tr("liquidated below %1").arg(display::usd(f.liquidationPriceUsd));
}

QString hfFormula(const TeachingFrame &f, const Plan &plan)
{
    if (!(f.debt > 0.0))
        return tr("HF = ∞ (no debt)");
    return tr("HF = C × PA × LT / (D × PB) = %1 × %2 × %3 / (%4 × %5) = %6")
        .arg(display::units(f.collateral, plan.collateral.symbol), display::usd(f.priceAUsd),
             display::parameter(plan.collateral.liquidationThreshold),
             display::units(f.debt, plan.borrow.symbol), display::usd(f.priceBUsd),
             display::healthFactor(f.healthFactor));
}

// The P&L with its parts, gas included: what the user owns now against what they put in (the deposit at
// the opening price and the gas paid to open).
QString pnlFormula(const TeachingFrame &f, const PlanResult &r)
{
    return tr("P&L = you own − (deposit × PA at open + gas) = %1 − (%2 + %3 gas) = %4")
        .arg(display::usd(f.equityUsd), display::usd(r.plan.deposit * r.plan.collateral.priceUsd),
             display::usd(r.opened.costs.gasUsd), display::usd(f.pnlUsd));
}

TeachingFrame depositFrame(const PlanResult &r)
{
    const Plan &plan = r.plan;
    const LoopStep &s = r.opened.steps.front();
    TeachingFrame f;
    f.stage = TeachingStage::Deposit;
    f.title = tr("1. Deposit %1 as collateral").arg(plan.collateral.symbol);
    setBalances(&f, r, s.collateral, s.debt, plan.collateral.priceUsd, plan.borrow.priceUsd);
    f.story = tr("You supply %1 (%2) to the market. Nothing is borrowed yet, so nothing can be liquidated. "
                 "The market lends up to %3 of the collateral's value (its max LTV).")
                  .arg(display::units(f.collateral, plan.collateral.symbol), display::usd(f.collateralUsd),
                       display::percent(plan.collateral.ltv));
    f.story += QLatin1Char(' ') +
               tr("Its liquidation threshold (LT in the formulas) is %1: once the debt is worth more than "
                  "that share of the collateral's value, the position can be liquidated.")
                   .arg(display::parameter(plan.collateral.liquidationThreshold));
    f.formulas << tr("CV = C × PA = %1 × %2 = %3")
                      .arg(display::units(f.collateral, plan.collateral.symbol),
                           display::usd(plan.collateral.priceUsd), display::usd(f.collateralUsd))
               << tr("Borrowing power = CV × LTV max = %1 × %2 = %3")
                      .arg(display::usd(f.collateralUsd), display::percent(plan.collateral.ltv),
                           display::usd(f.collateralUsd * plan.collateral.ltv));
    return f;
}

void appendLoopFrames(const PlanResult &r, std::vector<TeachingFrame> *frames)
{
    const Plan &plan = r.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const double pa = plan.collateral.priceUsd;
    const double pb = plan.borrow.priceUsd;
    const std::vector<LoopStep> &steps = r.opened.steps;
    for (size_t k = 1; k < steps.size(); ++k) {
        const LoopStep &before = steps[k - 1];
        const LoopStep &s = steps[k];
        const int loop = static_cast<int>(k);

        TeachingFrame borrow;
        borrow.stage = TeachingStage::Borrow;
        borrow.loop = loop;
        borrow.walletB = s.borrowed;
        setBalances(&borrow, r, before.collateral, s.debt, pa, pb);
        borrow.title = tr("Loop %1: borrow %2").arg(loop).arg(b);
        borrow.story = tr("You borrow %1 (%2) against your collateral%3. Your debt is now %4 of the "
                          "collateral's value and the health factor falls to %5.")
                           .arg(display::units(s.borrowed, b), display::usd(s.borrowed * pb),
                                s.partial ? tr(", only what the target still needs") : QString(),
                                display::percent(borrow.ltv), display::healthFactor(borrow.healthFactor));
        borrow.formulas << tr("Borrowed = %1 × %2 = %3")
                               .arg(display::units(s.borrowed, b), display::usd(pb),
                                    display::usd(s.borrowed * pb))
                        << tr("LTV = DV / CV = %1 / %2 = %3 (per-loop target t = %4 × %5 = %6)")
                               .arg(display::usd(borrow.debtUsd), display::usd(borrow.collateralUsd),
                                    display::percent(borrow.ltv),
                                    display::percent(plan.strategy.ltvFraction, 0),
                                    display::percent(plan.collateral.ltv),
                                    display::percent(r.opened.perLoopLtv))
                        << hfFormula(borrow, plan);
        frames->push_back(borrow);

        TeachingFrame swap;
        swap.stage = TeachingStage::Swap;
        swap.loop = loop;
        swap.walletA = s.swappedToCollateral;
        setBalances(&swap, r, before.collateral, s.debt, pa, pb);
        swap.title = tr("Loop %1: swap %2 for %3").arg(loop).arg(b, a);
        swap.story =
            tr("On a DEX the %1 buys %2. The swap fee and slippage cost %3; that is why each loop "
               "adds a little less than it borrowed.")
                .arg(b, display::units(s.swappedToCollateral, a), display::usd(s.swapFeeUsd + s.slippageUsd));
        const double keep = plan.costs.swapKeep();
        swap.formulas << tr("k = (1 − fee)(1 − slippage) = (1 − %1)(1 − %2) = %3")
                             .arg(display::percent(plan.costs.swapFeeBps / 1e4),
                                  display::percent(plan.costs.slippageBps / 1e4), display::percent(keep))
                      << tr("Bought = borrowed × PB × k / PA = %1 × %2 × %3 / %4 = %5")
                             .arg(display::units(s.borrowed, b), display::usd(pb), display::percent(keep),
                                  display::usd(pa), display::units(s.swappedToCollateral, a));
        frames->push_back(swap);

        TeachingFrame supply;
        supply.stage = TeachingStage::Supply;
        supply.loop = loop;
        setBalances(&supply, r, s.collateral, s.debt, pa, pb);
        supply.title = tr("Loop %1: supply the %2 you bought").arg(loop).arg(a);
        supply.story = tr("Supplied, the %1 becomes collateral too: %2 against %3 of debt. You are now "
                          "exposed to %4 of %1 (leverage %5), and %6.")
                           .arg(a, display::units(s.collateral, a), display::units(s.debt, b),
                                display::usd(supply.collateralUsd), display::leverage(supply.leverage),
                                liquidationText(supply, plan));
        supply.formulas << tr("C = %1 + %2 = %3")
                               .arg(display::number(before.collateral, 4),
                                    display::number(s.swappedToCollateral, 4),
                                    display::units(s.collateral, a))
                        << tr("Leverage = CV / (CV − DV) = %1 / (%1 − %2) = %3")
                               .arg(display::usd(supply.collateralUsd), display::usd(supply.debtUsd),
                                    display::leverage(supply.leverage))
                        << hfFormula(supply, plan);
        frames->push_back(supply);
    }
}

TeachingFrame flashFrame(const PlanResult &r)
{
    const Plan &plan = r.plan;
    const LoopStep &s = r.opened.steps.back();
    TeachingFrame f;
    f.stage = TeachingStage::FlashLoan;
    f.loop = 1;
    setBalances(&f, r, s.collateral, s.debt, plan.collateral.priceUsd, plan.borrow.priceUsd);
    f.title = tr("Flash loan: every loop in one transaction");
    f.story = tr("A flash loan lends %1 for the length of one transaction: it is swapped to %2 and supplied "
                 "with your deposit, then %3 is borrowed against it all to repay the flash loan and its "
                 "premium. One transaction, the same exposure: leverage %4, %5.")
                  .arg(plan.borrow.symbol, display::units(s.swappedToCollateral, plan.collateral.symbol),
                       display::units(s.borrowed, plan.borrow.symbol), display::leverage(f.leverage),
                       liquidationText(f, plan));
    f.formulas << tr("Flash premium = %1").arg(display::usd(s.flashPremiumUsd)) << hfFormula(f, plan);
    return f;
}

TeachingFrame monitorFrame(const PlanResult &r)
{
    const Plan &plan = r.plan;
    TeachingFrame f;
    f.stage = TeachingStage::Monitor;
    setBalances(&f, r, r.opened.collateral, r.opened.debt, plan.collateral.priceUsd, plan.borrow.priceUsd);
    f.title = tr("Monitor the health factor");
    f.story = f.debt > 0.0
                  ? tr("The position is open: leverage %1, health factor %2, %3. A %4 fall in %5 "
                       "brings it there; move the price to see what happens.")
                        .arg(display::leverage(f.leverage), display::healthFactor(f.healthFactor),
                             liquidationText(f, plan), display::percent(r.position.distanceToLiquidation, 1),
                             plan.collateral.symbol)
                  : tr("Without debt this is simply holding %1.").arg(plan.collateral.symbol);
    if (r.opened.costs.gasUsd > 0.0)
        f.story += QLatin1Char(' ') +
                   tr("Your P&L counts the %1 of gas paid to open.").arg(display::usd(r.opened.costs.gasUsd));
    if (f.debt > 0.0)
        f.story += QLatin1Char(' ') + ruleSetParagraph(r);
    for (Figure figure : {Figure::HealthFactor, Figure::LiquidationPrice, Figure::Distance})
        f.formulas << explain(r, figure).formula;
    return f;
}

TeachingFrame closeFrame(const PlanResult &r)
{
    const Plan &plan = r.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    TeachingFrame f;
    f.stage = TeachingStage::Close;
    f.title = tr("Repay and withdraw");
    const Expected<CloseResult> close = simulateClose(plan, r.opened);
    if (!close) {
        setBalances(&f, r, r.opened.collateral, r.opened.debt, plan.collateral.priceUsd,
                    plan.borrow.priceUsd);
        f.story = tr("This position cannot be closed by selling %1: %2").arg(a, formatErrors(close.errors()));
        return f;
    }
    const CloseResult &c = *close;
    f.walletA = c.walkAwayCollateral;
    setBalances(&f, r, 0.0, 0.0, c.exitPriceUsd, c.exitPriceBUsd);
    // Closing costs and interest are already in the walk-away amount: use the simulator's figures.
    f.equityUsd = c.walkAwayUsd;
    f.pnlUsd = c.pnlUsd;
    f.holdPnlUsd = c.holdPnlUsd;
    double sold = 0.0;
    for (const CloseRound &round : c.rounds)
        sold += round.sold;
    f.story = tr("By day %1 the debt has grown to %2 and the collateral to %3. Selling %4 repays the debt "
                 "in %5 round(s) that keep the health factor safe; you withdraw %6 (%7). Holding the "
                 "deposit instead would have made %8; the loop made %9.")
                  .arg(QString::number(c.exitDay), display::units(c.debtAtExit, b),
                       display::units(c.collateralAtExit, a), display::units(sold, a),
                       QString::number(c.rounds.size()), display::units(c.walkAwayCollateral, a),
                       display::usd(c.walkAwayUsd), display::usd(c.holdPnlUsd), display::usd(c.pnlUsd));
    const double years = c.exitDay / 365.0;
    f.formulas
        << tr("D after %1 days = D × (1 + borrow APY)^(%1/365) = %2 × (1 + %3)^%4 = %5")
               .arg(c.exitDay)
               .arg(display::units(r.opened.debt, b), display::percent(plan.borrow.borrowApy),
                    display::number(years, 3), display::units(c.debtAtExit, b))
        << tr("Walk away = equity at exit − swap fees − slippage − flash premium = %1 − %2 − %3 − %4 = %5")
               .arg(display::usd(c.equityAtExitUsd), display::usd(c.costs.swapFeesUsd),
                    display::usd(c.costs.slippageUsd), display::usd(c.costs.flashPremiumUsd),
                    display::usd(c.walkAwayUsd));
    return f;
}

} // namespace

std::vector<TeachingFrame> teachingFrames(const PlanResult &result)
{
    std::vector<TeachingFrame> frames;
    if (result.opened.steps.empty())
        return frames;
    frames.push_back(depositFrame(result));
    if (result.opened.execution == Execution::FlashLoan && result.opened.steps.size() > 1)
        frames.push_back(flashFrame(result));
    else
        appendLoopFrames(result, &frames);
    frames.push_back(monitorFrame(result));
    frames.push_back(closeFrame(result));
    return frames;
}

TeachingFrame whatIfFrame(const PlanResult &result, double priceChange)
{
    const Plan &plan = result.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const double pa = plan.collateral.priceUsd * std::max(0.0, 1.0 + priceChange);
    const double pb = plan.borrow.priceUsd;
    FallingPathLiquidator path(result.opened.collateral, result.opened.debt, liquidationParams(plan, pb));
    if (pa < plan.collateral.priceUsd)
        path.advanceTo(pa);

    TeachingFrame f;
    f.liquidations = path.events();
    f.stage = f.liquidations.empty() ? TeachingStage::Monitor : TeachingStage::Liquidation;
    setBalances(&f, result, path.collateral(), path.debt(), pa, pb);
    const QString move = display::signedPercent(priceChange, 0);
    if (f.liquidations.empty()) {
        f.title = tr("What if %1 moves %2?").arg(a, move);
        f.story = tr("At %1 the health factor is %2 and the position is %3. Your P&L is %4; holding the "
                     "deposit would be %5.")
                      .arg(display::usd(pa), display::healthFactor(f.healthFactor),
                           f.debt > 0.0 ? liquidationText(f, plan) : tr("free of debt"),
                           display::usd(f.pnlUsd), display::usd(f.holdPnlUsd));
        f.formulas << hfFormula(f, plan) << pnlFormula(f, result);
        return f;
    }
    double repaid = 0.0;
    double seized = 0.0;
    double penalty = 0.0;
    for (const LiquidationEvent &e : f.liquidations) {
        repaid += e.debtRepaid;
        seized += e.collateralSeized;
        penalty += e.penaltyUsd;
    }
    const LiquidationEvent &first = f.liquidations.front();
    f.title = tr("Liquidated: %1 moved %2").arg(a, move);
    const int calls = static_cast<int>(f.liquidations.size());
    f.story = tr("On the way down to %1 the health factor fell below 1 and liquidators stepped in %2. They "
                 "repaid %3 of your debt and took %4 of your collateral, worth %5 more than what they "
                 "repaid: the liquidation bonus, lost for good. P&L %6, against %7 for holding.")
                  .arg(display::usd(pa), calls == 1 ? tr("once") : tr("%1 times").arg(calls),
                       display::units(repaid, b), display::units(seized, a), display::usd(penalty),
                       display::usd(f.pnlUsd), display::usd(f.holdPnlUsd));
    f.story += QLatin1Char(' ') + ruleSetParagraph(result);
    f.formulas << tr("First call at %1: repaid = %2 of the debt = %3")
                      .arg(display::usd(first.priceUsd), display::percent(first.closeFactor, 0),
                           display::units(first.debtRepaid, b))
               << tr("Seized = repaid × PB × (1 + bonus) / PA = %1 × %2 × %3 / %4 = %5")
                      .arg(display::units(first.debtRepaid, b), display::usd(pb),
                           display::parameter(1.0 + first.bonus), display::usd(first.priceUsd),
                           display::units(first.collateralSeized, a))
               << hfFormula(f, plan);
    // Every further call on the way down, each with what it repaid and seized.
    for (size_t k = 1; k < f.liquidations.size(); ++k) {
        const LiquidationEvent &e = f.liquidations[k];
        f.formulas << tr("Call %1 at %2: repaid = %3 of the debt = %4, seized %5")
                          .arg(static_cast<int>(k) + 1)
                          .arg(display::usd(e.priceUsd), display::percent(e.closeFactor, 0),
                               display::units(e.debtRepaid, b), display::units(e.collateralSeized, a));
    }
    f.formulas << pnlFormula(f, result);
    return f;
}

} // namespace lp
