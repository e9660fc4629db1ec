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
    QString protocol;              // "aave-v3" or "morpho-blue"
    QString poolAddressesProvider; // for aave-v3
    QString pool;             // for aave-v3: the provider's pool (or, alone, where the provider is asked)
    QString dataProvider;     // for aave-v3: the provider's data provider, when known
    QString oracle;           // for aave-v3: the provider's price oracle, when known
    QString addressesSource;  // where the pool, data provider and oracle were taken from
    QString noKnownAddresses; // why an aave-v3 entry lists no pool, data provider and oracle
    QString morpho;           // for morpho-blue: the Morpho contract
    QList<DeploymentMarket> markets; // for morpho-blue: a few major markets
    QString status;                  // "" or "wound-down" (a market that takes no new loans)
    QString rpc;                     // a keyless public endpoint; --rpc replaces it
    QString source;
    QString notes;

    // Whether the pool, data provider and oracle are all listed (with the provider): the reader then
    // verifies them against the provider and reads in three round trips instead of four.
    [[nodiscard]] bool hasKnownAddresses() const
    {
        return !poolAddressesProvider.isEmpty() && !pool.isEmpty() && !dataProvider.isEmpty() &&
               !oracle.isEmpty();
    }
};

// Parses a deployments document: every entry needs a unique name, a chain id, a known protocol, a valid
// address (the PoolAddressesProvider on aave-v3, Morpho and its markets' ids on morpho-blue), an http(s)
// RPC URL and a source. Every address must carry its EIP-55 checksum. An aave-v3 entry with a provider
// lists its pool, data provider and oracle with their source, or says why not (noKnownAddresses).
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
