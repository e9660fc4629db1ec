// Plan edits: add a loop, repay to a health factor, deleverage to a leverage, close now; each by hand
// and as a property of the edited plan's own result.
#include "engine.h"
#include "execution.h"
#include "marketregistry.h"
#include "planeditplans.h"
#include "planedits.h"
#include "report.h"
#include "testutil.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;
using test::relClose;

namespace {

// The figures of `plan` opened: a plan edit must reproduce C' and D' exactly in its own result.
PlanResult opened(const Plan &plan)
{
    return test::compute(plan);
}

// A flash-loan plan with every cost: A $100, B $1, ltv 75 %, lt 80 %, 10 A to 2x, t = 0.8 x 0.75 = 0.6, swap
// fee 30 bps, slippage 0, premium 5 bps.
Plan flashTargetPlan()
{
    Plan p = test::oneFullLoopPlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 2.0;
    p.strategy.ltvFraction = 0.8;
    p.execution = Execution::FlashLoan;
    p.costs = {30.0, 0.0, 5.0, 1.0};
    return p;
}

} // namespace

class TestPlanEdits : public QObject {
    Q_OBJECT
private slots:
    void addLoopIsTheLoopTablesNextRow();
    void addLoopOnATargetPlanByHand();
    void repayToHealthFactorByHand();
    void deleverageByHand();
    void closeNowByHand();
    void planHoldingPositionOpensIt();
    void repayReachesTheHealthFactor();
    void deleverageReachesTheLeverageKeepingEquity();
    void closeNowEqualsTheClose();
    void errorsNameTheField();
};

void TestPlanEdits::addLoopIsTheLoopTablesNextRow()
{
    // One full loop: C = 17.5 A, D = 750 B. The next loop borrows 0.75 x 1,750 - 750 = $562.5 and buys
    // 5.625 A: C' = 23.125, D' = 1,312.5; the plan gets 2 loops, whose table's row 2 says the same.
    const Plan p = test::oneFullLoopPlan();
    const Expected<PlanEdit> e = addLoop(p);
    QVERIFY(e);
    QCOMPARE(e->plan.strategy.loops, 2);
    QVERIFY(relClose(e->borrowed, 562.5, 1e-12));
    QVERIFY(relClose(e->collateralAfter, 23.125, 1e-12));
    QVERIFY(relClose(e->debtAfter, 1312.5, 1e-12));
    const PlanResult after = opened(e->plan);
    QCOMPARE(static_cast<int>(after.opened.steps.size()), 3);
    QVERIFY(relClose(after.opened.steps[2].collateral, 23.125, 1e-12));
    QVERIFY(relClose(after.opened.steps[2].debt, 1312.5, 1e-12));
    QVERIFY(e->summary.contains(QStringLiteral("562.50")));
}

void TestPlanEdits::addLoopOnATargetPlanByHand()
{
    // Flash to 2x from $1,000 at k = 0.997, phi = 0.0005: y = 1000 (2 - 1) / (2 (1.0005 - 0.997) + 0.997)
    // = 1000 / 1.004; C = 10 + 0.997 y / 100, D = 1.0005 y. The next loop at t = 0.6 borrows
    // y2 = 60 C - D and buys 0.997 y2 / 100 A.
    const Plan p = flashTargetPlan();
    const double y = 1000.0 / 1.004;
    const double c = 10.0 + 0.997 * y / 100.0;
    const double d = 1.0005 * y;
    const double y2 = 0.6 * c * 100.0 - d;
    const Expected<PlanEdit> e = addLoop(p);
    QVERIFY(e);
    QVERIFY(relClose(e->borrowed, y2, 1e-12));
    QVERIFY(relClose(e->collateralAfter, c + 0.997 * y2 / 100.0, 1e-12));
    QVERIFY(relClose(e->debtAfter, d + y2, 1e-12));
    // The edited plan opens that position, in one flash transaction, with the plan's costs kept.
    const PlanResult after = opened(e->plan);
    QVERIFY(e->plan.execution == Execution::FlashLoan);
    QCOMPARE(e->plan.costs, p.costs);
    QVERIFY(relClose(after.opened.collateral, c + 0.997 * y2 / 100.0, 1e-9));
    QVERIFY(relClose(after.opened.debt, d + y2, 1e-9));
    QVERIFY(relClose(after.position.ltv, (d + y2) / (c * 100.0 + 0.997 * y2), 1e-9));
}

void TestPlanEdits::repayToHealthFactorByHand()
{
    // C = 17.5 A, D = 750 B, HF = 1.8666667. To reach 2.8: R = 750 (1 - 1.8666667 / 2.8) = 250, and
    // 17.5 x 100 x 0.8 / 500 = 2.8.
    const Expected<PlanEdit> e = repayToHealthFactor(test::oneFullLoopPlan(), 2.8);
    QVERIFY(e);
    QVERIFY(relClose(e->repaidDebt, 250.0, 1e-12));
    QVERIFY(relClose(e->collateralAfter, 17.5, 1e-12));
    QVERIFY(relClose(e->debtAfter, 500.0, 1e-12));
    const PlanResult after = opened(e->plan);
    QVERIFY(relClose(after.opened.collateral, 17.5, 1e-12));
    QVERIFY(relClose(after.opened.debt, 500.0, 1e-12));
    QVERIFY(relClose(after.position.healthFactor, 2.8, 1e-12));
    // The equity grows by what was repaid from outside: $1,000 + $250.
    QVERIFY(relClose(after.position.equityUsd, 1250.0, 1e-12));
}

void TestPlanEdits::deleverageByHand()
{
    // Equity $1,000 at 1.75x; to 1.25x: C' = 1.25 x 1000 / 100 = 12.5 A, D' = 0.25 x 1000 = 250 B; sold
    // 17.5 - 12.5 = 5 A, repaid 750 - 250 = 500 B.
    const Expected<PlanEdit> e = deleverageToLeverage(test::oneFullLoopPlan(), 1.25);
    QVERIFY(e);
    QVERIFY(relClose(e->collateralAfter, 12.5, 1e-12));
    QVERIFY(relClose(e->debtAfter, 250.0, 1e-12));
    QVERIFY(relClose(e->soldCollateral, 5.0, 1e-12));
    QVERIFY(relClose(e->repaidDebt, 500.0, 1e-12));
    const PlanResult after = opened(e->plan);
    QVERIFY(relClose(after.position.leverage, 1.25, 1e-12));
    QVERIFY(relClose(after.position.healthFactor, 12.5 * 100.0 * 0.8 / 250.0, 1e-12));
    // Down to 1x: no debt left, a plain deposit of the equity, 10 A.
    const Expected<PlanEdit> flat = deleverageToLeverage(test::oneFullLoopPlan(), 1.0);
    QVERIFY(flat);
    QVERIFY(flat->plan.strategy.mode == StrategyMode::Loops);
    QCOMPARE(flat->plan.strategy.loops, 0);
    QVERIFY(relClose(flat->plan.deposit, 10.0, 1e-12));
}

void TestPlanEdits::closeNowByHand()
{
    // Without costs the close pays out the equity, $1,000 = 10 A, and the plan after it holds 10 A.
    for (CloseMethod method : {CloseMethod::SellToRepay, CloseMethod::FlashClose}) {
        CloseOptions o;
        o.method = method;
        const Expected<PlanEdit> e = closeNow(test::oneFullLoopPlan(), o);
        QVERIFY(e);
        QVERIFY(relClose(e->proceedsUsd, 1000.0, 1e-12));
        QVERIFY(relClose(e->plan.deposit, 10.0, 1e-12));
        QCOMPARE(e->debtAfter, 0.0);
        QVERIFY(relClose(e->repaidDebt, 750.0, 1e-12));
        const PlanResult after = opened(e->plan);
        QCOMPARE(after.opened.debt, 0.0);
        QVERIFY(relClose(after.position.equityUsd, 1000.0, 1e-12));
    }
    // With a 30 bps fee the loop buys 7.5 x 0.997 = 7.4775 A: C = 17.4775, equity $997.75. The flash close
    // sells $750 / 0.997 of A, the fee 0.003 x that = $2.2567703: walk away $997.75 - 2.2567703.
    Plan p = test::oneFullLoopPlan();
    p.costs.swapFeeBps = 30.0;
    CloseOptions o;
    o.method = CloseMethod::FlashClose;
    const Expected<PlanEdit> e = closeNow(p, o);
    QVERIFY(e);
    QVERIFY(relClose(e->proceedsUsd, 997.75 - 0.003 * 750.0 / 0.997, 1e-12));
}

void TestPlanEdits::planHoldingPositionOpensIt()
{
    // Property: over random plans (costs, impact), the plan holding C and D opens to C and D.
    QRandomGenerator rng(15);
    for (const Plan &p : test::randomEditPlans(60, 150)) {
        const PlanResult r = opened(p);
        const double c = r.opened.collateral * (0.6 + 0.8 * rng.generateDouble());
        const double d = std::min(r.opened.debt * (0.3 + rng.generateDouble()),
                                  0.9 * p.collateral.ltv * c * p.collateral.priceUsd / p.borrow.priceUsd);
        const Expected<Plan> held = planHoldingPosition(p, c, d);
        QVERIFY(held);
        const PlanResult after = opened(*held);
        QVERIFY2(relClose(after.opened.collateral, c, 1e-9),
                 qPrintable(QString::number(after.opened.collateral)));
        QVERIFY(relClose(after.opened.debt, d, 1e-9));
    }
}

void TestPlanEdits::repayReachesTheHealthFactor()
{
    // Property: after a repay to H the edited plan's health factor is H within 1e-9, its collateral is
    // unchanged and the debt fell by what was repaid.
    QRandomGenerator rng(16);
    for (const Plan &p : test::randomEditPlans(60, 160)) {
        const PlanResult before = opened(p);
        const double target = before.position.healthFactor * (1.01 + 2.0 * rng.generateDouble());
        const Expected<PlanEdit> e = repayToHealthFactor(p, target);
        QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
        const PlanResult after = opened(e->plan);
        QVERIFY(relClose(after.position.healthFactor, target, 1e-9));
        QVERIFY(relClose(after.opened.collateral, before.opened.collateral, 1e-9));
        QVERIFY(relClose(after.opened.debt, before.opened.debt - e->repaidDebt, 1e-9));
    }
}

void TestPlanEdits::deleverageReachesTheLeverageKeepingEquity()
{
    // The equity is kept but for what the unwind's swap costs (tst_planeditsdeleverage has the rest).
    QRandomGenerator rng(17);
    for (const Plan &p : test::randomEditPlans(60, 170)) {
        const PlanResult before = opened(p);
        const double target = 1.0 + (before.position.leverage - 1.0) * rng.generateDouble() * 0.99;
        const Expected<PlanEdit> e = deleverageToLeverage(p, target);
        QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
        const PlanResult after = opened(e->plan);
        QVERIFY(relClose(after.position.leverage, target, 1e-9));
        QVERIFY(relClose(after.position.equityUsd + e->swapCostUsd, before.position.equityUsd, 1e-9));
    }
}

void TestPlanEdits::closeNowEqualsTheClose()
{
    // Property: close now pays what the Close tab's close at day 0 pays (simulateClose), and a flash close
    // now, less its gas, is the report's "proceeds if closed now".
    for (const Plan &p : test::randomEditPlans(40, 180)) {
        const PlanResult r = opened(p);
        CloseOptions day0;
        day0.exitDay = 0;
        const Expected<CloseResult> close = simulateClose(p, r.opened, day0);
        const Expected<PlanEdit> e = closeNow(p);
        QCOMPARE(bool(e), bool(close));
        if (!e)
            continue;
        QCOMPARE(e->proceedsUsd, close->walkAwayUsd);
        QCOMPARE(e->plan.deposit, close->walkAwayCollateral);
        CloseOptions flash;
        flash.method = CloseMethod::FlashClose;
        const Expected<PlanEdit> f = closeNow(p, flash);
        const QJsonObject report = reportJson(r, MarketRegistry::builtIn());
        const QJsonObject x = report.value(QStringLiteral("execution")).toObject();
        if (!f)
            continue;
        QVERIFY(relClose(f->proceedsUsd - p.costs.gasUsdPerTx,
                         x.value(QStringLiteral("proceedsIfClosedNowUsd")).toDouble(), 1e-9));
    }
}

void TestPlanEdits::errorsNameTheField()
{
    const Plan p = test::oneFullLoopPlan();
    const Expected<PlanEdit> low = repayToHealthFactor(p, 1.5);
    QVERIFY(!low);
    QCOMPARE(low.errors().first().field, QStringLiteral("healthFactor"));
    QVERIFY(low.errors().first().message.contains(QStringLiteral("1.8667")));
    QVERIFY(!repayToHealthFactor(p, 1.0));
    QVERIFY(!repayToHealthFactor(p, std::nan("")));
    const Expected<PlanEdit> high = deleverageToLeverage(p, 2.0);
    QVERIFY(!high);
    QCOMPARE(high.errors().first().field, QStringLiteral("leverage"));
    QVERIFY(high.errors().first().message.contains(QStringLiteral("1.75x")));
    QVERIFY(!deleverageToLeverage(p, 0.5));
    Plan maxed = p;
    maxed.strategy.loops = limits::maxLoops;
    maxed.strategy.ltvFraction = 0.5;
    const Expected<PlanEdit> tooMany = addLoop(maxed);
    QVERIFY(!tooMany);
    QCOMPARE(tooMany.errors().first().field, QStringLiteral("strategy.loops"));
    Plan noDebt = p;
    noDebt.strategy.loops = 0;
    QVERIFY(!repayToHealthFactor(noDebt, 3.0));
    // A target plan at its loop LTV already: a flash open to the maximum leverage t allows.
    Plan atLtv = flashTargetPlan();
    atLtv.strategy.leverage = 1.0 / (1.0 - 0.6);
    atLtv.costs = {};
    const Expected<PlanEdit> full = addLoop(atLtv);
    QVERIFY(!full);
    QCOMPARE(full.errors().first().field, QStringLiteral("strategy.ltvFraction"));
}

QTEST_GUILESS_MAIN(TestPlanEdits)
#include "tst_planedits.moc"
