// Price impact apart from slippage: the constant-product formula by hand, depth at 1 % impact, and the
// entry (several loop swaps or one flash swap) and exit impacts of a plan.
#include "priceimpact.h"
#include "testutil.h"

#include <QTest>

using namespace lp;

class TestPriceImpact : public QObject {
    Q_OBJECT
private slots:
    void constantProductByHand();
    void impactByHand();
    void depthAtOnePercentMeansOnePercent();
    void impactGrowsWithSize();
    void loopsPayLessThanOneFlashSwap();
};

void TestPriceImpact::constantProductByHand()
{
    // 10 ETH into a pool of 1,000 ETH and 3,000,000 USDC with a 0.3 % fee: dx (1 - f) = 9.97,
    // dy = 9.97 x 3,000,000 / 1,009.97 = 29,614.74103... USDC (spot would give 29,910).
    LP_COMPARE_REL(constantProductOut(10.0, 1000.0, 3e6, 0.003), 9.97 * 3e6 / 1009.97, 1e-15);
    LP_COMPARE_REL(constantProductOut(10.0, 1000.0, 3e6, 0.003), 29614.741031911843, 1e-12);
    QCOMPARE(constantProductOut(0.0, 1000.0, 3e6, 0.003), 0.0);
}

void TestPriceImpact::impactByHand()
{
    // The same swap in USD: $30,000 into a pool of $3,000,000 a side, fee 0.3 %: impact
    // 29,910 / (3,000,000 + 29,910) = 0.98716...%, and dy = 29,910 (1 - impact) matches the formula.
    SwapRoute pool{SwapRoute::Kind::ConstantProduct, 3e6, 3e6, 0.003, 0};
    const double impact = priceImpact(pool, 30000.0);
    LP_COMPARE_REL(impact, 29910.0 / 3029910.0, 1e-15);
    LP_COMPARE_REL(29910.0 * (1.0 - impact), constantProductOut(30000.0, 3e6, 3e6, 0.003), 1e-12);
}

void TestPriceImpact::depthAtOnePercentMeansOnePercent()
{
    SwapRoute depth{SwapRoute::Kind::DepthAtOnePercent, 0, 0, 0, 250000.0};
    LP_COMPARE_REL(priceImpact(depth, 250000.0), 0.01, 1e-15);
    LP_COMPARE_REL(priceImpact(depth, 500000.0), 500000.0 / (99 * 250000.0 + 500000.0), 1e-15);
    QCOMPARE(priceImpact(depth, 0.0), 0.0);
    QCOMPARE(priceImpact(SwapRoute{}, 100.0), 1.0); // no depth at all
}

void TestPriceImpact::impactGrowsWithSize()
{
    // Property: a larger swap never loses a smaller share.
    SwapRoute pool{SwapRoute::Kind::ConstantProduct, 5e6, 5e6, 0.0005, 0};
    double last = 0;
    for (double size = 100.0; size < 1e8; size *= 1.7) {
        const double impact = priceImpact(pool, size);
        QVERIFY(impact > last && impact < 1.0);
        last = impact;
    }
}

void TestPriceImpact::loopsPayLessThanOneFlashSwap()
{
    // The fixture plan's three loop swaps (7.875, 5.307654 and 3.577294 WETH at $3,000) against depth
    // $100,000 at 1 %: each pays x / (9.9M + x) of its own size; the exit sells all 16.76 WETH at once.
    const PlanResult loops = test::compute(test::fixturePlan());
    const SwapRoute depth{SwapRoute::Kind::DepthAtOnePercent, 0, 0, 0, 100000.0};
    const ExecutionImpact e = executionImpact(loops, depth);
    double expected = 0;
    for (const LoopStep &s : loops.opened.steps) {
        const double x = s.borrowed * 3000.0;
        expected += x * x / (9.9e6 + x);
    }
    LP_COMPARE_REL(e.entryUsd, expected, 1e-12);
    const double exitSize = loops.opened.debt * 3000.0;
    LP_COMPARE_REL(e.exitUsd, exitSize * exitSize / (9.9e6 + exitSize), 1e-12);
    QVERIFY(e.exitShare > e.entryShare); // one large exit swap against several smaller entry swaps

    Plan flash = test::fixturePlan();
    flash.execution = Execution::FlashLoan;
    flash.strategy.mode = StrategyMode::TargetLeverage;
    flash.strategy.leverage = loops.position.leverage;
    const ExecutionImpact f = executionImpact(test::compute(flash), depth);
    QVERIFY(f.entryShare > e.entryShare);
}

QTEST_APPLESS_MAIN(TestPriceImpact)
#include "tst_priceimpact.moc"
