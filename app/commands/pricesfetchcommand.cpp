// `leverage-planner prices fetch --coin ID --from DATE --to DATE [-o FILE] [--api URL] [--timeout SECONDS]`:
// daily prices from DefiLlama's keyless coins API, written as the date,price CSV that `backtest` reads,
// with the source and the time of the fetch in a "#" comment line. The one GET goes to the API only when
// this command runs; the coin id and the dates are all it carries.
#include "pricesfetchcommand.h"

#include "cli.h"
#include "commandsupport.h"
#include "pricehistory.h"
#include "settingskeys.h"

#include <QCommandLineParser>

namespace lp::cli {

int runPricesCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fetches daily USD prices of one coin from DefiLlama's keyless coins API (/chart) and "
                       "writes them as the date,price CSV that backtest reads."));
    parser.addPositionalArgument(QStringLiteral("fetch"), QStringLiteral("The subcommand: fetch."));
    const QCommandLineOption coin(
        QStringLiteral("coin"),
        QStringLiteral("The coin: coingecko:ethereum, ethereum:0x... (chain:address)."),
        QStringLiteral("ID"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (UTC)."),
                                  QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (UTC)."),
                                QStringLiteral("DATE"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the CSV here (stdout without it)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption api(QStringLiteral("api"),
                                 QStringLiteral("The API's base URL (default: the setting prices/apiBase, "
                                                "else https://coins.llama.fi)."),
                                 QStringLiteral("URL"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds to wait for the answer (default 20)."),
                                     QStringLiteral("SECONDS"));
    parser.addOptions({coin, from, to, output, api, timeout});
    int exitCode = Ok;
    if (!parseOrExit(parser, args, &exitCode))
        return exitCode;
    const auto bad = [](const QString &message) {
        printErr(QStringLiteral("leverage-planner: prices: %1").arg(message));
        return int(BadInput);
    };
    if (parser.positionalArguments() != QStringList{QStringLiteral("fetch")})
        return bad(QStringLiteral("expected the subcommand \"fetch\" (see prices --help)"));
    chain::PriceHistoryRequest request;
    request.coin = parser.value(coin);
    if (!chain::isValidCoinId(request.coin))
        return bad(QStringLiteral("--coin must be an id like coingecko:ethereum or ethereum:0x..."));
    request.from = QDate::fromString(parser.value(from), Qt::ISODate);
    request.to = QDate::fromString(parser.value(to), Qt::ISODate);
    if (!request.from.isValid())
        return bad(QStringLiteral("--from must be a date, YYYY-MM-DD"));
    if (!request.to.isValid())
        return bad(QStringLiteral("--to must be a date, YYYY-MM-DD"));
    if (request.to < request.from)
        return bad(QStringLiteral("--to must not be before --from"));
    if (request.from.daysTo(request.to) > 3660)
        return bad(QStringLiteral("--from and --to may be at most ten years apart"));
    const QString base = parser.isSet(api) ? parser.value(api) : settingskeys::pricesApiBase.read();
    request.apiBase = QUrl(base, QUrl::StrictMode);
    if (!request.apiBase.isValid() ||
        (request.apiBase.scheme() != u"http" && request.apiBase.scheme() != u"https") ||
        request.apiBase.host().isEmpty())
        return bad(QStringLiteral("--api must be an http:// or https:// URL"));
    if (parser.isSet(timeout)) {
        bool ok = false;
        const double seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || !(seconds > 0.0) || seconds > 3600.0)
            return bad(QStringLiteral("--timeout must be from 0 to 3600 seconds"));
        request.timeout = std::chrono::milliseconds(static_cast<qint64>(seconds * 1000.0));
    }
    if (parser.isSet(output) && !isWritableTarget(parser.value(output)))
        return BadInput;

    const Expected<chain::PriceHistory> history = chain::fetchPriceHistory(request);
    if (!history) {
        printErrors(QStringLiteral("prices fetch of %1 failed").arg(request.coin), history.errors());
        return Failure;
    }
    const QByteArray csv = chain::priceHistoryCsv(history.value());
    if (parser.isSet(output))
        return writeOutputFile(csv, parser.value(output));
    return writeStdout(csv) ? Ok : Failure;
}

} // namespace lp::cli
