// The plan-level Monte Carlo of issue 6: the probability that Token A touches the liquidation barrier
// that rises with interest (lp::monteCarloLiquidationProbability), 100,000 paths x 365 daily steps by
// default, one thread per core. Prints the median and minimum of several runs, and one machine-readable
// line for bench/run-montecarlo, which runs bench/montecarlo_numpy.py on the same barrier next to it.
//
//   bench_montecarlo PLAN.json [--paths N] [--runs R] [--threads T] [--loops N] [--barrier-out FILE]
#include "marketregistry.h"
#include "montecarlo.h"
#include "opening.h"
#include "planjson.h"
#include "timeline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "bench_montecarlo: " << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption pathsOpt(QStringLiteral("paths"), QStringLiteral("Paths (100000)."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QStringLiteral("Timed runs (7)."),
                                     QStringLiteral("R"), QStringLiteral("7"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        QStringLiteral("Threads (default: hardware concurrency)."),
                                        QStringLiteral("T"));
    const QCommandLineOption loopsOpt(QStringLiteral("loops"),
                                      QStringLiteral("Override the plan's loop count."), QStringLiteral("N"));
    const QCommandLineOption barrierOpt(
        QStringLiteral("barrier-out"), QStringLiteral("Write the daily barrier (in units of today's price)."),
        QStringLiteral("FILE"));
    parser.addOptions({pathsOpt, runsOpt, threadsOpt, loopsOpt, barrierOpt});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("expected one plan file"));

    lp::Expected<lp::Plan> plan =
        lp::readPlanFile(parser.positionalArguments().first(), lp::MarketRegistry::builtIn());
    if (!plan)
        return fail(lp::formatErrors(plan.errors()));
    lp::Plan p = *plan;
    p.horizonDays = 365;
    if (parser.isSet(loopsOpt)) {
        p.strategy.mode = lp::StrategyMode::Loops;
        p.strategy.loops = parser.value(loopsOpt).toInt();
    }
    const lp::Expected<lp::OpenedPosition> opened = lp::openPosition(p);
    if (!opened)
        return fail(lp::formatErrors(opened.errors()));
    const lp::Timeline timeline = lp::computeTimeline(p, *opened);

    lp::MonteCarloOptions options;
    options.paths = parser.value(pathsOpt).toInt();
    options.seed = 1;
    options.threads = parser.isSet(threadsOpt)
                          ? parser.value(threadsOpt).toInt()
                          : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    const int runs = std::max(1, parser.value(runsOpt).toInt());

    if (parser.isSet(barrierOpt)) {
        QByteArray text;
        for (const lp::TimelinePoint &pt : timeline.points)
            text +=
                QByteArray::number(std::isinf(pt.healthFactor) ? 0.0 : 1.0 / pt.healthFactor, 'g', 17) + '\n';
        QSaveFile f(parser.value(barrierOpt));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
            return fail(QStringLiteral("cannot write %1").arg(parser.value(barrierOpt)));
    }

    // One untimed run warms up the threads, the page cache and the branch predictors.
    lp::Expected<lp::MonteCarloResult> result = lp::monteCarloLiquidationProbability(p, timeline, options);
    if (!result)
        return fail(lp::formatErrors(result.errors()));
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        result = lp::monteCarloLiquidationProbability(p, timeline, options);
        const auto end = std::chrono::steady_clock::now();
        seconds.push_back(std::chrono::duration<double>(end - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf(
        "bench_montecarlo: %d paths x %d daily steps, %d threads, %d runs, HF %.4f, vol %.3g, drift %.3g\n",
        options.paths, result->steps, options.threads, runs, timeline.points.front().healthFactor,
        p.risk.annualVolatility, p.risk.drift);
    std::printf("  median %.3f s   min %.3f s   (goal: under 0.5 s)\n", median, seconds.front());
    std::printf("  probability %.5f   95 %% CI %.5f..%.5f\n", result->probability, result->ci95Low,
                result->ci95High);
    std::printf("RESULT impl=cpp median_s=%.6f min_s=%.6f probability=%.17g ci95_low=%.17g ci95_high=%.17g "
                "threads=%d vol=%.17g drift=%.17g\n",
                median, seconds.front(), result->probability, result->ci95Low, result->ci95High,
                options.threads, p.risk.annualVolatility, p.risk.drift);
    return 0;
}
