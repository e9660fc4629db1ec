#include "abi.h"
#include "deployments.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace lp::chain;

namespace {

// EIP-55 (eips.ethereum.org/EIPS/eip-55), written here apart from the app's codec: the hex digit at i is
// upper-case when nibble i of keccak256(the lower-case hex digits, as ASCII) is 8 or more.
QString eip55(const QString &address)
{
    const QByteArray lower = address.mid(2).toLower().toLatin1();
    const QByteArray hash = QCryptographicHash::hash(lower, QCryptographicHash::Keccak_256);
    QString out = QStringLiteral("0x");
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const int nibble = (static_cast<unsigned char>(hash[i / 2]) >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        const QChar c = QLatin1Char(lower[i]);
        out += nibble >= 8 ? c.toUpper() : c;
    }
    return out;
}

bool isChecksummed(const QString &address)
{
    static const QRegularExpression hex(QStringLiteral("^0x[0-9a-fA-F]{40}$"));
    return hex.match(address).hasMatch() && eip55(address) == address;
}

} // namespace

class TestDeployments : public QObject {
    Q_OBJECT

private slots:
    void theShippedListLoads()
    {
        const lp::Expected<QList<Deployment>> known = knownDeployments();
        QVERIFY2(known.hasValue(), known.hasValue() ? "" : qPrintable(lp::formatErrors(known.errors())));
        QStringList names;
        for (const Deployment &d : known.value()) {
            names << d.name;
            QVERIFY2(!d.source.isEmpty(), qPrintable(d.name));
        }
        for (const char *name :
             {"aave-v3-ethereum", "aave-v3-arbitrum", "aave-v3-base", "aave-v3-optimism", "spark-ethereum"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        const Deployment &base = known.value()[names.indexOf(QStringLiteral("aave-v3-base"))];
        QCOMPARE(base.chainId, qint64{8453});
        QCOMPARE(base.poolAddressesProvider, QStringLiteral("0xe20fCBdBfFC4Dd138cE8b2E6FBb6CB49777ad64D"));
    }

    void everyShippedAddressCarriesItsChecksum()
    {
        // The EIP's own examples, then every address in the shipped file.
        for (const char *example :
             {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
              "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"})
            QVERIFY2(isChecksummed(QLatin1String(example)), example);
        QVERIFY(!isChecksummed(QStringLiteral("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed")));
        QVERIFY(!isChecksummed(QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")));
        int addresses = 0;
        const QList<Deployment> known = knownDeployments().value();
        for (const Deployment &d : known) {
            for (const QString &address :
                 {d.poolAddressesProvider, d.pool, d.dataProvider, d.oracle, d.morpho}) {
                if (address.isEmpty())
                    continue;
                ++addresses;
                QVERIFY2(isChecksummed(address), qPrintable(d.name + QLatin1Char(' ') + address));
                QVERIFY(address.size() == 42 && AbiValue::address(address).has_value()); // 20 bytes
            }
        }
        QVERIFY(addresses >= 25);
    }

    void aaveEntriesListTheirKnownAddressesOrSayWhyNot()
    {
        const QList<Deployment> known = knownDeployments().value();
        for (const char *name :
             {"aave-v3-ethereum", "aave-v3-arbitrum", "aave-v3-base", "aave-v3-optimism", "spark-ethereum"}) {
            const Deployment *d = findDeployment(known, QLatin1String(name));
            QVERIFY2(d && d->hasKnownAddresses(), name);
            QVERIFY2(d->addressesSource.contains(QStringLiteral(".sol")), name);
            // A file at a stated commit, so that the addresses can be checked against it.
            QVERIFY2(d->addressesSource.contains(QRegularExpression(QStringLiteral("@[0-9a-f]{40} "))), name);
        }
        // Arbitrum and Optimism share the pool's address (the same deployer), and Spark's pool is its own.
        QCOMPARE(findDeployment(known, QStringLiteral("aave-v3-arbitrum"))->pool,
                 findDeployment(known, QStringLiteral("aave-v3-optimism"))->pool);
        QCOMPARE(findDeployment(known, QStringLiteral("spark-ethereum"))->pool,
                 QStringLiteral("0xC13e21B648A5Ee794902342038FF3aDAB66BE987"));
        for (const Deployment &d : known) {
            if (d.protocol == u"aave-v3" && !d.hasKnownAddresses())
                QVERIFY2(!d.noKnownAddresses.isEmpty(), qPrintable(d.name));
        }
        // An entry with a provider and no addresses must say why; one address without its checksum is named.
        const QByteArray json =
            QByteArray("{'format': 'leverage-planner-deployments', 'version': 1, 'deployments': ["
                       "{'name': 'a', 'chain': 'X', 'chainId': 1, 'protocol': 'aave-v3',"
                       "'poolAddressesProvider': '0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e', 'rpc': "
                       "'https://x.example', 'source': 's'},"
                       "{'name': 'b', 'chain': 'X', 'chainId': 1, 'protocol': 'aave-v3',"
                       "'poolAddressesProvider': '0x2f39d218133AFaB8F2B819B1066c7E434Ad94E9e',"
                       "'pool': '0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2',"
                       "'dataProvider': '0x20e074f62ecbd8bc5e38211adcb6103006113a22',"
                       "'oracle': '0x54586bE62E3c3580375aE3723C145253060Ca0C2',"
                       "'rpc': 'https://x.example', 'source': 's'}]}")
                .replace('\'', '"');
        const QString all = lp::formatErrors(parseDeployments(json).errors());
        for (const char *path : {"deployments[0].noKnownAddresses", "deployments[1].dataProvider",
                                 "deployments[1].addressesSource"})
            QVERIFY2(all.contains(QLatin1String(path)), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("deployments[1].oracle")), qPrintable(all));
    }

    void badEntriesAreRejectedWithTheirPaths()
    {
        // Single quotes here, double quotes in the document.
        const QByteArray json =
            QByteArray("{'format': 'leverage-planner-deployments', 'version': 1, 'deployments': ["
                       "{'name': 'a', 'chain': 'X', 'chainId': 1, 'protocol': 'aave-v3',"
                       "'poolAddressesProvider': '0x2f39d218133afab8f2b819b1066c7e434ad94e9e', 'rpc': "
                       "'https://x.example', 'source': 's'},"
                       "{'name': 'a', 'chain': 'X', 'chainId': 0, 'protocol': 'compound',"
                       "'poolAddressesProvider': '0x12', 'rpc': 'ftp://x', 'source': ''}]}")
                .replace('\'', '"');
        const lp::Expected<QList<Deployment>> parsed = parseDeployments(json);
        QVERIFY(!parsed.hasValue());
        const QString all = lp::formatErrors(parsed.errors());
        for (const char *path :
             {"deployments[0].poolAddressesProvider", "deployments[1].name", "deployments[1].chainId",
              "deployments[1].protocol", "deployments[1].rpc", "deployments[1].source"})
            QVERIFY2(all.contains(QLatin1String(path)), qPrintable(all));
        QVERIFY(!parseDeployments("[]").hasValue());
    }

    void zeroLendAndMorphoAreListed()
    {
        const QList<Deployment> known = knownDeployments().value();
        for (const char *name : {"zerolend-ethereum-lrt", "zerolend-linea", "zerolend-zksync"}) {
            const Deployment *d = findDeployment(known, QLatin1String(name));
            QVERIFY2(d, name);
            QCOMPARE(d->status, QStringLiteral("wound-down"));
            QVERIFY(d->poolAddressesProvider.isEmpty() && !d->pool.isEmpty());
            QVERIFY(d->notes.contains(QStringLiteral("2026-02")));
        }
        for (const char *name : {"morpho-blue-ethereum", "morpho-blue-base"}) {
            const Deployment *d = findDeployment(known, QLatin1String(name));
            QVERIFY2(d, name);
            QCOMPARE(d->protocol, QStringLiteral("morpho-blue"));
            QCOMPARE(d->morpho, QStringLiteral("0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb"));
            QVERIFY(d->markets.size() >= 2);
        }
        const Deployment *eth = findDeployment(known, QStringLiteral("morpho-blue-ethereum"));
        const QString id = morphoMarketIdOf(*eth, QStringLiteral("wsteth/weth 94.5%"));
        QCOMPARE(id, QStringLiteral("0xc54d7acf14de29e0e5527cabd7a576506870346a78a11a6762e2cca66322ec41"));
        QCOMPARE(morphoMarketIdOf(*eth, id), id);
        // A market id is keccak256 of its abi-encoded MarketParams: the listed id is the hash of WETH (loan),
        // wstETH (collateral), the Chainlink wstETH/ETH oracle, the AdaptiveCurveIRM and LLTV 0.945.
        const QList<AbiValue> params{*AbiValue::address(u"0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"),
                                     *AbiValue::address(u"0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0"),
                                     *AbiValue::address(u"0x2a01EB9496094dA03c4E364Def50f5aD1280AD72"),
                                     *AbiValue::address(u"0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC"),
                                     AbiValue::uint(*UInt256::fromDecimal(u"945000000000000000"))};
        const QByteArray encoded =
            abiEncode(AbiType::parseList(u"address,address,address,address,uint256").value(), params).value();
        QCOMPARE(QStringLiteral("0x") + QString::fromLatin1(keccak256(encoded).toHex()), id);
    }

    void badMorphoEntriesAreRejected()
    {
        const QByteArray json =
            QByteArray("{'format': 'leverage-planner-deployments', 'version': 1, 'deployments': ["
                       "{'name': 'm', 'chain': 'X', 'chainId': 1, 'protocol': 'morpho-blue',"
                       "'morpho': '0xbbbbbbbbbb9cc5e90e3b3af64bdaf62c37eeffcb', 'rpc': 'https://x.example',"
                       "'source': 's', 'markets': [{'name': 'a', 'id': '0x12'}]},"
                       "{'name': 'n', 'chain': 'X', 'chainId': 1, 'protocol': 'morpho-blue',"
                       "'morpho': '0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb', 'rpc': 'https://x.example',"
                       "'source': 's', 'status': 'gone'}]}")
                .replace('\'', '"');
        const lp::Expected<QList<Deployment>> parsed = parseDeployments(json);
        QVERIFY(!parsed.hasValue());
        const QString all = lp::formatErrors(parsed.errors());
        for (const char *path : {"deployments[0].morpho", "deployments[0].markets[0]",
                                 "deployments[1].markets", "deployments[1].status"})
            QVERIFY2(all.contains(QLatin1String(path)), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestDeployments)
#include "tst_deployments.moc"
