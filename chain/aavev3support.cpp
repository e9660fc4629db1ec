// What the Aave reader's callers share beyond the market read (aavev3reader.h): a rate as an APY, a
// chain's name, and a pool's addresses provider.
#include "aavev3calls.h"
#include "aavev3reader.h"

#include <cmath>

namespace lp::chain {

namespace {

constexpr double kSecondsPerYear = 365.0 * 24 * 3600;

} // namespace

double aprToApy(double apr)
{
    return std::expm1(kSecondsPerYear * std::log1p(apr / kSecondsPerYear));
}

QString chainName(qint64 chainId)
{
    switch (chainId) {
    case 1:
        return QStringLiteral("Ethereum");
    case 10:
        return QStringLiteral("Optimism");
    case 137:
        return QStringLiteral("Polygon");
    case 324:
        return QStringLiteral("zkSync Era");
    case 8453:
        return QStringLiteral("Base");
    case 42161:
        return QStringLiteral("Arbitrum");
    case 43114:
        return QStringLiteral("Avalanche");
    case 59144:
        return QStringLiteral("Linea");
    case 31337:
        return QStringLiteral("Local node");
    default:
        return QStringLiteral("chain %1").arg(chainId);
    }
}

Expected<QString> poolAddressesProviderOf(JsonRpcClient &client, const QString &pool)
{
    static const AbiFunction addressesProvider(u"ADDRESSES_PROVIDER()", u"address");
    if (!AbiValue::address(pool))
        return chainFailure(QStringLiteral("pool"),
                            QStringLiteral("\"%1\" is not an address").arg(pool.left(60)));
    const Expected<CallResults> r = roundTrip(
        client, {{QStringLiteral("the pool"), AbiValue::address(pool)->addressHex(), &addressesProvider, {}}},
        QStringLiteral("latest"));
    if (!r)
        return r.errors();
    return (*r)[0]->first().addressHex();
}

} // namespace lp::chain
