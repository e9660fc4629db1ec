// The command line's dispatcher: which headless command argv names, and running it. Each command lives in
// its own file under commands/ (docs/architecture.md).
#include "cli.h"

#include "commandsupport.h"
#include "marketfetchcommand.h"
#include "positioncommand.h"
#include "pricesfetchcommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

namespace lp::cli {

namespace {

const QStringList kCommands{
    QStringLiteral("report"),   QStringLiteral("export-csv"), QStringLiteral("render"),
    QStringLiteral("backtest"), QStringLiteral("liquidate"),  QStringLiteral("market"),
    QStringLiteral("prices"),   QStringLiteral("position"),   QStringLiteral("watch")};
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
        "  report PLAN --format html|pdf -o FILE [--paper a4|letter]\n"
        "                                     the whole report with its charts in one file\n"
        "  export-csv PLAN --table loops|prices|timeline|summary [-o FILE]\n"
        "                                     write one table as CSV (stdout without -o)\n"
        "  backtest PLAN PRICES.csv [--format json|text]\n"
        "                                     replay the plan through date,price rows of Token A\n"
        "  liquidate PLAN --price P [--format json|text] [--path]\n"
        "                                     the liquidation calls when Token A jumps (or falls) to P,\n"
        "                                     under the plan's liquidation rule set\n"
        "  render PLAN --chart pnl|health|loops|time|risk|carry -o FILE.png|.pdf [--size WxH]\n"
        "                                     draw one chart into a PNG or PDF (default 1200x800)\n"
        "  market fetch --rpc URL --pool-provider ADDRESS [-o FILE] [--format json|text]\n"
        "                                     read an Aave v3 market from a JSON-RPC node (the only\n"
        "                                     network use, and only on request); exit 1 when it fails\n"
        "  prices fetch --coin ID --from DATE --to DATE [-o FILE] [--api URL]\n"
        "                                     daily prices from DefiLlama as the CSV backtest reads\n\n"
        "  position ADDRESS --rpc URL --pool-provider ADDRESS [--format json|text] [--plan -o FILE]\n"
        "                                     read an account (read-only): health, each asset's\n"
        "                                     liquidation price, the pool's own health factor\n"
        "  watch ADDRESS --rpc URL --pool-provider ADDRESS --alert-below HF [--every S] [--count N]\n"
        "        [--log FILE]                 one line per reading; exit 3 on the first alert\n\n"
        "Options:\n"
        "  -h, --help      show this help\n"
        "  -v, --version   show the version\n\n"
        "Exit codes: 0 ok, 2 bad input (arguments or plan file), 1 any other failure;\n"
        "            watch: 3 when the alert level is crossed.\n");
}

// A first argument that reads as a mistyped command rather than a plan to open: a bare word
// ("frobnicate", no dot or slash) that is no file here, or anything that is no file followed by more
// arguments (the window opens at most one plan). Options (-x, --theme) belong to the window.
bool isUnknownCommand(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString &first = arguments.at(1);
    if (first.isEmpty() || first.startsWith(QLatin1Char('-')) || kCommands.contains(first) ||
        QFileInfo::exists(first))
        return false;
    static const QRegularExpression word(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    return word.match(first).hasMatch() || arguments.size() > 2;
}

} // namespace

bool isCommand(const QStringList &arguments)
{
    // An unknown command is answered here too (exit 2 with the list), never by opening the window: that
    // would start a GUI for a typo, and abort where there is no display.
    return arguments.size() > 1 && (kCommands.contains(arguments.at(1)) ||
                                    kInfoOptions.contains(arguments.at(1)) || isUnknownCommand(arguments));
}

bool needsGui(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("render"))
        return true;
    // `report --format html|pdf` draws the window's charts into its file.
    if (arguments.size() < 2 || arguments.at(1) != QLatin1String("report"))
        return false;
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        QString value;
        if (a == QLatin1String("--format") && i + 1 < arguments.size())
            value = arguments.at(i + 1);
        else if (a.startsWith(QLatin1String("--format=")))
            value = a.mid(9);
        if (value == QLatin1String("html") || value == QLatin1String("pdf"))
            return true;
    }
    return false;
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
    if (command == QLatin1String("liquidate"))
        return runLiquidateCommand(args);
    if (command == QLatin1String("market"))
        return runMarketCommand(args);
    if (command == QLatin1String("prices"))
        return runPricesCommand(args);
    if (command == QLatin1String("position"))
        return runPositionCommand(args);
    if (command == QLatin1String("watch"))
        return runWatchCommand(args);
    printErr(QStringLiteral("leverage-planner: unknown command \"%1\"; the commands are %2 (see --help)")
                 .arg(command, kCommands.join(QStringLiteral(", "))));
    return BadInput;
}

} // namespace lp::cli
