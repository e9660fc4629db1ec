// Markets > Refresh From Chain with Morpho Blue, offscreen, on recorded answers (tests/chain/
// morphorecorded.h served on 127.0.0.1): the known deployments' Morpho markets are listed, a typed Morpho
// address and market id is read in three round trips, reviewed and saved; a second read after the
// oracle's price moved shows that change against the saved market; bad input and a failed read change
// nothing.
#include "marketrefreshdialog.h"
#include "marketregistry.h"
#include "marketreviewtable.h"
#include "servednode.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;
using namespace morpho_recorded;

namespace {

bool readAndWait(MarketRefreshDialog &dialog, const QString &rpc)
{
    dialog.setEndpoint(rpc, addr(kMorpho), kWstethWeth);
    if (!dialog.startRead())
        return false;
    return QTest::qWaitFor([&dialog] { return !dialog.fetch()->isRunning(); }, 60000);
}

QStringList rows(const MarketReviewTable *t)
{
    QStringList out;
    for (int r = 0; r < t->rowCount(); ++r)
        out << QStringLiteral("%1 %2: %3 -> %4")
                   .arg(t->item(r, MarketReviewTable::Subject)->text(),
                        t->item(r, MarketReviewTable::Field)->text(),
                        t->item(r, MarketReviewTable::Old)->text(),
                        t->item(r, MarketReviewTable::New)->text());
    return out;
}

} // namespace

class TestMarketRefreshMorpho : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-marketrefreshmorpho"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_ui_marketrefreshmorpho"));
        QSettings().clear();
    }

    void knownMorphoMarketsAreListed()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        MarketRefreshDialog dialog(&registry, dir.path(), QString());
        const QString item = QStringLiteral(
            "morpho-blue-ethereum|0xc54d7acf14de29e0e5527cabd7a576506870346a78a11a6762e2cca66322ec41");
        QVERIFY(dialog.deploymentBox()->findData(item) > 0);
        QVERIFY(dialog.deploymentBox()->findData(QStringLiteral("aave-v3-ethereum")) > 0);
        int morphoItems = 0;
        for (int i = 0; i < dialog.deploymentBox()->count(); ++i)
            morphoItems += dialog.deploymentBox()->itemData(i).toString().startsWith(u"morpho-blue-") ? 1 : 0;
        QCOMPARE(morphoItems, 5); // three on Ethereum, two on Base
        dialog.chooseDeployment(item);
        QCOMPARE(dialog.deploymentBox()->currentData().toString(), item);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("poolAddressesProvider"))->text(),
                 QStringLiteral("0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("morphoMarketId"))->text(),
                 item.section(u'|', 1));
        QVERIFY(!dialog.fetch()->isRunning()); // nothing is read until Read
        // An Aave deployment clears the market id again.
        dialog.chooseDeployment(QStringLiteral("aave-v3-base"));
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("morphoMarketId"))->text().isEmpty());
    }

    void readsReviewsAndSavesAMorphoMarket()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        Served s;
        MarketRefreshDialog first(&registry, dir.path(), QString());
        QVERIFY(readAndWait(first, s.server.url()));
        QCOMPARE(first.page(), MarketRefreshDialog::Page::Review);
        QCOMPARE(first.fetch()->roundTrips(), 3);
        const Market &read = *first.fetchedMarket();
        QVERIFY(read.liquidationRules == LiquidationRuleSet::MorphoBlue);
        QCOMPARE(read.reserves.size(), 2);
        QCOMPARE(read.reserves[0].symbol, QStringLiteral("wstETH"));
        QCOMPARE(read.reserves[0].liquidationThreshold, 0.945);
        QCOMPARE(read.reserves[0].onChain->priceUsd, 1.2);
        QVERIFY2(first.readLabel()->text().contains(QStringLiteral("Morpho Blue")),
                 qPrintable(first.readLabel()->text()));
        QVERIFY(first.readLabel()->text().contains(QStringLiteral("3 HTTP round trips")));
        first.compareWith(QString());
        QVERIFY(first.apply());
        QVERIFY(registry.find(read.id));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);

        // The oracle now says 1.25 WETH per wstETH: the next read is compared with the saved market and
        // shows that one change.
        s.node.on(addr(kOracle1), QStringLiteral("price()"), {}, QStringLiteral("uint256"),
                  {big(e(125, 34))});
        MarketRefreshDialog second(&registry, dir.path(), QString());
        QVERIFY(readAndWait(second, s.server.url()));
        QCOMPARE(second.page(), MarketRefreshDialog::Page::Review);
        QCOMPARE(second.compareBox()->currentData().toString(), read.id);
        const QStringList changes = rows(second.reviewTable());
        QVERIFY2(changes.size() == 1 && changes.first().startsWith(QStringLiteral("wstETH")),
                 qPrintable(changes.join(u'\n')));
        QVERIFY2(changes.first().contains(QStringLiteral("1.2")) &&
                     changes.first().contains(QStringLiteral("1.25")),
                 qPrintable(changes.first()));
    }

    void badInputAndFailuresChangeNothing()
    {
        QTemporaryDir dir;
        MarketRegistry registry = MarketRegistry::withBuiltIn();
        const QStringList idsBefore = registry.ids();
        MarketRefreshDialog dialog(&registry, dir.path(), QString());
        dialog.setEndpoint(QStringLiteral("http://127.0.0.1:1"), addr(kMorpho), QStringLiteral("0x12"));
        QVERIFY(!dialog.startRead());
        QVERIFY2(dialog.errorLabel()->text().startsWith(QStringLiteral("Morpho market id")),
                 qPrintable(dialog.errorLabel()->text()));
        dialog.setEndpoint(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("0x12"), kWstethWeth);
        QVERIFY(!dialog.startRead());
        QVERIFY(dialog.errorLabel()->text().startsWith(QStringLiteral("Morpho:")));
        // A market id Morpho does not know: the read fails, naming it, and nothing is saved.
        Served s;
        const QString unknown = QStringLiteral("0x") + QString(64, u'd');
        dialog.setEndpoint(s.server.url(), addr(kMorpho), unknown);
        QVERIFY(dialog.startRead());
        QTRY_VERIFY(!dialog.fetch()->isRunning());
        QCOMPARE(dialog.page(), MarketRefreshDialog::Page::Source);
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("failed")),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("idToMarketParams")),
                 qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(registry.ids(), idsBefore);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_MAIN(TestMarketRefreshMorpho)
#include "tst_marketrefreshmorpho.moc"
