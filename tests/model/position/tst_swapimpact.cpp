// Price impact wired into the opening (Plan::priceImpact): the constant-product share and its inverse by
// hand, a plan's entry impact summed by hand over its loops, and targets still reached with impact.
#include "opening.h"
#include "swapimpact.h"
#include "testutil.h"

#include <QTest>

using namespace lp;

class TestSwapImpact : public QObject {
    Q_OBJECT
private slots:
    void shareByHand();
    void inverseGivesTheOutput();
    void noModelLosesNothing();
    void entryImpactSummedByHandOverLoops();
    void flashEntryImpactByHand();
    void targetsAreReachedWithImpact();
    void impactOnlyLowersTheCollateral();
};

using test::poolPlan;

void TestSwapImpact::shareByHand()
{
    // $30,000 of B into a pool of $3,000,000 a side with a 0.3 % fee: u = 29,910 after the fee, impact
    // 29,910 / 3,029,910, and u (1 - i) is Uniswap v2's dy = dx (1 - f) R_out / (R_in + dx (1 - f)):
    // 29,910 x 3,000,000 / 3,029,910 = 29,614.741031911843 (computed by hand from the formula).
    const PriceImpact pool{ImpactModel::ConstantProduct, 5e6, 3e6, 0.0};
    const double share = impactShare(pool, SwapSide::BuyCollateral, 29910.0);
    LP_COMPARE_REL(share, 29910.0 / 3029910.0, 1e-15);
    LP_COMPARE_REL(29910.0 * (1.0 - share), 29614.741031911843, 1e-12);
    // Selling A uses the pool's A reserve: 29,910 / 5,029,910.
    LP_COMPARE_REL(impactShare(pool, SwapSide::SellCollateral, 29910.0), 29910.0 / 5029910.0, 1e-15);
    // Depth at 1 %: a swap of exactly the depth loses 1 %, either way.
    const PriceImpact depth{ImpactModel::DepthAtOnePercent, 0, 0, 250000.0};
    LP_COMPARE_REL(impactShare(depth, SwapSide::BuyCollateral, 250000.0), 0.01, 1e-15);
    LP_COMPARE_REL(impactShare(depth, SwapSide::SellCollateral, 250000.0), 0.01, 1e-15);
}

void TestSwapImpact::inverseGivesTheOutput()
{
    // u = N R / (R - N): $10,000 out of a $90,000 reserve needs 10,000 x 90,000 / 80,000 = $11,250 in, and
    // 11,250 (1 - 11,250 / 101,250) = 10,000.
    const PriceImpact pool{ImpactModel::ConstantProduct, 90000.0, 1.0, 0.0};
    LP_COMPARE_REL(impactInputForOutput(pool, SwapSide::SellCollateral, 10000.0), 11250.0, 1e-15);
    // Property: for sizes across the reserve the inverse returns the input that gives N.
    for (double n = 1.0; n < 90000.0; n *= 1.9) {
        const double u = impactInputForOutput(pool, SwapSide::SellCollateral, n);
        LP_COMPARE_REL(u * (1.0 - impactShare(pool, SwapSide::SellCollateral, u)), n, 1e-12);
        QVERIFY(u >= n);
    }
    // The pool cannot pay its whole reserve.
    QVERIFY(std::isinf(impactInputForOutput(pool, SwapSide::SellCollateral, 90000.0)));
}

void TestSwapImpact::noModelLosesNothing()
{
    const PriceImpact none;
    QCOMPARE(impactShare(none, SwapSide::BuyCollateral, 1e9), 0.0);
    QCOMPARE(impactInputForOutput(none, SwapSide::SellCollateral, 123.0), 123.0);
    // A plan without a model opens exactly as before: no impact booked.
    const PlanResult r = test::compute(test::fixturePlan());
    QCOMPARE(r.opened.costs.impactUsd, 0.0);
}

void TestSwapImpact::entryImpactSummedByHandOverLoops()
{
    // Loop 1 borrows 50 % of $10,000 = $5,000 of B: impact 5,000 x 5,000 / 105,000 = 5,000 / 21, and
    // 5,000 x 20 / 21 reaches the position: C = 10 + 100 / 21 A, D = 5 B.
    // Loop 2 borrows 50 % of C x 1,000 - 5,000 = 50,000 / 21: impact (50,000 / 21)^2 / (100,000 + 50,000 /
    // 21).
    const PlanResult r = test::compute(poolPlan());
    const double y1 = 5000.0;
    const double y2 = 50000.0 / 21.0;
    const double i1 = y1 * y1 / (100000.0 + y1);
    const double i2 = y2 * y2 / (100000.0 + y2);
    QCOMPARE(r.opened.steps.size(), size_t{3});
    LP_COMPARE_REL(r.opened.steps[1].impactUsd, i1, 1e-12);
    LP_COMPARE_REL(r.opened.steps[2].impactUsd, i2, 1e-12);
    LP_COMPARE_REL(r.opened.costs.impactUsd, i1 + i2, 1e-12);
    LP_COMPARE_REL(r.opened.costs.impactUsd, 293.46622369878, 1e-12); // 5000/21 + 2500/45.15
    LP_COMPARE_REL(r.opened.collateral, 10.0 + (y1 - i1) / 1000.0 + (y2 - i2) / 1000.0, 1e-12);
    LP_COMPARE_REL(r.opened.debt, (y1 + y2) / 1000.0, 1e-12);
    LP_COMPARE_REL(r.opened.costs.totalUsd(), i1 + i2, 1e-12);
}

void TestSwapImpact::flashEntryImpactByHand()
{
    // A flash loan to leverage 1.5 with no costs swaps y = E0 (L - 1) / (L (1 - k') + k') with
    // k' = 1 - y / (R + y): the one swap the test solves by bisection, independently of the engine's
    // fixed-point iteration; its impact is y^2 / (R + y).
    Plan p = poolPlan();
    p.execution = Execution::FlashLoan;
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 1.5;
    const PlanResult r = test::compute(p);
    const double e0 = 10000.0;
    const double reserve = 100000.0;
    double lo = 0.0;
    double hi = e0;
    for (int i = 0; i < 200; ++i) {
        const double y = 0.5 * (lo + hi);
        const double keep = 1.0 - y / (reserve + y);
        const double leverage = (e0 + y * keep) / (e0 + y * keep - y);
        (leverage < 1.5 ? lo : hi) = y;
    }
    const double y = 0.5 * (lo + hi);
    LP_COMPARE_REL(r.opened.costs.impactUsd, y * y / (reserve + y), 1e-9);
    LP_COMPARE_REL(r.position.leverage, 1.5, 1e-9);
}

void TestSwapImpact::targetsAreReachedWithImpact()
{
    // Property: with a shallow pool the loops and the flash loan still end at the leverage aimed at.
    for (const Execution execution : {Execution::Loop, Execution::FlashLoan}) {
        for (const double leverage : {1.2, 1.5, 1.9}) {
            Plan p = poolPlan();
            p.execution = execution;
            p.strategy.mode = StrategyMode::TargetLeverage;
            p.strategy.leverage = leverage;
            p.priceImpact = {ImpactModel::DepthAtOnePercent, 0, 0, 2000.0};
            const PlanResult r = test::compute(p);
            LP_COMPARE_REL(r.position.leverage, leverage, 1e-9);
            QVERIFY(r.opened.costs.impactUsd > 0.0);
        }
    }
}

void TestSwapImpact::impactOnlyLowersTheCollateral()
{
    // Property: the same loops against a shallower pool end with less collateral and no less debt share.
    double lastCollateral = 0;
    for (const double depth : {1e3, 1e4, 1e5, 1e6, 1e9}) {
        Plan p = poolPlan();
        p.priceImpact = {ImpactModel::DepthAtOnePercent, 0, 0, depth};
        const PlanResult r = test::compute(p);
        QVERIFY(r.opened.collateral > lastCollateral);
        lastCollateral = r.opened.collateral;
    }
    Plan none = poolPlan();
    none.priceImpact = {};
    QVERIFY(test::compute(none).opened.collateral > lastCollateral);
}

QTEST_APPLESS_MAIN(TestSwapImpact)
#include "tst_swapimpact.moc"
