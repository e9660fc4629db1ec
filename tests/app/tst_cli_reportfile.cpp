// `report --format html|pdf -o FILE`: one file per plan in tests/data, every section present, each figure
// equal to `report --format json`'s, shown in the user's locale (German here, so the C locale would show),
// HTML with embedded images and no external links, PDF valid and multi-page on A4 and Letter.
#include "clitestutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace clitest;

namespace {

const QStringList kGerman{QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANG=de_DE.UTF-8")};
const QStringList kSections{QStringLiteral("inputs"),     QStringLiteral("summary"), QStringLiteral("charts"),
                            QStringLiteral("loops"),      QStringLiteral("time"),    QStringLiteral("close"),
                            QStringLiteral("risk"),       QStringLiteral("stress"),  QStringLiteral("rules"),
                            QStringLiteral("protection"), QStringLiteral("limits")};
const QStringList kCharts{QStringLiteral("pnl"), QStringLiteral("health"), QStringLiteral("loops"),
                          QStringLiteral("time"), QStringLiteral("risk")};

// Every valid plan among the fixtures (the bad-*.json ones are refused by design, and capped-market.json
// is a plan above its market's borrow cap, refused with exit 2 by tst_cli_usermarket).
QStringList goodPlans()
{
    const QDir dir(QStringLiteral(LP_TEST_DATA_DIR));
    QStringList plans;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (!name.startsWith(QLatin1String("bad-")) && name != QLatin1String("capped-market.json"))
            plans << dir.filePath(name);
    return plans;
}

QJsonValue valueAt(const QJsonObject &report, const QString &path)
{
    QJsonValue v = report;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        v = isIndex && v.isArray() ? v.toArray().at(index) : v.toObject().value(part);
    }
    return v;
}

// A German number as shown ("1.234,56 $", "-4,20 %", "2,44x") -> 1234.56; NaN when there is no digit.
double germanNumber(const QString &shown)
{
    QString digits;
    for (const QChar c : shown) {
        if (c.isDigit() || c == QLatin1Char(','))
            digits += c;
        else if ((c == QLatin1Char('-') || c == QChar(0x2212)) && digits.isEmpty())
            digits += QLatin1Char('-');
    }
    if (!digits.contains(QRegularExpression(QStringLiteral("[0-9]"))))
        return std::nan("");
    digits.replace(QLatin1Char(','), QLatin1Char('.'));
    return digits.toDouble();
}

} // namespace

class TestCliReportFile : public QObject {
    Q_OBJECT
private slots:
    void htmlHasEverySectionAndTheJsonFigures_data();
    void htmlHasEverySectionAndTheJsonFigures();
    void pdfIsValidAndMultiPage_data();
    void pdfIsValidAndMultiPage();
    void letterAndA4PagesDiffer();
    void badArgumentsExitTwo();
};

void TestCliReportFile::htmlHasEverySectionAndTheJsonFigures_data()
{
    QTest::addColumn<QString>("plan");
    for (const QString &plan : goodPlans())
        QTest::newRow(qPrintable(QFileInfo(plan).fileName())) << plan;
}

void TestCliReportFile::htmlHasEverySectionAndTheJsonFigures()
{
    QFETCH(QString, plan);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.html"));
    const Run html = run({QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("html"),
                          QStringLiteral("-o"), path},
                         {}, kGerman);
    QCOMPARE(html.exitCode, 0);
    QVERIFY2(html.out.isEmpty(), "the report goes to the file, not to standard output");
    const Run json = run({QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("json")},
                         {}, kGerman);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out).object();
    QVERIFY(!report.isEmpty());
    const QString text = QString::fromUtf8(readFile(path));
    QVERIFY(text.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(text.contains(QLatin1String("<html lang=\"de")));

    for (const QString &id : kSections)
        QVERIFY2(text.contains(QStringLiteral("<h2 id=\"%1\">").arg(id)), qPrintable(id));
    // One file: every image embedded, nothing fetched or linked from elsewhere.
    for (const QString &chart : kCharts)
        QVERIFY2(text.contains(QStringLiteral("<figure id=\"chart-%1\">").arg(chart)), qPrintable(chart));
    QCOMPARE(text.count(QLatin1String("src=\"data:image/png;base64,")), kCharts.size());
    QCOMPARE(text.count(QLatin1String("src=\"")), kCharts.size());
    QVERIFY(!text.contains(QLatin1String("href=")));
    QVERIFY(!text.contains(QLatin1String("http://")));
    QVERIFY(!text.contains(QLatin1String("https://")));
    QVERIFY(!text.contains(QLatin1String("<link")));
    QVERIFY(!text.contains(QLatin1String("<script")));

    // Every figure is the JSON's, rounded to the decimals shown.
    static const QRegularExpression fig(
        QStringLiteral("<span class=\"fig\" data-key=\"([^\"]+)\" data-scale=\"([^\"]+)\" "
                       "data-decimals=\"([0-9]+)\">([^<]*)</span>"));
    int checked = 0;
    QSet<QString> sectionsWithFigures;
    for (auto it = fig.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString key = m.captured(1);
        const QString shown = m.captured(4);
        const QJsonValue value = valueAt(report, key);
        sectionsWithFigures << key.section(QLatin1Char('.'), 0, 0);
        if (shown == QStringLiteral("—") || shown == QStringLiteral("∞")) {
            QVERIFY2(!value.isDouble(), qPrintable(key + QStringLiteral(" is a number in the JSON")));
            continue;
        }
        QVERIFY2(value.isDouble(), qPrintable(key + QStringLiteral(" is no number in the JSON")));
        const double scale = m.captured(2).toDouble();
        const int decimals = m.captured(3).toInt();
        const double expected = value.toDouble() * scale;
        const double got = germanNumber(shown);
        // Rounded to `decimals`: within half a unit in the last place (and a hair for binary fractions).
        const double tolerance = 0.5 * std::pow(10.0, -decimals) + 1e-9 * std::fabs(expected);
        QVERIFY2(std::fabs(got - expected) <= tolerance,
                 qPrintable(
                     QStringLiteral("%1: shown \"%2\", JSON %3").arg(key, shown).arg(expected, 0, 'g', 17)));
        if (decimals > 0 && std::fabs(expected) < 1e3)
            QVERIFY2(shown.contains(QLatin1Char(',')) && !shown.contains(QLatin1Char('.')),
                     qPrintable(key + QStringLiteral(": not in the German locale: ") + shown));
        ++checked;
    }
    QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
    for (const char *section : {"position", "costs", "sweep", "loops", "time", "close", "risk", "stress"})
        QVERIFY2(sectionsWithFigures.contains(QLatin1String(section)), section);
}

void TestCliReportFile::pdfIsValidAndMultiPage_data()
{
    htmlHasEverySectionAndTheJsonFigures_data();
}

void TestCliReportFile::pdfIsValidAndMultiPage()
{
    QFETCH(QString, plan);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    const Run r = run({QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("pdf"),
                       QStringLiteral("-o"), path, QStringLiteral("--paper"), QStringLiteral("a4")},
                      {}, kGerman);
    QCOMPARE(r.exitCode, 0);
    const QByteArray pdf = readFile(path);
    QVERIFY(pdf.startsWith("%PDF-1."));
    QVERIFY(pdf.right(16).contains("%%EOF"));
    QVERIFY(pdf.contains("xref") || pdf.contains("/XRef"));
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    int pages = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); ++pages)
        static_cast<void>(it.next());
    QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
}

void TestCliReportFile::letterAndA4PagesDiffer()
{
    QTemporaryDir dir;
    auto mediaBox = [&dir](const QString &paper) {
        const QString path = dir.filePath(paper + QStringLiteral(".pdf"));
        const Run r = run({QStringLiteral("report"), data("wsteth-loop.json"), QStringLiteral("--format=pdf"),
                           QStringLiteral("-o"), path, QStringLiteral("--paper"), paper});
        if (r.exitCode != 0)
            return QString();
        static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        const QRegularExpressionMatch m = box.match(QString::fromLatin1(readFile(path)));
        return m.hasMatch() ? m.captured(1).section(QLatin1Char('.'), 0, 0) + QLatin1Char('x') +
                                  m.captured(2).section(QLatin1Char('.'), 0, 0)
                            : QString();
    };
    QCOMPARE(mediaBox(QStringLiteral("a4")), QStringLiteral("595x842"));     // 210 x 297 mm (rounded)
    QCOMPARE(mediaBox(QStringLiteral("letter")), QStringLiteral("612x792")); // 8.5 x 11 in
}

void TestCliReportFile::badArgumentsExitTwo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.pdf"));
    const QString plan = data("wsteth-loop.json");
    const QList<QStringList> bad{
        {QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("pdf")}, // no -o
        {QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("html")},
        {QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("pdf"),
         QStringLiteral("-o"), path, QStringLiteral("--paper"), QStringLiteral("a5")},
        {QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("json"),
         QStringLiteral("-o"), path},
        {QStringLiteral("report"), plan, QStringLiteral("--format"), QStringLiteral("docx"),
         QStringLiteral("-o"), path},
        {QStringLiteral("report"), data("bad-price-zero.json"), QStringLiteral("--format"),
         QStringLiteral("pdf"), QStringLiteral("-o"), path},
    };
    for (const QStringList &args : bad) {
        const Run r = run(args);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        QVERIFY2(!r.err.isEmpty(), qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_GUILESS_MAIN(TestCliReportFile)
#include "tst_cli_reportfile.moc"
