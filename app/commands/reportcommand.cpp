// `leverage-planner report PLAN`: the whole plan (position, loops, costs, key prices, time, close, risk,
// stress) as JSON or text on standard output, or as one HTML or PDF file with the charts (-o FILE).
#include "cli.h"
#include "commandsupport.h"
#include "computable.h"
#include "machineformat.h"
#include "outlook.h"
#include "report.h"
#include "reportdocument.h"
#include "reportoptions.h"
#include "utilizationscenario.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace lp::cli {

int runReport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Computes a plan and prints its position, loop steps, opening costs, key prices, the "
                       "position over time, the close, the liquidation probability and the stress presets."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("Output format: json or text (standard output), html or pdf "
                       "(one file with the charts, -o FILE)."),
        QStringLiteral("json|text|html|pdf"), QStringLiteral("json"));
    parser.addOption(format);
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the html or pdf report to FILE (atomically)."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    const QCommandLineOption paper(
        QStringLiteral("paper"),
        QStringLiteral("Page size of the pdf report: a4 or letter (default: letter "
                       "where your locale measures in US units, else a4)."),
        QStringLiteral("a4|letter"));
    parser.addOption(paper);
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
    ReportFormat document{};
    const bool isDocument = reportFormatFromString(fmt, &document);
    if (!isDocument && !isKnownFormat(fmt))
        return BadInput;
    if (isDocument && !parser.isSet(output)) {
        printErr(QStringLiteral("leverage-planner: --format %1 writes a file: -o FILE is required").arg(fmt));
        return BadInput;
    }
    if (!isDocument && parser.isSet(output)) {
        printErr(
            QStringLiteral("leverage-planner: -o is for --format html or pdf; json and text go to standard "
                           "output"));
        return BadInput;
    }
    ReportPaper pageSize = defaultReportPaper();
    if (parser.isSet(paper) && !reportPaperFromString(parser.value(paper), &pageSize)) {
        printErr(QStringLiteral("leverage-planner: --paper must be a4 or letter (got \"%1\")")
                     .arg(parser.value(paper)));
        return BadInput;
    }
    if (isDocument && !isWritableTarget(parser.value(output)))
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
    // The Monte Carlo takes one step per day of the horizon: its work is paths x days, bounded.
    const double pathSteps =
        static_cast<double>(options->monteCarlo.paths) * static_cast<double>(result->plan.horizonDays);
    if (pathSteps > limits::maxPathSteps) {
        printErr(QStringLiteral("leverage-planner: --paths %1 x %2 days (horizonDays) is more than the %3 "
                                "path-steps a report may take; use at most --paths %4 for this plan")
                     .arg(options->monteCarlo.paths)
                     .arg(result->plan.horizonDays)
                     .arg(formatNumber(limits::maxPathSteps))
                     .arg(static_cast<long long>(limits::maxPathSteps / result->plan.horizonDays)));
        return BadInput;
    }
    if (isDocument) {
        if (scenario) {
            printErr(QStringLiteral("leverage-planner: --utilization is for the json and text reports"));
            return BadInput;
        }
        ReportRequest request = makeReportRequest(*result, *options, knownMarkets());
        request.paper = pageSize;
        QString error;
        if (!writeReport(request, document, parser.value(output), &error)) {
            printErr(QStringLiteral("leverage-planner: ") + error);
            return Failure;
        }
        return Ok;
    }
    const Outlook outlook = computeOutlook(*result, *options);
    QByteArray bytes;
    if (fmt == QLatin1String("json")) {
        QJsonObject doc = reportJson(*result, outlook, knownMarkets());
        if (scenario)
            doc.insert(QStringLiteral("scenario"), scenarioJson(*scenario));
        bytes = QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        QString text = reportText(*result, outlook, knownMarkets());
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

} // namespace lp::cli
