#pragma once

// The plans the plan-edit tests generate (tst_planedits, tst_planeditsdeleverage).
#include "engine.h"
#include "testutil.h"

#include <QRandomGenerator>

#include <cmath>
#include <vector>

namespace lp::test {

// Random valid plans with costs, both executions, all three strategies and sometimes a pool's impact.
inline std::vector<Plan> randomEditPlans(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    std::vector<Plan> out;
    while (static_cast<int>(out.size()) < count) {
        Plan p = poolPlan();
        p.collateral.priceUsd = 10.0 + 3000.0 * rng.generateDouble();
        p.borrow.priceUsd = 0.5 + 2000.0 * rng.generateDouble();
        p.collateral.ltv = 0.3 + 0.6 * rng.generateDouble();
        p.collateral.liquidationThreshold = p.collateral.ltv + 0.05 * rng.generateDouble() + 0.001;
        p.strategy.loops = rng.bounded(1, 8);
        p.strategy.ltvFraction = 0.3 + 0.7 * rng.generateDouble();
        p.costs = {rng.bounded(30.0), rng.bounded(50.0), rng.bounded(10.0), rng.bounded(2.0)};
        p.execution = rng.bounded(2) ? Execution::FlashLoan : Execution::Loop;
        const double depth = std::pow(10.0, 5.0 + 3.0 * rng.generateDouble());
        p.priceImpact =
            rng.bounded(2) ? PriceImpact{ImpactModel::DepthAtOnePercent, 0, 0, depth} : PriceImpact{};
        if (computePlan(p))
            out.push_back(p);
    }
    return out;
}

} // namespace lp::test
