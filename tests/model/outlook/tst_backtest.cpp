// Backtest on historical prices (issue 6 §5): the CSV parser's errors and a replay with a known
// liquidation.
#include "backtest.h"
#include "testutil.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// The shared hand plan (testutil.h): C = 17.5 A, D = 750 B, liquidation price 53.571429.
Plan handPlan()
{
    return test::oneFullLoopPlan();
}

std::vector<PricePoint> parsed(const QByteArray &csv)
{
    const Expected<std::vector<PricePoint>> r = parsePriceCsv(csv);
    if (!r)
        qFatal("parsePriceCsv: %s", qPrintable(formatErrors(r.errors())));
    return r.value();
}

QByteArray fixtureCsv()
{
    QFile f(QStringLiteral(LP_TEST_DATA_DIR "/backtest-liquidation.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the backtest fixture");
    return f.readAll();
}

} // namespace

class TestBacktest : public QObject {
    Q_OBJECT
private slots:
    void parsesWellFormedVariants_data();
    void parsesWellFormedVariants();
    void badRowsNameTheLine_data();
    void badRowsNameTheLine();
    void replaysFixtureWithKnownLiquidation();
    void gapBelowBadDebtWipesEquityNotMore();
    void accruesOverDateGaps();
    void noLiquidationAboveLiquidationPrice();
};

void TestBacktest::parsesWellFormedVariants_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::newRow("header, LF") << QByteArray("date,price\n2024-01-01,100\n2024-01-03,101.5\n");
    QTest::newRow("no header, CRLF") << QByteArray("2024-01-01,100\r\n2024-01-03,101.5\r\n");
    QTest::newRow("BOM, quotes, blanks, spaces")
        << QByteArray("\xEF\xBB\xBF\"date\",\"price\"\n\n \"2024-01-01\" , \"100\"\n2024-01-03,1.015e2\n\n");
    QTest::newRow("no final newline") << QByteArray("Date,Close\n2024-01-01,100\n2024-01-03,101.5");
    // prices fetch's comment line, before the header and between rows.
    QTest::newRow("comments") << QByteArray("# ETH daily prices in USD from https://coins.llama.fi/chart/"
                                            "coingecko:ethereum, fetched 2026-11-30T10:00:00Z\ndate,price\n"
                                            "2024-01-01,100\n  # a note, with a comma\n2024-01-03,101.5\n");
}

void TestBacktest::parsesWellFormedVariants()
{
    QFETCH(QByteArray, csv);
    const std::vector<PricePoint> rows = parsed(csv);
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].date, QDate(2024, 1, 1));
    QCOMPARE(rows[0].priceUsd, 100.0);
    QCOMPARE(rows[1].date, QDate(2024, 1, 3));
    QCOMPARE(rows[1].priceUsd, 101.5);
}

void TestBacktest::badRowsNameTheLine_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("bad date") << QByteArray("date,price\n2024-01-01,100\n2024-13-01,100\n")
                              << QStringLiteral("line 3") << QStringLiteral("bad date \"2024-13-01\"");
    QTest::newRow("day-first date") << QByteArray("date,price\n01/02/2024,100\n") << QStringLiteral("line 2")
                                    << QStringLiteral("expected YYYY-MM-DD");
    QTest::newRow("decimal comma splits the row")
        << QByteArray("2024-01-01,100\n2024-01-02,1,5\n") << QStringLiteral("line 2")
        << QStringLiteral("expected 2 cells");
    QTest::newRow("text price") << QByteArray("2024-01-01,100\n2024-01-02,abc\n") << QStringLiteral("line 2")
                                << QStringLiteral("\"abc\" is not a number");
    QTest::newRow("NaN price") << QByteArray("2024-01-01,nan\n") << QStringLiteral("line 1")
                               << QStringLiteral("not a number");
    QTest::newRow("infinite price") << QByteArray("2024-01-01,1e999\n") << QStringLiteral("line 1")
                                    << QStringLiteral("not a number");
    QTest::newRow("zero price") << QByteArray("date,price\n2024-01-01,0\n") << QStringLiteral("line 2")
                                << QStringLiteral("must be above 0");
    QTest::newRow("negative price") << QByteArray("2024-01-01,100\n\n2024-01-02,-3\n")
                                    << QStringLiteral("line 3") << QStringLiteral("must be above 0");
    QTest::newRow("dates not increasing")
        << QByteArray("date,price\n2024-01-02,100\n2024-01-01,100\n") << QStringLiteral("line 3")
        << QStringLiteral("2024-01-01 is not after 2024-01-02 (line 2)");
    QTest::newRow("same date twice") << QByteArray("2024-01-02,100\n2024-01-02,101\n")
                                     << QStringLiteral("line 2") << QStringLiteral("dates must increase");
    QTest::newRow("header repeated") << QByteArray("date,price\n2024-01-01,100\ndate,price\n")
                                     << QStringLiteral("line 3") << QStringLiteral("bad date");
    QTest::newRow("one cell") << QByteArray("2024-01-01\n") << QStringLiteral("line 1")
                              << QStringLiteral("expected 2 cells (date,price), got 1");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("line 1")
                                << QStringLiteral("no price rows");
    QTest::newRow("header only") << QByteArray("date,price\r\n") << QStringLiteral("line 1")
                                 << QStringLiteral("no price rows");
}

void TestBacktest::badRowsNameTheLine()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    const Expected<std::vector<PricePoint>> r = parsePriceCsv(csv);
    QVERIFY(!r);
    QCOMPARE(r.errors().front().field, field);
    QVERIFY2(r.errors().front().message.contains(fragment), qPrintable(r.errors().front().message));
}

void TestBacktest::replaysFixtureWithKnownLiquidation()
{
    // tests/data/backtest-liquidation.csv: 100, 90, 70, 55 (HF 1.0267, safe), then 52 on 2024-01-05:
    // HF = 17.5 x 52 x 0.8 / 750 = 0.97067 (>= 0.95: close factor 50 %). Repay 375, seize
    // 375 x 1.05 / 52 = 7.572115384615385 A; C = 9.927884615384615, HF after = 1.1013333 (one call);
    // penalty 7.572115 x 52 - 375 = 18.75 USD. Last row $80: equity 9.9279 x 80 - 375 = 419.2307692307692,
    // P&L = 419.23 - 1000 = -580.7692307692308; holding 10 A: 800 - 1000 = -200.
    const Expected<BacktestResult> r = runBacktest(handPlan(), parsed(fixtureCsv()));
    QVERIFY(r);
    LP_COMPARE_REL(r->openedCollateral, 17.5, 1e-15);
    LP_COMPARE_REL(r->openedDebt, 750.0, 1e-15);
    QCOMPARE(r->days.size(), size_t(7));
    QCOMPARE(r->liquidations.size(), size_t(1));
    const BacktestLiquidation &l = r->liquidations.front();
    QCOMPARE(l.date, QDate(2024, 1, 5));
    QCOMPARE(l.day, 4);
    QCOMPARE(l.event.closeFactor, 0.5);
    LP_COMPARE_REL(l.event.healthFactorBefore, 0.9706666666666667, 1e-14);
    LP_COMPARE_REL(l.event.collateralSeized, 7.572115384615385, 1e-14);
    LP_COMPARE_REL(l.event.penaltyUsd, 18.75, 1e-12);
    LP_COMPARE_REL(r->totalPenaltyUsd, 18.75, 1e-12);
    QCOMPARE(r->days[4].liquidations, 1);
    LP_COMPARE_REL(r->days[4].healthFactor, 1.1013333333333333, 1e-14);
    QCOMPARE(r->days[5].day, 7); // 2024-01-08, after a weekend gap
    QCOMPARE(r->days[5].liquidations, 0);
    LP_COMPARE_REL(r->minHealthFactor, 0.9706666666666667, 1e-14);
    LP_COMPARE_REL(r->finalEquityUsd, 419.23076923076917, 1e-13);
    LP_COMPARE_REL(r->pnlUsd, -580.7692307692308, 1e-13);
    LP_COMPARE_REL(r->holdPnlUsd, -200.0, 1e-14);
}

void TestBacktest::gapBelowBadDebtWipesEquityNotMore()
{
    // A gap from 100 to 40: HF 0.7467 < 0.95, full close: 750 x 1.05 / 40 = 19.6875 A > 17.5 A, so all
    // 17.5 A go for 17.5 x 40 / 1.05 = 666.67 B; 83.33 B of bad debt stay with the protocol. The user's
    // equity is 0, the P&L -1000 (the deposit), not worse.
    const Expected<BacktestResult> r = runBacktest(handPlan(), parsed("2024-01-01,100\n2024-01-02,40\n"));
    QVERIFY(r);
    QCOMPARE(r->liquidations.size(), size_t(1));
    QCOMPARE(r->liquidations.front().event.closeFactor, 1.0);
    QCOMPARE(r->days.back().collateral, 0.0);
    LP_COMPARE_REL(r->days.back().debt, 750.0 - 17.5 * 40.0 / 1.05, 1e-13);
    QCOMPARE(r->finalEquityUsd, 0.0);
    QCOMPARE(r->pnlUsd, -1000.0);
    // Penalty = seized value - repaid value = 700 - 666.67 = 33.33 USD.
    LP_COMPARE_REL(r->totalPenaltyUsd, 700.0 - 700.0 / 1.05, 1e-12);
}

void TestBacktest::accruesOverDateGaps()
{
    // 10 % borrow APY, 3 % native yield; rows a year apart (2023-01-01 -> 2024-01-01 = 365 days) at a
    // constant $100: D = 750 x 1.1 = 825, C = 17.5 x 1.03 = 18.025; holding 10 x 1.03 x 100 - 1000 = 30.
    Plan p = handPlan();
    p.borrow.borrowApy = 0.10;
    p.collateral.nativeYield = 0.03;
    const Expected<BacktestResult> r = runBacktest(p, parsed("2023-01-01,100\n2024-01-01,100\n"));
    QVERIFY(r);
    QCOMPARE(r->days.back().day, 365);
    LP_COMPARE_REL(r->days.back().debt, 825.0, 1e-14);
    LP_COMPARE_REL(r->days.back().collateral, 18.025, 1e-14);
    LP_COMPARE_REL(r->finalEquityUsd, 1802.5 - 825.0, 1e-13);
    LP_COMPARE_REL(r->holdPnlUsd, 30.0, 1e-12);
    QVERIFY(r->liquidations.empty());
}

void TestBacktest::noLiquidationAboveLiquidationPrice()
{
    // The position is opened at the first row's price, so the liquidation price scales with it: starting
    // at $200 it is 107.14; $108 is safe, $107 liquidates.
    Expected<BacktestResult> r = runBacktest(handPlan(), parsed("2024-01-01,200\n2024-01-02,108\n"));
    QVERIFY(r);
    QVERIFY(r->liquidations.empty());
    LP_COMPARE_REL(r->openedDebt, 1500.0, 1e-15);
    r = runBacktest(handPlan(), parsed("2024-01-01,200\n2024-01-02,107\n"));
    QCOMPARE(r->liquidations.size(), size_t(1));
    QVERIFY(!runBacktest(handPlan(), {}));
}

QTEST_APPLESS_MAIN(TestBacktest)
#include "tst_backtest.moc"
