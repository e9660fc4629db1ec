#pragma once

// The options that name where a chain read goes, shared by `market fetch`, `position` and `watch`: --rpc,
// --pool-provider, --morpho, --market-id, --deployment, --chain-id and --timeout (rpcoptions.cpp).
#include "jsonrpcclient.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lp::cli {

struct RpcTarget {
    QUrl rpc;
    QString poolProvider; // Aave v3: the PoolAddressesProvider
    QString pool;         // a deployment known by its pool only: the provider is asked of it
    // A deployment's pool, data provider and oracle when it lists them (one round trip fewer), else empty.
    QString knownPool;
    QString knownDataProvider;
    QString knownOracle;
    QString morpho; // Morpho Blue instead: the Morpho contract and the markets' ids
    QStringList marketIds;
    std::optional<quint64> chainId;
    double timeoutSeconds = 20.0;

    [[nodiscard]] bool isMorpho() const { return !morpho.isEmpty(); }
    // A client for the target: its URL, the chain it must serve and the timeout.
    void configure(chain::JsonRpcClient &client) const;
};

// Adds the options above; `marketIdHelp` says what --market-id takes for the command.
void addRpcTargetOptions(QCommandLineParser &parser, const QString &marketIdHelp);

// The target from the parsed options, or nullopt with the reason printed on stderr as
// "leverage-planner: <command>: ..." and *exitCode set (BadInput; Failure when the known deployments do not
// load). `oneMarket`: Morpho takes exactly one --market-id (a position), else one or more (a fetch).
[[nodiscard]] std::optional<RpcTarget> rpcTarget(const QCommandLineParser &parser, const QString &command,
                                                 bool oneMarket, int *exitCode);

} // namespace lp::cli
