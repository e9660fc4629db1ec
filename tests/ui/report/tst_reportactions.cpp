// File > Export Report... in the real window: the file the user names (a default suffix added when none is
// typed) gets the current plan's report, HTML or PDF by its suffix, with the window's figures.
#include "charttabs.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plansession.h"
#include "report.h"
#include "reportactions.h"
#include "reportdocument.h"

#include <QAction>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

class TestReportActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-reportactions"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void defaultSuffixFollowsTheFilter();
    void exportReportFromTheMenuWritesHtml();
    void exportReportWritesPdf();
    void failureIsReportedAndWritesNothing();
    void pdfChartsTakeTheTextWidth();
};

void TestReportActions::defaultSuffixFollowsTheFilter()
{
    QCOMPARE(
        ReportActions::withReportSuffix(QStringLiteral("/tmp/plan"), QStringLiteral("PDF document (*.pdf)")),
        QStringLiteral("/tmp/plan.pdf"));
    QCOMPARE(
        ReportActions::withReportSuffix(QStringLiteral("/tmp/plan"), QStringLiteral("Web page (*.html)")),
        QStringLiteral("/tmp/plan.html"));
    QCOMPARE(ReportActions::withReportSuffix(QStringLiteral("/tmp/plan.htm"), QStringLiteral("(*.pdf)")),
             QStringLiteral("/tmp/plan.htm"));
    QCOMPARE(ReportActions::withReportSuffix(QString(), QStringLiteral("(*.pdf)")), QString());
}

void TestReportActions::exportReportFromTheMenuWritesHtml()
{
    MainWindow window;
    QTemporaryDir dir;
    const QString typed = dir.filePath(QStringLiteral("my plan")); // no suffix typed
    window.reportActions()->setPathChooser(
        [&typed](const QString &, const QString &suggested, const QString &filters, QString *filter) {
            if (!suggested.endsWith(QLatin1String(".pdf")) || !filters.contains(QLatin1String("*.html")))
                return QString();
            *filter = filters.section(QStringLiteral(";;"), 1, 1); // the HTML filter
            return typed;
        });
    window.reportActions()->setErrorReporter(
        [](const QString &title, const QString &text) { QFAIL(qPrintable(title + text)); });
    window.reportActions()->exportReportAction()->trigger();
    QFile file(typed + QStringLiteral(".html"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY(html.contains(QLatin1String("<h2 id=\"summary\">")));
    // The summary names the market, the rule set and the outlook, with the chance of liquidation.
    const qsizetype summaryStart = html.indexOf(QLatin1String("<h2 id=\"summary\">"));
    const QString summary =
        html.mid(summaryStart, html.indexOf(QLatin1String("<h2"), summaryStart + 4) - summaryStart);
    for (const char *key :
         {"risk.horizonDays", "risk.annualVolatility", "risk.drift", "risk.liquidationProbability"})
        QVERIFY2(summary.contains(QStringLiteral("data-key=\"%1\"").arg(QLatin1String(key))), key);
    QVERIFY(summary.contains(toString(window.session()->plan().liquidationRules)));
    QVERIFY(summary.contains(window.session()->plan().market.isEmpty() ? QStringLiteral("no market")
                                                                       : window.session()->plan().market));
    QCOMPARE(html.count(QLatin1String("src=\"data:image/png;base64,")), 5);
    // The window's figures: the session's result.
    const QJsonObject json = reportJson(*window.session()->result(), MarketRegistry::builtIn());
    const double leverage =
        json.value(QStringLiteral("position")).toObject().value(QStringLiteral("leverage")).toDouble();
    QVERIFY(html.contains(
        QStringLiteral("data-key=\"position.leverage\" data-scale=\"1\" data-decimals=\"2\">%1x<")
            .arg(QLocale().toString(leverage, 'f', 2))));
}

void TestReportActions::exportReportWritesPdf()
{
    MainWindow window;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.pdf"));
    QVERIFY(window.reportActions()->exportReport(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("%PDF-"));
}

void TestReportActions::failureIsReportedAndWritesNothing()
{
    MainWindow window;
    QStringList reported;
    window.reportActions()->setErrorReporter(
        [&reported](const QString &title, const QString &) { reported << title; });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/plan.pdf"));
    QVERIFY(!window.reportActions()->exportReport(path));
    QCOMPARE(reported, QStringList{QStringLiteral("Cannot export report")});
    QVERIFY(!QFile::exists(path));
}

void TestReportActions::pdfChartsTakeTheTextWidth()
{
    // A4 with 15 mm margins: a text block of 180 x 267 mm, 510.2 x 756.9 points.
    const double width = 180.0 / 25.4 * 72.0;
    const double height = 267.0 / 25.4 * 72.0;
    for (const char *id : {"pnl", "health", "loops", "risk"}) {
        const QSizeF chart = pdfChartSize(QLatin1String(id), width, height);
        QCOMPARE(chart.width(), width); // the full text width
        // Two charts with their titles fit a page; each at least 300 points high.
        QVERIFY2(chart.height() >= 300.0 && 2 * (chart.height() + 26.0) <= height, id);
    }
    // The time chart's four plots get a page of their own.
    const QSizeF time = pdfChartSize(QStringLiteral("time"), width, height);
    QCOMPARE(time.width(), width);
    QVERIFY(time.height() > height * 0.9 && time.height() + 26.0 <= height);
    // Letter is wider: the charts follow.
    QCOMPARE(pdfChartSize(QStringLiteral("pnl"), 7.5 * 72.0, 9.8 * 72.0).width(), 7.5 * 72.0);
}

QTEST_MAIN(TestReportActions)
#include "tst_reportactions.moc"
