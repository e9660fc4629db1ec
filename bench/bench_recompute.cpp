// One full recompute of a 10-loop plan with its 2,001-point price sweep (validation, opening, figures,
// sweep with the liquidation path): what PlanSession does on every edit. Prints median, p95 and min.
//
//   bench_recompute [iterations]      default 2000
#include "engine.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int iterations = args.size() > 1 ? std::max(10, args.at(1).toInt()) : 2000;

    lp::Plan plan = lp::defaultPlan();
    plan.strategy.loops = 10;

    // Warm up caches and the allocator.
    double sink = 0;
    for (int i = 0; i < 50; ++i)
        sink += lp::computePlan(plan)->position.healthFactor;

    std::vector<double> micros;
    micros.reserve(static_cast<size_t>(iterations));
    for (int i = 0; i < iterations; ++i) {
        // Vary an input each time, as a user dragging a slider would, so nothing can be cached.
        plan.collateral.priceUsd = 3500.0 + (i % 100);
        const auto start = std::chrono::steady_clock::now();
        const lp::Expected<lp::PlanResult> result = lp::computePlan(plan);
        const auto end = std::chrono::steady_clock::now();
        sink += result->sweep.breakEvenPriceUsd;
        micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double q) {
        return micros[static_cast<size_t>(q * static_cast<double>(micros.size() - 1))];
    };
    std::printf("bench_recompute: 10-loop plan, 2001-point sweep, %d iterations\n", iterations);
    std::printf("  median %.1f us   p95 %.1f us   min %.1f us   (goal: median under 1000 us)\n", at(0.5),
                at(0.95), micros.front());
    std::printf("  checksum %.6g\n", sink);
    return 0;
}
