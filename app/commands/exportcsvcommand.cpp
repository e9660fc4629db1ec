// `leverage-planner export-csv PLAN --table NAME [-o FILE]`: one table of a plan as CSV.
#include "cli.h"
#include "commandsupport.h"
#include "csvexport.h"

#include <QCommandLineParser>
#include <QSaveFile>

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

} // namespace lp::cli
