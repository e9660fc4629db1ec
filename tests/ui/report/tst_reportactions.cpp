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

QTEST_MAIN(TestReportActions)
#include "tst_reportactions.moc"
