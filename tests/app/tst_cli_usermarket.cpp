// The command line knows the user's own markets, as the window does (README, "Markets"): a plan saved on
// one of them keeps only what the user changed, and `report` fills the rest from that market.
#include "clitestutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

namespace {

const QString kUserMarketId = QStringLiteral("my-aave-copy");

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeJson(const QString &path, const QJsonObject &object)
{
    QFile f(path);
    const QByteArray bytes = QJsonDocument(object).toJson();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// wstETH against WETH on `market`, with no reserve values: the market must supply them.
QJsonObject planOn(const QString &market)
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("leverage-planner-plan")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("market"), market},
        {QStringLiteral("collateral"), QJsonObject{{QStringLiteral("symbol"), QStringLiteral("wstETH")},
                                                   {QStringLiteral("priceUsd"), 3500}}},
        {QStringLiteral("borrow"),
         QJsonObject{{QStringLiteral("symbol"), QStringLiteral("WETH")}, {QStringLiteral("priceUsd"), 3000}}},
        {QStringLiteral("deposit"), 10},
        {QStringLiteral("strategy"),
         QJsonObject{{QStringLiteral("mode"), QStringLiteral("loops")}, {QStringLiteral("loops"), 3}}},
    };
}

} // namespace

class TestCliUserMarket : public QObject {
    Q_OBJECT
private slots:
    void reportFollowsTheUserMarket();
    void planAboveTheBorrowCapIsRefused();
};

void TestCliUserMarket::reportFollowsTheUserMarket()
{
    // The user's markets live under $XDG_DATA_HOME/LeveragePlanner/leverage-planner/markets on Linux.
    QTemporaryDir dataHome;
    QTemporaryDir emptyDataHome;
    QVERIFY(dataHome.isValid() && emptyDataHome.isValid());
    const QString markets = dataHome.filePath(QStringLiteral("LeveragePlanner/leverage-planner/markets"));
    QVERIFY(QDir().mkpath(markets));
    // A copy of the Aave v3 Ethereum preset under the user's own id: same values, so the same figures.
    QJsonObject market =
        readJson(QStringLiteral(LP_TEST_DATA_DIR "/../../resources/markets/aave-v3-ethereum.json"));
    market[QStringLiteral("id")] = kUserMarketId;
    market[QStringLiteral("name")] = QStringLiteral("My Aave copy");
    writeJson(QDir(markets).filePath(kUserMarketId + QStringLiteral(".json")), market);
    const QString onUser = dataHome.filePath(QStringLiteral("on-user-market.json"));
    const QString onPreset = dataHome.filePath(QStringLiteral("on-preset.json"));
    writeJson(onUser, planOn(kUserMarketId));
    writeJson(onPreset, planOn(QStringLiteral("aave-v3-ethereum")));

    const QStringList withUserMarkets{QStringLiteral("XDG_DATA_HOME=") + dataHome.path()};
    const Run user = run({QStringLiteral("report"), onUser}, {}, withUserMarkets);
    QVERIFY2(user.exitCode == 0, qPrintable(user.err));
    const Run preset = run({QStringLiteral("report"), onPreset}, {}, withUserMarkets);
    QVERIFY2(preset.exitCode == 0, qPrintable(preset.err));
    const QJsonObject userReport = QJsonDocument::fromJson(user.out).object();
    const QJsonObject presetReport = QJsonDocument::fromJson(preset.out).object();
    const QJsonObject userMarket = userReport.value(QStringLiteral("market")).toObject();
    QCOMPARE(userMarket.value(QStringLiteral("id")).toString(), kUserMarketId);
    QCOMPARE(userMarket.value(QStringLiteral("known")).toBool(), true);
    QCOMPARE(userMarket.value(QStringLiteral("name")).toString(), QStringLiteral("My Aave copy"));
    // The copy supplies exactly what the preset does: the same position, loops and costs.
    for (const char *section : {"position", "loops", "costs"})
        QCOMPARE(userReport.value(QLatin1String(section)), presetReport.value(QLatin1String(section)));

    // Without the user's markets the plan lacks its reserve values: exit 2, naming the field and why.
    const Run none = run({QStringLiteral("report"), onUser}, {},
                         {QStringLiteral("XDG_DATA_HOME=") + emptyDataHome.path()});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("collateral.ltv")), qPrintable(none.err));
    QVERIFY2(none.err.contains(QStringLiteral("is not known here")), qPrintable(none.err));
}

void TestCliUserMarket::planAboveTheBorrowCapIsRefused()
{
    // tests/data/capped-market.json: WETH's borrow cap 1,000 with 990 borrowed leaves 10 WETH. The README
    // example borrows 16.75994861045867 WETH for 10 wstETH, so the largest deposit that fits is
    // 10 x 10 / 16.75994861045867 = 5.9666054 wstETH (tests/model/market/tst_marketlimits.cpp).
    QTemporaryDir dataHome;
    QVERIFY(dataHome.isValid());
    const QString markets = dataHome.filePath(QStringLiteral("LeveragePlanner/leverage-planner/markets"));
    QVERIFY(QDir().mkpath(markets));
    writeJson(QDir(markets).filePath(QStringLiteral("capped.json")),
              readJson(QStringLiteral(LP_TEST_DATA_DIR "/capped-market.json")));
    QJsonObject plan = readJson(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"));
    plan[QStringLiteral("market")] = QStringLiteral("capped");
    const QString path = dataHome.filePath(QStringLiteral("capped-plan.json"));
    writeJson(path, plan);
    const QStringList env{QStringLiteral("XDG_DATA_HOME=") + dataHome.path()};
    const Run refused = run({QStringLiteral("report"), path}, {}, env);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("borrow cap of WETH")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("largest deposit that fits is 5.9666054 wstETH")),
             qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
    // At that deposit it fits.
    plan[QStringLiteral("deposit")] = 5.96;
    writeJson(path, plan);
    const Run fits = run({QStringLiteral("report"), path}, {}, env);
    QVERIFY2(fits.exitCode == 0, qPrintable(fits.err));
}

QTEST_GUILESS_MAIN(TestCliUserMarket)
#include "tst_cli_usermarket.moc"
