// `export-csv`: every table read back by Python's csv module, atomic files, errors, the C locale whatever the
// user's.
#include "clitestutil.h"

#include <cmath>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliCsv : public QObject {
    Q_OBJECT
private slots:
    void exportCsvReadsBackWithPython_data();
    void exportCsvReadsBackWithPython();
    void exportCsvToFileIsAtomic();
    void exportCsvErrors();
    void exportCsvValuesReadBackWithPython();
    void exportCsvIgnoresAGermanLocale();
};

void TestCliCsv::exportCsvReadsBackWithPython_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("prices") << "prices" << 2001 << 10;
    QTest::newRow("loops") << "loops" << 4 << 17; // 16 and costs_usd
    QTest::newRow("summary") << "summary" << 33
                             << 2; // market, rules, horizon, volatility, drift, P(liq.) too
    QTest::newRow("timeline") << "timeline" << 366 << 14; // days 0..365
}

void TestCliCsv::exportCsvReadsBackWithPython()
{
    // An independent RFC 4180 reader (Python's csv module) must see a header, the rows, and numbers that
    // parse as floats (as LibreOffice would read them), matching the JSON report.
    QFETCH(QString, table);
    QFETCH(int, rows);
    QFETCH(int, columns);
    const Run r =
        run({QStringLiteral("export-csv"), data("wsteth-loop.json"), QStringLiteral("--table"), table});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QProcess py;
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
header, body = rows[0], rows[1:]
assert all(len(r) == len(header) for r in body), 'ragged rows'
numeric = 0
for r in body:
    for cell in (r if header[0] != 'key' else r[1:]):
        if cell == '':
            continue
        try:
            float(cell); numeric += 1
        except ValueError:
            pass
print(len(body), len(header), numeric, header[0])
)")});
    py.write(r.out);
    py.closeWriteChannel();
    QVERIFY(py.waitForFinished(30000));
    QCOMPARE(py.exitCode(), 0);
    const QStringList out = QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    QCOMPARE(out.value(0).toInt(), rows);
    QCOMPARE(out.value(1).toInt(), columns);
    if (table == QLatin1String("prices"))
        QCOMPARE(out.value(2).toInt(), rows * columns); // every cell a number
}

void TestCliCsv::exportCsvToFileIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loops.csv"));
    const Run ok = run({QStringLiteral("export-csv"), data("wsteth-loop.json"), QStringLiteral("--table"),
                        QStringLiteral("loops"), QStringLiteral("-o"), path});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("step,borrowed_units"));
    f.close();
    // A bad plan must not touch the existing file.
    const Run bad = run({QStringLiteral("export-csv"), data("bad-ltv-above-lt.json"),
                         QStringLiteral("--table"), QStringLiteral("loops"), QStringLiteral("-o"), path});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("step,borrowed_units"));
}

void TestCliCsv::exportCsvErrors()
{
    const QString plan = data("wsteth-loop.json");
    const Run noTable = run({QStringLiteral("export-csv"), plan});
    QCOMPARE(noTable.exitCode, 2);
    QVERIFY(noTable.err.contains(QStringLiteral("--table is required")));
    const Run badTable =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("balances")});
    QCOMPARE(badTable.exitCode, 2);
    QVERIFY(badTable.err.contains(QStringLiteral("--table must be one of loops, prices, timeline, summary")));
    // An output directory that does not exist (or cannot be written) is a failure to write: exit 1.
    const Run unwritable =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("loops"),
             QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/out.csv")});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.contains(QStringLiteral("could not write /nonexistent-dir/out.csv")),
             qPrintable(unwritable.err));
}

void TestCliCsv::exportCsvValuesReadBackWithPython()
{
    // The values an independent reader sees are the report's, to the last bit (shortest round-trip
    // numbers on both sides): the loops table's final row, the prices table's first and last prices and
    // the summary's leverage.
    const QString plan = data("wsteth-loop.json");
    const Run report = run({QStringLiteral("report"), plan});
    QCOMPARE(report.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(report.out).object();
    const QJsonObject position = json[QStringLiteral("position")].toObject();
    const QJsonObject sweep = json[QStringLiteral("sweep")].toObject();

    const Run loops =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("loops")});
    QCOMPARE(loops.exitCode, 0);
    const QStringList last = python(QStringLiteral(R"(
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
r = rows[-1]
print(len(rows), r['step'], repr(float(r['collateral_units'])), repr(float(r['debt_units'])))
)"),
                                    loops.out)
                                 .split(QLatin1Char(' '));
    QCOMPARE(last.value(0), QStringLiteral("4"));
    QCOMPARE(last.value(1), QStringLiteral("3"));
    QCOMPARE(last.value(2).toDouble(), position[QStringLiteral("collateral")].toDouble());
    QCOMPARE(last.value(3).toDouble(), position[QStringLiteral("debt")].toDouble());

    const Run prices =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("prices")});
    QCOMPARE(prices.exitCode, 0);
    const QStringList ends = python(QStringLiteral(R"(
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
body = [[float(c) for c in r] for r in rows[1:]]
assert all(a[0] < b[0] for a, b in zip(body, body[1:])), 'prices not ascending'
print(len(body), repr(body[0][0]), repr(body[-1][0]), rows[0][0])
)"),
                                    prices.out)
                                 .split(QLatin1Char(' '));
    QCOMPARE(ends.value(0), QStringLiteral("2001"));
    QCOMPARE(ends.value(1).toDouble(), sweep[QStringLiteral("minPriceUsd")].toDouble());
    QCOMPARE(ends.value(2).toDouble(), sweep[QStringLiteral("maxPriceUsd")].toDouble());
    QCOMPARE(ends.value(3), QStringLiteral("price_usd"));

    const Run summary =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("summary")});
    QCOMPARE(summary.exitCode, 0);
    const QString leverage = python(QStringLiteral(R"(
import csv, io, sys
rows = dict(r for r in csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
print(repr(float(rows['leverage'])))
)"),
                                    summary.out);
    QCOMPARE(leverage.toDouble(), position[QStringLiteral("leverage")].toDouble());
}

void TestCliCsv::exportCsvIgnoresAGermanLocale()
{
    // A German UI locale writes 1.234,5; the CSV must not change a byte.
    const QString plan = data("wsteth-loop.json");
    for (const QString &table : {QStringLiteral("prices"), QStringLiteral("summary")}) {
        const Run c = run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), table}, {},
                          {QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANG=C.UTF-8")});
        const Run de = run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), table}, {},
                           {QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANG=de_DE.UTF-8"),
                            QStringLiteral("LC_NUMERIC=de_DE.UTF-8")});
        QCOMPARE(de.exitCode, 0);
        QCOMPARE(de.out, c.out);
        QVERIFY(de.out.contains(table == QLatin1String("prices") ? "\r\n175," : "\r\ndeposit_units,10\r\n"));
        QVERIFY(!de.out.contains("3.500,")); // no German thousands or decimals
    }
}

QTEST_GUILESS_MAIN(TestCliCsv)
#include "tst_cli_csv.moc"
