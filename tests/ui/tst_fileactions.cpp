// Plans on disk in the window: New, Open, Save, Save As, Revert, recent files, the modified mark, the
// prompt before unsaved work is lost and dropped files (ui/fileactions.h, ui/plandocument.h); the exports
// are in tst_fileexports. Dialogs are replaced by hooks; everything runs offscreen.
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

class TestFileActions : public FileActionsTest {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void saveLoadRoundTripGivesBitIdenticalFigures();
    void saveKeepsUnknownFields();
    void badFilesKeepThePlanAndTheFile_data();
    void badFilesKeepThePlanAndTheFile();
    void modifiedMarkInTheTitle();
    void closingAsksAboutUnsavedWork();
    void newAndRevert();
    void saveWithoutFileAsksForOne();
    void recentFiles();
    void droppedPlanOpens();
};

void TestFileActions::initTestCase()
{
    useTestSettings();
}

void TestFileActions::init()
{
    openWindow();
}

void TestFileActions::cleanup()
{
    closeWindow();
}

void TestFileActions::saveLoadRoundTripGivesBitIdenticalFigures()
{
    // Every figure of a plan saved and opened again is the same double, bit for bit: the JSON report of
    // both is byte-identical. Uses a plan with values that are not short decimals.
    QVERIFY(m_window->openPlanFile(fixturePath()));
    Plan plan = m_window->session()->plan();
    plan.deposit = 10.0 / 3.0;
    plan.collateral.priceUsd = 3456.789012345678;
    plan.strategy.ltvFraction = 0.1 + 0.2; // 0.30000000000000004
    m_window->session()->setPlan(plan);
    const QByteArray before =
        QJsonDocument(reportJson(expectedResult(plan), MarketRegistry::builtIn())).toJson();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("round.json"));
    m_chosenPath = path;
    QVERIFY(files()->saveAs());
    QVERIFY(m_reported.isEmpty());

    MainWindow other;
    QVERIFY(other.openPlanFile(path));
    QCOMPARE(other.session()->plan(), plan);
    QCOMPARE(QJsonDocument(reportJson(*other.session()->result(), MarketRegistry::builtIn())).toJson(),
             before);
}

void TestFileActions::saveKeepsUnknownFields()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.json"));
    QByteArray bytes = fixtureWith(QStringLiteral("collateral.oracle"), "\"chainlink\"");
    QJsonObject root = QJsonDocument::fromJson(bytes).object();
    root[QStringLiteral("notes")] = QJsonObject{{QStringLiteral("author"), QStringLiteral("me")}};
    writeAll(path, QJsonDocument(root).toJson());
    QVERIFY(m_window->openPlanFile(path));
    Plan plan = m_window->session()->plan();
    plan.deposit = 12;
    m_window->session()->setPlan(plan); // an edit, then Save
    QVERIFY(files()->save());
    const QJsonObject saved = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(saved[QStringLiteral("deposit")].toDouble(), 12.0);
    QCOMPARE(saved[QStringLiteral("collateral")][QStringLiteral("oracle")].toString(),
             QStringLiteral("chainlink"));
    QCOMPARE(saved[QStringLiteral("notes")][QStringLiteral("author")].toString(), QStringLiteral("me"));
}

void TestFileActions::badFilesKeepThePlanAndTheFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("field"); // what the error must name
    const QByteArray fixture = readAll(fixturePath());
    QTest::newRow("empty") << QByteArray() << "empty";
    QTest::newRow("truncated") << fixture.left(fixture.size() / 2) << "not valid JSON at line";
    QTest::newRow("not JSON") << QByteArray("plan: yes\n") << "not valid JSON";
    QTest::newRow("wrong type") << fixtureWith(QStringLiteral("deposit"), "\"ten\"") << "deposit";
    QTest::newRow("NaN in a string") << fixtureWith(QStringLiteral("collateral.priceUsd"), "\"NaN\"")
                                     << "collateral.priceUsd";
    QTest::newRow("Inf in a string") << fixtureWith(QStringLiteral("deposit"), "\"Infinity\"") << "deposit";
    QTest::newRow("negative") << fixtureWith(QStringLiteral("deposit"), "-5") << "deposit";
    QTest::newRow("1e308") << fixtureWith(QStringLiteral("deposit"), "1e308") << "deposit";
    QTest::newRow("ltv above lt") << fixtureWith(QStringLiteral("collateral.ltv"), "0.85")
                                  << "collateral.liquidationThreshold";
    QTest::newRow("price 0") << fixtureWith(QStringLiteral("borrow.priceUsd"), "0") << "borrow.priceUsd";
    QTest::newRow("non-UTF-8") << QByteArray(fixture).replace("wstETH loop", "wst\xff\xfe loop")
                               << "invalid UTF8";
    QTest::newRow("unknown version") << fixtureWith(QStringLiteral("version"), "99") << "version 99";
    QTest::newRow("50 MB") << QByteArray() << "at most 16 MB"; // generated below
}

void TestFileActions::badFilesKeepThePlanAndTheFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, field);
    QVERIFY(m_window->openPlanFile(fixturePath()));
    Plan edited = m_window->session()->plan();
    edited.deposit = 11; // unsaved work that a failed open must not lose
    m_window->session()->setPlan(edited);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    if (QByteArray(QTest::currentDataTag()) == "50 MB") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(50LL * 1024 * 1024));
    } else {
        writeAll(path, bytes);
    }
    const QByteArray onDisk = readAll(path);
    const QDateTime modified = QFileInfo(path).lastModified();

    QVERIFY(!m_window->openPlanFile(path));
    QCOMPARE(m_reported.size(), 1);
    QVERIFY2(m_reported.first().contains(field), qPrintable(m_reported.first()));
    QVERIFY(m_reported.first().contains(QStringLiteral("bad.json")));
    QCOMPARE(m_window->session()->plan(), edited);
    QCOMPARE(m_window->planForm()->plan(), edited);
    QCOMPARE(doc()->filePath(), QFileInfo(fixturePath()).absoluteFilePath());
    QVERIFY(doc()->isModified());
    QCOMPARE(readAll(path), onDisk);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
    QCOMPARE(m_prompts, 0); // openPlanFile does not ask: nothing was lost
}

void TestFileActions::modifiedMarkInTheTitle()
{
    QVERIFY(m_window->openPlanFile(fixturePath()));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!files()->revertAction()->isEnabled());
    Plan plan = m_window->session()->plan();
    plan.deposit = 11;
    m_window->session()->setPlan(plan);
    QVERIFY(m_window->isWindowModified());
    QVERIFY(doc()->isModified());
    QVERIFY(files()->revertAction()->isEnabled());
    plan.deposit = 10; // back to what the file says: clean again
    m_window->session()->setPlan(plan);
    QVERIFY(!m_window->isWindowModified());
    plan.deposit = 13;
    m_window->session()->setPlan(plan);
    QTemporaryDir dir;
    m_chosenPath = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(files()->saveAs());
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("saved.json")));
}

void TestFileActions::closingAsksAboutUnsavedWork()
{
    m_window->show();
    QVERIFY(m_window->close()); // nothing changed: no question
    QCOMPARE(m_prompts, 0);
    m_window->show();
    Plan plan = m_window->session()->plan();
    plan.deposit = 11;
    m_window->session()->setPlan(plan);
    m_choice = FileActions::SaveChoice::Cancel;
    QVERIFY(!m_window->close());
    QCOMPARE(m_prompts, 1);
    QVERIFY(m_window->isVisible());
    // Save, but the user cancels the file dialog: still open.
    m_choice = FileActions::SaveChoice::Save;
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    // Save into a file: saved, then closed.
    QTemporaryDir dir;
    m_chosenPath = dir.filePath(QStringLiteral("closing.json"));
    QVERIFY(m_window->close());
    QCOMPARE(QJsonDocument::fromJson(readAll(m_chosenPath)).object()[QStringLiteral("deposit")].toDouble(),
             11.0);
    // Discard closes without writing.
    m_window->show();
    plan.deposit = 12;
    m_window->session()->setPlan(plan);
    m_choice = FileActions::SaveChoice::Discard;
    QVERIFY(m_window->close());
    QCOMPARE(QJsonDocument::fromJson(readAll(m_chosenPath)).object()[QStringLiteral("deposit")].toDouble(),
             11.0);
}

void TestFileActions::newAndRevert()
{
    QVERIFY(m_window->openPlanFile(fixturePath()));
    const Plan fromFile = m_window->session()->plan();
    Plan plan = fromFile;
    plan.deposit = 20;
    m_window->session()->setPlan(plan);
    files()->revert();
    QCOMPARE(m_window->session()->plan(), fromFile);
    QVERIFY(!doc()->isModified());

    m_window->session()->setPlan(plan);
    m_choice = FileActions::SaveChoice::Cancel;
    files()->newPlan(); // cancelled: nothing changes
    QCOMPARE(m_window->session()->plan(), plan);
    m_choice = FileActions::SaveChoice::Discard;
    files()->newPlan();
    QCOMPARE(m_window->session()->plan(), defaultPlan());
    QVERIFY(doc()->filePath().isEmpty());
    QVERIFY(!doc()->isModified());
    QVERIFY(!doc()->revert().isEmpty()); // no file to go back to
}

void TestFileActions::saveWithoutFileAsksForOne()
{
    QTemporaryDir dir;
    m_chosenPath.clear(); // the user cancels the dialog
    QVERIFY(!files()->save());
    QVERIFY(QDir(dir.path()).isEmpty());
    m_chosenPath = dir.filePath(QStringLiteral("new.json"));
    QVERIFY(files()->save());
    const Expected<Plan> back = readPlanFile(m_chosenPath, MarketRegistry::builtIn());
    QVERIFY(back);
    QCOMPARE(back.value(), m_window->session()->plan());
    QCOMPARE(doc()->filePath(), QFileInfo(m_chosenPath).absoluteFilePath());
}

void TestFileActions::recentFiles()
{
    QVERIFY(doc()->recentFiles().isEmpty());
    QTemporaryDir dir;
    m_chosenPath = dir.filePath(QStringLiteral("a.json"));
    QVERIFY(files()->saveAs());
    QVERIFY(m_window->openPlanFile(fixturePath()));
    const QStringList recent = doc()->recentFiles();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0), QFileInfo(fixturePath()).absoluteFilePath());
    QCOMPARE(recent.at(1), QFileInfo(m_chosenPath).absoluteFilePath());
    for (int i = 0; i < PlanDocument::kMaxRecentFiles + 3; ++i) {
        m_chosenPath = dir.filePath(QStringLiteral("p%1.json").arg(i));
        QVERIFY(files()->saveAs());
    }
    QCOMPARE(doc()->recentFiles().size(), PlanDocument::kMaxRecentFiles);
}

void TestFileActions::droppedPlanOpens()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(fixturePath())});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QCOMPARE(doc()->filePath(), QFileInfo(fixturePath()).absoluteFilePath());
    QCOMPARE(m_window->session()->plan(), readPlanFile(fixturePath(), MarketRegistry::builtIn()).value());
}

QTEST_MAIN(TestFileActions)
#include "tst_fileactions.moc"
