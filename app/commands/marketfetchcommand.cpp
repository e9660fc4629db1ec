// `leverage-planner market fetch --rpc URL --pool-provider ADDRESS [-o FILE] [--format json|text]`:
// reads an Aave v3 market from a JSON-RPC node and writes it in the app's market format. The only
// network calls the app makes, and only when asked: the RPC calls to that URL.
#include "marketfetchcommand.h"

#include "aavev3reader.h"
#include "abi.h"
#include "cli.h"
#include "commandsupport.h"
#include "deployments.h"
#include "marketjson.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace lp::cli {

namespace {

QString percent(double fraction)
{
    return QLocale::c().toString(fraction * 100.0, 'f', 2) + QLatin1Char('%');
}

QString marketText(const Market &m)
{
    const QLocale c = QLocale::c();
    QStringList out;
    const FetchedRecord &f = *m.fetched;
    out << QStringLiteral("%1 (%2, chain %3): Aave v%4").arg(m.name, m.chain).arg(f.chainId).arg(f.version);
    out << QStringLiteral("  block %1 at %2 from %3")
               .arg(f.blockNumber)
               .arg(f.blockTime.toString(Qt::ISODate), f.rpcHost);
    out << QStringLiteral("  flash-loan premium %1").arg(percent(m.flashLoanPremium));
    out << QString();
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9")
               .arg(QStringLiteral("reserve"), -10)
               .arg(QStringLiteral("price USD"), 18)
               .arg(QStringLiteral("LTV"), 8)
               .arg(QStringLiteral("LT"), 8)
               .arg(QStringLiteral("bonus"), 7)
               .arg(QStringLiteral("supply"), 8)
               .arg(QStringLiteral("borrow"), 8)
               .arg(QStringLiteral("used"), 8)
               .arg(QStringLiteral("status"));
    for (const Reserve &r : m.reserves) {
        QStringList status;
        if (!r.onChain->active)
            status << QStringLiteral("inactive");
        if (r.onChain->frozen)
            status << QStringLiteral("frozen");
        if (r.onChain->paused)
            status << QStringLiteral("paused");
        if (r.ltv == 0.0)
            status << QStringLiteral("LTV 0");
        if (!r.borrowable)
            status << QStringLiteral("not borrowable");
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8  %9")
                   .arg(r.symbol.left(10), -10)
                   .arg(c.toString(r.onChain->priceUsd, 'f', 8), 18)
                   .arg(percent(r.ltv), 8)
                   .arg(percent(r.liquidationThreshold), 8)
                   .arg(percent(r.liquidationBonus), 7)
                   .arg(percent(r.supplyApy), 8)
                   .arg(percent(r.borrowApy), 8)
                   .arg(percent(r.onChain->utilization), 8)
                   .arg(status.isEmpty() ? QStringLiteral("ok") : status.join(QStringLiteral(", ")));
    }
    for (const EModeCategory &e : m.eModes)
        out << QStringLiteral("e-mode %1 \"%2\": LTV %3, LT %4, bonus %5; %6")
                   .arg(e.id)
                   .arg(e.label, percent(e.ltv), percent(e.liquidationThreshold), percent(e.liquidationBonus),
                        e.members.join(QStringLiteral(", ")));
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

int runMarketCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads an Aave v3 market (v3.0 to v3.7, Spark) from a JSON-RPC node at the latest block and writes "
        "it as a market "
        "file.\n"
        "The RPC calls go to URL only; the file keeps its host, never a key in its path or query."));
    parser.addPositionalArgument(QStringLiteral("fetch"), QStringLiteral("The subcommand: fetch."));
    const QCommandLineOption rpc(QStringLiteral("rpc"), QStringLiteral("JSON-RPC endpoint (http or https)."),
                                 QStringLiteral("URL"));
    const QCommandLineOption provider(QStringLiteral("pool-provider"),
                                      QStringLiteral("The market's PoolAddressesProvider address."),
                                      QStringLiteral("ADDRESS"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the market file here (stdout without it)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption id(QStringLiteral("id"),
                                QStringLiteral("The market's id (default aave-v3-<chain id>)."),
                                QStringLiteral("ID"));
    const QCommandLineOption chainId(QStringLiteral("chain-id"),
                                     QStringLiteral("Fail unless the node serves this chain."),
                                     QStringLiteral("N"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds to wait for each answer (default 20)."),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption deployment(
        QStringLiteral("deployment"),
        QStringLiteral("A known deployment by name (its RPC URL, address and chain id; "
                       "--rpc replaces the URL). --deployment list shows them."),
        QStringLiteral("NAME"));
    parser.addOptions({rpc, provider, deployment, output, id, chainId, timeout, formatOption()});
    int exitCode = Ok;
    if (!parseOrExit(parser, args, &exitCode))
        return exitCode;

    const auto bad = [](const QString &message) {
        printErr(QStringLiteral("leverage-planner: market: %1").arg(message));
        return int(BadInput);
    };
    if (parser.positionalArguments() != QStringList{QStringLiteral("fetch")})
        return bad(QStringLiteral("expected the subcommand \"fetch\" (see market --help)"));
    const QString format = parser.value(QStringLiteral("format"));
    if (!isKnownFormat(format))
        return BadInput;
    QString rpcText = parser.value(rpc);
    QString providerText = parser.value(provider);
    std::optional<quint64> expectedChain;
    if (parser.isSet(deployment)) {
        const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
        if (!known) {
            printErrors(QStringLiteral("the known deployments do not load"), known.errors());
            return Failure;
        }
        QStringList names;
        const chain::Deployment *chosen = nullptr;
        for (const chain::Deployment &d : known.value()) {
            names << d.name;
            if (d.name == parser.value(deployment))
                chosen = &d;
        }
        if (parser.value(deployment) == u"list") {
            QString text;
            for (const chain::Deployment &d : known.value())
                text += QStringLiteral("%1  %2 (chain %3) %4  %5\n  source: %6\n")
                            .arg(d.name, -18)
                            .arg(d.chain)
                            .arg(d.chainId)
                            .arg(d.poolAddressesProvider, d.rpc, d.source);
            return writeStdout(text.toUtf8()) ? Ok : Failure;
        }
        if (!chosen)
            return bad(QStringLiteral("no known deployment \"%1\"; known: %2")
                           .arg(parser.value(deployment).left(40), names.join(QStringLiteral(", "))));
        if (parser.isSet(provider))
            return bad(QStringLiteral("--deployment names the address: leave out --pool-provider"));
        providerText = chosen->poolAddressesProvider;
        if (!parser.isSet(rpc))
            rpcText = chosen->rpc;
        expectedChain = static_cast<quint64>(chosen->chainId);
    }
    if (rpcText.isEmpty() || providerText.isEmpty())
        return bad(QStringLiteral("fetch needs --rpc URL and --pool-provider ADDRESS, or --deployment NAME"));
    const QUrl url(rpcText, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return bad(QStringLiteral("--rpc must be an http:// or https:// URL"));
    if (!chain::AbiValue::address(providerText))
        return bad(QStringLiteral("--pool-provider must be an address: 0x and 40 hex digits"));
    chain::AaveV3FetchOptions options;
    options.marketId = parser.value(id);
    if (parser.isSet(id) &&
        !QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$")).match(options.marketId).hasMatch())
        return bad(QStringLiteral("--id must be lower-case letters, digits and '-'"));
    bool ok = true;
    if (parser.isSet(chainId)) {
        expectedChain = parser.value(chainId).toULongLong(&ok);
        if (!ok || *expectedChain == 0)
            return bad(QStringLiteral("--chain-id must be a positive whole number"));
    }
    double seconds = 20.0;
    if (parser.isSet(timeout)) {
        seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || !(seconds > 0.0) || seconds > 3600.0)
            return bad(QStringLiteral("--timeout must be from 0 to 3600 seconds"));
    }

    chain::JsonRpcClient client(url);
    client.setExpectedChainId(expectedChain);
    client.setTimeout(std::chrono::milliseconds(static_cast<qint64>(seconds * 1000.0)));
    const Expected<Market> market = chain::fetchAaveV3Market(client, providerText, options);
    if (!market) {
        printErrors(QStringLiteral("market fetch from %1 failed").arg(chain::redactedEndpoint(url)),
                    market.errors());
        return Failure;
    }
    if (parser.isSet(output)) {
        const ValidationErrors written = writeMarketFile(market.value(), parser.value(output));
        if (!written.isEmpty()) {
            printErrors(QStringLiteral("market fetch: the market file was not written"), written);
            return Failure;
        }
        if (format == u"text")
            return writeStdout(marketText(market.value()).toUtf8()) ? Ok : Failure;
        return Ok;
    }
    const QByteArray out = format == u"text"
                               ? marketText(market.value()).toUtf8()
                               : QJsonDocument(marketToJson(market.value())).toJson(QJsonDocument::Indented);
    return writeStdout(out) ? Ok : Failure;
}

} // namespace lp::cli
