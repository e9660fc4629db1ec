// What the headless commands share (declared in commandsupport.h): messages, standard output, option
// parsing and loading a plan.
#include "commandsupport.h"

#include "cli.h"
#include "marketlimits.h"
#include "marketregistry.h"
#include "planjson.h"
#include "safefile.h"
#include "usermarkets.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace lp::cli {

void printErr(const QString &text)
{
    QTextStream err(stderr);
    err << text << Qt::endl;
}

bool writeStdout(const QByteArray &bytes)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return false;
    // QFile buffers: a full disk shows up only when flushing.
    const bool written = out.write(bytes) == bytes.size();
    const bool flushed = out.flush();
    return written && flushed && out.error() == QFileDevice::NoError;
}

void printErrors(const QString &headline, const ValidationErrors &errors)
{
    printErr(QStringLiteral("leverage-planner: ") + headline);
    for (const ValidationError &e : errors)
        printErr(QStringLiteral("  ") + e.toString());
}

bool isWritableTarget(const QString &path)
{
    const ValidationErrors refused = checkWriteTarget(path);
    for (const ValidationError &e : refused)
        printErr(QStringLiteral("leverage-planner: ") + e.toString());
    return refused.isEmpty();
}

void printWriteErrors(const QString &path, const ValidationErrors &errors)
{
    static const QString failed = QStringLiteral("cannot be written: ");
    for (const ValidationError &e : errors) {
        if (e.message.startsWith(failed))
            printErr(QStringLiteral("leverage-planner: could not write %1: %2")
                         .arg(path, e.message.mid(failed.size())));
        else
            printErr(QStringLiteral("leverage-planner: ") + e.toString());
    }
}

int writeOutputFile(const QByteArray &bytes, const QString &path)
{
    if (!isWritableTarget(path))
        return BadInput;
    const ValidationErrors errors = writeFileAtomically(bytes, path);
    if (errors.isEmpty())
        return Ok;
    printWriteErrors(path, errors);
    return Failure;
}

QCommandLineOption formatOption()
{
    return {QStringLiteral("format"), QStringLiteral("Output format: json or text."),
            QStringLiteral("json|text"), QStringLiteral("json")};
}

bool isKnownFormat(const QString &format)
{
    if (format == QLatin1String("json") || format == QLatin1String("text"))
        return true;
    printErr(QStringLiteral("leverage-planner: --format must be json or text (got \"%1\")").arg(format));
    return false;
}

// Parses a subcommand's options; on a usage error prints it and returns false with *exitCode set.
bool parseOrExit(QCommandLineParser &parser, const QStringList &args, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        printErr(QStringLiteral("leverage-planner: %1").arg(parser.errorText()));
        *exitCode = BadInput;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        writeStdout(parser.helpText().toUtf8());
        *exitCode = Ok;
        return false;
    }
    return true;
}

const MarketRegistry &knownMarkets()
{
    static const MarketRegistry markets = [] {
        ValidationErrors skipped;
        MarketRegistry known = presetAndUserMarkets(&skipped);
        if (!skipped.isEmpty())
            printErrors(QStringLiteral("some of your markets could not be read and are skipped:"), skipped);
        return known;
    }();
    return markets;
}

// Reads the one positional PLAN argument and computes it, or prints why not. With a scenario, the borrow
// APY first follows the market's rate strategy at that utilization.
std::optional<PlanResult> loadAndCompute(const QCommandLineParser &parser, int *exitCode,
                                         std::optional<double> utilization,
                                         std::optional<UtilizationScenario> *scenario)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printErr(QStringLiteral("leverage-planner: expected one plan file, got %1 arguments (see --help)")
                     .arg(positional.size()));
        *exitCode = BadInput;
        return std::nullopt;
    }
    const QString &path = positional.first();
    const Expected<Plan> plan = readPlanFile(path, knownMarkets());
    if (!plan) {
        printErrors(QStringLiteral("%1 is not a valid plan:").arg(path), plan.errors());
        *exitCode = BadInput;
        return std::nullopt;
    }
    Plan toCompute = *plan;
    if (utilization) {
        const Expected<ScenarioPlan> s = withBorrowUtilization(*plan, knownMarkets(), *utilization);
        if (!s) {
            printErrors(QStringLiteral("--utilization cannot be applied to %1:").arg(path), s.errors());
            *exitCode = BadInput;
            return std::nullopt;
        }
        toCompute = s->plan;
        if (scenario)
            *scenario = s->scenario;
    }
    Expected<PlanResult> result = computePlan(toCompute);
    if (!result) {
        printErrors(QStringLiteral("%1 cannot be carried out:").arg(path), result.errors());
        *exitCode = BadInput;
        return std::nullopt;
    }
    // A fetched market's caps and liquidity limit what can be opened at all.
    if (const ValidationErrors limits = checkMarketLimits(*result, knownMarkets()); !limits.isEmpty()) {
        printErrors(QStringLiteral("%1 does not fit its market's limits:").arg(path), limits);
        *exitCode = BadInput;
        return std::nullopt;
    }
    return std::move(result).value();
}

} // namespace lp::cli
