#include "deployments.h"

#include "abi.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

// rcc's initializer for deployments.qrc: lp_chain is a static library, and without a reference to this
// symbol the linker would drop the resource object. Q_INIT_RESOURCE must be used outside any namespace.
static void initDeploymentResources()
{
    Q_INIT_RESOURCE(deployments);
}

namespace lp::chain {

Expected<QList<Deployment>> parseDeployments(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return ValidationError{QStringLiteral("deployments"), parseError.errorString()};
    if (root.value(QStringLiteral("format")).toString() != u"leverage-planner-deployments")
        return ValidationError{QStringLiteral("format"),
                               QStringLiteral("must be \"leverage-planner-deployments\"")};
    ValidationErrors errors;
    QList<Deployment> out;
    QSet<QString> names;
    const QJsonArray list = root.value(QStringLiteral("deployments")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        const QString path = QStringLiteral("deployments[%1]").arg(i);
        const auto fail = [&](const char *field, const QString &why) {
            errors.append({path + QLatin1Char('.') + QLatin1String(field), why});
        };
        Deployment d;
        d.name = o.value(QStringLiteral("name")).toString();
        d.chain = o.value(QStringLiteral("chain")).toString();
        d.chainId = o.value(QStringLiteral("chainId")).toInteger();
        d.protocol = o.value(QStringLiteral("protocol")).toString();
        d.poolAddressesProvider = o.value(QStringLiteral("poolAddressesProvider")).toString();
        d.rpc = o.value(QStringLiteral("rpc")).toString();
        d.source = o.value(QStringLiteral("source")).toString();
        d.notes = o.value(QStringLiteral("notes")).toString();
        d.morpho = o.value(QStringLiteral("morpho")).toString();
        d.pool = o.value(QStringLiteral("pool")).toString();
        d.status = o.value(QStringLiteral("status")).toString();
        d.dataProvider = o.value(QStringLiteral("dataProvider")).toString();
        d.oracle = o.value(QStringLiteral("oracle")).toString();
        d.addressesSource = o.value(QStringLiteral("addressesSource")).toString();
        d.noKnownAddresses = o.value(QStringLiteral("noKnownAddresses")).toString();
        const QJsonArray markets = o.value(QStringLiteral("markets")).toArray();
        for (qsizetype k = 0; k < markets.size(); ++k) {
            const QJsonObject mo = markets[k].toObject();
            const DeploymentMarket m{mo.value(QStringLiteral("name")).toString(),
                                     mo.value(QStringLiteral("id")).toString()};
            if (m.name.isEmpty() || !isMorphoMarketId(m.id))
                errors.append({QStringLiteral("%1.markets[%2]").arg(path).arg(k),
                               QStringLiteral("needs a name and an id (0x and 64 hex digits)")});
            d.markets << m;
        }
        if (d.name.isEmpty() || names.contains(d.name))
            fail("name", QStringLiteral("must be present and unique"));
        names.insert(d.name);
        if (d.chain.isEmpty())
            fail("chain", QStringLiteral("is required"));
        if (d.chainId <= 0)
            fail("chainId", QStringLiteral("must be a positive whole number"));
        const auto checksummed = [](const QString &text) {
            const std::optional<AbiValue> address = AbiValue::address(text);
            return address && address->addressHex() == text;
        };
        if (d.protocol == u"morpho-blue") {
            if (!checksummed(d.morpho))
                fail("morpho", QStringLiteral("must be an address with its EIP-55 checksum"));
            if (d.markets.isEmpty())
                fail("markets", QStringLiteral("must list at least one market"));
        } else if (d.protocol == u"aave-v3") {
            if (d.poolAddressesProvider.isEmpty() && !d.pool.isEmpty()) {
                if (!checksummed(d.pool))
                    fail("pool", QStringLiteral("must be an address with its EIP-55 checksum"));
            } else if (!checksummed(d.poolAddressesProvider)) {
                fail("poolAddressesProvider", QStringLiteral("must be an address with its EIP-55 checksum"));
            }
            const bool anyKnown = !d.dataProvider.isEmpty() || !d.oracle.isEmpty();
            if (anyKnown || (!d.pool.isEmpty() && !d.poolAddressesProvider.isEmpty())) {
                if (!checksummed(d.pool))
                    fail("pool", QStringLiteral("must be an address with its EIP-55 checksum"));
                if (!checksummed(d.dataProvider))
                    fail("dataProvider", QStringLiteral("must be an address with its EIP-55 checksum"));
                if (!checksummed(d.oracle))
                    fail("oracle", QStringLiteral("must be an address with its EIP-55 checksum"));
                if (d.addressesSource.isEmpty())
                    fail("addressesSource",
                         QStringLiteral("must say where the pool, data provider and oracle come from"));
            } else if (d.noKnownAddresses.isEmpty()) {
                fail("noKnownAddresses", QStringLiteral("must say why the pool, data provider and oracle "
                                                        "are not listed"));
            }
        } else {
            fail("protocol", QStringLiteral("must be aave-v3 or morpho-blue"));
        }
        if (!d.status.isEmpty() && d.status != u"wound-down")
            fail("status", QStringLiteral("must be absent or \"wound-down\""));
        const QUrl url(d.rpc);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            fail("rpc", QStringLiteral("must be an http(s) URL"));
        if (d.source.isEmpty())
            fail("source", QStringLiteral("must say where the address comes from"));
        out << d;
    }
    if (!errors.isEmpty())
        return errors;
    return out;
}

Expected<QList<Deployment>> knownDeployments()
{
    initDeploymentResources();
    QFile file(QStringLiteral(":/chain/deployments.json"));
    if (!file.open(QIODevice::ReadOnly))
        return ValidationError{file.fileName(), QStringLiteral("missing from the build")};
    return parseDeployments(file.readAll());
}

const Deployment *findDeployment(const QList<Deployment> &list, const QString &name)
{
    for (const Deployment &d : list) {
        if (d.name == name)
            return &d;
    }
    return nullptr;
}

QString morphoMarketIdOf(const Deployment &deployment, const QString &idOrName)
{
    for (const DeploymentMarket &m : deployment.markets) {
        if (m.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return m.id;
    }
    return idOrName;
}

bool isMorphoMarketId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^0x[0-9a-fA-F]{64}$"));
    return pattern.match(text).hasMatch();
}

} // namespace lp::chain
