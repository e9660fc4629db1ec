// Where a chain read goes (rpcoptions.h): the RPC URL and the protocol's contract, given directly or by a
// known deployment's name, checked before anything is read.
#include "rpcoptions.h"

#include "abi.h"
#include "cli.h"
#include "commandsupport.h"
#include "deployments.h"
#include "morphoblue.h"

#include <chrono>

namespace lp::cli {

void RpcTarget::configure(chain::JsonRpcClient &client) const
{
    client.setExpectedChainId(chainId);
    client.setTimeout(std::chrono::milliseconds(static_cast<qint64>(timeoutSeconds * 1000.0)));
}

void addRpcTargetOptions(QCommandLineParser &parser, const QString &marketIdHelp)
{
    parser.addOptions(
        {{QStringLiteral("rpc"), QStringLiteral("JSON-RPC endpoint (http or https)."), QStringLiteral("URL")},
         {QStringLiteral("pool-provider"), QStringLiteral("The market's PoolAddressesProvider address."),
          QStringLiteral("ADDRESS")},
         {QStringLiteral("morpho"), QStringLiteral("The Morpho Blue contract's address (with --market-id)."),
          QStringLiteral("ADDRESS")},
         {QStringLiteral("market-id"), marketIdHelp, QStringLiteral("ID")},
         {QStringLiteral("deployment"),
          QStringLiteral(
              "A known deployment by name (its RPC URL, address and chain id; --rpc replaces the URL). "
              "market fetch --deployment list shows them."),
          QStringLiteral("NAME")},
         {QStringLiteral("chain-id"), QStringLiteral("Fail unless the node serves this chain."),
          QStringLiteral("N")},
         {QStringLiteral("timeout"), QStringLiteral("Seconds to wait for each answer (default 20)."),
          QStringLiteral("SECONDS")}});
}

std::optional<RpcTarget> rpcTarget(const QCommandLineParser &parser, const QString &command, bool oneMarket,
                                   int *exitCode)
{
    *exitCode = BadInput;
    const auto bad = [&](const QString &message) {
        printErr(QStringLiteral("leverage-planner: %1: %2").arg(command, message));
        return std::optional<RpcTarget>();
    };
    RpcTarget t;
    QString rpcText = parser.value(QStringLiteral("rpc"));
    t.poolProvider = parser.value(QStringLiteral("pool-provider"));
    t.morpho = parser.value(QStringLiteral("morpho"));
    t.marketIds = parser.values(QStringLiteral("market-id"));
    if (parser.isSet(QStringLiteral("deployment"))) {
        const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
        if (!known) {
            printErrors(QStringLiteral("%1: the known deployments do not load").arg(command), known.errors());
            *exitCode = Failure;
            return std::nullopt;
        }
        const QString name = parser.value(QStringLiteral("deployment"));
        const chain::Deployment *chosen = chain::findDeployment(known.value(), name);
        if (!chosen) {
            QStringList names;
            for (const chain::Deployment &d : known.value())
                names << d.name;
            return bad(QStringLiteral("no known deployment \"%1\"; known: %2")
                           .arg(name.left(40), names.join(QStringLiteral(", "))));
        }
        if (!t.poolProvider.isEmpty() || !t.morpho.isEmpty())
            return bad(
                QStringLiteral("--deployment names the address: leave out --pool-provider and --morpho"));
        if (chosen->protocol == u"morpho-blue") {
            t.morpho = chosen->morpho;
            QStringList names;
            for (const chain::DeploymentMarket &m : chosen->markets)
                names << m.name;
            if (t.marketIds.isEmpty())
                return bad(
                    QStringLiteral("%1 is Morpho Blue: name the market with --market-id ID or one of: %2")
                        .arg(chosen->name, names.join(QStringLiteral(", "))));
            for (QString &m : t.marketIds)
                m = chain::morphoMarketIdOf(*chosen, m);
        } else {
            t.poolProvider = chosen->poolAddressesProvider;
            if (t.poolProvider.isEmpty())
                t.pool = chosen->pool;
            if (chosen->hasKnownAddresses()) {
                t.knownPool = chosen->pool;
                t.knownDataProvider = chosen->dataProvider;
                t.knownOracle = chosen->oracle;
            }
        }
        if (rpcText.isEmpty())
            rpcText = chosen->rpc;
        t.chainId = static_cast<quint64>(chosen->chainId);
    }
    if (t.isMorpho() && !t.poolProvider.isEmpty())
        return bad(QStringLiteral("--morpho and --pool-provider name different protocols: give one"));
    if (!t.isMorpho() && !t.marketIds.isEmpty())
        return bad(QStringLiteral("--market-id goes with --morpho ADDRESS (Morpho Blue)"));
    if (rpcText.isEmpty() || (t.poolProvider.isEmpty() && t.pool.isEmpty() && !t.isMorpho()))
        return bad(
            QStringLiteral("needs --rpc URL and --pool-provider ADDRESS, --rpc URL and --morpho ADDRESS "
                           "--market-id ID, or --deployment NAME"));
    t.rpc = QUrl(rpcText, QUrl::StrictMode);
    if (!t.rpc.isValid() || (t.rpc.scheme() != u"http" && t.rpc.scheme() != u"https") ||
        t.rpc.host().isEmpty())
        return bad(QStringLiteral("--rpc must be an http:// or https:// URL"));
    if (!t.isMorpho() && t.pool.isEmpty() && !chain::AbiValue::address(t.poolProvider))
        return bad(QStringLiteral("--pool-provider must be an address: 0x and 40 hex digits"));
    if (t.isMorpho()) {
        if (!chain::AbiValue::address(t.morpho))
            return bad(QStringLiteral("--morpho must be an address: 0x and 40 hex digits"));
        if (t.marketIds.isEmpty())
            return bad(QStringLiteral("--morpho needs --market-id ID"));
        if (oneMarket && t.marketIds.size() > 1)
            return bad(QStringLiteral("reads one market: give one --market-id"));
        for (const QString &m : t.marketIds) {
            if (!chain::isMorphoMarketId(m))
                return bad(QStringLiteral("--market-id \"%1\" is not a market id: 0x and 64 hex digits")
                               .arg(m.left(80)));
        }
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("chain-id"))) {
        t.chainId = parser.value(QStringLiteral("chain-id")).toULongLong(&ok);
        if (!ok || *t.chainId == 0)
            return bad(QStringLiteral("--chain-id must be a positive whole number"));
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        t.timeoutSeconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || !(t.timeoutSeconds > 0.0) || t.timeoutSeconds > 3600.0)
            return bad(QStringLiteral("--timeout must be from 0 to 3600 seconds"));
    }
    *exitCode = Ok;
    return t;
}

} // namespace lp::cli
