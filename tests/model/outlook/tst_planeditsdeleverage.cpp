// Deleverage to a leverage with the unwind's swap costs charged (planedits.h): by hand without costs
// (today's C' = L E / PA, D' = (L - 1) E / PB), with a fee and slippage, with a flash loan's premium, with
// a pool's price impact (the fixed point checked against the constant-product formula written out here),
// as properties over generated plans, and the targets the costs make unreachable.
#include "closing.h"
#include "engine.h"
#include "planeditplans.h"
#include "planedits.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;
using test::relClose;

namespace {

// One full loop (testutil.h) with a 30 bps fee, 20 bps slippage and a 5 bps flash premium: the loop's
// swap keeps k = 0.997 x 0.998 = 0.995006, so C = 10 + 7.5 k = 17.462545 A, D = 750 B, E = $996.2545.
Plan costlyLoopPlan()
{
    Plan p = test::oneFullLoopPlan();
    p.costs = {30.0, 20.0, 5.0, 0.0};
    return p;
}

} // namespace

class TestPlanEditsDeleverage : public QObject {
    Q_OBJECT
private slots:
    void withoutCostsIsTheEquityKept();
    void feeAndSlippageByHand();
    void flashPremiumByHand();
    void priceImpactIsAFixedPoint();
    void reachesTheLeverageChargingTheCosts();
    void unreachableTargetsNameTheLeverage();
};

void TestPlanEditsDeleverage::withoutCostsIsTheEquityKept()
{
    // No costs: kappa = 1, the sale keeps all it is worth, and C' = L E / PA, D' = (L - 1) E / PB to the
    // last bit, as before the costs were charged; the cost is $0.00 in the sentence.
    for (CloseMethod method : {CloseMethod::SellToRepay, CloseMethod::FlashClose}) {
        for (const double target : {1.0, 1.25, 1.6}) {
            const Expected<PlanEdit> e = deleverageToLeverage(test::oneFullLoopPlan(), target, method);
            QVERIFY(e);
            QCOMPARE(e->collateralAfter, target * 1000.0 / 100.0);
            QCOMPARE(e->debtAfter, (target - 1.0) * 1000.0 / 1.0);
            QCOMPARE(e->swapCostUsd, 0.0);
            QCOMPARE(e->flashPremiumUsd, 0.0);
            QVERIFY2(e->summary.contains(QStringLiteral("The swap costs $0.00")), qPrintable(e->summary));
            QVERIFY(e->summary.contains(QStringLiteral("equity $1000.00 -> $1000.00")));
        }
    }
}

void TestPlanEditsDeleverage::feeAndSlippageByHand()
{
    // Sell to repay down to L = 1.25, kappa = k = 0.995006:
    //   V = (C PA - L E) / (1 - L (1 - k)) = (1746.2545 - 1245.318125) / (1 - 1.25 x 0.004994)
    //     = 500.936375 / 0.9937575 = $504.08311384, S = V / 100 = 5.0408311384 A;
    //   costs V (1 - k) = fee 504.08311384 x 0.003 = 1.51224934 plus slippage 502.57086450 x 0.002
    //     = 1.00514173: $2.51739107; E' = 996.2545 - 2.51739107 = $993.73710893;
    //   C' = L E' / 100 = 12.42171386 A (= C - S), D' = 0.25 E' = 248.43427723 B (= D - V k).
    // Tolerance 1e-9 relative: the hand values carry 11 significant digits.
    const Expected<PlanEdit> e = deleverageToLeverage(costlyLoopPlan(), 1.25);
    QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
    QVERIFY(relClose(e->soldCollateral, 5.0408311384, 1e-9));
    QVERIFY(relClose(e->collateralAfter, 12.42171386, 1e-9));
    QVERIFY(relClose(e->debtAfter, 248.43427723, 1e-9));
    QVERIFY(relClose(e->repaidDebt, 750.0 - 248.43427723, 1e-9));
    QVERIFY(relClose(e->swapCostUsd, 2.51739107, 1e-8));
    QCOMPARE(e->flashPremiumUsd, 0.0);
    const PlanResult after = test::compute(e->plan);
    QVERIFY(relClose(after.position.equityUsd, 993.73710893, 1e-9));
    QVERIFY(relClose(after.position.leverage, 1.25, 1e-12));
    QVERIFY2(e->summary.contains(QStringLiteral("The swap costs $2.52 (fee $1.51, price impact $0.00, "
                                                "slippage $1.01): equity $996.25 -> $993.74.")),
             qPrintable(e->summary));
}

void TestPlanEditsDeleverage::flashPremiumByHand()
{
    // A flash loan repays the debt first and the sale pays it back with its premium: kappa = k / 1.0005
    // = 0.99450862. V = 500.936375 / (1 - 1.25 (1 - kappa)) = $504.39860128, S = 5.0439860128 A;
    // swap costs V (1 - k) = $2.51896661, premium V k 0.0005 / 1.0005 = $0.25081441;
    // E' = 996.2545 - 2.51896661 - 0.25081441 = $993.48471898, C' = 12.41855899 A, D' = 248.37117974 B.
    const Expected<PlanEdit> e = deleverageToLeverage(costlyLoopPlan(), 1.25, CloseMethod::FlashClose);
    QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
    QVERIFY(relClose(e->soldCollateral, 5.0439860128, 1e-9));
    QVERIFY(relClose(e->collateralAfter, 12.41855899, 1e-9));
    QVERIFY(relClose(e->debtAfter, 248.37117974, 1e-9));
    QVERIFY(relClose(e->swapCostUsd, 2.51896661, 1e-8));
    QVERIFY(relClose(e->flashPremiumUsd, 0.25081441, 1e-8));
    QVERIFY(relClose(test::compute(e->plan).position.equityUsd, 993.48471898, 1e-9));
    QVERIFY(e->summary.contains(QStringLiteral("and the flash loan's premium $0.25")));
}

void TestPlanEditsDeleverage::priceImpactIsAFixedPoint()
{
    // The pool plan (A and B at $1,000, $80,000 of A in the pool) with a 30 bps fee and 10 bps slippage.
    // Selling V of A loses i = u / (80,000 + u) of u = V (1 - s) to impact, so the sale keeps
    // kappa(V) = (1 - s)(1 - i)(1 - q), and the V found must solve V (1 - L (1 - kappa(V))) = C PA - L E
    // (relative 1e-12: the iteration stops when a step moves V by 1e-13 of itself).
    Plan p = test::poolPlan();
    p.costs = {30.0, 10.0, 0.0, 0.0};
    const PlanResult before = test::compute(p);
    const double cv = before.opened.collateral * 1000.0;
    const double equity = before.position.equityUsd;
    for (const double target : {1.0, 1.3, 0.5 * (1.0 + before.position.leverage)}) {
        const Expected<PlanEdit> e = deleverageToLeverage(p, target);
        QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
        const double v = e->soldCollateral * 1000.0;
        const double u = v * (1.0 - 0.003);
        const double kappa = (1.0 - 0.003) * (1.0 - u / (80000.0 + u)) * (1.0 - 0.001);
        QVERIFY2(relClose(v * (1.0 - target * (1.0 - kappa)), cv - target * equity, 1e-12),
                 qPrintable(QString::number(v, 'g', 17)));
        // What it costs is V (1 - kappa), all of it charged to the equity.
        QVERIFY(relClose(e->swapCostUsd, v * (1.0 - kappa), 1e-9));
        QVERIFY(relClose(e->repaidDebt * 1000.0, v * kappa, 1e-9));
        const PlanResult after = test::compute(e->plan);
        QVERIFY(relClose(after.position.leverage, target, 1e-9));
        QVERIFY(relClose(after.position.equityUsd, equity - v * (1.0 - kappa), 1e-9));
        // The impact is a cost of its own: more than the fee and slippage would take alone.
        QVERIFY(e->swapCostUsd > v * (1.0 - 0.997 * 0.999) * 1.0000001);
    }
}

void TestPlanEditsDeleverage::reachesTheLeverageChargingTheCosts()
{
    // Property over generated plans (costs, impact, both executions), both unwinds: the leverage after is
    // the target to 1e-9 relative; the equity after plus the swap costs and the premium is the equity
    // before; what was repaid is what the sale kept, less the premium; the same plan without costs gives
    // C' = L E / PA and D' = (L - 1) E / PB.
    QRandomGenerator rng(18);
    for (const Plan &p : test::randomEditPlans(60, 190)) {
        const PlanResult before = test::compute(p);
        const double target = 1.0 + (before.position.leverage - 1.0) * rng.generateDouble() * 0.99;
        const double pa = p.collateral.priceUsd;
        const double pb = p.borrow.priceUsd;
        for (CloseMethod method : {CloseMethod::SellToRepay, CloseMethod::FlashClose}) {
            const Expected<PlanEdit> e = deleverageToLeverage(p, target, method);
            QVERIFY2(e, e ? "" : qPrintable(formatErrors(e.errors())));
            const PlanResult after = test::compute(e->plan);
            QVERIFY(relClose(after.position.leverage, target, 1e-9));
            QVERIFY(relClose(after.position.equityUsd + e->swapCostUsd + e->flashPremiumUsd,
                             before.position.equityUsd, 1e-9));
            QVERIFY(e->swapCostUsd > 0.0);
            QCOMPARE(e->flashPremiumUsd > 0.0,
                     method == CloseMethod::FlashClose && p.costs.flashPremiumBps > 0);
            const double kept = e->soldCollateral * pa - e->swapCostUsd - e->flashPremiumUsd;
            QVERIFY(relClose(e->repaidDebt * pb, kept, 1e-8));
            // Selling that much on the plan's route costs what the edit says.
            QVERIFY(relClose(sellCollateralUsd(p, e->soldCollateral * pa).costUsd(), e->swapCostUsd, 1e-8));
        }
        Plan costFree = p;
        costFree.costs = {};
        costFree.priceImpact = {};
        const PlanResult freeBefore = test::compute(costFree);
        const Expected<PlanEdit> f = deleverageToLeverage(costFree, target);
        QVERIFY(f);
        QVERIFY(relClose(f->collateralAfter, target * freeBefore.position.equityUsd / pa, 1e-12));
        QVERIFY(relClose(f->debtAfter, (target - 1.0) * freeBefore.position.equityUsd / pb, 1e-12));
        QCOMPARE(f->swapCostUsd, 0.0);
    }
}

void TestPlanEditsDeleverage::unreachableTargetsNameTheLeverage()
{
    // 60 % slippage: the loop keeps 0.4 of its $750, C = 13 A, E = $550, leverage 2.36x. At 2x a sale
    // keeps kappa = 0.4 of what it is worth and 1 - 2 (1 - 0.4) = -0.2 <= 0: no sale reaches it.
    Plan lossy = test::oneFullLoopPlan();
    lossy.costs.slippageBps = 6000.0;
    const Expected<PlanEdit> never = deleverageToLeverage(lossy, 2.0);
    QVERIFY(!never);
    QCOMPARE(never.errors().first().field, QStringLiteral("leverage"));
    QVERIFY2(never.errors().first().message.contains(QStringLiteral("cannot be reached by selling")),
             qPrintable(never.errors().first().message));
    QVERIFY(never.errors().first().message.contains(QStringLiteral("-0.200000")));
    // At 1.5x, 1 - 1.5 x 0.6 = 0.1 > 0, but V = (1300 - 1.5 x 550) / 0.1 = $4,750 is more than the $1,300
    // of collateral there is to sell.
    const Expected<PlanEdit> oversold = deleverageToLeverage(lossy, 1.5);
    QVERIFY(!oversold);
    QVERIFY2(oversold.errors().first().message.contains(QStringLiteral("($4750.00 with its costs)")),
             qPrintable(oversold.errors().first().message));
    // A pool with $50 of A: repaying the debt would take more than all of the collateral.
    Plan shallow = test::poolPlan();
    shallow.priceImpact.reserveAUsd = 50.0;
    const Expected<PlanEdit> tooBig = deleverageToLeverage(shallow, 1.0);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.errors().first().field, QStringLiteral("leverage"));
    QVERIFY2(tooBig.errors().first().message.contains(QStringLiteral("more than the collateral")),
             qPrintable(tooBig.errors().first().message));
    // The old errors stand: not below the current leverage, below 1, not a number.
    QVERIFY(!deleverageToLeverage(costlyLoopPlan(), 1.8));
    QVERIFY(!deleverageToLeverage(costlyLoopPlan(), 0.99));
    QVERIFY(!deleverageToLeverage(costlyLoopPlan(), std::nan("")));
}

QTEST_GUILESS_MAIN(TestPlanEditsDeleverage)
#include "tst_planeditsdeleverage.moc"
