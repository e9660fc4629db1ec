#pragma once

// Shared helpers for the Qt Test programs: the fixture plan of DESIGN §3 and relative comparisons.

#include "plan.h"

#include <QTest>

#include <cmath>

namespace lp::test {

// DESIGN §3's example: 10 wstETH at $3,500 against WETH at $3,000, ltv 75 %, lt 80 %, bonus 5 %,
// 3 loops at 90 % of max LTV, swap fee 5 bps, slippage 10 bps, flash premium 5 bps, gas $0.50/tx.
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
