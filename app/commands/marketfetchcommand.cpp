// `leverage-planner market fetch --rpc URL --pool-provider ADDRESS [-o FILE] [--format json|text]` (Aave
// v3 family) and `market fetch --rpc URL --morpho ADDRESS --market-id ID... [-o FILE]` (Morpho Blue): reads
// the market from a JSON-RPC node and writes it in the app's market format. The only network calls the app
// makes, and only when asked: the RPC calls to that URL.
#include "marketfetchcommand.h"

#include "aavev3reader.h"
#include "abi.h"
#include "cli.h"
#include "commandsupport.h"
#include "deployments.h"
#include "marketjson.h"
#include "morphoblue.h"
#include "rpcoptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <array>

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
    const bool morpho = f.protocol == u"morpho-blue";
    out << QStringLiteral("%1 (%2, chain %3): %4")
               .arg(m.name, m.chain)
               .arg(f.chainId)
               .arg(morpho ? f.version : QStringLiteral("Aave v") + f.version);
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
        if (r.ltv == 0.0 && (!morpho || r.usableAsCollateral))
            status << QStringLiteral("LTV 0");
        if (!r.borrowable && !morpho)
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
    for (const EModeCategory &e : m.eModes) {
        const QString comma = QStringLiteral(", ");
        out << QStringLiteral("e-mode %1 \"%2\": LTV %3, LT %4, bonus %5; collateral: %6; borrowable: %7%8")
                   .arg(e.id)
                   .arg(e.label, percent(e.ltv), percent(e.liquidationThreshold), percent(e.liquidationBonus),
                        e.collateralMembers().join(comma), e.borrowableMembers().join(comma),
                        e.ltvZero.isEmpty() ? QString()
                                            : QStringLiteral("; LTV 0: ") + e.ltvZero.join(comma));
    }
    if (!m.eModes.isEmpty())
        out << QStringLiteral(
            "e-mode roles: a plan gets the category's LTV, LT and bonus when its collateral is "
            "a collateral member and its borrowed asset a borrowable member; a collateral "
            "listed at LTV 0 (Aave v3.6) keeps the LT but adds no borrowing power there");
    if (morpho)
        out << QStringLiteral("prices in %1 (the loan token); the collateral's LTV is an estimate 0.5 points "
                              "under its LLTV (LT)")
                   .arg(m.reserves.value(1).symbol);
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString deploymentList(const QList<chain::Deployment> &known)
{
    QString text;
    for (const chain::Deployment &d : known) {
        text += QStringLiteral("%1  %2 (chain %3) %4 %5  %6%7\n  source: %8\n")
                    .arg(d.name, -24)
                    .arg(d.chain)
                    .arg(d.chainId)
                    .arg(d.protocol, d.protocol == u"morpho-blue" ? d.morpho : d.poolAddressesProvider, d.rpc,
                         d.status.isEmpty() ? QString() : QStringLiteral("  [%1]").arg(d.status), d.source);
        if (d.hasKnownAddresses())
            text += QStringLiteral("  known: pool %1, data provider %2, oracle %3\n")
                        .arg(d.pool, d.dataProvider, d.oracle);
        for (const chain::DeploymentMarket &m : d.markets)
            text += QStringLiteral("  market %1  %2\n").arg(m.name, -22).arg(m.id);
    }
    return text;
}

} // namespace

int runMarketCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads an Aave v3 market (v3.0 to v3.7, Spark) or Morpho Blue markets from a JSON-RPC node at the "
        "latest block and writes each as a market file.\n"
        "The RPC calls go to URL only; the file keeps its host, never a key in its path or query."));
    parser.addPositionalArgument(QStringLiteral("fetch"), QStringLiteral("The subcommand: fetch."));
    addRpcTargetOptions(
        parser, QStringLiteral("A Morpho Blue market id, 0x and 64 hex digits (repeat for several; with a "
                               "Morpho --deployment, also the name of a market it lists)."));
    const QCommandLineOption output(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write the market file here (stdout without it); with several --market-id, a "
                       "directory that gets one <id>.json per market."),
        QStringLiteral("FILE"));
    const QCommandLineOption id(QStringLiteral("id"),
                                QStringLiteral("The market's id (default aave-v3-<chain id>, or "
                                               "morpho-blue-<chain id>-<pair>-<market id's first digits>)."),
                                QStringLiteral("ID"));
    parser.addOptions({output, id, formatOption()});
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
    const QString deployment = parser.value(QStringLiteral("deployment"));
    if (deployment == u"list") {
        const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
        if (!known) {
            printErrors(QStringLiteral("the known deployments do not load"), known.errors());
            return Failure;
        }
        return writeStdout(deploymentList(known.value()).toUtf8()) ? Ok : Failure;
    }
    const std::optional<RpcTarget> target = rpcTarget(parser, QStringLiteral("market"), false, &exitCode);
    if (!target)
        return exitCode;
    const bool isMorpho = target->isMorpho();
    const QStringList &marketIds = target->marketIds;
    if (isMorpho) {
        if (marketIds.size() > 1 && parser.isSet(id))
            return bad(QStringLiteral("--id names one market: give one --market-id with it"));
        if (marketIds.size() > 1 && parser.isSet(output) && !QFileInfo(parser.value(output)).isDir())
            return bad(
                QStringLiteral("with several --market-id, -o must name a directory (one file per market)"));
    }
    chain::AaveV3FetchOptions options;
    options.marketId = parser.value(id);
    options.knownPool = target->knownPool;
    options.knownDataProvider = target->knownDataProvider;
    options.knownOracle = target->knownOracle;
    if (parser.isSet(id) &&
        !QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$")).match(options.marketId).hasMatch())
        return bad(QStringLiteral("--id must be lower-case letters, digits and '-'"));
    const QUrl &url = target->rpc;
    chain::JsonRpcClient client(url);
    target->configure(client);
    Expected<QList<Market>> markets = ValidationErrors{};
    if (isMorpho) {
        chain::MorphoFetchOptions morphoOptions;
        morphoOptions.marketId = options.marketId;
        markets = chain::fetchMorphoMarkets(client, target->morpho, marketIds, morphoOptions);
    } else {
        QString providerText = target->poolProvider;
        if (!target->pool.isEmpty()) {
            const Expected<QString> resolved = chain::poolAddressesProviderOf(client, target->pool);
            if (!resolved) {
                printErrors(QStringLiteral("market fetch from %1 failed").arg(chain::redactedEndpoint(url)),
                            resolved.errors());
                return Failure;
            }
            providerText = resolved.value();
        }
        const Expected<Market> market = chain::fetchAaveV3Market(client, providerText, options);
        markets = market ? Expected<QList<Market>>(QList<Market>{market.value()})
                         : Expected<QList<Market>>(market.errors());
    }
    if (!markets) {
        printErrors(QStringLiteral("market fetch from %1 failed").arg(chain::redactedEndpoint(url)),
                    markets.errors());
        return Failure;
    }
    if (parser.isSet(output)) {
        for (const Market &m : markets.value()) {
            const QString path = markets->size() > 1
                                     ? QDir(parser.value(output)).filePath(m.id + QStringLiteral(".json"))
                                     : parser.value(output);
            const ValidationErrors written = writeMarketFile(m, path);
            if (!written.isEmpty()) {
                printErrors(QStringLiteral("market fetch: the market file was not written"), written);
                return Failure;
            }
        }
        if (format != u"text")
            return Ok;
    }
    QByteArray out;
    if (format == u"text") {
        for (const Market &m : markets.value())
            out += marketText(m).toUtf8();
    } else if (markets->size() == 1) {
        out = QJsonDocument(marketToJson(markets->first())).toJson(QJsonDocument::Indented);
    } else {
        QJsonArray all;
        for (const Market &m : markets.value())
            all.append(marketToJson(m));
        out = QJsonDocument(all).toJson(QJsonDocument::Indented);
    }
    return writeStdout(out) ? Ok : Failure;
}

} // namespace lp::cli
