#include "apprun.h"
#include "fakerpcserver.h"
#include "localnode.h"
#include "marketjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace lp;

namespace {

using Run = lp::test::AppRun;
using lp::test::runApp;

QStringList fetchArgs(const QString &rpc, const QString &provider)
{
    return {QStringLiteral("market"),          QStringLiteral("fetch"),
            QStringLiteral("--rpc"),           rpc,
            QStringLiteral("--pool-provider"), provider};
}

const QString kSomeAddress = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");

} // namespace

class TestMarketFetchCommand : public QObject {
    Q_OBJECT

private slots:
    void badArgumentsExit2AndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString rpc = QStringLiteral("http://127.0.0.1:9");
        QTest::newRow("no subcommand") << QStringList{QStringLiteral("market")} << "fetch";
        QTest::newRow("no rpc") << QStringList{QStringLiteral("market"), QStringLiteral("fetch"),
                                               QStringLiteral("--pool-provider"), kSomeAddress}
                                << "--rpc URL";
        QTest::newRow("bad address") << fetchArgs(rpc, QStringLiteral("0x12")) << "--pool-provider";
        QTest::newRow("bad url") << fetchArgs(QStringLiteral("ftp://127.0.0.1"), kSomeAddress) << "--rpc";
        QTest::newRow("bad format") << fetchArgs(rpc, kSomeAddress) +
                                           QStringList{QStringLiteral("--format"), QStringLiteral("xml")}
                                    << "xml";
        QTest::newRow("bad id") << fetchArgs(rpc, kSomeAddress) +
                                       QStringList{QStringLiteral("--id"), QStringLiteral("My Market")}
                                << "--id";
        // (--morpho was the unknown option here until Morpho Blue was read; --compound is not one.)
        QTest::newRow("unknown option")
            << fetchArgs(rpc, kSomeAddress) + QStringList{QStringLiteral("--compound")} << "compound";
    }
    void badArgumentsExit2AndWriteNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("m.json"));
        const Run run = runApp(arguments + QStringList{QStringLiteral("-o"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY(!QFile::exists(file));
    }

    void networkFailuresExit1AndLeaveTheFileAlone_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("429") << 0 << "HTTP 429";
        QTest::newRow("garbage") << 1 << "not JSON";
        QTest::newRow("silence") << 2 << "did not answer within 0.5 s";
        QTest::newRow("wrong chain") << 3 << "serves chain 1, not chain 10";
    }
    void networkFailuresExit1AndLeaveTheFileAlone()
    {
        QFETCH(int, fault);
        QFETCH(QString, mentions);
        FakeRpcServer server;
        server.setResponder([fault](const QJsonArray &request) -> QByteArray {
            if (fault == 0)
                return FakeRpcServer::http(429, "{}");
            if (fault == 1)
                return FakeRpcServer::http(200, "oops");
            if (fault == 2)
                return {};
            return FakeRpcServer::answerEach(request, [](const QString &, const QJsonArray &) {
                return QJsonObject{{QStringLiteral("result"), QStringLiteral("0x1")}};
            });
        });
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("m.json"));
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("the user's own file");
        existing.close();
        const Run run =
            runApp(fetchArgs(server.url(), kSomeAddress) +
                   QStringList{QStringLiteral("-o"), file, QStringLiteral("--timeout"), QStringLiteral("0.5"),
                               QStringLiteral("--chain-id"), QStringLiteral("10")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"SECRETKEY"), qPrintable(run.err));
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("the user's own file"));
    }

    void aDeploymentChecksItsChainId()
    {
        // aave-v3-base with its RPC replaced by a server here that serves chain 1.
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request, [](const QString &, const QJsonArray &) {
                return QJsonObject{{QStringLiteral("result"), QStringLiteral("0x1")}};
            });
        });
        const Run run =
            runApp({QStringLiteral("market"), QStringLiteral("fetch"), QStringLiteral("--deployment"),
                    QStringLiteral("aave-v3-base"), QStringLiteral("--rpc"), server.url()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"serves chain 1, not chain 8453"), qPrintable(run.err));
        const Run list = runApp({QStringLiteral("market"), QStringLiteral("fetch"),
                                 QStringLiteral("--deployment"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(u"spark-ethereum") && list.out.contains(u"source: "),
                 qPrintable(list.out));
    }

    void fetchesTheLocalMarket()
    {
        const LocalNode node = LocalNode::load();
        if (!node.skipReason.isEmpty())
            QSKIP(qPrintable(node.skipReason));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("local.json"));
        const QString rpc = node.state.value(QStringLiteral("rpc")).toString();
        const QString provider = node.state.value(QStringLiteral("poolAddressesProvider")).toString();
        const Run run = runApp(fetchArgs(rpc, provider) +
                               QStringList{QStringLiteral("-o"), file, QStringLiteral("--id"),
                                           QStringLiteral("local-aave"), QStringLiteral("--format"),
                                           QStringLiteral("text"), QStringLiteral("--chain-id"),
                                           QStringLiteral("31337")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"block ") && run.out.contains(u"frozen") &&
                     run.out.contains(u"e-mode 1 \"Stablecoins\""),
                 qPrintable(run.out));
        // v3.0: every member in both roles, and the legend says what the roles mean.
        QVERIFY2(run.out.contains(u"collateral: USDC, DAI; borrowable: USDC, DAI") &&
                     run.out.contains(u"e-mode roles: a plan gets the category's LTV"),
                 qPrintable(run.out));
        const Expected<Market> market = readMarketFile(file);
        QVERIFY2(market.hasValue(), market.hasValue() ? "" : qPrintable(formatErrors(market.errors())));
        QCOMPARE(market->id, QStringLiteral("local-aave"));
        QCOMPARE(market->reserves.size(), qsizetype{4});
        QCOMPARE(market->fetched->protocol, QStringLiteral("aave-v3"));
        QCOMPARE(market->fetched->rpcHost, rpc);
        QVERIFY(market->reserve(QStringLiteral("DAI"))->onChain->frozen);
        QCOMPARE(market->reserve(QStringLiteral("WETH"))->ltv, 0.805);

        const Run json = runApp(fetchArgs(rpc, provider));
        QCOMPARE(json.exitCode, 0);
        QVERIFY(parseMarket(json.out.toUtf8()).hasValue());
    }

    void aReportRunsOnTheFetchedMarket()
    {
        // The fetched file saved among the user's markets (XDG_DATA_HOME here), then `report` on a plan
        // that names it: the market's values are the plan's, as fetched.
        const LocalNode node = LocalNode::load();
        if (!node.skipReason.isEmpty())
            QSKIP(qPrintable(node.skipReason));
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        const QString markets = home.filePath(QStringLiteral("LeveragePlanner/leverage-planner/markets"));
        QVERIFY(QDir().mkpath(markets));
        const Run fetch =
            runApp(fetchArgs(node.state.value(QStringLiteral("rpc")).toString(),
                             node.state.value(QStringLiteral("poolAddressesProvider")).toString()) +
                       QStringList{QStringLiteral("--id"), QStringLiteral("local-aave"), QStringLiteral("-o"),
                                   markets + QStringLiteral("/local-aave.json")},
                   env);
        QVERIFY2(fetch.exitCode == 0, qPrintable(fetch.err));
        const QString plan = home.filePath(QStringLiteral("plan.json"));
        QFile file(plan);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "leverage-planner-plan", "version": 1, "market": "local-aave",
            "collateral": {"symbol": "WETH"}, "borrow": {"symbol": "USDC", "priceModel": "fixed"},
            "deposit": 5, "strategy": {"mode": "targetLeverage", "leverage": 3}, "execution": "flashLoan"})");
        file.close();
        const Run report = runApp({QStringLiteral("report"), plan}, env);
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const QJsonObject market =
            QJsonDocument::fromJson(report.out.toUtf8()).object().value(u"market").toObject();
        QVERIFY2(market.value(u"known").toBool(), qPrintable(report.out.left(2000)));
        QVERIFY(market.value(u"source").toString().contains(u"Read from "));
        const QString json = QString::fromUtf8(QJsonDocument(market).toJson(QJsonDocument::Compact));
        QVERIFY2(json.contains(u"\"source\":\"preset\",\"value\":0.83}"), qPrintable(json));
    }
};

QTEST_GUILESS_MAIN(TestMarketFetchCommand)
#include "tst_marketfetchcommand.moc"
