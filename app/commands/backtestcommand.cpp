// `leverage-planner backtest PLAN PRICES.csv [--format json|text]`: replays a plan through a CSV of
// historical prices (issue 6 §5), with the liquidations on the way and the P&L against holding.
#include "backtest.h"
#include "cli.h"
#include "commandsupport.h"
#include "planjson.h"
#include "safefile.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>

namespace lp::cli {

namespace {

// A price CSV of a million rows is about 30 MB.
constexpr qint64 kMaxPriceFileBytes = qint64{64} * 1024 * 1024;

QString money(double v)
{
    return QStringLiteral("$%1").arg(QLocale::c().toString(v, 'f', 2));
}

QString backtestText(const BacktestResult &r, const Plan &plan)
{
    const QLocale c = QLocale::c();
    QStringList out;
    const auto row = [&out](const QString &label, const QString &value) {
        out << QStringLiteral("  %1 %2").arg(label, -24).arg(value);
    };
    out << QStringLiteral("Backtest: %1 (%2 days from %3 to %4)")
               .arg(plan.name.isEmpty() ? QStringLiteral("plan") : plan.name)
               .arg(r.days.size())
               .arg(r.days.front().date.toString(Qt::ISODate), r.days.back().date.toString(Qt::ISODate));
    row(QStringLiteral("Opened at"), money(r.openPriceUsd));
    row(QStringLiteral("Collateral / debt"),
        QStringLiteral("%1 %2 / %3 %4")
            .arg(c.toString(r.openedCollateral, 'f', 6), plan.collateral.symbol,
                 c.toString(r.openedDebt, 'f', 6), plan.borrow.symbol));
    row(QStringLiteral("Lowest health factor"), c.toString(r.minHealthFactor, 'f', 4));
    row(QStringLiteral("Liquidations"), QString::number(r.liquidations.size()));
    for (const BacktestLiquidation &l : r.liquidations)
        out << QStringLiteral("    %1 at %2: repaid %3 %4, seized %5 %6, penalty %7")
                   .arg(l.date.toString(Qt::ISODate), money(l.event.priceUsd),
                        c.toString(l.event.debtRepaid, 'f', 6), plan.borrow.symbol,
                        c.toString(l.event.collateralSeized, 'f', 6), plan.collateral.symbol,
                        money(l.event.penaltyUsd));
    row(QStringLiteral("Penalties in all"), money(r.totalPenaltyUsd));
    if (!plan.protection.isEmpty()) {
        row(QStringLiteral("Protection executions"), QString::number(r.executions.size()));
        for (const BacktestExecution &x : r.executions)
            out << QStringLiteral("    %1 %2 at %3: HF %4 -> %5, moved %6, cost %7%8")
                       .arg(x.date.toString(Qt::ISODate), toString(x.execution.kind),
                            money(x.execution.priceUsd), c.toString(x.execution.healthFactorBefore, 'f', 4),
                            x.execution.closed ? QStringLiteral("closed")
                                               : c.toString(x.execution.healthFactorAfter, 'f', 4),
                            money(x.execution.amountUsd), money(x.execution.costUsd()),
                            x.execution.closed ? QStringLiteral(" (position closed)") : QString());
        row(QStringLiteral("Protection costs"), money(r.protectionCostUsd));
    }
    row(QStringLiteral("Final equity"), money(r.finalEquityUsd));
    row(QStringLiteral("P&L"), money(r.pnlUsd));
    row(QStringLiteral("Holding the deposit"), money(r.holdPnlUsd));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int runBacktestCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Replays a plan through historical prices of Token A: opened at the first row's price, interest and "
        "yield accrue between rows, and liquidations happen at any close where HF < 1; the plan's protection "
        "rules act at the closes."));
    parser.addPositionalArgument(QStringLiteral("PLAN"), QStringLiteral("Plan file (JSON)."));
    parser.addPositionalArgument(QStringLiteral("PRICES"),
                                 QStringLiteral("CSV of date,price rows (ISO dates, '.' decimals)."));
    const QCommandLineOption format = formatOption();
    parser.addOption(format);
    int code = Ok;
    if (!parseOrExit(parser, args, &code))
        return code;
    const QString fmt = parser.value(format);
    if (!isKnownFormat(fmt))
        return BadInput;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(QStringLiteral("leverage-planner: backtest needs a plan file and a price CSV (see --help)"));
        return BadInput;
    }
    const Expected<Plan> plan = readPlanFile(positional.at(0), knownMarkets());
    if (!plan) {
        printErrors(QStringLiteral("%1 is not a valid plan:").arg(positional.at(0)), plan.errors());
        return BadInput;
    }
    const Expected<QByteArray> csv =
        readFileBounded(positional.at(1), kMaxPriceFileBytes, QStringLiteral("a price file"));
    if (!csv) {
        printErrors(QStringLiteral("cannot read %1:").arg(positional.at(1)), csv.errors());
        return BadInput;
    }
    const Expected<std::vector<PricePoint>> prices = parsePriceCsv(*csv);
    if (!prices) {
        printErrors(QStringLiteral("%1 is not a valid price series:").arg(positional.at(1)), prices.errors());
        return BadInput;
    }
    const Expected<BacktestResult> result = runBacktest(*plan, *prices);
    if (!result) {
        printErrors(QStringLiteral("the backtest cannot be carried out:"), result.errors());
        return BadInput;
    }
    const QByteArray bytes = fmt == QLatin1String("json")
                                 ? QJsonDocument(backtestJson(*result)).toJson(QJsonDocument::Indented)
                                 : backtestText(*result, *plan).toUtf8();
    if (!writeStdout(bytes)) {
        printErr(QStringLiteral("leverage-planner: could not write to standard output"));
        return Failure;
    }
    return Ok;
}

} // namespace lp::cli
