// `leverage-planner export-csv PLAN --table NAME [-o FILE]`: one table of a plan as CSV.
#include "cli.h"
#include "commandsupport.h"
#include "csvexport.h"

#include <QCommandLineParser>

namespace lp::cli {

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
    // A refused -o (a link, device, FIFO, directory) is known before any work.
    if (parser.isSet(output) && !isWritableTarget(parser.value(output)))
        return BadInput;
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
    return writeOutputFile(bytes, parser.value(output));
}

} // namespace lp::cli
