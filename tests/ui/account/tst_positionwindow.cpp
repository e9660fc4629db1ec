// File > Open Position... and File > Watch Position... in the real window, against recorded JSON-RPC
// answers served on 127.0.0.1 (a Morpho Blue account: tests/chain/morphorecorded.h). The reads run on a
// worker thread: the fake node answers from this (the GUI) thread's event loop, so a read on the GUI
// thread could never finish. Opening shows the account in the Position dock and Plan From Position makes
// it the plan as `position --plan` does (one undo step); a failed read is a message in the dialog; the
// watch reads on the worker, raises its alert once per crossing and shows a failed reading as failed.
// LP_SCREENSHOT_DIR=docs/screenshots writes position.png and watch.png from the window.
#include "accountplan.h"
#include "accountview.h"
#include "editactions.h"
#include "engine.h"
#include "mainwindow.h"
#include "plansession.h"
#include "positionquery.h"
#include "positionsourcedialog.h"
#include "qcustomplot_include.h"
#include "servednode.h"
#include "watchpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <QUndoStack>

using namespace lp;
using namespace morpho_recorded;

namespace {

// Fills the source dialog for the recorded Morpho account at `rpc`.
void fill(PositionSourceDialog *dialog, const QString &rpc)
{
    dialog->deploymentBox()->setCurrentIndex(0); // type the addresses
    dialog->rpcEdit()->setText(rpc);
    dialog->poolProviderEdit()->clear();
    dialog->morphoEdit()->setText(addr(kMorpho));
    dialog->marketIdBox()->setEditText(kWstethWeth);
    dialog->accountEdit()->setText(kUser);
}

QDir screenshotDir(const QTemporaryDir &tmp)
{
    const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
    return QDir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
}

} // namespace

class TestPositionWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fileMenuHasBothActions();
    void openReadsOffThreadAndPlansFromThePosition();
    void planFromPositionIsThePositionCommandsPlan();
    void badFieldsNameTheField();
    void aFailedReadIsAClearMessage();
    void cancelStopsTheRead();
    void watchReadsOnTheWorkerAndAlertsOncePerCrossing();
    void watchScreenshotIsAWatchOverTime();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestPositionWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-positionwindow"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPositionWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &title, const QString &text) {
        QFAIL(qPrintable(title + QLatin1Char('\n') + text));
    });
    m_window->resize(1600, 900);
}

void TestPositionWindow::cleanup()
{
    m_window.reset();
}

void TestPositionWindow::fileMenuHasBothActions()
{
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionOpenPosition")));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionWatchPosition")));
    m_window->findChild<QAction *>(QStringLiteral("actionOpenPosition"))->trigger();
    auto *dialog = m_window->findChild<PositionSourceDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    // The known deployments are offered, Aave family and Morpho.
    QVERIFY(dialog->deploymentBox()->count() > 2);
    QVERIFY(dialog->deploymentBox()->findText(QStringLiteral("aave-v3-ethereum")) > 0);
    const int morpho = dialog->deploymentBox()->findText(QStringLiteral("morpho-blue-ethereum"));
    QVERIFY(morpho > 0);
    dialog->deploymentBox()->setCurrentIndex(morpho);
    QVERIFY(!dialog->morphoEdit()->text().isEmpty());
    QVERIFY(dialog->marketIdBox()->count() > 0);
}

void TestPositionWindow::openReadsOffThreadAndPlansFromThePosition()
{
    Served s;
    PositionSourceDialog *dialog = m_window->openPosition();
    fill(dialog, s.server.url());
    dialog->submit();
    QVERIFY(dialog->progressBar()->isVisible() || dialog->fetch()->isRunning() || m_window->accountView());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountView() != nullptr, 20000);
    const Account &account = m_window->accountView()->account();
    QCOMPARE(m_window->accountView()->assetsTable()->rowCount(), static_cast<int>(account.assets.size()));
    QVERIFY(account.assets.size() >= 2);
    // One pair on a Morpho market (its LTV is its LLTV): the plan's max LTV is a basis point below, and
    // Plan From Position makes the plan whose health factor is the position's.
    QVERIFY(m_window->planFromPositionButton()->isEnabled());
    const Expected<Plan> plan = planFromAccount(account);
    QVERIFY(plan);
    const Expected<PlanResult> planned = computePlan(plan.value());
    QVERIFY(planned);
    QVERIFY(std::fabs(planned->position.healthFactor / accountFigures(account).healthFactor - 1.0) < 1e-9);

    QTemporaryDir tmp;
    const QDir dir = screenshotDir(tmp);
    QVERIFY(QDir().mkpath(dir.path()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // As a user would widen it, for the picture.
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("positionDock"));
    QVERIFY(dock);
    m_window->resizeDocks({dock}, {700}, Qt::Horizontal);
    QCoreApplication::processEvents();
    QVERIFY(m_window->grab().save(dir.filePath(QStringLiteral("position.png"))));
}

void TestPositionWindow::planFromPositionIsThePositionCommandsPlan()
{
    // 10 wstETH at $4,000 (LTV 0.79, threshold 0.81, bonus 6 %) against 20,000 USDC at $1: one pair, as an
    // Aave account reads. Plan From Position makes planFromAccount's plan current, as `position --plan`
    // writes it, in one undo step.
    chain::FetchedPosition p;
    p.user = kUser;
    p.rpcHost = QStringLiteral("127.0.0.1");
    p.chainId = 1;
    p.blockNumber = 120;
    p.blockTime = QDateTime::fromSecsSinceEpoch(1764460800, Qt::UTC);
    AccountAsset wsteth;
    wsteth.symbol = QStringLiteral("wstETH");
    wsteth.collateral = 10.0;
    wsteth.priceUsd = 4000.0;
    wsteth.ltv = 0.79;
    wsteth.liquidationThreshold = 0.81;
    wsteth.liquidationBonus = 0.06;
    AccountAsset usdc;
    usdc.symbol = QStringLiteral("USDC");
    usdc.debt = 20000.0;
    usdc.priceUsd = 1.0;
    usdc.ltv = 0.75;
    usdc.liquidationThreshold = 0.78;
    usdc.decimals = 6;
    p.account.assets = {wsteth, usdc};
    m_window->showPosition(p, QStringLiteral("One pair"));
    QVERIFY(m_window->accountView());
    QCOMPARE(m_window->accountView()->assetsTable()->rowCount(), 2);
    const Expected<Plan> plan = planFromAccount(p.account);
    QVERIFY(plan);
    QVERIFY(m_window->planFromPositionButton()->isEnabled());
    const Plan before = m_window->session()->plan();
    QTest::mouseClick(m_window->planFromPositionButton(), Qt::LeftButton);
    QCOMPARE(m_window->session()->plan(), plan.value());
    QVERIFY2(m_window->session()->isValid(), qPrintable(formatErrors(m_window->session()->errors())));
    // The plan's position is the account's: HF = 10 x 4000 x 0.81 / 20000 = 1.62, collateral and debt.
    const PlanResult &r = *m_window->session()->result();
    QVERIFY(std::fabs(r.position.healthFactor / 1.62 - 1.0) < 1e-9);
    QVERIFY(std::fabs(r.opened.collateral / 10.0 - 1.0) < 1e-9);
    QVERIFY(std::fabs(r.opened.debt / 20000.0 - 1.0) < 1e-9);
    QCOMPARE(m_window->editActions()->undoAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Undo Plan From Position"));
    m_window->editActions()->undoStack()->undo();
    QCOMPARE(m_window->session()->plan(), before);
}

void TestPositionWindow::badFieldsNameTheField()
{
    PositionSourceDialog *dialog = m_window->openPosition();
    fill(dialog, QStringLiteral("ftp://127.0.0.1/"));
    dialog->accountEdit()->setText(QStringLiteral("0x1234"));
    dialog->submit();
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->fetch()->isRunning());
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("Account")));
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("RPC URL")));
}

void TestPositionWindow::aFailedReadIsAClearMessage()
{
    Served s;
    s.node.drop(addr(kMorpho), QStringLiteral("position(bytes32,address)"),
                {id(kWstethWeth), *chain::AbiValue::address(kUser)});
    PositionSourceDialog *dialog = m_window->openPosition();
    fill(dialog, s.server.url());
    dialog->submit();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->fetch()->isRunning(), 20000);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("could not be read")));
    QVERIFY(!m_window->accountView());
}

void TestPositionWindow::cancelStopsTheRead()
{
    Served s;
    PositionSourceDialog *dialog = m_window->openPosition();
    fill(dialog, s.server.url());
    dialog->submit();
    QVERIFY(dialog->fetch()->isRunning());
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->fetch()->isRunning(), 20000);
    QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("cancelled")));
    QVERIFY(!m_window->accountView());
}

void TestPositionWindow::watchReadsOnTheWorkerAndAlertsOncePerCrossing()
{
    Served s;
    PositionSourceDialog *dialog = m_window->watchPosition();
    fill(dialog, s.server.url());
    dialog->submit();
    QTRY_VERIFY(m_window->watchPanel() != nullptr);
    WatchPanel *panel = m_window->watchPanel();
    QCOMPARE(panel->intervalBox()->value(), WatchPanel::kDefaultIntervalSeconds);
    QCOMPARE(panel->intervalBox()->minimum(), WatchPanel::kMinimumIntervalSeconds);
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().startsWith(QStringLiteral("Last reading")), 20000);
    // Below the account's health factor (about 1.017) and no distance level: no alert.
    QSignalSpy alerts(panel, &WatchPanel::alertRaised);
    panel->distanceBox()->setValue(0.0);
    panel->alertBox()->setValue(1.0);
    panel->readNow();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isReading(), 20000);
    QCOMPARE(panel->alertCount(), 0);
    QCOMPARE(static_cast<int>(alerts.count()), 0);
    // An alert level above it: the next reading crosses it, once.
    panel->alertBox()->setValue(5.0);
    panel->readNow();
    QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(alerts.count()), 1, 20000);
    QVERIFY(alerts.first().first().toString().contains(QStringLiteral("health factor")));
    QVERIFY(panel->banner()->isVisibleTo(panel));
    panel->readNow();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isReading(), 20000);
    QCOMPARE(static_cast<int>(alerts.count()), 1);
    // A failed reading says so and is not a safe reading.
    s.node.drop(addr(kMorpho), QStringLiteral("position(bytes32,address)"),
                {id(kWstethWeth), *chain::AbiValue::address(kUser)});
    panel->readNow();
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().contains(QStringLiteral("FAILED")), 20000);
    // Its message (the call, the contract, the reason: one long line) wraps: the dock does not widen.
    QVERIFY(panel->fontMetrics().horizontalAdvance(panel->statusText()) > 700);
    QVERIFY2(panel->minimumSizeHint().width() < 600,
             qPrintable(QString::number(panel->minimumSizeHint().width())));
}

void TestPositionWindow::watchScreenshotIsAWatchOverTime()
{
    // The picture of a watch as it runs: one alert level throughout and readings five minutes apart (the
    // default interval). The account's first reading comes from the worker; the later ones are what the
    // reader would give as wstETH's price drifts down (the account read again, its collateral's price
    // scaled), fed at their times. Oracle price 1.7 WETH per wstETH: HF = 95 x 1.7 x 0.945 /
    // 105.882352941176470589 = 1.441387...
    RecordedNode recorded = morpho_recorded::node();
    recorded.on(addr(kOracle1), QStringLiteral("price()"), {}, QStringLiteral("uint256"), {big(e(17, 35))});
    Served s(recorded);
    PositionSourceDialog *dialog = m_window->watchPosition();
    fill(dialog, s.server.url());
    dialog->submit();
    QTRY_VERIFY(m_window->watchPanel() != nullptr);
    WatchPanel *panel = m_window->watchPanel();
    QSignalSpy alerts(panel, &WatchPanel::alertRaised);
    QTRY_VERIFY_WITH_TIMEOUT(panel->statusText().startsWith(QStringLiteral("Last reading")), 20000);
    const double level = panel->alertBox()->value(); // the default, 1.30, never changed
    QCOMPARE(static_cast<int>(alerts.count()), 0);
    const QDateTime first = QDateTime::currentDateTimeUtc();
    // The same account read here (this thread's event loop serves the node while the client waits).
    chain::JsonRpcClient client{QUrl(s.server.url())};
    const Expected<chain::FetchedPosition> read =
        chain::fetchPosition(client, {QString(), QString(), addr(kMorpho), kWstethWeth, kUser});
    QVERIFY(read);
    const double hf = accountFigures(read->account).healthFactor;
    QVERIFY(std::fabs(hf / 1.441387 - 1.0) < 1e-6);
    // HF x factor: 1.436, 1.420, 1.427, 1.401, 1.381, 1.356, 1.333, 1.302, then 1.293 (below 1.30: the one
    // alert) and 1.296.
    const QList<double> drift{0.996, 0.985, 0.990, 0.972, 0.958, 0.941, 0.925, 0.903, 0.897, 0.899};
    const int interval = panel->intervalBox()->value();
    QCOMPARE(interval, 300);
    for (qsizetype k = 0; k < drift.size(); ++k) {
        Account later = read->account;
        later.assets[0].priceUsd *= drift[k];
        panel->addReading(first.addSecs(interval * (k + 1)), later);
        QCOMPARE(static_cast<int>(alerts.count()), k < 8 ? 0 : 1);
    }
    QVERIFY(panel->banner()->isVisibleTo(panel));
    // What the picture shows: the alert line flat at the level, the readings `interval` apart.
    const auto readings = panel->plot()->graph(0)->data();
    const auto alertLine = panel->plot()->graph(1)->data();
    QCOMPARE(readings->size(), 11);
    QCOMPARE(alertLine->size(), 11);
    for (auto it = alertLine->constBegin(); it != alertLine->constEnd(); ++it)
        QCOMPARE(it->value, level);
    for (auto it = readings->constBegin() + 1; it != readings->constEnd(); ++it)
        QVERIFY((it->key - (it - 1)->key) >= interval - 1);
    QVERIFY(std::fabs((readings->constEnd() - 1)->value / (hf * 0.899) - 1.0) < 1e-12);

    QTemporaryDir tmp;
    const QDir dir = screenshotDir(tmp);
    QVERIFY(QDir().mkpath(dir.path()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QPixmap picture = m_window->grab();
    QVERIFY2(picture.width() >= 1400 && picture.width() <= 1600,
             qPrintable(QString::number(picture.width())));
    QVERIFY(picture.save(dir.filePath(QStringLiteral("watch.png"))));
}

QTEST_MAIN(TestPositionWindow)
#include "tst_positionwindow.moc"
