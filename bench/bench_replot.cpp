// What one edit of the plan costs on screen (issue 3, point 7): change an input, recompute the plan with
// its 2,001-point sweep as PlanSession does, hand the result to the three charts (P&L, health, loops), each
// also drawing 4 pinned plans, and replot all three immediately, offscreen at 1000 x 600. Prints the
// median and the 95th percentile per update, and where the time goes.
//
//   bench_replot [iterations]      default 200
#include "charttabs.h"
#include "engine.h"
#include "healthchart.h"
#include "loopschart.h"
#include "pinnedplot.h"
#include "pnlchart.h"
#include "qcustomplot_include.h"

#include <QApplication>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double ms(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// CPU time of this thread: on a machine shared with other jobs, what the update costs regardless of how
// long the scheduler kept the thread waiting.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Stats {
    std::vector<double> samples;
    [[nodiscard]] double at(double q)
    {
        std::sort(samples.begin(), samples.end());
        return samples[static_cast<size_t>(q * static_cast<double>(samples.size() - 1))];
    }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int iterations = args.size() > 1 ? std::max(10, args.at(1).toInt()) : 200;

    lp::Plan plan = lp::defaultPlan();
    const lp::SweepOptions sweep; // 2,001 points, 5 %..300 % of spot
    lp::ChartTabs tabs;
    const std::vector<QCustomPlot *> plots = {tabs.plot(lp::ChartTabs::Page::Pnl),
                                              tabs.plot(lp::ChartTabs::Page::Health),
                                              tabs.plot(lp::ChartTabs::Page::Loops)};
    for (QCustomPlot *plot : plots) {
        plot->resize(1000, 600);
        plot->setViewport(plot->rect()); // never shown: size the plots as a window would
    }
    lp::PinnedPlots pinned;
    const QColor colors[] = {QColor(0x8e, 0x24, 0xaa), QColor(0x2e, 0x7d, 0x32), QColor(0xef, 0x6c, 0x00),
                             QColor(0x00, 0x83, 0x8f)};
    for (int i = 0; i < 4; ++i) {
        lp::Plan other = plan;
        other.strategy.loops = 1 + 2 * i;
        pinned.push_back({QStringLiteral("%1 loops").arg(other.strategy.loops), colors[i],
                          std::make_shared<const lp::PlanResult>(*lp::computePlan(other, sweep))});
    }
    tabs.setPinned(pinned);
    const size_t points = pinned.front().result->sweep.points.size();

    Stats total, cpu, compute, data, replot;
    std::vector<Stats> perChart(plots.size());
    double sink = 0;
    for (int i = -10; i < iterations; ++i) { // 10 warm-up rounds
        // Alternate the two kinds of edit a user makes most: the deposit and the loop count.
        const int k = i + 10;
        if (k % 2 == 0)
            plan.deposit = 10.0 + (k % 7);
        else
            plan.strategy.loops = 2 + (k % 5);
        const double c0 = cpuMs();
        const auto t0 = Clock::now();
        const lp::Expected<lp::PlanResult> result = lp::computePlan(plan, sweep);
        const auto t1 = Clock::now();
        tabs.showResult(*result);
        // A new result draws the page on screen only; bring the other two up to date as showing them would.
        for (const lp::ChartTabs::Page page : {lp::ChartTabs::Page::Health, lp::ChartTabs::Page::Loops})
            (void)tabs.plots(page);
        const auto t2 = Clock::now();
        std::vector<double> chartMs;
        for (QCustomPlot *plot : plots) {
            const auto start = Clock::now();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            chartMs.push_back(ms(start, Clock::now()));
        }
        const auto t3 = Clock::now();
        sink += result->position.leverage;
        if (i < 0)
            continue;
        total.samples.push_back(ms(t0, t3));
        cpu.samples.push_back(cpuMs() - c0);
        compute.samples.push_back(ms(t0, t1));
        data.samples.push_back(ms(t1, t2));
        replot.samples.push_back(ms(t2, t3));
        for (size_t j = 0; j < plots.size(); ++j)
            perChart[j].samples.push_back(chartMs[j]);
    }
    std::printf("bench_replot: 3 charts replotted, 4 pinned plans, %zu-point sweeps, 1000x600, %d updates\n",
                points, iterations);
    std::printf("  per update   median %6.2f ms   p95 %6.2f ms   (goal: median under 16 ms)\n", total.at(0.5),
                total.at(0.95));
    std::printf("    CPU time   median %6.2f ms   p95 %6.2f ms   (the thread's own, without waits)\n",
                cpu.at(0.5), cpu.at(0.95));
    std::printf("    compute    median %6.2f ms   p95 %6.2f ms\n", compute.at(0.5), compute.at(0.95));
    std::printf("    chart data median %6.2f ms   p95 %6.2f ms\n", data.at(0.5), data.at(0.95));
    std::printf("    replot x3  median %6.2f ms   p95 %6.2f ms\n", replot.at(0.5), replot.at(0.95));
    std::printf("    of which   P&L %.2f ms, health %.2f ms, loops %.2f ms (medians)\n", perChart[0].at(0.5),
                perChart[1].at(0.5), perChart[2].at(0.5));

    // As the window does it: the tabs on screen, the current chart (P&L) replots on each edit and the two
    // on background tabs wait until they are shown (ChartBase::refresh).
    tabs.resize(1000, 640);
    tabs.show();
    QCoreApplication::processEvents();
    Stats visible;
    for (int i = -10; i < iterations; ++i) {
        plan.strategy.loops = 2 + (i + 10) % 5;
        const auto t0 = Clock::now();
        const lp::Expected<lp::PlanResult> result = lp::computePlan(plan, sweep);
        tabs.showResult(*result);
        QCoreApplication::processEvents(); // the paint event: the plot's buffer onto the window
        const auto t1 = Clock::now();
        sink += result->position.leverage;
        if (i >= 0)
            visible.samples.push_back(ms(t0, t1));
    }
    std::printf("  window (current chart only) median %6.2f ms   p95 %6.2f ms\n", visible.at(0.5),
                visible.at(0.95));
    std::printf("  checksum %.6g\n", sink);
    return 0;
}
