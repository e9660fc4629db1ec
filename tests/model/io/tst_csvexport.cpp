// CSV tables: RFC 4180 quoting, C-locale numbers under any UI locale, formula-injection guard.
#include "csvexport.h"
#include "testutil.h"
#include "timeline.h"

#include <QLocale>
#include <QTest>

#include <charconv>
#include <cmath>
#include <optional>

using namespace lp;

namespace {
using test::compute;
// The value of `key` in the summary table (its second cell), nullopt if the key is missing.
std::optional<QString> summaryValue(const QStringList &csvLines, const QString &key)
{
    for (const QString &line : csvLines) {
        if (line.startsWith(key + QLatin1Char(',')))
            return line.mid(key.size() + 1);
    }
    return std::nullopt;
}
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
    void summaryNamesMarketRulesAndOutlook();
    void everyNumberIsShortestAndRoundTrips();
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

void TestCsvExport::summaryNamesMarketRulesAndOutlook()
{
    Plan p = test::fixturePlan();
    p.market = QStringLiteral("aave-v3-ethereum");
    p.horizonDays = 90;
    p.risk.annualVolatility = 0.45;
    p.risk.drift = -0.1;
    const PlanResult r = compute(p);
    const QStringList l = lines(exportCsv(r, CsvTable::Summary));
    QCOMPARE(summaryValue(l, QStringLiteral("market")), QStringLiteral("aave-v3-ethereum"));
    QCOMPARE(summaryValue(l, QStringLiteral("liquidation_rules")), toString(p.liquidationRules));
    QCOMPARE(summaryValue(l, QStringLiteral("horizon_days")), QStringLiteral("90"));
    QCOMPARE(summaryValue(l, QStringLiteral("annual_volatility")), QStringLiteral("0.45"));
    QCOMPARE(summaryValue(l, QStringLiteral("drift")), QStringLiteral("-0.1"));
    // The closed-form first-passage probability, worked out here on its own: the price falls from 1 to
    // the barrier 1/HF within T = 90/365 years, ln price a Brownian motion with drift nu = mu - s^2/2:
    //   P = N((h - nu T)/(s sqrt T)) + exp(2 nu h / s^2) N((h + nu T)/(s sqrt T)),  h = ln(1/HF).
    const double hf = r.position.healthFactor;
    const double T = 90.0 / 365.0;
    const double s = 0.45;
    const double nu = -0.1 - s * s / 2;
    const double h = std::log(1.0 / hf);
    const auto N = [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); };
    const double expected = N((h - nu * T) / (s * std::sqrt(T))) +
                            std::exp(2 * nu * h / (s * s)) * N((h + nu * T) / (s * std::sqrt(T)));
    QVERIFY(expected > 0.01 && expected < 0.99); // a case where the figure says something
    const std::optional<QString> shown = summaryValue(l, QStringLiteral("liquidation_probability"));
    QVERIFY(shown);
    QVERIFY2(std::abs(shown->toDouble() - expected) <= 1e-9,
             qPrintable(*shown + QLatin1Char(' ') + QString::number(expected, 'g', 17)));
    // No debt, no liquidation.
    Plan noLoops = test::fixturePlan();
    noLoops.strategy.loops = 0;
    QCOMPARE(summaryValue(lines(exportCsv(compute(noLoops), CsvTable::Summary)),
                          QStringLiteral("liquidation_probability")),
             QStringLiteral("0"));
}

void TestCsvExport::everyNumberIsShortestAndRoundTrips()
{
    // Every number cell of every table, read back, gives the same double, and is no longer than the
    // shortest text that does (std::to_chars, an independent implementation): no float noise such as
    // 9.450000000000001 where 9.45 is the same double.
    const PlanResult r = compute(test::fixturePlan());
    int numbers = 0;
    for (const QString &name : csvTableNames()) {
        CsvTable table{};
        QVERIFY(csvTableFromString(name, &table));
        const QStringList l = lines(exportCsv(r, table));
        for (qsizetype row = 1; row < l.size(); ++row) {
            for (const QString &cell : l[row].split(QLatin1Char(','))) {
                bool ok = false;
                const double value = cell.toDouble(&ok);
                if (!ok)
                    continue; // a text cell
                char shortest[64];
                const auto written = std::to_chars(shortest, shortest + sizeof shortest, value);
                QVERIFY(written.ec == std::errc());
                const auto length = static_cast<qsizetype>(written.ptr - shortest);
                QVERIFY2(cell.size() <= length,
                         qPrintable(name + QLatin1String(": ") + cell + QLatin1String(" vs ") +
                                    QString::fromLatin1(shortest, length)));
                QCOMPARE(csvNumberCell(value), cell);
                ++numbers;
            }
        }
    }
    QVERIFY(numbers > 20000); // 2001 price rows of 10 cells, the timeline, loops and summary
    QCOMPARE(csvNumberCell(9.45), QStringLiteral("9.45"));
    QCOMPARE(csvNumberCell(0.1 + 0.2), QStringLiteral("0.30000000000000004")); // another double than 0.3
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
