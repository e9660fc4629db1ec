// `market fetch --morpho` and `position --morpho` as the user runs them, against the recorded Morpho Blue
// answers of morphorecorded.h served on 127.0.0.1 (Morpho is tested on recorded answers: its compiled
// contract is in no registry package). Bad arguments exit 2, a failed read exits 1 and writes nothing.
#include "apprun.h"
#include "servednode.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace morpho_recorded;

namespace {

using Run = lp::test::AppRun;
using lp::test::runApp;

QStringList fetchArgs(const QString &rpc)
{
    return {QStringLiteral("market"),   QStringLiteral("fetch"), QStringLiteral("--rpc"),       rpc,
            QStringLiteral("--morpho"), addr(kMorpho),           QStringLiteral("--market-id"), kWstethWeth};
}

} // namespace

class TestMorphoCommands : public QObject {
    Q_OBJECT

private slots:
    void marketFetchWritesTheMarketFile()
    {
        Served s;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("m.json"));
        const Run run = runApp(fetchArgs(s.server.url()) + QStringList{QStringLiteral("-o"), file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject m = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(m.value(QStringLiteral("liquidationRules")).toString(), QStringLiteral("morpho-blue"));
        const QJsonArray reserves = m.value(QStringLiteral("reserves")).toArray();
        QCOMPARE(reserves.size(), 2);
        QCOMPARE(reserves[0].toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("wstETH"));
        QCOMPARE(reserves[0].toObject().value(QStringLiteral("liquidationThreshold")).toDouble(), 0.945);
        QCOMPARE(reserves[1].toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("WETH"));
        const QJsonObject fetched = m.value(QStringLiteral("fetched")).toObject();
        QCOMPARE(fetched.value(QStringLiteral("protocol")).toString(), QStringLiteral("morpho-blue"));
        QVERIFY(!QJsonDocument(m).toJson().contains("SECRETKEY"));
        QCOMPARE(s.server.requests(), 3);
    }

    void severalMarketsGoToADirectoryAndTextPrintsEach()
    {
        Served s;
        QTemporaryDir dir;
        Run run = runApp(fetchArgs(s.server.url()) +
                         QStringList{QStringLiteral("--market-id"), kWbtcUsdc, QStringLiteral("-o"),
                                     dir.path(), QStringLiteral("--format"), QStringLiteral("text")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("morpho-blue-1-wsteth-weth-aaaaaaaa.json"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("morpho-blue-1-wbtc-usdc-bbbbbbbb.json"))));
        QVERIFY2(run.out.contains(QStringLiteral("Morpho Blue")) &&
                     run.out.contains(QStringLiteral("WBTC")) &&
                     run.out.contains(QStringLiteral("60000.00000000")),
                 qPrintable(run.out));
        // Without -o, a JSON array of both.
        run = runApp(fetchArgs(s.server.url()) + QStringList{QStringLiteral("--market-id"), kWbtcUsdc});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 2);
    }

    void aKnownDeploymentNamesMorphoAndItsMarkets()
    {
        // morpho-blue-ethereum's Morpho and its wstETH/WETH 94.5% market, served from the recorded answers.
        Served s(morpho_recorded::node(
            QStringLiteral("0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb"),
            QStringLiteral("0xc54d7acf14de29e0e5527cabd7a576506870346a78a11a6762e2cca66322ec41")));
        Run run = runApp({QStringLiteral("position"), kUser, QStringLiteral("--deployment"),
                          QStringLiteral("morpho-blue-ethereum"), QStringLiteral("--rpc"), s.server.url(),
                          QStringLiteral("--market-id"), QStringLiteral("wstETH/WETH 94.5%")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(std::abs(out.value(QStringLiteral("account"))
                             .toObject()
                             .value(QStringLiteral("healthFactor"))
                             .toDouble() -
                         1.01745) < 1e-12);
        run = runApp({QStringLiteral("market"), QStringLiteral("fetch"), QStringLiteral("--deployment"),
                      QStringLiteral("morpho-blue-ethereum"), QStringLiteral("--rpc"), s.server.url(),
                      QStringLiteral("--market-id"), QStringLiteral("wsteth/weth 94.5%")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("id")).toString(),
                 QStringLiteral("morpho-blue-1-wsteth-weth-c54d7acf"));
        // Without a market, the message lists the deployment's.
        run = runApp({QStringLiteral("market"), QStringLiteral("fetch"), QStringLiteral("--deployment"),
                      QStringLiteral("morpho-blue-ethereum"), QStringLiteral("--rpc"), s.server.url()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("cbBTC/USDC 86%")), qPrintable(run.err));
        // `--deployment list` shows the Morpho markets and the wound-down ZeroLend markets.
        run = runApp({QStringLiteral("market"), QStringLiteral("fetch"), QStringLiteral("--deployment"),
                      QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(
            QStringLiteral("0x9103c3b4e834476c9a62ea009ba2c884ee42e94e6e314a26f04d312434191836")));
        QVERIFY(run.out.contains(QStringLiteral("zerolend-zksync")) &&
                run.out.contains(QStringLiteral("wound-down")));
        // And the Aave entries' known pool, data provider and oracle (Spark's from its address registry).
        QVERIFY2(
            run.out.contains(QStringLiteral("known: pool 0xC13e21B648A5Ee794902342038FF3aDAB66BE987, data "
                                            "provider 0xFc21d6d146E6086B8359705C8b28512a983db0cb, oracle "
                                            "0x8105f69D9C41644c6A0803fDA7D03Aa70996cFD9")),
            qPrintable(run.out));
    }

    void badArgumentsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString rpc = QStringLiteral("http://127.0.0.1:9");
        QStringList a = fetchArgs(rpc);
        a[7] = QStringLiteral("0x1234");
        QTest::newRow("short id") << a << "--market-id";
        a = fetchArgs(rpc);
        a[5] = QStringLiteral("0xnope");
        QTest::newRow("bad morpho") << a << "--morpho";
        QTest::newRow("no id") << fetchArgs(rpc).mid(0, 6) << "--market-id";
        QTest::newRow("both protocols")
            << fetchArgs(rpc) + QStringList{QStringLiteral("--pool-provider"), addr(1)} << "--pool-provider";
        QTest::newRow("id without morpho")
            << QStringList{QStringLiteral("market"),          QStringLiteral("fetch"),
                           QStringLiteral("--rpc"),           rpc,
                           QStringLiteral("--pool-provider"), addr(1),
                           QStringLiteral("--market-id"),     kWstethWeth}
            << "--market-id";
        QTest::newRow("several ids into a file")
            << fetchArgs(rpc) + QStringList{QStringLiteral("--market-id"), kWbtcUsdc, QStringLiteral("-o"),
                                            QStringLiteral("/nonexistent/m.json")}
            << "directory";
        QTest::newRow("position bad id")
            << QStringList{QStringLiteral("position"),    kUser,
                           QStringLiteral("--rpc"),       rpc,
                           QStringLiteral("--morpho"),    addr(kMorpho),
                           QStringLiteral("--market-id"), QStringLiteral("wstETH")}
            << "--market-id";
    }
    void badArgumentsExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = runApp(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    }

    void anUnknownMarketExits1AndWritesNothing()
    {
        Served s;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("m.json"));
        QStringList a = fetchArgs(s.server.url()) + QStringList{QStringLiteral("-o"), file};
        a[7] = QStringLiteral("0x") + QString(64, u'e'); // never recorded: idToMarketParams reverts
        const Run run = runApp(a);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("idToMarketParams")), qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }

    void positionGivesTheAaveShapeWithMorphosHealthFactor()
    {
        Served s;
        const Run run =
            runApp({QStringLiteral("position"), kUser, QStringLiteral("--rpc"), s.server.url(),
                    QStringLiteral("--morpho"), addr(kMorpho), QStringLiteral("--market-id"), kWstethWeth});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject out = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject account = out.value(QStringLiteral("account")).toObject();
        // 95 wstETH x 1.2 x 0.945 / 105.882352941176470589 WETH = 1.01745 (tst_morphoblue derives it).
        QVERIFY(std::abs(account.value(QStringLiteral("healthFactor")).toDouble() - 1.01745) < 1e-12);
        QVERIFY(std::abs(out.value(QStringLiteral("check"))
                             .toObject()
                             .value(QStringLiteral("poolHealthFactor"))
                             .toDouble() -
                         1.01745) < 1e-12);
        const QJsonArray assets = out.value(QStringLiteral("assets")).toArray();
        QCOMPARE(assets.size(), 2);
        QCOMPARE(assets[0].toObject().value(QStringLiteral("collateralUnits")).toString(), e(95, 18));
        QCOMPARE(assets[1].toObject().value(QStringLiteral("debtUnits")).toString(),
                 QStringLiteral("105882352941176470589"));
        QVERIFY(std::abs(assets[0].toObject().value(QStringLiteral("liquidationPriceUsd")).toDouble() -
                         1.2 / 1.01745) < 1e-9);
        const QJsonObject fetched = out.value(QStringLiteral("fetched")).toObject();
        QCOMPARE(fetched.value(QStringLiteral("protocol")).toString(), QStringLiteral("morpho-blue"));
        QCOMPARE(fetched.value(QStringLiteral("marketId")).toString(), kWstethWeth);
        QCOMPARE(fetched.value(QStringLiteral("priceUnit")).toString(), QStringLiteral("WETH"));
    }
};

QTEST_GUILESS_MAIN(TestMorphoCommands)
#include "tst_morphocommands.moc"
