#pragma once

// Shared helpers for the Qt Test programs: the fixture plan of the README's "Plan file" and relative
// comparisons.

#include "engine.h"
#include "plan.h"

#include <QTest>

#include <cmath>

namespace lp::test {

// The example of the README's "Plan file": 10 wstETH at $3,500 against WETH at $3,000, ltv 75 %, lt 80 %,
// bonus 5 %, 3 loops at 90 % of max LTV, swap fee 5 bps, slippage 10 bps, flash premium 5 bps, gas $0.50/tx.
inline Plan fixturePlan()
{
    Plan p;
    p.name = QStringLiteral("wstETH loop");
    p.market = QStringLiteral("zerolend-zksync");
    p.collateral = {QStringLiteral("wstETH"), 3500.0, 0.75, 0.80, 0.05, 0.001, 0.03};
    p.borrow = {QStringLiteral("WETH"), 3000.0, 0.025, PriceModel::Fixed};
    p.deposit = 10.0;
    p.strategy.mode = StrategyMode::Loops;
    p.strategy.loops = 3;
    p.strategy.ltvFraction = 0.9;
    p.costs = {5.0, 10.0, 5.0, 0.5};
    return p;
}

// The same plan with every cost set to zero.
inline Plan costFreePlan()
{
    Plan p = fixturePlan();
    p.costs = {};
    return p;
}

// A at $100, B at $1, ltv 75 %, lt 80 %, bonus 5 %, one loop at the full LTV, no costs or rates, 10 A
// deposited: C = 10 + 7.5 = 17.5 A, D = 750 B, HF = 17.5 x 100 x 0.8 / 750 = 1.8666667, liquidation price
// 750 / (17.5 x 0.8) = 53.571429, equity $1,000, leverage 1.75.
inline Plan oneFullLoopPlan()
{
    Plan p = costFreePlan();
    p.collateral = {QStringLiteral("A"), 100.0, 0.75, 0.80, 0.05, 0.0, 0.0};
    p.borrow = {QStringLiteral("B"), 1.0, 0.0, PriceModel::Fixed};
    p.strategy.loops = 1;
    p.strategy.ltvFraction = 1.0;
    return p;
}

// A and B both at $1,000, ltv 50 %, lt 60 %, no costs or rates, 10 A deposited, 2 loops at the full LTV,
// against a constant-product pool of $80,000 of A and $100,000 of B (the price-impact tests' plan).
inline Plan poolPlan()
{
    Plan p = costFreePlan();
    p.market.clear();
    p.collateral = {QStringLiteral("A"), 1000.0, 0.5, 0.6, 0.05, 0.0, 0.0};
    p.borrow = {QStringLiteral("B"), 1000.0, 0.0, PriceModel::Fixed};
    p.strategy.loops = 2;
    p.strategy.ltvFraction = 1.0;
    p.priceImpact = {ImpactModel::ConstantProduct, 80000.0, 100000.0, 0.0};
    return p;
}

// The plan's result; a plan that cannot be computed stops the test program with its errors (the tests
// that call this mean valid plans: an invalid one is a broken test, not a failing check).
inline PlanResult compute(const Plan &plan, const SweepOptions &sweep = {})
{
    Expected<PlanResult> r = computePlan(plan, sweep);
    if (!r)
        qFatal("computePlan failed: %s", qPrintable(formatErrors(r.errors())));
    return std::move(r).value();
}

inline bool relClose(double actual, double expected, double rel)
{
    if (std::isinf(expected))
        return actual == expected;
    const double scale = std::max(std::fabs(expected), 1e-300);
    return std::fabs(actual - expected) <= rel * scale || std::fabs(actual - expected) <= rel * 1e-12;
}

} // namespace lp::test

// Fails with both values printed when |actual - expected| > rel x |expected|.
#define LP_COMPARE_REL(actual, expected, rel)                                                                \
    do {                                                                                                     \
        const double lpA_ = (actual);                                                                        \
        const double lpE_ = (expected);                                                                      \
        if (!lp::test::relClose(lpA_, lpE_, (rel)))                                                          \
            QFAIL(qPrintable(QStringLiteral("%1 = %2, expected %3 (rel tol %4)")                             \
                                 .arg(QStringLiteral(#actual))                                               \
                                 .arg(lpA_, 0, 'g', 17)                                                      \
                                 .arg(lpE_, 0, 'g', 17)                                                      \
                                 .arg(rel)));                                                                \
    } while (false)
