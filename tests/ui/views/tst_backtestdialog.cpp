// Compare > Backtest Against Price History...: the dialog's figures are lp::runBacktest's on the file
// (the CLI's `backtest`), a bad file says why and clears the last result, the file goes through the
// bounded reader, and the window's Compare menu opens it on the current plan.
// LP_SCREENSHOT_DIR=docs/screenshots writes backtest.png.
#include "backtestdialog.h"
#include "displayformat.h"
#include "mainwindow.h"
#include "uitestutil.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace lp;
using namespace lp::uitest;

namespace {

// 120 days of a long's collateral: flat, a 55 % fall over ten days (through the liquidation price),
// then a partial recovery.
QByteArray crashCsv(double open)
{
    QByteArray csv = "date,price\n# test series\n";
    const QDate first(2024, 1, 1);
    for (int day = 0; day < 120; ++day) {
        double price = open;
        if (day >= 40 && day < 50)
            price = open * (1.0 - 0.055 * (day - 39));
        else if (day >= 50)
            price = open * (0.45 + 0.004 * (day - 50));
        csv += first.addDays(day).toString(Qt::ISODate).toLatin1() + ',' +
               QByteArray::number(price, 'g', 12) + '\n';
    }
    return csv;
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(f.fileName()));
    return f.fileName();
}

} // namespace

class TestBacktestDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-backtestdialog"));
    }

    void figuresAreTheBacktests()
    {
        QTemporaryDir dir;
        const Plan plan = longDefaultPlan();
        const QByteArray csv = crashCsv(plan.collateral.priceUsd);
        const QString path = write(dir, QStringLiteral("crash.csv"), csv);
        const BacktestResult expected = *runBacktest(plan, *parsePriceCsv(csv));
        QVERIFY(!expected.liquidations.empty()); // the fall goes through the liquidation price

        BacktestDialog dialog(plan);
        QVERIFY(dialog.runFile(path));
        QVERIFY(dialog.result().has_value());
        QCOMPARE(dialog.result()->finalEquityUsd, expected.finalEquityUsd);
        QCOMPARE(dialog.result()->pnlUsd, expected.pnlUsd);
        QCOMPARE(dialog.result()->minHealthFactor, expected.minHealthFactor);
        const QString summary = dialog.summaryLabel()->text();
        QVERIFY(summary.contains(display::usd(expected.finalEquityUsd)));
        QVERIFY(summary.contains(display::usd(expected.holdPnlUsd)));
        QVERIFY(summary.contains(QStringLiteral("2024-01-01 to 2024-04-29 (119 days)")));
        QCOMPARE(dialog.eventTable()->rowCount(),
                 int(expected.liquidations.size() + expected.executions.size()));
        QCOMPARE(dialog.eventTable()->item(0, 1)->text(), QStringLiteral("Liquidation"));
        QCOMPARE(dialog.eventTable()->item(0, 0)->text(),
                 expected.liquidations.front().date.toString(Qt::ISODate));
        QCOMPARE(dialog.plot()->graph(0)->dataCount(), int(expected.days.size()));
        QCOMPARE(dialog.plot()->graph(0)->data()->at(0)->value, expected.days.front().equityUsd);
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("120 rows")));
        if (const QByteArray shots = qgetenv("LP_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.resize(980, 720);
            QVERIFY(dialog.grab().save(
                QDir(QString::fromLocal8Bit(shots)).filePath(QStringLiteral("backtest.png"))));
        }
    }

    void badFileSaysWhyAndClears()
    {
        QTemporaryDir dir;
        const Plan plan = longDefaultPlan();
        BacktestDialog dialog(plan);
        QVERIFY(dialog.runFile(write(dir, QStringLiteral("good.csv"), crashCsv(plan.collateral.priceUsd))));
        QVERIFY(dialog.result().has_value());
        // Line 3 has a price that is not a number: named, and the last result is not left on screen.
        QVERIFY(!dialog.runFile(
            write(dir, QStringLiteral("bad.csv"), "date,price\n2024-01-01,3000\n2024-01-02,abc\n")));
        QVERIFY(!dialog.result().has_value());
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("line 3")),
                 qPrintable(dialog.messageLabel()->text()));
        QCOMPARE(dialog.eventTable()->rowCount(), 0);
        QCOMPARE(dialog.plot()->graph(0)->dataCount(), 0);
        // A directory is not a price file (the bounded reader reads regular files only).
        QVERIFY(!dialog.runFile(dir.path()));
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
        QVERIFY(!dialog.runFile(QString()));
    }

    void ratioPairSaysWhatTheRowsAre()
    {
        BacktestDialog ratio(defaultPlan());
        QVERIFY(
            ratio.findChild<QLabel *>(QStringLiteral("axisNote"))->text().contains(QStringLiteral("ratio")));
        BacktestDialog usd(longDefaultPlan());
        QVERIFY(
            !usd.findChild<QLabel *>(QStringLiteral("axisNote"))->text().contains(QStringLiteral("ratio")));
        QCOMPARE(BacktestDialog::coinForSymbol(QStringLiteral("WETH")), QStringLiteral("coingecko:ethereum"));
        QCOMPARE(BacktestDialog::coinForSymbol(QStringLiteral("wstETH")),
                 QStringLiteral("coingecko:wrapped-steth"));
        QVERIFY(BacktestDialog::coinForSymbol(QStringLiteral("NOPE")).isEmpty());
    }

    void compareMenuOpensItOnTheCurrentPlan()
    {
        MainWindow window;
        auto *action = window.findChild<QAction *>(QStringLiteral("actionBacktest"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<BacktestDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->close();
    }
};

QTEST_MAIN(TestBacktestDialog)
#include "tst_backtestdialog.moc"
