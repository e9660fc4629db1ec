#include "abi.h"
#include "deployments.h"

#include <QtTest>

using namespace lp::chain;

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
