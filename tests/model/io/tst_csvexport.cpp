// CSV tables: RFC 4180 quoting, C-locale numbers under any UI locale, formula-injection guard.
#include "csvexport.h"
#include "testutil.h"
#include "timeline.h"

#include <QLocale>
#include <QTest>

using namespace lp;

namespace {
using test::compute;
QStringList lines(const QByteArray &csv)
{
    QStringList out = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}
} // namespace

class TestCsvExport : public QObject {
    Q_OBJECT
private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void textCells_data();
    void textCells();
    void numberCells();
    void loopsTable();
    void pricesTableHas2001Rows();
    void summaryIsKeyValue();
    void germanLocaleStillWritesDots();
    void tableNames();
    void timelineTableIsTheTimeline();
};

void TestCsvExport::textCells_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "wstETH loop"
                           << "wstETH loop";
    QTest::newRow("comma") << "a, b"
                           << "\"a, b\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines"
                             << "\"two\nlines\"";
    QTest::newRow("formula =") << "=HYPERLINK(\"x\")"
                               << "\"'=HYPERLINK(\"\"x\"\")\"";
    QTest::newRow("formula +") << "+1"
                               << "'+1";
    QTest::newRow("formula -") << "-2+3"
                               << "'-2+3";
    QTest::newRow("formula @") << "@SUM(A1)"
                               << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("carriage return") << "\rx"
                                     << "\"'\rx\"";
    QTest::newRow("unicode") << "Zürich €"
                             << "Zürich €";
    QTest::newRow("empty") << ""
                           << "";
}

void TestCsvExport::textCells()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(csvTextCell(text), cell);
}

void TestCsvExport::numberCells()
{
    QCOMPARE(csvNumberCell(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
    QCOMPARE(csvNumberCell(1234567.5), QStringLiteral("1234567.5")); // no thousands separator
    QCOMPARE(csvNumberCell(-0.25), QStringLiteral("-0.25"));
    QCOMPARE(csvNumberCell(std::numeric_limits<double>::infinity()), QString());
    QCOMPARE(csvNumberCell(std::numeric_limits<double>::quiet_NaN()), QString());
    QCOMPARE(csvNumberCell(2581.7234006863932).toDouble(), 2581.7234006863932); // round trip
}

void TestCsvExport::loopsTable()
{
    const PlanResult r = compute(test::fixturePlan());
    const QStringList l = lines(exportCsv(r, CsvTable::Loops));
    QCOMPARE(l.size(), 5);
    QVERIFY(
        l[0].startsWith(QStringLiteral("step,borrowed_units,swapped_to_collateral_units,collateral_units")));
    const QStringList row1 = l[2].split(QLatin1Char(','));
    QCOMPARE(row1[0], QStringLiteral("1"));
    QCOMPARE(row1[1].toDouble(), 7.875);
    QCOMPARE(row1[3].toDouble(), 16.739878375);
    QCOMPARE(l[1].split(QLatin1Char(','))[10], QString()); // HF of the bare deposit is infinite: empty
    QCOMPARE(l[4].split(QLatin1Char(','))[3].toDouble(), r.opened.collateral);
}

void TestCsvExport::pricesTableHas2001Rows()
{
    const PlanResult r = compute(test::fixturePlan());
    const QStringList l = lines(exportCsv(r, CsvTable::Prices));
    QCOMPARE(l.size(), 2002);
    QCOMPARE(l[0],
             QStringLiteral("price_usd,collateral_units,debt_units,equity_usd,pnl_usd,pnl_pct,hold_pnl_usd,"
                            "health_factor,ltv,liquidated_share"));
    for (qsizetype i = 1; i < l.size(); ++i) {
        const QStringList cells = l[i].split(QLatin1Char(','));
        QCOMPARE(cells.size(), 10);
        QCOMPARE(cells[0].toDouble(), r.sweep.points[static_cast<size_t>(i - 1)].priceUsd);
        QCOMPARE(cells[4].toDouble(), r.sweep.points[static_cast<size_t>(i - 1)].pnlUsd);
    }
}

void TestCsvExport::summaryIsKeyValue()
{
    Plan p = test::fixturePlan();
    p.name = QStringLiteral("=cmd|' /C calc'!A0"); // a hostile plan name
    const QStringList l = lines(exportCsv(compute(p), CsvTable::Summary));
    QCOMPARE(l[0], QStringLiteral("key,value"));
    QCOMPARE(l[1], QStringLiteral("plan_name,'=cmd|' /C calc'!A0"));
    QVERIFY(l.contains(QStringLiteral("liquidation_price_usd,2581.7234006863937")) ||
            l.contains(QStringLiteral("liquidation_price_usd,2581.723400686393")));
    QVERIFY(l.contains(QStringLiteral("transactions,10")));
}

void TestCsvExport::germanLocaleStillWritesDots()
{
    const PlanResult r = compute(test::fixturePlan());
    const QByteArray c = exportCsv(r, CsvTable::Prices);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(QLocale().toString(1234.5), QStringLiteral("1.234,5")); // the UI locale really is German
    QCOMPARE(exportCsv(r, CsvTable::Prices), c);
    QVERIFY(!exportCsv(r, CsvTable::Summary).contains("2581,7"));
}

void TestCsvExport::tableNames()
{
    CsvTable t{};
    QVERIFY(csvTableFromString(QStringLiteral("prices"), &t));
    QVERIFY(t == CsvTable::Prices);
    QVERIFY(!csvTableFromString(QStringLiteral("Prices"), &t));
    QVERIFY(csvTableFromString(QStringLiteral("timeline"), &t));
    QVERIFY(t == CsvTable::Timeline);
    QVERIFY(csvTableFromString(QStringLiteral("summary"), &t));
    QVERIFY(t == CsvTable::Summary);
    QCOMPARE(csvTableNames(), (QStringList{QStringLiteral("loops"), QStringLiteral("prices"),
                                           QStringLiteral("timeline"), QStringLiteral("summary")}));
}

void TestCsvExport::timelineTableIsTheTimeline()
{
    // `timeline`: one row per day 0..horizonDays (365 for the fixture) plus the header, the same bytes as
    // the model's own timelineCsv at today's prices.
    const PlanResult r = compute(test::fixturePlan());
    const QByteArray csv = exportCsv(r, CsvTable::Timeline);
    QCOMPARE(csv, timelineCsv(computeTimeline(r.plan, r.opened)));
    const QStringList l = lines(csv);
    QCOMPARE(l.size(), 1 + 366);
    QVERIFY(l.first().startsWith(QStringLiteral("day,collateral_units,debt_units,")));
    QVERIFY(l.at(1).startsWith(QStringLiteral("0,24.3441289150148")));
    QVERIFY(l.last().startsWith(QStringLiteral("365,")));
}

QTEST_APPLESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
