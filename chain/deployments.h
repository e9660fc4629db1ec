#pragma once

#include "expected.h"

#include <QList>
#include <QString>

namespace lp::chain {

// A known market deployment (resources/deployments.json, embedded): what `market fetch --deployment
// NAME` reads, and where its address was taken from.
struct Deployment {
    QString name; // "aave-v3-base"
    QString chain;
    qint64 chainId = 0;
    QString protocol;              // "aave-v3"
    QString poolAddressesProvider; // for aave-v3
    QString rpc;                   // a keyless public endpoint; --rpc replaces it
    QString source;
    QString notes;
};

// Parses a deployments document: every entry needs a unique name, a chain id, a known protocol, a valid
// address, an http(s) RPC URL and a source.
[[nodiscard]] Expected<QList<Deployment>> parseDeployments(const QByteArray &json);
// The deployments shipped with the app.
[[nodiscard]] Expected<QList<Deployment>> knownDeployments();

} // namespace lp::chain
