// File > Export CSV and Export Chart in the window: every table, an unwritable directory that gets
// nothing, a chart at a chosen size (ui/fileactions.h). Dialogs are replaced by hooks; everything runs
// offscreen.
#include "fileactionstest.h"

#include "charttabs.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plandocument.h"
#include "planform.h"
#include "planjson.h"
#include "plansession.h"
#include "report.h"
#include "uitestutil.h"
#include <memory>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <unistd.h>

using namespace lp;
using namespace lp::uitest;

class TestFileExports : public FileActionsTest {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void exportCsvWritesEveryTable();
    void exportToReadOnlyDirectoryWritesNothing();
    void exportChartAtSize();
    void typedNamesGetTheDefaultExtension();
};

void TestFileExports::initTestCase()
{
    useTestSettings();
}

void TestFileExports::init()
{
    openWindow();
}

void TestFileExports::cleanup()
{
    closeWindow();
}

void TestFileExports::exportCsvWritesEveryTable()
{
    QTemporaryDir dir;
    const QStringList tables = csvTableNames();
    for (int i = 0; i < tables.size(); ++i) {
        const QString path = dir.filePath(tables.at(i) + QStringLiteral(".csv"));
        QVERIFY(files()->exportCsv(i, path));
        CsvTable table{};
        QVERIFY(csvTableFromString(tables.at(i), &table));
        QCOMPARE(readAll(path), exportCsv(*m_window->session()->result(), table));
    }
    // An invalid plan exports nothing (the last valid result would not be the plan on screen).
    Plan plan = m_window->session()->plan();
    plan.collateral.ltv = 0.99; // above the threshold
    m_window->session()->setPlan(plan);
    const QString stale = dir.filePath(QStringLiteral("stale.csv"));
    QVERIFY(!files()->exportCsv(0, stale));
    QVERIFY(!QFile::exists(stale));
    QVERIFY(m_reported.last().contains(QStringLiteral("not valid")));
}

void TestFileExports::exportToReadOnlyDirectoryWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    // Root ignores directory permissions; /proc refuses new files to everyone.
    const QString readOnly = ::geteuid() == 0 ? QStringLiteral("/proc") : dir.path();
    const QString path = QDir(readOnly).filePath(QStringLiteral("prices.csv"));
    QVERIFY(!files()->exportCsv(1, path));
    QCOMPARE(m_reported.size(), 1);
    QVERIFY2(m_reported.first().contains(path), qPrintable(m_reported.first()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!files()->exportChart(QDir(readOnly).filePath(QStringLiteral("chart.png")), QSize(300, 200)));
    QVERIFY(!QFile::exists(QDir(readOnly).filePath(QStringLiteral("chart.png"))));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    QVERIFY(QFile::setPermissions(dir.path(),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void TestFileExports::exportChartAtSize()
{
    QTemporaryDir dir;
    m_window->chartTabs()->setCurrentIndex(2);
    const QString png = dir.filePath(QStringLiteral("loops.png"));
    QVERIFY(files()->exportChart(png, QSize(700, 500)));
    QCOMPARE(QImage(png).size(), QSize(700, 500));
    const QString pdf = dir.filePath(QStringLiteral("loops.pdf"));
    QVERIFY(files()->exportChart(pdf, QSize(700, 500)));
    QVERIFY(readAll(pdf).startsWith("%PDF-"));
}

void TestFileExports::typedNamesGetTheDefaultExtension()
{
    QTemporaryDir dir;
    // Export CSV: "summary" becomes summary.csv; a name with its own extension keeps it.
    m_chosenPath = dir.filePath(QStringLiteral("summary"));
    files()->exportCsvWithDialog(3);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("summary.csv"))).isFile());
    QVERIFY(!QFile::exists(m_chosenPath));
    m_chosenPath = dir.filePath(QStringLiteral("table.txt"));
    files()->exportCsvWithDialog(0);
    QVERIFY(QFileInfo(m_chosenPath).isFile());
    QVERIFY(!QFile::exists(m_chosenPath + QStringLiteral(".csv")));
    // Export Chart: .png.
    files()->setSizeChooser([](QSize *size) {
        *size = QSize(320, 240);
        return true;
    });
    m_chosenPath = dir.filePath(QStringLiteral("chart"));
    files()->exportChartWithDialog();
    QCOMPARE(QImage(dir.filePath(QStringLiteral("chart.png"))).size(), QSize(320, 240));
    // Save As: .lplan for an untitled plan, then the extension of the file in use (.json here).
    m_chosenPath = dir.filePath(QStringLiteral("my plan"));
    QVERIFY(files()->saveAs());
    QCOMPARE(files()->document()->filePath(), dir.filePath(QStringLiteral("my plan.lplan")));
    QVERIFY(QFileInfo(files()->document()->filePath()).isFile());
    m_chosenPath = dir.filePath(QStringLiteral("other.json"));
    QVERIFY(files()->saveAs());
    m_chosenPath = dir.filePath(QStringLiteral("third"));
    QVERIFY(files()->saveAs());
    QCOMPARE(files()->document()->filePath(), dir.filePath(QStringLiteral("third.json")));
    // The rule on its own: a dot in a folder's name is not an extension.
    QCOMPARE(FileActions::withDefaultSuffix(QStringLiteral("/tmp/v1.2/plan"), QStringLiteral("lplan")),
             QStringLiteral("/tmp/v1.2/plan.lplan"));
    QCOMPARE(FileActions::withDefaultSuffix(QString(), QStringLiteral("csv")), QString());
    QVERIFY(m_reported.isEmpty());
}

QTEST_MAIN(TestFileExports)
#include "tst_fileexports.moc"
