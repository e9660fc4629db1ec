// What the plan-level benchmarks share: their common options (a plan file, --paths, --runs, --threads),
// loading the plan at a 365-day horizon, and timing several runs after an untimed warm-up.
#pragma once

#include "marketregistry.h"
#include "planjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

namespace lp::bench {

// Prints "NAME: MESSAGE" on standard error; 2 is the exit code of a benchmark given bad input.
inline int fail(const char *name, const QString &message)
{
    QTextStream(stderr) << name << ": " << message << Qt::endl;
    return 2;
}

// The options every plan benchmark takes; add a benchmark's own to `parser` before parse().
struct PlanBenchArgs {
    QCommandLineParser parser;
    QCommandLineOption paths{QStringLiteral("paths"), QStringLiteral("Paths (100000)."), QStringLiteral("N"),
                             QStringLiteral("100000")};
    QCommandLineOption runs{QStringLiteral("runs"), QStringLiteral("Timed runs (7)."), QStringLiteral("R"),
                            QStringLiteral("7")};
    QCommandLineOption threads{QStringLiteral("threads"),
                               QStringLiteral("Threads (default: hardware concurrency)."),
                               QStringLiteral("T")};

    PlanBenchArgs()
    {
        parser.addHelpOption();
        parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
        parser.addOptions({paths, runs, threads});
    }

    // Parses the command line and reads its plan (horizon 365 days); an error message when it cannot.
    std::optional<QString> parse(const QCoreApplication &app, Plan *plan)
    {
        parser.process(app);
        if (parser.positionalArguments().size() != 1)
            return QStringLiteral("expected one plan file");
        Expected<Plan> read = readPlanFile(parser.positionalArguments().first(), MarketRegistry::builtIn());
        if (!read)
            return formatErrors(read.errors());
        *plan = *read;
        plan->horizonDays = 365;
        return std::nullopt;
    }

    int pathCount() const { return parser.value(paths).toInt(); }
    int runCount() const { return std::max(1, parser.value(runs).toInt()); }
    int threadCount() const
    {
        return parser.isSet(threads) ? parser.value(threads).toInt()
                                     : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    }
};

// Seconds taken by each of `runs` calls of `run`, sorted, after one untimed call (which warms up the
// threads, the page cache and the branch predictors).
template <typename Run> std::vector<double> timeRuns(int runs, Run &&run)
{
    run();
    std::vector<double> seconds;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    return seconds;
}

inline double median(const std::vector<double> &sorted)
{
    return sorted[sorted.size() / 2];
}

} // namespace lp::bench
