#pragma once

#include "expected.h"

#include <QList>
#include <QString>

namespace lp::chain {

// A Morpho Blue market a deployment lists: its name ("wstETH/WETH 94.5%") and id (0x + 64 hex digits).
struct DeploymentMarket {
    QString name;
    QString id;
};

// A known market deployment (resources/deployments.json, embedded): what `market fetch --deployment
// NAME` reads, and where its address was taken from.
struct Deployment {
    QString name; // "aave-v3-base"
    QString chain;
    qint64 chainId = 0;
    QString protocol;                // "aave-v3" or "morpho-blue"
    QString poolAddressesProvider;   // for aave-v3
    QString pool;                    // for aave-v3 when its provider is not listed: asked of the pool
    QString morpho;                  // for morpho-blue: the Morpho contract
    QList<DeploymentMarket> markets; // for morpho-blue: a few major markets
    QString status;                  // "" or "wound-down" (a market that takes no new loans)
    QString rpc;                     // a keyless public endpoint; --rpc replaces it
    QString source;
    QString notes;
};

// Parses a deployments document: every entry needs a unique name, a chain id, a known protocol, a valid
// address (the PoolAddressesProvider on aave-v3, Morpho and its markets' ids on morpho-blue), an http(s)
// RPC URL and a source.
[[nodiscard]] Expected<QList<Deployment>> parseDeployments(const QByteArray &json);
// The deployments shipped with the app.
[[nodiscard]] Expected<QList<Deployment>> knownDeployments();
// The deployment called `name` in `list`, or nullptr.
[[nodiscard]] const Deployment *findDeployment(const QList<Deployment> &list, const QString &name);
// A Morpho market id given as itself or as the name of one of the deployment's markets (case-insensitive);
// the text unchanged when neither.
[[nodiscard]] QString morphoMarketIdOf(const Deployment &deployment, const QString &idOrName);
// Whether the text is a Morpho market id: 0x and 64 hex digits.
[[nodiscard]] bool isMorphoMarketId(const QString &text);

} // namespace lp::chain
