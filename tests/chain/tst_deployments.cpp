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
};

QTEST_GUILESS_MAIN(TestDeployments)
#include "tst_deployments.moc"
