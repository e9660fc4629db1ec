#include "cli.h"

#include "clihelpers.h"
#include "csvexport.h"
#include "engine.h"
#include "marketregistry.h"
#include "planjson.h"
#include "report.h"
#include "reportoptions.h"
#include "utilizationscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
#include <optional>

namespace lp::cli {

namespace {

const QStringList kCommands{QStringLiteral("report"), QStringLiteral("export-csv"), QStringLiteral("render"),
                            QStringLiteral("backtest")};
// Answered without a display, so `--help` and `--version` work over ssh and in CI.
const QStringList kInfoOptions{QStringLiteral("--help"), QStringLiteral("-h"), QStringLiteral("--version"),
                               QStringLiteral("-v")};

QString usageText()
{
    return QStringLiteral(
        "Usage: leverage-planner [PLAN]\n"
        "       leverage-planner COMMAND [options]\n\n"
        "Plan, understand and export leveraged loops on Aave-v3-style lending markets.\n"
        "Without a command, opens the window (with PLAN if given).\n\n"
        "Commands (no display needed):\n"
        "  report PLAN [--format json|text] [--paths N] [--seed S] [--exit-day D] [--exit-price P]\n"
        "              [--utilization U]\n"
        "                                     compute a plan and print its report; U (0..1): the\n"
        "                                     borrow APY follows the market's rate strategy at U\n"
        "  export-csv PLAN --table loops|prices|timeline|summary [-o FILE]\n"
        "                                     write one table as CSV (stdout without -o)\n"
        "  backtest PLAN PRICES.csv [--format json|text]\n"
        "                                     replay the plan through date,price rows of Token A\n"
        "  render PLAN --chart pnl|health|loops -o FILE.png|.pdf [--size WxH]\n"
        "                                     draw one chart into a PNG or PDF (default 1200x800)\n\n"
        "Options:\n"
        "  -h, --help      show this help\n"
        "  -v, --version   show the version\n\n"
        "Exit codes: 0 ok, 2 bad input (arguments or plan file), 1 any other failure.\n");
}

} // namespace

// Shared with the other commands' files through clihelpers.h.
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
    const QString path = positional.first();
    const Expected<Plan> plan = readPlanFile(path);
    if (!plan) {
        printErrors(QStringLiteral("%1 is not a valid plan:").arg(path), plan.errors());
        *exitCode = BadInput;
        return std::nullopt;
    }
    Plan toCompute = *plan;
    if (utilization) {
        const Expected<ScenarioPlan> s =
            withBorrowUtilization(*plan, MarketRegistry::builtIn(), *utilization);
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
    return std::move(result).value();
}

namespace {

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Computes a plan and prints its position, loop steps, opening costs, key prices, the "
                       "position over time, the close, the liquidation probability and the stress presets."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption format = formatOption();
    parser.addOption(format);
    const QCommandLineOption utilization(
        QStringLiteral("utilization"),
        QStringLiteral("What if the borrow asset's utilization were U (0 to 1, e.g. 0.95): its borrow APY "
                       "follows the market's rate strategy, and so does the net APY."),
        QStringLiteral("U"));
    parser.addOption(utilization);
    const ReportOptions outlookOptions;
    outlookOptions.addTo(parser);
    int code = Ok;
    if (!parseOrExit(parser, args, &code))
        return code;
    const QString fmt = parser.value(format);
    if (!isKnownFormat(fmt))
        return BadInput;
    std::optional<double> u;
    if (parser.isSet(utilization)) {
        bool ok = false;
        u = QLocale::c().toDouble(parser.value(utilization), &ok);
        if (!ok || !(*u >= 0.0 && *u <= 1.0)) {
            printErr(
                QStringLiteral("leverage-planner: --utilization must be a number from 0 to 1 (got \"%1\")")
                    .arg(parser.value(utilization)));
            return BadInput;
        }
    }
    QString optionError;
    const std::optional<OutlookOptions> options = outlookOptions.read(parser, &optionError);
    if (!options) {
        printErr(QStringLiteral("leverage-planner: ") + optionError);
        return BadInput;
    }
    std::optional<UtilizationScenario> scenario;
    const std::optional<PlanResult> result = loadAndCompute(parser, &code, u, &scenario);
    if (!result)
        return code;
    const Outlook outlook = computeOutlook(*result, *options);
    QByteArray bytes;
    if (fmt == QLatin1String("json")) {
        QJsonObject doc = reportJson(*result, outlook);
        if (scenario)
            doc.insert(QStringLiteral("scenario"), scenarioJson(*scenario));
        bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        QString text = reportText(*result, outlook);
        if (scenario)
            text += QLatin1Char('\n') + scenarioText(*scenario).join(QLatin1Char('\n')) + QLatin1Char('\n');
        bytes = text.toUtf8();
    }
    if (!writeStdout(bytes)) {
        printErr(QStringLiteral("leverage-planner: could not write the report to standard output"));
        return Failure;
    }
    return Ok;
}

int runExportCsv(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes one table of a plan as CSV (RFC 4180, UTF-8, C-locale numbers, header row with units)."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption table(
        QStringLiteral("table"), QStringLiteral("Table: %1.").arg(csvTableNames().join(QStringLiteral(", "))),
        QStringLiteral("name"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to FILE (atomically) instead of standard output."),
                                    QStringLiteral("FILE"));
    parser.addOption(table);
    parser.addOption(output);
    int code = Ok;
    if (!parseOrExit(parser, args, &code))
        return code;
    CsvTable which{};
    if (!parser.isSet(table)) {
        printErr(QStringLiteral("leverage-planner: --table is required (%1)")
                     .arg(csvTableNames().join(QStringLiteral(", "))));
        return BadInput;
    }
    if (!csvTableFromString(parser.value(table), &which)) {
        printErr(QStringLiteral("leverage-planner: --table must be one of %1 (got \"%2\")")
                     .arg(csvTableNames().join(QStringLiteral(", ")), parser.value(table)));
        return BadInput;
    }
    const std::optional<PlanResult> result = loadAndCompute(parser, &code);
    if (!result)
        return code;
    const QByteArray bytes = exportCsv(*result, which);
    if (!parser.isSet(output)) {
        if (!writeStdout(bytes)) {
            printErr(QStringLiteral("leverage-planner: could not write the CSV to standard output"));
            return Failure;
        }
        return Ok;
    }
    // QSaveFile: the target is replaced only once everything is written, so a failure never leaves half a
    // file.
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        printErr(QStringLiteral("leverage-planner: could not write %1: %2")
                     .arg(parser.value(output), file.errorString()));
        return Failure;
    }
    return Ok;
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    return arguments.size() > 1 &&
           (kCommands.contains(arguments.at(1)) || kInfoOptions.contains(arguments.at(1)));
}

bool needsGui(const QStringList &arguments)
{
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("render");
}

int run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        writeStdout(
            QStringLiteral("leverage-planner %1\n").arg(QCoreApplication::applicationVersion()).toUtf8());
        return Ok;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        writeStdout(usageText().toUtf8());
        return Ok;
    }
    // QCommandLineParser wants the program name first: "leverage-planner report".
    QStringList args = arguments.mid(2);
    args.prepend(arguments.value(0) + QLatin1Char(' ') + command);
    if (command == QLatin1String("report"))
        return runReport(args);
    if (command == QLatin1String("export-csv"))
        return runExportCsv(args);
    if (command == QLatin1String("render"))
        return runRender(args);
    if (command == QLatin1String("backtest"))
        return runBacktestCommand(args);
    printErr(QStringLiteral("leverage-planner: unknown command \"%1\"").arg(command));
    return BadInput;
}

} // namespace lp::cli
