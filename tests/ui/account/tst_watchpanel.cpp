// File > Watch Position...'s panel (issue 15, point 4): readings drawn over time, the alert once per
// crossing with its numbers in the window's banner (the fallback where there is no tray, as offscreen),
// a failed reading never shown as safe, every reading in the CSV log. LP_SCREENSHOT_DIR writes
// watch-panel.png (the window's watch.png: tst_positionwindow).
#include "qcustomplot_include.h"
#include "watchpanel.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace lp;

namespace {

// 10 WETH (LT 83 %) against 12,000 USDC: HF = 8.3 x price / 12,000.
Account onePairAt(double wethPrice)
{
    Account a;
    AccountAsset weth;
    weth.symbol = QStringLiteral("WETH");
    weth.collateral = 10.0;
    weth.priceUsd = wethPrice;
    weth.ltv = 0.805;
    weth.liquidationThreshold = 0.83;
    AccountAsset usdc;
    usdc.symbol = QStringLiteral("USDC");
    usdc.debt = 12000.0;
    usdc.priceUsd = 1.0;
    a.assets << weth << usdc;
    return a;
}

} // namespace

class TestWatchPanel : public QObject {
    Q_OBJECT

private slots:
    void defaults()
    {
        WatchPanel panel;
        QCOMPARE(panel.intervalBox()->value(), 300);
        QCOMPARE(panel.intervalBox()->minimum(), 15);
    }

    // 2,000 (HF 1.3833), 1,850 (1.2796: below 1.3, alert), 1,800 (quiet), a failure (still below, quiet),
    // 2,000 (above again), 1,700 (1.1758: alert again).
    void alertsOncePerCrossing()
    {
        QTemporaryDir dir;
        WatchPanel panel;
        panel.setTitle(QStringLiteral("WETH / USDC"));
        panel.alertBox()->setValue(1.3);
        panel.distanceBox()->setValue(0.0);
        panel.logEdit()->setText(dir.filePath(QStringLiteral("log.csv")));
        QSignalSpy alerts(&panel, &WatchPanel::alertRaised);
        QDateTime t = QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC);
        panel.addReading(t, onePairAt(2000.0));
        QCOMPARE(alerts.size(), 0);
        QVERIFY(panel.banner()->isHidden());
        panel.addReading(t.addSecs(300), onePairAt(1850.0));
        QCOMPARE(alerts.size(), 1);
        QVERIFY2(alerts[0][0].toString().contains(QStringLiteral("1.2796")),
                 qPrintable(alerts[0][0].toString()));
        QVERIFY(!panel.banner()->isHidden());
        QVERIFY(panel.banner()->text().contains(QStringLiteral("1.3000")));
        panel.addReading(t.addSecs(600), onePairAt(1800.0));
        panel.addFailure(t.addSecs(900), QStringLiteral("rpc: connection refused"));
        QVERIFY(panel.statusText().contains(QStringLiteral("FAILED")));
        QVERIFY(!panel.banner()->isHidden());
        QCOMPARE(alerts.size(), 1);
        panel.addReading(t.addSecs(1200), onePairAt(2000.0));
        QVERIFY(panel.banner()->isHidden());
        panel.addReading(t.addSecs(1500), onePairAt(1700.0));
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(panel.plot()->graph(0)->dataCount(), 5);
        QFile log(dir.filePath(QStringLiteral("log.csv")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QStringList rows =
            QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 7);
        QCOMPARE(rows.filter(QStringLiteral(",alert")).size(), 2);
        QCOMPARE(rows.filter(QStringLiteral(",failed")).size(), 1);
    }

    void screenshot()
    {
        const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
        QTemporaryDir tmp;
        const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
        QVERIFY(QDir().mkpath(dir.path()));
        WatchPanel panel;
        panel.setTitle(QStringLiteral("Watching 0x7099…79C8: WETH / USDC on Aave v3"));
        panel.alertBox()->setValue(1.3);
        panel.logEdit()->setText(tmp.filePath(QStringLiteral("hf.csv")));
        const QDateTime t = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::UTC);
        const double prices[] = {2010, 2000, 1985, 1990, 1960, 1940, 1950, 1910, 1890, 1870, 1860, 1845};
        int i = 0;
        for (const double p : prices)
            panel.addReading(t.addSecs(300 * i++), onePairAt(p));
        panel.resize(1000, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.grab().save(dir.filePath(QStringLiteral("watch-panel.png"))));
    }
};

QTEST_MAIN(TestWatchPanel)
#include "tst_watchpanel.moc"
