#include "apprun.h"
#include "positionnode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace lp::chain;
using namespace lp::chain::test;

namespace {

using Run = lp::test::AppRun;
// The local node's reads can take longer than the default minute on a busy machine.
Run runApp(const QStringList &arguments)
{
    return lp::test::runApp(arguments, {}, 120000);
}

double healthIn(const QString &line)
{
    const qsizetype at = line.indexOf(QStringLiteral(" HF "));
    return at < 0 ? std::nan("") : line.mid(at + 4).section(QLatin1Char(' '), 0, 0).toDouble();
}

} // namespace

class TestPositionCommand : public QObject {
    Q_OBJECT

private:
    LocalNode m_node;
    QString m_rpc;
    QString m_provider;
    QString m_user;
    QTemporaryDir m_dir;

    QStringList args(const QString &command, const QString &user) const
    {
        return {command, user, QStringLiteral("--rpc"), m_rpc, QStringLiteral("--pool-provider"), m_provider};
    }

private slots:
    void initTestCase()
    {
        m_node = LocalNode::load();
        if (!m_node.skipReason.isEmpty())
            QSKIP(qPrintable(m_node.skipReason));
        m_rpc = m_node.state.value(QStringLiteral("rpc")).toString();
        m_provider = m_node.state.value(QStringLiteral("poolAddressesProvider")).toString();
        m_user = m_node.state.value(QStringLiteral("positions"))
                     .toObject()
                     .value(QStringLiteral("onePair"))
                     .toObject()
                     .value(QStringLiteral("address"))
                     .toString();
    }

    // The JSON the issue names, with the app's health factor and the pool's within 1e-9.
    void positionJson()
    {
        const Run r = runApp(args(QStringLiteral("position"), m_user));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject account = o.value(QStringLiteral("account")).toObject();
        for (const char *key : {"healthFactor", "totalCollateralUsd", "totalDebtUsd", "ltv",
                                "liquidationThreshold", "borrowingPowerUsd", "eMode"})
            QVERIFY2(account.contains(QLatin1String(key)), key);
        const double hf = account.value(QStringLiteral("healthFactor")).toDouble();
        const double pool =
            o.value(QStringLiteral("check")).toObject().value(QStringLiteral("poolHealthFactor")).toDouble();
        QVERIFY(std::abs(hf / pool - 1.0) < 1e-9);
        const QJsonArray assets = o.value(QStringLiteral("assets")).toArray();
        QCOMPARE(assets.size(), 2);
        for (const QJsonValue &a : assets)
            for (const char *key :
                 {"symbol", "collateral", "debt", "priceUsd", "liquidationThreshold", "liquidationPriceUsd"})
                QVERIFY2(a.toObject().contains(QLatin1String(key)), key);
        const QJsonObject fetched = o.value(QStringLiteral("fetched")).toObject();
        QCOMPARE(fetched.value(QStringLiteral("chainId")).toInt(), 31337);
        QVERIFY(fetched.value(QStringLiteral("blockNumber")).toInt() > 0);
        QVERIFY(fetched.value(QStringLiteral("rpcHost"))
                    .toString()
                    .startsWith(QStringLiteral("http://127.0.0.1:")));
        const Run text = runApp(args(QStringLiteral("position"), m_user)
                                << QStringLiteral("--format") << QStringLiteral("text"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("health factor")));
    }

    // The one-pair account as a plan: `report` on it shows the same collateral, debt and health factor.
    void planReproducesThePosition()
    {
        const QString planPath = m_dir.filePath(QStringLiteral("position-plan.json"));
        const Run r = runApp(args(QStringLiteral("position"), m_user)
                             << QStringLiteral("--plan") << QStringLiteral("-o") << planPath);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject position = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const Run report = runApp({QStringLiteral("report"), planPath});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        const QJsonObject p = QJsonDocument::fromJson(report.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("position"))
                                  .toObject();
        const QJsonArray assets = position.value(QStringLiteral("assets")).toArray();
        const QJsonObject weth = assets[0].toObject().value(QStringLiteral("symbol")).toString() == u"WETH"
                                     ? assets[0].toObject()
                                     : assets[1].toObject();
        const QJsonObject usdc = assets[0].toObject().value(QStringLiteral("symbol")).toString() == u"USDC"
                                     ? assets[0].toObject()
                                     : assets[1].toObject();
        const auto near = [](double a, double b) { return std::abs(a / b - 1.0) < 1e-12; };
        QVERIFY(near(p.value(QStringLiteral("collateral")).toDouble(),
                     weth.value(QStringLiteral("collateral")).toDouble()));
        QVERIFY(
            near(p.value(QStringLiteral("debt")).toDouble(), usdc.value(QStringLiteral("debt")).toDouble()));
        QVERIFY(near(p.value(QStringLiteral("healthFactor")).toDouble(),
                     position.value(QStringLiteral("account"))
                         .toObject()
                         .value(QStringLiteral("healthFactor"))
                         .toDouble()));
        const Run many =
            runApp(args(QStringLiteral("position"), m_node.state.value(QStringLiteral("positions"))
                                                        .toObject()
                                                        .value(QStringLiteral("twoDebts"))
                                                        .toObject()
                                                        .value(QStringLiteral("address"))
                                                        .toString())
                   << QStringLiteral("--plan") << QStringLiteral("-o")
                   << m_dir.filePath(QStringLiteral("two.json")));
        QCOMPARE(many.exitCode, 2);
        QVERIFY(many.err.contains(QStringLiteral("single pair")));
    }

    // `position --group WETH,WBTC` on the account with WETH supplied and WBTC borrowed: the JSON's per-member
    // liquidation prices, set on both feeds at once, bring the pool's health factor to 1 within 1e-6; a
    // member not held is named; the text and `watch` show the group too.
    void groupOnChain()
    {
        const QString user = m_node.state.value(QStringLiteral("positions"))
                                 .toObject()
                                 .value(QStringLiteral("twoDebts"))
                                 .toObject()
                                 .value(QStringLiteral("address"))
                                 .toString();
        JsonRpcClient client{QUrl(m_rpc)};
        rpc(client, QStringLiteral("evm_mine"));
        const Run r = runApp(args(QStringLiteral("position"), user)
                             << QStringLiteral("--group") << QStringLiteral("WETH,wbtc")
                             << QStringLiteral("--group") << QStringLiteral("USDC,DAI"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray groups = o.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        const QJsonObject g = groups[0].toObject();
        QCOMPARE(g.value(QStringLiteral("name")).toString(), QStringLiteral("WETH+wbtc"));
        QCOMPARE(g.value(QStringLiteral("liquidationWhen")).toString(), QStringLiteral("falls"));
        const double factor = g.value(QStringLiteral("liquidationFactor")).toDouble();
        QVERIFY(factor > 0.0 && factor < 1.0);
        QCOMPARE(groups[1].toObject().value(QStringLiteral("notHeld")).toArray(),
                 QJsonArray{QStringLiteral("DAI")});
        const QJsonArray members = g.value(QStringLiteral("members")).toArray();
        QCOMPARE(members.size(), 2);
        for (const QJsonValue &m : members) {
            const QJsonObject member = m.toObject();
            QVERIFY(std::abs(member.value(QStringLiteral("liquidationPriceUsd")).toDouble() /
                                 member.value(QStringLiteral("priceUsd")).toDouble() -
                             factor) < 1e-12);
            setFeed(client,
                    reserveState(m_node.state, member.value(QStringLiteral("symbol")).toString())
                        .value(QStringLiteral("aggregator"))
                        .toString(),
                    member.value(QStringLiteral("liquidationPriceUsd")).toDouble());
        }
        const double hf =
            poolHealthFactor(client, m_node.state.value(QStringLiteral("pool")).toString(), user);
        for (const QJsonValue &m : members) {
            const QJsonObject s =
                reserveState(m_node.state, m.toObject().value(QStringLiteral("symbol")).toString());
            setFeedUnits(client, s.value(QStringLiteral("aggregator")).toString(),
                         s.value(QStringLiteral("price")).toString());
        }
        QVERIFY2(std::abs(hf - 1.0) < 1e-6, qPrintable(QString::number(hf, 'g', 12)));
        const Run text = runApp(args(QStringLiteral("position"), user)
                                << QStringLiteral("--format") << QStringLiteral("text")
                                << QStringLiteral("--group") << QStringLiteral("WETH,WBTC"));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("group WETH+WBTC: falls")), qPrintable(text.out));
        const Run watch =
            runApp(args(QStringLiteral("watch"), user)
                   << QStringLiteral("--alert-below") << QStringLiteral("1.01") << QStringLiteral("--count")
                   << QStringLiteral("1") << QStringLiteral("--group") << QStringLiteral("WETH,WBTC"));
        QCOMPARE(watch.exitCode, 0);
        QVERIFY2(watch.out.contains(QStringLiteral("group WETH+WBTC: falls")), qPrintable(watch.out));
        QCOMPARE(runApp(args(QStringLiteral("position"), user)
                        << QStringLiteral("--group") << QStringLiteral("WETH"))
                     .exitCode,
                 2);
        QCOMPARE(runApp(args(QStringLiteral("position"), user)
                        << QStringLiteral("--group") << QStringLiteral("WETH,weth"))
                     .exitCode,
                 2);
    }

    // Lowering WETH's feed between readings: the reading after it alerts, exit 3, with the pool's health
    // factor.
    void watchAlertsOnTheReadingAfterThePriceFalls()
    {
        const QJsonObject weth = reserveState(m_node.state, QStringLiteral("WETH"));
        const QString aggregator = weth.value(QStringLiteral("aggregator")).toString();
        const double price = weth.value(QStringLiteral("price")).toString().toDouble() / 1e8;
        JsonRpcClient client{QUrl(m_rpc)};
        const QString log = m_dir.filePath(QStringLiteral("watch.csv"));
        QProcess process;
        process.start(QStringLiteral(LP_APP_PATH),
                      args(QStringLiteral("watch"), m_user)
                          << QStringLiteral("--alert-below") << QStringLiteral("1.3")
                          << QStringLiteral("--every") << QStringLiteral("1") << QStringLiteral("--count")
                          << QStringLiteral("30") << QStringLiteral("--log") << log);
        QVERIFY(process.waitForReadyRead(60000));
        while (!process.canReadLine())
            QVERIFY(process.waitForReadyRead(10000));
        const QString first = QString::fromUtf8(process.readLine());
        QVERIFY2(first.contains(QStringLiteral(" ok")), qPrintable(first));
        const double before = healthIn(first);
        QVERIFY(before > 1.3);
        // HF is proportional to WETH's price here (one collateral): 1.2 / before of it gives HF 1.2.
        setFeed(client, aggregator, price * 1.2 / before);
        QSignalSpy finished(&process, &QProcess::finished);
        const bool ended = finished.wait(60000);
        setFeedUnits(client, aggregator, weth.value(QStringLiteral("price")).toString());
        QVERIFY(ended);
        QCOMPARE(process.exitCode(), 3);
        const QStringList lines =
            QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.filter(QStringLiteral("ALERT")).size(), 1);
        QVERIFY(lines.last().contains(QStringLiteral("ALERT")));
        QVERIFY2(std::abs(healthIn(lines.last()) - 1.2) < 1e-4, qPrintable(lines.last()));
        QFile csv(log);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows =
            QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), lines.size() + 2); // the header, the first reading (read above), the rest
        QVERIFY(rows.last().contains(QStringLiteral(",alert,")));
    }

    void watchEndsAfterCountWithoutAlert()
    {
        const Run r =
            runApp(args(QStringLiteral("watch"), m_user)
                   << QStringLiteral("--alert-below") << QStringLiteral("1.01") << QStringLiteral("--every")
                   << QStringLiteral("0.2") << QStringLiteral("--count") << QStringLiteral("2"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
    }

    // A node that does not answer: the reading is a failure, never "ok", and the exit is 1.
    void failedReadingIsNeverSafe()
    {
        const Run r = runApp({QStringLiteral("watch"), m_user, QStringLiteral("--rpc"),
                              QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--pool-provider"),
                              m_provider, QStringLiteral("--alert-below"), QStringLiteral("1.2"),
                              QStringLiteral("--every"), QStringLiteral("0.2"), QStringLiteral("--count"),
                              QStringLiteral("2"), QStringLiteral("--timeout"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out.count(QStringLiteral("FAILED")), 2);
        QVERIFY(!r.out.contains(QStringLiteral(" ok")));
    }

    void badArguments()
    {
        QCOMPARE(runApp(args(QStringLiteral("watch"), m_user)).exitCode, 2); // no alert level
        QCOMPARE(runApp({QStringLiteral("watch"), m_user, QStringLiteral("--rpc"),
                         QStringLiteral("http://192.0.2.1:8545"), QStringLiteral("--pool-provider"),
                         m_provider, QStringLiteral("--alert-below"), QStringLiteral("1.2"),
                         QStringLiteral("--every"), QStringLiteral("5")})
                     .exitCode,
                 2); // faster than 15 s from a remote node
        QCOMPARE(runApp(args(QStringLiteral("position"), QStringLiteral("0x12"))).exitCode, 2);
        QCOMPARE(runApp(args(QStringLiteral("position"), m_user) << QStringLiteral("--plan")).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestPositionCommand)
#include "tst_positioncommand.moc"
