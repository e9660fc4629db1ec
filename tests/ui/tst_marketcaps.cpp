// The window refuses a plan above its market's borrow cap like an invalid value: the status line names
// the cap and the largest deposit that fits, and the last valid results stay on screen.
#include "cappedmarket.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "plansession.h"
#include "uitestutil.h"
#include "usermarkets.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

using namespace lp;

class TestMarketCaps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void planAboveTheBorrowCapIsRefused();

private:
    QString m_marketId;
};

void TestMarketCaps::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the user's markets and settings go to test locations
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-marketcaps"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_marketcaps"));
    QSettings().clear();
    // WETH's borrow cap 1,000 with 990 borrowed leaves 10 WETH.
    const MarketRegistry capped =
        test::registryWith(test::reserve(QStringLiteral("wstETH"), 0, 0, 100, 0, 100),
                           test::reserve(QStringLiteral("WETH"), 0, 1000, 2000, 990, 1010));
    const Market market = *capped.find(QStringLiteral("capped"));
    m_marketId = market.id;
    MarketRegistry registry;
    const ValidationErrors saved = registry.saveUserMarket(market, userMarketsDirectory());
    QVERIFY2(saved.isEmpty(), qPrintable(formatErrors(saved)));
}

void TestMarketCaps::cleanupTestCase()
{
    QFile::remove(QDir(userMarketsDirectory()).filePath(m_marketId + QStringLiteral(".json")));
    QSettings().clear();
}

void TestMarketCaps::planAboveTheBorrowCapIsRefused()
{
    MainWindow window;
    MarketPicker *picker = window.marketPicker();
    picker->chooseMarket(m_marketId);
    picker->chooseCollateral(QStringLiteral("wstETH"));
    picker->chooseBorrow(QStringLiteral("WETH"));
    Plan plan = window.session()->plan();
    QCOMPARE(plan.market, m_marketId);
    plan.deposit = 1.0; // both at $1 in this market: 1 wstETH borrows far less than 10 WETH
    window.session()->setPlan(plan);
    QVERIFY2(window.session()->isValid(), qPrintable(formatErrors(window.session()->errors())));
    const auto fitting = window.session()->result();

    plan.deposit = 100.0;
    window.session()->setPlan(plan);
    QVERIFY(!window.session()->isValid());
    QCOMPARE(window.session()->result(), fitting); // the last valid results stay
    const auto *status = window.findChild<QLabel *>(QStringLiteral("statusLine"));
    QVERIFY(status);
    const QString text = status->text();
    QVERIFY2(text.contains(QStringLiteral("Plan not valid")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("borrow cap of WETH")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("largest deposit that fits is")), qPrintable(text));
    // The largest deposit is the cap's room over the debt per deposited wstETH: 10 / (D / x0).
    const double perUnit = fitting->opened.debt / 1.0;
    QVERIFY2(text.contains(QString::number(10.0 / perUnit, 'g', 8)), qPrintable(text));
}

QTEST_MAIN(TestMarketCaps)
#include "tst_marketcaps.moc"
