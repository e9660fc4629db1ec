// Markets > Refresh From Chain, offscreen: read the local Aave v3 market (tests/chain/aave-node.mjs),
// save it, change a liquidation threshold and freeze a reserve on chain through the PoolConfigurator,
// refresh, and see the review show exactly those two changes; faults and a cancel change nothing; the
// window's plan follows a refreshed market. LP_SCREENSHOT_DIR=docs/screenshots writes market-refresh.png.
#include "abi.h"
#include "fakerpcserver.h"
#include "jsonrpcclient.h"
#include "localnode.h"
#include "mainwindow.h"
#include "marketjson.h"
#include "marketpicker.h"
#include "marketrefreshdialog.h"
#include "marketregistry.h"
#include "marketreviewtable.h"
#include "plansession.h"
#include "usermarkets.h"

#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;
using namespace lp::chain;

namespace {

// anvil's first development account: unlocked, the market's admin in aave-node.mjs.
const QString kAdmin = QStringLiteral("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

QString reserveAddress(const QJsonObject &state, const QString &symbol)
{
    for (const QJsonValue &r : state.value(QStringLiteral("reserves")).toArray()) {
        if (r.toObject().value(QStringLiteral("symbol")).toString() == symbol)
            return r.toObject().value(QStringLiteral("address")).toString();
    }
    return {};
}

// One JSON-RPC call to the local node; the result, or a failed test.
QJsonValue call(const QString &rpc, const QString &method, const QJsonArray &params)
{
    JsonRpcClient client{QUrl(rpc)};
    const RpcBatchResult r = client.sendAndWait({RpcCall{method, params}});
    if (r.error.isError() || r.results.value(0).error.isError())
        qWarning("%s failed: %s %s", qPrintable(method), qPrintable(r.error.message),
                 qPrintable(r.results.value(0).error.message));
    return r.results.value(0).value;
}

// A transaction from the admin to `to`, waited for until it is mined (anvil automines).
bool transact(const QString &rpc, const QString &to, const AbiFunction &f, const QList<AbiValue> &args)
{
    const Expected<QByteArray> data = f.encodeCall(args);
    if (!data)
        return false;
    // A fixed gas limit (no estimate) and the receipt's status: a reverted transaction fails here, by
    // name, rather than as a missing row of the review later.
    QJsonObject tx{{QStringLiteral("from"), kAdmin},
                   {QStringLiteral("to"), to},
                   {QStringLiteral("gas"), QStringLiteral("0x2dc6c0")},
                   {QStringLiteral("data"), QString::fromLatin1("0x" + data.value().toHex())}};
    const QJsonValue hash = call(rpc, QStringLiteral("eth_sendTransaction"), QJsonArray{tx});
    if (!hash.isString())
        return false;
    // anvil answers eth_sendTransaction before it has mined the block: the receipt is null until then
    // (the cause of this test's rare failures in CI, where the second transaction was not yet mined when
    // the market was read).
    QJsonValue receipt;
    const bool mined = QTest::qWaitFor(
        [&] {
            receipt = call(rpc, QStringLiteral("eth_getTransactionReceipt"), QJsonArray{hash});
            return receipt.isObject();
        },
        10000);
    if (!mined) {
        qWarning("%s: transaction %s not mined in 10 s", qPrintable(f.signature()),
                 qPrintable(hash.toString()));
        return false;
    }
    if (receipt.toObject().value(QStringLiteral("status")).toString() != u"0x1") {
        qWarning("%s: transaction %s did not succeed: %s", qPrintable(f.signature()),
                 qPrintable(hash.toString()),
                 QJsonDocument(receipt.toObject()).toJson(QJsonDocument::Compact).constData());
        return false;
    }
    return true;
}

AbiValue word(quint64 v)
{
    return AbiValue::uint(UInt256(v));
}

// Reads through the dialog and waits for its review (or for it to fall back to the source page).
bool readAndWait(MarketRefreshDialog &dialog, const QString &rpc, const QString &provider)
{
    dialog.setEndpoint(rpc, provider);
    if (!dialog.startRead())
        return false;
    return QTest::qWaitFor([&dialog] { return !dialog.fetch()->isRunning(); }, 60000);
}

QStringList rows(const MarketReviewTable *t)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << QStringLiteral("%1 %2: %3 -> %4 [%5]")
                   .arg(t->item(r, MarketReviewTable::Subject)->text(),
                        t->item(r, MarketReviewTable::Field)->text(),
                        t->item(r, MarketReviewTable::Old)->text(),
                        t->item(r, MarketReviewTable::New)->text(),
                        t->item(r, MarketReviewTable::Note)->text());
    return out;
}

} // namespace

class TestMarketRefresh : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the user's markets and settings go to test locations
        // Our own settings and markets: other test programs may run at the same time.
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-marketrefresh"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_marketrefresh"));
        QSettings().clear();
    }

    void reviewShowsChangesOnChain()
    {
        const LocalNode node = LocalNode::load();
        if (!node.skipReason.isEmpty())
            QSKIP(qPrintable(node.skipReason));
        const QString rpc = node.state.value(QStringLiteral("rpc")).toString();
        const QString provider = node.state.value(QStringLiteral("poolAddressesProvider")).toString();
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();

        // First read: nothing to compare with; applied as a new user market.
        MarketRefreshDialog first(&registry, dir.path(), QString());
        QVERIFY(readAndWait(first, rpc, provider));
        QCOMPARE(first.page(), MarketRefreshDialog::Page::Review);
        QCOMPARE(first.compareBox()->currentData().toString(), QString());
        QCOMPARE(first.fetch()->roundTrips(), 4);
        QSignalSpy saved(&first, &MarketRefreshDialog::marketSaved);
        QVERIFY(first.apply());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(1).toString(), QStringLiteral("aave-v3-31337"));
        const Market before = *registry.find(QStringLiteral("aave-v3-31337"));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("aave-v3-31337.json"))));

        // On chain, through the PoolConfigurator: WETH's threshold 83 % -> 85 %, USDC frozen. A snapshot
        // puts the chain back for the other tests of the node.
        const QString snapshot = call(rpc, QStringLiteral("evm_snapshot"), {}).toString();
        QVERIFY(!snapshot.isEmpty());
        const QString configurator = node.state.value(QStringLiteral("configurator")).toString();
        const AbiFunction configure(u"configureReserveAsCollateral(address,uint256,uint256,uint256)", u"");
        const AbiFunction freeze(u"setReserveFreeze(address,bool)", u"");
        QVERIFY(transact(rpc, configurator, configure,
                         {*AbiValue::address(reserveAddress(node.state, QStringLiteral("WETH"))), word(8050),
                          word(8500), word(10500)}));
        QVERIFY(transact(rpc, configurator, freeze,
                         {*AbiValue::address(reserveAddress(node.state, QStringLiteral("USDC"))),
                          AbiValue::boolean(true)}));

        MarketRefreshDialog second(&registry, dir.path(), QString());
        const bool read = readAndWait(second, rpc, provider);
        QVERIFY(call(rpc, QStringLiteral("evm_revert"), {snapshot}).toBool());
        QVERIFY(read);
        QCOMPARE(second.page(), MarketRefreshDialog::Page::Review);
        // The market saved before from this provider is the one compared with, and updated in place.
        QCOMPARE(second.compareBox()->currentData().toString(), QStringLiteral("aave-v3-31337"));
        QCOMPARE(second.targetId(), QStringLiteral("aave-v3-31337"));
        QVERIFY(second.readLabel()->text().contains(QStringLiteral("block")));
        const QStringList expected{QStringLiteral("WETH liquidationThreshold: 83 % -> 85 % []"),
                                   QStringLiteral("USDC frozen: no -> yes [frozen]")};
        QVERIFY2(rows(second.reviewTable()) == expected,
                 qPrintable(rows(second.reviewTable()).join(QStringLiteral("; "))));
        QCOMPARE(second.reviewTable()->item(0, MarketReviewTable::New)->background().color(),
                 MarketReviewTable::kChangedColor);
        QCOMPARE(second.reviewTable()->item(1, MarketReviewTable::Note)->foreground().color(),
                 MarketReviewTable::kFlagColor);

        const QByteArray shots = qgetenv("LP_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            second.resize(980, 420);
            second.show();
            QVERIFY(QTest::qWaitForWindowExposed(&second));
            QVERIFY(QDir().mkpath(QString::fromLocal8Bit(shots)));
            QVERIFY(second.grab().save(
                QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("market-refresh.png"))));
        }

        // Take the freeze only: the threshold stays as it was.
        second.reviewTable()->setAccepted(0, false);
        QVERIFY(second.apply());
        const Market after = *registry.find(QStringLiteral("aave-v3-31337"));
        QCOMPARE(after.reserve(QStringLiteral("WETH"))->liquidationThreshold,
                 before.reserve(QStringLiteral("WETH"))->liquidationThreshold);
        QVERIFY(after.reserve(QStringLiteral("USDC"))->onChain->frozen);
        QVERIFY(!before.reserve(QStringLiteral("USDC"))->onChain->frozen);
        QVERIFY(after.fetched->blockNumber > before.fetched->blockNumber);
        // The file says the same.
        const Expected<Market> file = readMarketFile(dir.filePath(QStringLiteral("aave-v3-31337.json")));
        QVERIFY(file.hasValue());
        QCOMPARE(file.value(), after);
    }

    void faultsChangeNothing()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        const QStringList idsBefore = registry.ids();
        FakeRpcServer server;
        const QString provider = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        const QList<QPair<QByteArray, QString>> faults{
            {FakeRpcServer::http(500, "oops"), QStringLiteral("500")},
            {FakeRpcServer::http(429, "slow down"), QStringLiteral("429")},
            {FakeRpcServer::http(200, "not json"), QStringLiteral("JSON")},
            {QByteArray(), QStringLiteral("node is syncing")},
        };
        for (const auto &[answer, words] : faults) {
            // (A copy: clang 14 cannot capture a structured binding.)
            const QByteArray response = answer;
            server.setResponder([response](const QJsonArray &request) {
                if (response.isEmpty()) // a JSON-RPC error object for every call
                    return FakeRpcServer::answerEach(request, [](const QString &, const QJsonArray &) {
                        return QJsonObject{
                            {QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), -32000},
                                         {QStringLiteral("message"), QStringLiteral("node is syncing")}}}};
                    });
                return response;
            });
            MarketRefreshDialog dialog(&registry, dir.path(), QString());
            QSignalSpy saved(&dialog, &MarketRefreshDialog::marketSaved);
            QVERIFY(readAndWait(dialog, server.url(), provider));
            QCOMPARE(dialog.page(), MarketRefreshDialog::Page::Source);
            const QString error = dialog.errorLabel()->text();
            QVERIFY2(error.contains(QStringLiteral("failed; nothing changed")), qPrintable(error));
            QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
            // The key in the URL's path is never shown.
            QVERIFY2(!error.contains(QStringLiteral("SECRETKEY")), qPrintable(error));
            QVERIFY(!dialog.apply());
            QCOMPARE(saved.count(), 0);
        }
        QCOMPARE(registry.ids(), idsBefore);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void cancelChangesNothing()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        FakeRpcServer server;
        server.setResponder([](const QJsonArray &) { return QByteArray(); }); // never answers
        MarketRefreshDialog dialog(&registry, dir.path(), QString());
        dialog.setEndpoint(server.url(), QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        QVERIFY(dialog.startRead());
        QCOMPARE(dialog.page(), MarketRefreshDialog::Page::Progress);
        QTRY_COMPARE(server.requests(), 1);
        dialog.cancelRead();
        QTRY_VERIFY(!dialog.fetch()->isRunning());
        QCOMPARE(dialog.page(), MarketRefreshDialog::Page::Source);
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("Cancelled")),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void badInputNamesTheField()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        MarketRefreshDialog dialog(&registry, dir.path(), QString());
        dialog.setEndpoint(QStringLiteral("ftp://example"),
                           QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        QVERIFY(!dialog.startRead());
        QVERIFY(dialog.errorLabel()->text().startsWith(QStringLiteral("RPC URL")));
        dialog.setEndpoint(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("0x1234"));
        QVERIFY(!dialog.startRead());
        QVERIFY(dialog.errorLabel()->text().startsWith(QStringLiteral("PoolAddressesProvider")));
        QCOMPARE(dialog.page(), MarketRefreshDialog::Page::Source);
        // A known deployment fills both fields; nothing is read until Read.
        dialog.chooseDeployment(QStringLiteral("aave-v3-base"));
        QCOMPARE(dialog.deploymentBox()->currentData().toString(), QStringLiteral("aave-v3-base"));
        QVERIFY(!dialog.fetch()->isRunning());
    }

    void planFollowsRefreshedMarket()
    {
        // A refresh of the Aave v3 Ethereum preset saved a dated user market with another threshold: the
        // plan on the preset follows it, as one undoable edit, and the status bar says its block.
        const QString userDir = userMarketsDirectory();
        QDir(userDir).removeRecursively();
        Market m = *MarketRegistry::builtIn().find(QStringLiteral("aave-v3-ethereum"));
        m.id = QStringLiteral("aave-v3-ethereum-20261130");
        m.asOf = QDate::currentDate();
        const qsizetype weth = m.reserveIndex(QStringLiteral("WETH"));
        QVERIFY(weth >= 0);
        m.reserves[weth].liquidationThreshold = 0.8611;
        FetchedRecord f;
        f.chainId = 1;
        f.blockNumber = 23456789;
        f.blockTime = QDateTime(m.asOf, QTime(6, 0), Qt::UTC);
        f.protocol = QStringLiteral("aave-v3");
        m.fetched = f;
        QVERIFY(QDir().mkpath(userDir));
        QVERIFY(writeMarketFile(m, QDir(userDir).filePath(m.id + QStringLiteral(".json"))).isEmpty());

        MainWindow window;
        window.marketPicker()->chooseMarket(QStringLiteral("aave-v3-ethereum"));
        window.marketPicker()->chooseCollateral(QStringLiteral("WETH"));
        window.marketPicker()->setEModeEnabled(false);
        const double oldThreshold = window.session()->plan().collateral.liquidationThreshold;
        QVERIFY(oldThreshold != 0.8611);
        // The preset names no block (it was compiled, not read from a chain); the refreshed market does.
        QVERIFY2(!window.marketFreshnessLabel()->text().contains(QStringLiteral("block")),
                 qPrintable(window.marketFreshnessLabel()->text()));
        window.followRefreshedMarket(QStringLiteral("aave-v3-ethereum"), m.id);
        QCOMPARE(window.session()->plan().market, m.id);
        QCOMPARE(window.session()->plan().collateral.liquidationThreshold, 0.8611);
        QVERIFY2(window.marketFreshnessLabel()->text().contains(QStringLiteral("block 23456789")),
                 qPrintable(window.marketFreshnessLabel()->text()));
        QVERIFY(!window.marketFreshnessLabel()->text().contains(QStringLiteral("days old")));
        QVERIFY(window.marketPicker()->infoLabel()->text().contains(QStringLiteral("block 23456789")));
        // Another market's refresh leaves the plan alone.
        window.followRefreshedMarket(QStringLiteral("zerolend-linea"), m.id);
        QCOMPARE(window.session()->plan().market, m.id);
        QDir(userDir).removeRecursively();
    }

    void freshnessText()
    {
        Market m;
        m.asOf = QDate(2026, 11, 1);
        const QString date = QLocale().toString(m.asOf, QLocale::ShortFormat);
        QCOMPARE(MarketPicker::freshnessText(m, QDate(2026, 11, 30)), QStringLiteral("as of %1").arg(date));
        // Stale after 90 days (isStale, the one rule the picker and the status bar follow).
        QCOMPARE(MarketPicker::freshnessText(m, QDate(2026, 12, 2)), QStringLiteral("as of %1").arg(date));
        QCOMPARE(MarketPicker::freshnessText(m, QDate(2027, 2, 1)),
                 QStringLiteral("as of %1 (stale: 92 days old)").arg(date));
        m.fetched = FetchedRecord{};
        m.fetched->blockNumber = 90;
        QCOMPARE(MarketPicker::freshnessText(m, QDate(2026, 11, 30)),
                 QStringLiteral("as of %1, block 90").arg(date));
    }
};

QTEST_MAIN(TestMarketRefresh)
#include "tst_marketrefresh.moc"
