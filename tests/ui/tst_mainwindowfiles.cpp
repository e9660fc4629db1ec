// The window opening plan files: the fixture loads into the form and every view; a bad or missing file is
// reported (by default in a warning box) and the plan on screen is kept.
#include "mainwindowtest.h"

#include "displayformat.h"
#include "formfield.h"
#include "loopcountinput.h"
#include "loopstepsmodel.h"
#include "looptable.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "planform.h"
#include "planjson.h"
#include "plansession.h"
#include "pnlchart.h"
#include "summarypanel.h"
#include "uitestutil.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace lp;
using namespace lp::uitest;

class TestMainWindowFiles : public MainWindowTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void openPlanFileLoadsFixture();
    void openPlanFileRejectsBadFileAndKeepsPlan();
    void openPlanFileDefaultReporterIsAWarningBox();
};

void TestMainWindowFiles::initTestCase()
{
    useUsLocale();
}

void TestMainWindowFiles::init()
{
    openWindow();
}

void TestMainWindowFiles::cleanup()
{
    closeWindow();
}

void TestMainWindowFiles::openPlanFileLoadsFixture()
{
    typeInto(editor<QDoubleSpinBox>("collateral.priceUsd"), QStringLiteral("1234"));
    const QString path = QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json");
    QVERIFY(m_window->openPlanFile(path));
    QVERIFY(m_reported.isEmpty());
    const Expected<Plan> fromFile = readPlanFile(path, MarketRegistry::builtIn());
    QVERIFY(fromFile);
    QCOMPARE(m_window->planForm()->plan(), fromFile.value());
    verifyViewsShow(fromFile.value());
    QCOMPARE(editor<QDoubleSpinBox>("collateral.priceUsd")->value(), 3500.0); // the form follows the file
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("wsteth-loop.json")));
}

void TestMainWindowFiles::openPlanFileRejectsBadFileAndKeepsPlan()
{
    typeInto(editor<QDoubleSpinBox>("deposit"), QStringLiteral("12"));
    const Plan before = m_window->session()->plan();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken-plan.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "leverage-planner-plan", "version": 1, "deposit": "ten"})");
    file.close();

    QVERIFY(!m_window->openPlanFile(path));
    QCOMPARE(m_reported.size(), 1);
    QVERIFY(m_reported.constFirst().contains(QStringLiteral("broken-plan.json")));
    const Expected<Plan> parsed = readPlanFile(path, MarketRegistry::builtIn());
    QVERIFY(!parsed);
    QVERIFY(m_reported.constFirst().contains(formatErrors(parsed.errors())));
    QCOMPARE(m_window->session()->plan(), before);
    QCOMPARE(m_window->planForm()->plan(), before);
    QVERIFY(!m_window->openPlanFile(dir.filePath(QStringLiteral("missing.json"))));
    QCOMPARE(m_window->session()->plan(), before);
    verifyViewsShow(before);
}

void TestMainWindowFiles::openPlanFileDefaultReporterIsAWarningBox()
{
    MainWindow window; // the default reporter: a modal QMessageBox::warning
    QString boxText;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            boxText = box->text();
            box->done(QMessageBox::Ok);
        }
    });
    closer.start(20);
    QVERIFY(!window.openPlanFile(QStringLiteral("/nonexistent/plan.json")));
    closer.stop();
    QVERIFY2(boxText.contains(QStringLiteral("plan.json")), qPrintable(boxText));
    QCOMPARE(window.session()->plan(), defaultPlan());
}

QTEST_MAIN(TestMainWindowFiles)
#include "tst_mainwindowfiles.moc"
