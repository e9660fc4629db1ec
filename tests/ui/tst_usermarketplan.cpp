// A plan on one of the user's own markets, saved and reopened in the window, still follows that market:
// the window reads and writes plan files with the markets it shows (the presets and the user's), never
// with the presets alone, which would save every value and reopen the plan as "market unknown".
#include "fileactions.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "plandocument.h"
#include "plansession.h"
#include "uitestutil.h"
#include "usermarkets.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

using namespace lp;

namespace {

const QString kUserMarketId = QStringLiteral("my-aave-copy");
constexpr double kUserLtv = 0.61; // not the preset's 0.81 (e-mode) or 0.785: only the user market has it

// The Aave v3 Ethereum preset under another id, without e-mode and with its own wstETH ltv.
Market userMarket()
{
    Market m = *MarketRegistry::builtIn().find(QStringLiteral("aave-v3-ethereum"));
    m.id = kUserMarketId;
    m.name = QStringLiteral("My Aave copy");
    m.eModes.clear();
    m.reserves[m.reserveIndex(QStringLiteral("wstETH"))].ltv = kUserLtv;
    return m;
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

std::unique_ptr<MainWindow> newWindow(QStringList *reported)
{
    auto window = std::make_unique<MainWindow>();
    window->fileActions()->setSavePrompt([] { return FileActions::SaveChoice::Discard; });
    window->setErrorReporter([reported](const QString &title, const QString &text) {
        *reported << title + QLatin1Char('\n') + text;
    });
    return window;
}

} // namespace

class TestUserMarketPlan : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void savedAndReopenedPlanFollowsTheUserMarket();
    void untitledPlanKeptBetweenRunsFollowsTheUserMarket();

private:
    QStringList m_reported;
};

void TestUserMarketPlan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the user's markets and settings go to test locations
    // Our own settings and markets: other test programs may run at the same time.
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-usermarketplan"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_usermarketplan"));
    QSettings().clear();
    MarketRegistry registry;
    QVERIFY(registry.saveUserMarket(userMarket(), userMarketsDirectory()).isEmpty());
}

void TestUserMarketPlan::cleanupTestCase()
{
    QFile::remove(QDir(userMarketsDirectory()).filePath(kUserMarketId + QStringLiteral(".json")));
    QSettings().clear();
}

void TestUserMarketPlan::savedAndReopenedPlanFollowsTheUserMarket()
{
    auto window = newWindow(&m_reported);
    MarketPicker *picker = window->marketPicker();
    picker->chooseMarket(kUserMarketId);
    picker->chooseCollateral(QStringLiteral("wstETH"));
    picker->chooseBorrow(QStringLiteral("WETH"));
    const Plan chosen = window->session()->plan();
    QCOMPARE(chosen.market, kUserMarketId);
    QCOMPARE(chosen.collateral.ltv, kUserLtv);
    QVERIFY(chosen.presetFields.testFlag(MarketField::CollateralLtv));

    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("on-my-market.json"));
    window->fileActions()->setPathChooser(
        [&](const QString &, const QString &, const QString &, bool) { return path; });
    QVERIFY(window->fileActions()->saveAs());
    // The file keeps only what the user changed: the ltv follows the market, so it is not written.
    const QJsonObject saved = readJson(path);
    QCOMPARE(saved.value(QStringLiteral("market")).toString(), kUserMarketId);
    QVERIFY(!saved.value(QStringLiteral("collateral")).toObject().contains(QStringLiteral("ltv")));

    // Reopened in a new window (a new run), the plan still follows the user market.
    auto reopened = newWindow(&m_reported);
    QVERIFY(reopened->fileActions()->openFile(path));
    QCOMPARE(m_reported, QStringList());
    const Plan back = reopened->session()->plan();
    QCOMPARE(back.market, kUserMarketId);
    QCOMPARE(back.collateral.ltv, kUserLtv);
    QCOMPARE(back.presetFields, chosen.presetFields);
    QCOMPARE(back, chosen);
    QVERIFY(!reopened->fileActions()->document()->isModified());
    QCOMPARE(reopened->marketPicker()->plan().market, kUserMarketId);
}

void TestUserMarketPlan::untitledPlanKeptBetweenRunsFollowsTheUserMarket()
{
    auto window = newWindow(&m_reported);
    window->fileActions()->document()->newPlan();
    window->marketPicker()->chooseMarket(kUserMarketId);
    window->marketPicker()->chooseCollateral(QStringLiteral("wstETH"));
    window->marketPicker()->chooseBorrow(QStringLiteral("WETH"));
    const Plan chosen = window->session()->plan();
    QVERIFY(chosen.presetFields.testFlag(MarketField::CollateralLtv));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(window->close()); // keeps the untitled plan in the settings

    auto next = newWindow(&m_reported);
    next->restoreSettings();
    QCOMPARE(m_reported, QStringList());
    QCOMPARE(next->session()->plan(), chosen);
    QVERIFY(next->session()->plan().presetFields.testFlag(MarketField::CollateralLtv));
}

QTEST_MAIN(TestUserMarketPlan)
#include "tst_usermarketplan.moc"
