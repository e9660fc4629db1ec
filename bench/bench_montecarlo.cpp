// The plan-level Monte Carlo of issue 6: the probability that Token A touches the liquidation barrier
// that rises with interest (lp::monteCarloLiquidationProbability), 100,000 paths x 365 daily steps by
// default, one thread per core. Prints the median and minimum of several runs, and one machine-readable
// line for bench/run-montecarlo, which runs bench/montecarlo_numpy.py on the same barrier next to it.
//
//   bench_montecarlo PLAN.json [--paths N] [--runs R] [--threads T] [--loops N] [--barrier-out FILE]
#include "benchutil.h"
#include "montecarlo.h"
#include "opening.h"
#include "riskasset.h"
#include "timeline.h"

#include <QSaveFile>

#include <cmath>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    return lp::bench::fail("bench_montecarlo", message);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    lp::bench::PlanBenchArgs args;
    const QCommandLineOption loopsOpt(QStringLiteral("loops"),
                                      QStringLiteral("Override the plan's loop count."), QStringLiteral("N"));
    const QCommandLineOption barrierOpt(
        QStringLiteral("barrier-out"), QStringLiteral("Write the daily barrier (in units of today's price)."),
        QStringLiteral("FILE"));
    args.parser.addOptions({loopsOpt, barrierOpt});
    lp::Plan p;
    if (const std::optional<QString> error = args.parse(app, &p))
        return fail(*error);
    const QCommandLineParser &parser = args.parser;
    if (parser.isSet(loopsOpt)) {
        p.strategy.mode = lp::StrategyMode::Loops;
        p.strategy.loops = parser.value(loopsOpt).toInt();
    }
    const lp::Expected<lp::OpenedPosition> opened = lp::openPosition(p);
    if (!opened)
        return fail(lp::formatErrors(opened.errors()));
    const lp::Timeline timeline = lp::computeTimeline(p, *opened);

    lp::MonteCarloOptions options;
    options.paths = args.pathCount();
    options.seed = 1;
    options.threads = args.threadCount();
    const int runs = args.runCount();

    if (parser.isSet(barrierOpt)) {
        QByteArray text;
        for (const lp::TimelinePoint &pt : timeline.points)
            text +=
                QByteArray::number(std::isinf(pt.healthFactor) ? 0.0 : 1.0 / pt.healthFactor, 'g', 17) + '\n';
        QSaveFile f(parser.value(barrierOpt));
        if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
            return fail(QStringLiteral("cannot write %1").arg(parser.value(barrierOpt)));
    }

    lp::Expected<lp::MonteCarloResult> result = lp::monteCarloLiquidationProbability(p, timeline, options);
    if (!result)
        return fail(lp::formatErrors(result.errors()));
    const std::vector<double> seconds = lp::bench::timeRuns(
        runs, [&] { result = lp::monteCarloLiquidationProbability(p, timeline, options); });
    const double median = lp::bench::median(seconds);
    std::printf(
        "bench_montecarlo: %d paths x %d daily steps, %d threads, %d runs, HF %.4f, vol %.3g, drift %.3g\n",
        options.paths, result->steps, options.threads, runs, timeline.points.front().healthFactor,
        lp::riskVolatility(p), p.risk.drift);
    std::printf("  median %.3f s   min %.3f s   (goal: under 0.5 s)\n", median, seconds.front());
    std::printf("  probability %.5f   95 %% CI %.5f..%.5f\n", result->probability, result->ci95Low,
                result->ci95High);
    std::printf("RESULT impl=cpp median_s=%.6f min_s=%.6f probability=%.17g ci95_low=%.17g ci95_high=%.17g "
                "threads=%d vol=%.17g drift=%.17g\n",
                median, seconds.front(), result->probability, result->ci95Low, result->ci95High,
                options.threads, lp::riskVolatility(p), p.risk.drift);
    return 0;
}
