// File > Open Position...'s account view (issue 15, point 3): the assets table with each asset's
// liquidation price, the health factor, the what-if slider, and the note on the planning views.
// LP_SCREENSHOT_DIR=docs/screenshots writes position-view.png (the window's position.png comes from
// tst_positionwindow).
#include "accountview.h"

#include <QDir>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace lp;

namespace {

AccountAsset asset(const QString &symbol, double collateral, double debt, double price, double ltv, double lt)
{
    AccountAsset a;
    a.symbol = symbol;
    a.collateral = collateral;
    a.debt = debt;
    a.priceUsd = price;
    a.ltv = ltv;
    a.liquidationThreshold = lt;
    a.liquidationBonus = 0.05;
    return a;
}

// The two-collateral account of tst_account: HF 4/3, WETH liquidated at $795.18, WBTC at $34,358.97.
Account twoCollaterals()
{
    Account a;
    a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 2000.0, 0.805, 0.83)
             << asset(QStringLiteral("WBTC"), 0.5, 0.0, 60000.0, 0.73, 0.78)
             << asset(QStringLiteral("USDC"), 0.0, 30000.0, 1.0, 0.77, 0.80);
    return a;
}

} // namespace

class TestAccountView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void showsEveryAssetAndItsLiquidationPrice()
    {
        AccountView view;
        view.setAccount(twoCollaterals(), QStringLiteral("0x90F7…b906"),
                        QStringLiteral("Local node, block 120"));
        QTableWidget *t = view.assetsTable();
        QCOMPARE(t->rowCount(), 3);
        QCOMPARE(t->item(0, 0)->text(), QStringLiteral("WETH"));
        QCOMPARE(t->item(0, 6)->text(), AccountView::usd(2000.0 * 6600.0 / 16600.0, 4));
        QCOMPARE(t->item(1, 6)->text(), AccountView::usd(60000.0 * 13400.0 / 23400.0, 4));
        QCOMPARE(t->item(1, 6)->text(), QStringLiteral("$34,358.9744")); // C locale: as English writes it
        QVERIFY(t->item(2, 7)->text().startsWith(QStringLiteral("rises")));
        QVERIFY2(view.summaryText().contains(QStringLiteral("1.3333")), qPrintable(view.summaryText()));
        QVERIFY(view.pairNote().contains(QStringLiteral("single pair")));
    }

    void amountsInTheUsersLocaleWithCurrency()
    {
        // The C locale (this test's default): never the raw "50000.00$", the dollar as English writes it.
        QCOMPARE(AccountView::usd(50000.0), QStringLiteral("$50,000.00"));
        QCOMPARE(AccountView::usd(-1234.5), QStringLiteral("-$1,234.50"));
        AccountView view;
        view.setAccount(twoCollaterals(), QStringLiteral("account"), QString());
        // Collateral 10 x 2,000 + 0.5 x 60,000 = $50,000; debt $30,000.
        QVERIFY2(view.summaryText().contains(QStringLiteral("collateral $50,000.00 · debt $30,000.00")),
                 qPrintable(view.summaryText()));
        QVERIFY(!view.summaryText().contains(QStringLiteral("50000.00$")));
        QCOMPARE(view.assetsTable()->item(0, 3)->text(), QStringLiteral("$2,000.0000"));
        // German: decimal comma, dot for thousands, the sign after the amount.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        view.setAccount(twoCollaterals(), QStringLiteral("account"), QString());
        const QString german = QLocale().toCurrencyString(50000.0, QStringLiteral("$"), 2);
        QVERIFY(german.contains(QStringLiteral("50.000,00"))); // the locale really is German
        QVERIFY2(view.summaryText().contains(german), qPrintable(view.summaryText()));
        QCOMPARE(view.assetsTable()->item(0, 1)->text(), QStringLiteral("10,000000"));
        QVERIFY(view.summaryText().contains(QStringLiteral("1,3333"))); // the health factor too
        QLocale::setDefault(QLocale::c());
    }

    // WETH 30 % down: 16,600 x 0.7 + 23,400 = 35,020 over 30,000 = 1.1673.
    void whatIfMovesOneAsset()
    {
        AccountView view;
        view.setAccount(twoCollaterals(), QStringLiteral("account"), QString());
        view.setWhatIf(QStringLiteral("WETH"), 0.7);
        QVERIFY2(view.whatIfText().contains(QStringLiteral("1.1673")), qPrintable(view.whatIfText()));
        view.setWhatIf(QStringLiteral("WBTC"), 0.5);
        // 16,600 + 11,700 = 28,300 / 30,000 = 0.9433: liquidatable.
        QVERIFY2(view.whatIfText().contains(QStringLiteral("0.9433")) &&
                     view.whatIfText().contains(QStringLiteral("liquidatable")),
                 qPrintable(view.whatIfText()));
    }

    void onePairSaysItPlans()
    {
        // One collateral worth more than the debt: 1 WBTC at $60,000 against 30,000 USDC.
        Account a;
        a.assets << asset(QStringLiteral("WBTC"), 1.0, 0.0, 60000.0, 0.73, 0.78)
                 << asset(QStringLiteral("USDC"), 0.0, 30000.0, 1.0, 0.77, 0.80);
        AccountView view;
        view.setAccount(a, QStringLiteral("account"), QString());
        QVERIFY2(!view.pairNote().contains(QStringLiteral("single pair")), qPrintable(view.pairNote()));
    }

    void screenshot()
    {
        const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
        QTemporaryDir tmp;
        const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
        QVERIFY(QDir().mkpath(dir.path()));
        Account a = twoCollaterals();
        a.assets[0].group = QStringLiteral("crypto");
        a.assets[1].group = QStringLiteral("crypto");
        AccountView view;
        view.setAccount(
            a, QStringLiteral("Position 0x90F79bf6EB2c4f870365E785982E1f101E93b906"),
            QStringLiteral("Aave v3 on the local node, block 120 (2026-11-30T10:00:00Z), read-only"));
        view.setWhatIf(QStringLiteral("WETH"), 0.8);
        view.resize(1100, 520);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(dir.filePath(QStringLiteral("position-view.png"))));
    }
};

QTEST_MAIN(TestAccountView)
#include "tst_accountview.moc"
