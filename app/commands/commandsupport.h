#pragma once

// What the headless commands share (defined in commandsupport.cpp), so that each command can live in its own
// file.
#include "engine.h"
#include "utilizationscenario.h"

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace lp::cli {

// One line on stderr.
void printErr(const QString &text);
// Writes to stdout and flushes; false when that fails (a full disk, a closed pipe).
bool writeStdout(const QByteArray &bytes);
// Refuses an -o target that is a symbolic link, directory, device, FIFO or socket (on stderr, naming it):
// false means exit BadInput. Checked before any work, so a refused target costs nothing.
[[nodiscard]] bool isWritableTarget(const QString &path);
// Writes an -o file through the one atomic write path (writeFileAtomically); on failure says why on stderr
// and returns the exit code (BadInput for a refused target, Failure for a failed write), else Ok.
[[nodiscard]] int writeOutputFile(const QByteArray &bytes, const QString &path);
// Says on stderr why writing `path` failed: "could not write PATH: WHY", or the refusal as it is.
void printWriteErrors(const QString &path, const ValidationErrors &errors);
// "leverage-planner: <headline>" and then each problem on its own indented line, on stderr.
void printErrors(const QString &headline, const ValidationErrors &errors);
// --format json|text, default json (report, backtest).
[[nodiscard]] QCommandLineOption formatOption();
// True for json or text; otherwise says so on stderr and returns false (exit BadInput).
[[nodiscard]] bool isKnownFormat(const QString &format);
// Parses a subcommand's options; on a usage error or --help prints it and returns false with *exitCode set.
[[nodiscard]] bool parseOrExit(QCommandLineParser &parser, const QStringList &args, int *exitCode);
// The markets plan files are read with, as in the window: the presets and the user's markets
// (lp::userMarketsDirectory()), loaded on first use. A user market file that does not load is named on
// stderr once and skipped.
[[nodiscard]] const MarketRegistry &knownMarkets();
// Reads the one positional PLAN argument and computes it, or prints why not (exit code BadInput). With a
// utilization, the borrow APY first follows the market's rate strategy at it (and *scenario says how).
[[nodiscard]] std::optional<PlanResult>
loadAndCompute(const QCommandLineParser &parser, int *exitCode,
               std::optional<double> utilization = std::nullopt,
               std::optional<UtilizationScenario> *scenario = nullptr);

// `report PLAN [...]` (reportcommand.cpp).
[[nodiscard]] int runReport(const QStringList &args);
// `export-csv PLAN --table NAME [-o FILE]` (exportcsvcommand.cpp).
[[nodiscard]] int runExportCsv(const QStringList &args);
// `backtest PLAN PRICES.csv [--format json|text]` (backtestcommand.cpp).
[[nodiscard]] int runBacktestCommand(const QStringList &args);
// `liquidate PLAN --price P [--format json|text] [--path]` (liquidatecommand.cpp).
[[nodiscard]] int runLiquidateCommand(const QStringList &args);
// `render PLAN --chart NAME -o FILE [--size WxH]` (rendercommand.cpp); needs a QApplication.
[[nodiscard]] int runRender(const QStringList &args);

} // namespace lp::cli
