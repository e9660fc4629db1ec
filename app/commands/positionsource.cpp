// Where `position` and `watch` read an account from: an RPC URL and a PoolAddressesProvider (Aave v3), an
// RPC URL, Morpho's address and a market id (Morpho Blue), or a known deployment by name. Read-only: eth_call
// and block queries to that URL, nothing signed or sent.
#include "positioncommand.h"

#include "aavev3reader.h"
#include "abi.h"
#include "cli.h"
#include "commandsupport.h"
#include "deployments.h"
#include "morphoblue.h"

namespace lp::cli {

void addPositionSourceOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), QStringLiteral("The account's address."));
    parser.addOptions(
        {{QStringLiteral("rpc"), QStringLiteral("JSON-RPC endpoint (http or https)."), QStringLiteral("URL")},
         {QStringLiteral("pool-provider"), QStringLiteral("The market's PoolAddressesProvider address."),
          QStringLiteral("ADDRESS")},
         {QStringLiteral("morpho"), QStringLiteral("The Morpho Blue contract's address (with --market-id)."),
          QStringLiteral("ADDRESS")},
         {QStringLiteral("market-id"),
          QStringLiteral(
              "The Morpho Blue market's id, 0x and 64 hex digits (with a Morpho --deployment, also the "
              "name of a market it lists)."),
          QStringLiteral("ID")},
         {QStringLiteral("deployment"),
          QStringLiteral(
              "A known deployment by name (its RPC URL, address and chain id; --rpc replaces the URL)."),
          QStringLiteral("NAME")},
         {QStringLiteral("chain-id"), QStringLiteral("Fail unless the node serves this chain."),
          QStringLiteral("N")},
         {QStringLiteral("timeout"), QStringLiteral("Seconds to wait for each answer (default 20)."),
          QStringLiteral("SECONDS")}});
}

std::optional<PositionSource> positionSource(const QCommandLineParser &parser, const QString &command)
{
    const auto bad = [&](const QString &message) {
        printErr(QStringLiteral("leverage-planner: %1: %2").arg(command, message));
        return std::optional<PositionSource>();
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return bad(QStringLiteral("expected one ADDRESS, the account to read (see %1 --help)").arg(command));
    PositionSource s;
    s.user = positional.first();
    if (!chain::AbiValue::address(s.user))
        return bad(QStringLiteral("ADDRESS must be an address: 0x and 40 hex digits"));
    QString rpcText = parser.value(QStringLiteral("rpc"));
    s.poolProvider = parser.value(QStringLiteral("pool-provider"));
    s.morpho = parser.value(QStringLiteral("morpho"));
    s.marketId = parser.value(QStringLiteral("market-id"));
    if (parser.isSet(QStringLiteral("deployment"))) {
        const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
        if (!known)
            return bad(
                QStringLiteral("the known deployments do not load: %1").arg(formatErrors(known.errors())));
        const QString name = parser.value(QStringLiteral("deployment"));
        const chain::Deployment *chosen = chain::findDeployment(known.value(), name);
        if (!chosen) {
            QStringList names;
            for (const chain::Deployment &d : known.value())
                names << d.name;
            return bad(QStringLiteral("no known deployment \"%1\"; known: %2")
                           .arg(name.left(40), names.join(QStringLiteral(", "))));
        }
        if (!s.poolProvider.isEmpty() || !s.morpho.isEmpty())
            return bad(
                QStringLiteral("--deployment names the address: leave out --pool-provider and --morpho"));
        if (chosen->protocol == u"morpho-blue") {
            s.morpho = chosen->morpho;
            QStringList names;
            for (const chain::DeploymentMarket &m : chosen->markets)
                names << m.name;
            if (s.marketId.isEmpty())
                return bad(
                    QStringLiteral("%1 is Morpho Blue: name the market with --market-id ID or one of: %2")
                        .arg(chosen->name, names.join(QStringLiteral(", "))));
            s.marketId = chain::morphoMarketIdOf(*chosen, s.marketId);
        } else {
            s.poolProvider = chosen->poolAddressesProvider;
            if (s.poolProvider.isEmpty())
                s.pool = chosen->pool;
        }
        if (rpcText.isEmpty())
            rpcText = chosen->rpc;
        s.chainId = static_cast<quint64>(chosen->chainId);
    }
    const bool isMorpho = !s.morpho.isEmpty();
    if (isMorpho && !s.poolProvider.isEmpty())
        return bad(QStringLiteral("--morpho and --pool-provider name different protocols: give one"));
    if (!isMorpho && !s.marketId.isEmpty())
        return bad(QStringLiteral("--market-id goes with --morpho ADDRESS (Morpho Blue)"));
    if (isMorpho) {
        if (!chain::AbiValue::address(s.morpho))
            return bad(QStringLiteral("--morpho must be an address: 0x and 40 hex digits"));
        if (!chain::isMorphoMarketId(s.marketId))
            return bad(QStringLiteral("--market-id must be a market id: 0x and 64 hex digits"));
    }
    if (rpcText.isEmpty() || (s.poolProvider.isEmpty() && s.pool.isEmpty() && !isMorpho))
        return bad(
            QStringLiteral("needs --rpc URL and --pool-provider ADDRESS, --rpc URL and --morpho ADDRESS "
                           "--market-id ID, or --deployment NAME"));
    s.rpc = QUrl(rpcText, QUrl::StrictMode);
    if (!s.rpc.isValid() || (s.rpc.scheme() != u"http" && s.rpc.scheme() != u"https") ||
        s.rpc.host().isEmpty())
        return bad(QStringLiteral("--rpc must be an http:// or https:// URL"));
    if (!isMorpho && s.pool.isEmpty() && !chain::AbiValue::address(s.poolProvider))
        return bad(QStringLiteral("--pool-provider must be an address: 0x and 40 hex digits"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("chain-id"))) {
        s.chainId = parser.value(QStringLiteral("chain-id")).toULongLong(&ok);
        if (!ok || *s.chainId == 0)
            return bad(QStringLiteral("--chain-id must be a positive whole number"));
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        s.timeoutSeconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !(s.timeoutSeconds > 0.0) || s.timeoutSeconds > 3600.0)
            return bad(QStringLiteral("--timeout must be from 0 to 3600 seconds"));
    }
    return s;
}

Expected<chain::FetchedPosition> readPosition(const PositionSource &source)
{
    chain::JsonRpcClient client(source.rpc);
    client.setExpectedChainId(source.chainId);
    client.setTimeout(std::chrono::milliseconds(static_cast<qint64>(source.timeoutSeconds * 1000.0)));
    if (!source.morpho.isEmpty())
        return chain::fetchMorphoPosition(client, source.morpho, source.marketId, source.user);
    QString provider = source.poolProvider;
    if (!source.pool.isEmpty()) {
        const Expected<QString> resolved = chain::poolAddressesProviderOf(client, source.pool);
        if (!resolved)
            return resolved.errors();
        provider = resolved.value();
    }
    return chain::fetchAaveV3Position(client, provider, source.user);
}

} // namespace lp::cli
