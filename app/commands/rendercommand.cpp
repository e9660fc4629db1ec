// The `render` command: one page's chart of a plan into a PNG or PDF, drawn by the same widgets as the
// window (the Time page's four plots as a 2 x 2 grid, as Export Chart writes them).
#include "chartexport.h"
#include "charttabs.h"
#include "cli.h"
#include "commandsupport.h"

namespace lp::cli {

int runRender(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws one chart of a plan into a PNG (raster) or PDF (vector) file, chosen by the file name."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    const QCommandLineOption chart(
        QStringLiteral("chart"),
        QStringLiteral("Chart: %1 (time: its four plots in a 2 x 2 grid; time and risk with the report's "
                       "default Monte Carlo).")
            .arg(ChartTabs::chartNames().join(QStringLiteral(", "))),
        QStringLiteral("name"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to FILE.png or FILE.pdf (atomically)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Width x height in pixels (PNG) or points (PDF), %1 to %2 "
                                                 "each (default %3x%4).")
                                      .arg(chartexport::kMinSide)
                                      .arg(chartexport::kMaxSide)
                                      .arg(chartexport::kDefaultSize.width())
                                      .arg(chartexport::kDefaultSize.height()),
                                  QStringLiteral("WxH"));
    parser.addOption(chart);
    parser.addOption(output);
    parser.addOption(size);
    int code = Ok;
    if (!parseOrExit(parser, args, &code))
        return code;

    const QString names = ChartTabs::chartNames().join(QStringLiteral(", "));
    ChartTabs::Page which{};
    if (!parser.isSet(chart)) {
        printErr(QStringLiteral("leverage-planner: --chart is required (%1)").arg(names));
        return BadInput;
    }
    if (!ChartTabs::chartFromName(parser.value(chart), &which)) {
        printErr(QStringLiteral("leverage-planner: --chart must be one of %1 (got \"%2\")")
                     .arg(names, parser.value(chart)));
        return BadInput;
    }
    if (!parser.isSet(output)) {
        printErr(QStringLiteral("leverage-planner: -o FILE.png or FILE.pdf is required"));
        return BadInput;
    }
    chartexport::Format format{};
    if (!chartexport::formatForPath(parser.value(output), &format)) {
        printErr(QStringLiteral("leverage-planner: -o must name a .png or .pdf file (got \"%1\")")
                     .arg(parser.value(output)));
        return BadInput;
    }
    QSize pixels = chartexport::kDefaultSize;
    if (parser.isSet(size) && !chartexport::parseSize(parser.value(size), &pixels)) {
        printErr(
            QStringLiteral("leverage-planner: --size must be WxH with each side from %1 to %2 (got \"%3\")")
                .arg(chartexport::kMinSide)
                .arg(chartexport::kMaxSide)
                .arg(parser.value(size)));
        return BadInput;
    }
    if (!isWritableTarget(parser.value(output)))
        return BadInput;
    const std::optional<PlanResult> result = loadAndCompute(parser, &code);
    if (!result)
        return code;

    ChartTabs charts; // never shown: the plot is rendered straight into the file at the chosen size
    charts.resize(pixels);
    charts.showResult(*result);
    QString error;
    if (!chartexport::writeCharts(charts.plots(which), parser.value(output), pixels, &error)) {
        printErr(QStringLiteral("leverage-planner: ") + error);
        return Failure;
    }
    return Ok;
}

} // namespace lp::cli
