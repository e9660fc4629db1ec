// Drives the real window offscreen: every kind of input goes in through its widget, and the summary, the
// loop table and the chart must show what lp::computePlan gives for the same plan.
#include "mainwindowtest.h"
#include "planmarket.h"

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
#include <QScreen>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

using namespace lp;
using namespace lp::uitest;

class TestMainWindow : public MainWindowTest {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsWithTheDefaultPlan();
    void editingTokenPriceUpdatesEveryView();
    void editingDepositUpdatesEveryViewAndItsUsdValue();
    void loopSliderDrivesSpinBoxTableAndChart();
    void loopSpinBoxMovesSlider();
    void percentFieldsAreStoredAsFractions();
    void swapFeeRaisesOpeningCosts();
    void tracksCheckboxShowsLiquidationRatio();
    void flashLoanExecutionOpensInOneTransaction();
    void targetLeverageModeEnablesItsField();
    void symbolEditRenamesUnitsAndHeaders();
    void thresholdBelowLtvMarksFieldAndKeepsResults();
    void fixingTheErrorClearsTheMark();
    void loopStepsModelPassesModelTester();
    void marketPickerDrivesTheFormAndViews();
    void screenshot();
};

void TestMainWindow::initTestCase()
{
    useUsLocale();
}

void TestMainWindow::init()
{
    openWindow();
}

void TestMainWindow::cleanup()
{
    closeWindow();
}

void TestMainWindow::startsWithTheDefaultPlan()
{
    verifyViewsShow(defaultPlan());
    QVERIFY(m_window->session()->isValid());
    QCOMPARE(editor<QDoubleSpinBox>("collateral.priceUsd")->value(), 3500.0);
    QCOMPARE(editor<QDoubleSpinBox>("collateral.liquidationThreshold")->value(),
             defaultPlan().collateral.liquidationThreshold * 100.0);
    QCOMPARE(editor<QSpinBox>("strategy.loops")->value(), 3);
    // Thousands separators in the user's locale; 4 table rows: the deposit and 3 loops.
    QVERIFY(summary(SummaryPanel::Equity)->text().contains(QLatin1Char(',')));
    QCOMPARE(stepRows(*m_window), 4);
    QVERIFY(m_window->statusLine()->text().startsWith(QStringLiteral("Plan valid")));
    // Large by default, cut to the screen's room down to what the widgets need (the offscreen screen is
    // 800 x 600; tst_windowscreen checks 1280 x 720 and 1920 x 1080).
    const QSize room = QGuiApplication::primaryScreen()->availableGeometry().size();
    QVERIFY(m_window->width() >= std::min(1200, room.width()) &&
            m_window->height() >= std::min(760, room.height()));
}

void TestMainWindow::editingTokenPriceUpdatesEveryView()
{
    const QString before = summary(SummaryPanel::LiquidationPrice)->text();
    typeInto(editor<QDoubleSpinBox>("collateral.priceUsd"), QStringLiteral("4000"));
    Plan plan = defaultPlan();
    plan.collateral.priceUsd = 4000.0;
    markOverridden(&plan, MarketField::CollateralPriceUsd); // the default plan's market no longer sets it
    verifyViewsShow(plan);
    QVERIFY(summary(SummaryPanel::LiquidationPrice)->text() != before);
}

void TestMainWindow::editingDepositUpdatesEveryViewAndItsUsdValue()
{
    typeInto(editor<QDoubleSpinBox>("deposit"), QStringLiteral("25"));
    Plan plan = defaultPlan();
    plan.deposit = 25.0;
    verifyViewsShow(plan);
    QCOMPARE(editor<QLabel>("depositUsd")->text(), QStringLiteral("≈ $87,500"));
}

void TestMainWindow::loopSliderDrivesSpinBoxTableAndChart()
{
    auto *slider = editor<QSlider>("strategy.loops.slider");
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right); // 3 -> 4, as a keyboard user would
    QCOMPARE(editor<QSpinBox>("strategy.loops")->value(), 4);
    slider->setValue(8);
    QCOMPARE(editor<QSpinBox>("strategy.loops")->value(), 8);
    Plan plan = defaultPlan();
    plan.strategy.loops = 8;
    verifyViewsShow(plan);
    QCOMPARE(stepRows(*m_window), 9);
}

void TestMainWindow::loopSpinBoxMovesSlider()
{
    auto *spin = editor<QSpinBox>("strategy.loops");
    typeInto(spin, QStringLiteral("12"));
    QCOMPARE(editor<QSlider>("strategy.loops.slider")->value(), 12);
    // Beyond the slider's range the spin box still sets the plan; the slider rests at its end.
    typeInto(spin, QStringLiteral("40"));
    QCOMPARE(editor<QSlider>("strategy.loops.slider")->value(), LoopCountInput::kSliderMaximum);
    Plan plan = defaultPlan();
    plan.strategy.loops = 40;
    verifyViewsShow(plan);
}

void TestMainWindow::percentFieldsAreStoredAsFractions()
{
    typeInto(editor<QDoubleSpinBox>("collateral.ltv"), QStringLiteral("70"));
    typeInto(editor<QDoubleSpinBox>("strategy.ltvFraction"), QStringLiteral("80"));
    typeInto(editor<QDoubleSpinBox>("borrow.borrowApy"), QStringLiteral("4.5"));
    Plan plan = defaultPlan();
    plan.collateral.ltv = 0.70;
    plan.strategy.ltvFraction = 0.80;
    plan.borrow.borrowApy = 0.045;
    markOverridden(&plan, MarketField::CollateralLtv);
    markOverridden(&plan, MarketField::BorrowApy);
    verifyViewsShow(plan);
    QVERIFY(summary(SummaryPanel::Ltv)->text().endsWith(QStringLiteral("(70.00 %)")));
}

void TestMainWindow::swapFeeRaisesOpeningCosts()
{
    const PlanResult before = expectedResult(defaultPlan());
    typeInto(editor<QDoubleSpinBox>("costs.swapFeeBps"), QStringLiteral("30"));
    typeInto(editor<QDoubleSpinBox>("costs.gasUsdPerTx"), QStringLiteral("2.5"));
    Plan plan = defaultPlan();
    plan.costs.swapFeeBps = 30.0;
    plan.costs.gasUsdPerTx = 2.5;
    verifyViewsShow(plan);
    QVERIFY(expectedResult(plan).opened.costs.totalUsd() > before.opened.costs.totalUsd());
    QVERIFY(summary(SummaryPanel::OpeningCosts)->toolTip().contains(QStringLiteral("Gas")));
}

void TestMainWindow::tracksCheckboxShowsLiquidationRatio()
{
    // The default plan is a ratio pair (WETH tracks wstETH): the box starts checked.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *tracks = editor<QCheckBox>("borrow.priceModel");
    QVERIFY(tracks->isChecked());
    QTest::mouseClick(tracks, Qt::LeftButton, {}, tracks->rect().center());
    QVERIFY(!tracks->isChecked());
    Plan plan = defaultPlan();
    plan.borrow.priceModel = PriceModel::Fixed;
    verifyViewsShow(plan);
    QCOMPARE(m_window->summaryPanel()->titleLabel(SummaryPanel::LiquidationPrice)->text(),
             QStringLiteral("Liquidation price"));

    tracks->setFocus();
    QTest::keyClick(tracks, Qt::Key_Space); // and back, from the keyboard
    QVERIFY(tracks->isChecked());
    verifyViewsShow(defaultPlan());
    QCOMPARE(m_window->summaryPanel()->titleLabel(SummaryPanel::LiquidationPrice)->text(),
             QStringLiteral("Liquidation ratio"));
    QVERIFY(summary(SummaryPanel::LiquidationPrice)->text().endsWith(QStringLiteral("WETH per wstETH")));
    QVERIFY(!summary(SummaryPanel::LiquidationPrice)->text().contains(QLatin1Char('$')));
    QVERIFY(m_window->pnlChart()->markerLabel(PnlChart::Marker::Liquidation).contains(QStringLiteral("per")));
}

void TestMainWindow::flashLoanExecutionOpensInOneTransaction()
{
    auto *execution = editor<QComboBox>("execution");
    execution->setCurrentIndex(execution->findText(QStringLiteral("Flash loan")));
    Plan plan = defaultPlan();
    plan.execution = Execution::FlashLoan;
    verifyViewsShow(plan);
    QCOMPARE(stepRows(*m_window), 2); // deposit, then the flash transaction
    QVERIFY(m_window->statusLine()->text().endsWith(QStringLiteral("transactions to open: 1.")));
}

void TestMainWindow::targetLeverageModeEnablesItsField()
{
    QVERIFY(!formField("strategy.leverage")->isEnabled());
    auto *mode = editor<QComboBox>("strategy.mode");
    mode->setCurrentIndex(mode->findText(QStringLiteral("Target leverage")));
    QVERIFY(formField("strategy.leverage")->isEnabled());
    QVERIFY(!formField("strategy.loops")->isEnabled());
    typeInto(editor<QDoubleSpinBox>("strategy.leverage"), QStringLiteral("2.5"));
    Plan plan = defaultPlan();
    plan.strategy.mode = StrategyMode::TargetLeverage;
    plan.strategy.leverage = 2.5;
    verifyViewsShow(plan);
    QCOMPARE(summary(SummaryPanel::Leverage)->text(), QStringLiteral("2.50x"));
}

void TestMainWindow::symbolEditRenamesUnitsAndHeaders()
{
    typeInto(editor<QLineEdit>("collateral.symbol"), QStringLiteral("rETH"));
    Plan plan = defaultPlan();
    plan.collateral.symbol = QStringLiteral("rETH");
    verifyViewsShow(plan);
    QCOMPARE(editor<QDoubleSpinBox>("deposit")->suffix(), QStringLiteral(" rETH"));
    QVERIFY(summary(SummaryPanel::Collateral)->text().endsWith(QStringLiteral(" rETH")));
    const QString header =
        m_window->loopTable()->model()->headerData(LoopStepsModel::Collateral, Qt::Horizontal).toString();
    QVERIFY2(header.contains(QStringLiteral("rETH")), qPrintable(header));
    // The default plan is a ratio pair: its axis is the rETH/WETH ratio.
    QVERIFY(m_window->pnlChart()->plot()->xAxis->label().startsWith(QStringLiteral("rETH/WETH ratio")));
}

void TestMainWindow::thresholdBelowLtvMarksFieldAndKeepsResults()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const std::shared_ptr<const PlanResult> lastValid = m_window->session()->result();
    QStringList summaryBefore;
    for (int i = 0; i < SummaryPanel::ItemCount; ++i)
        summaryBefore << summary(static_cast<SummaryPanel::Item>(i))->text();
    const QVector<QPointF> curveBefore = graphPoints(m_window->pnlChart()->leveragedGraph());
    const int rowsBefore = stepRows(*m_window);

    auto *lt = editor<QDoubleSpinBox>("collateral.liquidationThreshold");
    typeInto(lt, QStringLiteral("70")); // below the max LTV: the ranges allow it, the validator does not
    QCOMPARE(m_window->session()->plan().collateral.liquidationThreshold, 0.70);
    QVERIFY(!m_window->session()->isValid());

    FormField *field = formField("collateral.liquidationThreshold");
    QVERIFY(field->isMarked());
    QCOMPARE(lt->property(FormField::kInvalidProperty).toBool(), true);
    const QString message = m_window->session()->errors().constFirst().message;
    QVERIFY2(message.contains(QStringLiteral("must be above ltv")), qPrintable(message));
    QVERIFY(field->errorLabel()->isVisible());
    QCOMPARE(field->errorLabel()->text(), message);
    QVERIFY(lt->toolTip().contains(message));
    QVERIFY(m_window->statusLine()->text().contains(QStringLiteral("Liquidation threshold: ") + message));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("summary.stale"))->isVisible());
    QVERIFY(m_reported.isEmpty()); // no pop-up while typing
    QCOMPARE(QApplication::activeModalWidget(), nullptr);

    // The last valid results stay on screen.
    QCOMPARE(m_window->session()->result(), lastValid);
    for (int i = 0; i < SummaryPanel::ItemCount; ++i)
        QCOMPARE(summary(static_cast<SummaryPanel::Item>(i))->text(), summaryBefore.at(i));
    QCOMPARE(graphPoints(m_window->pnlChart()->leveragedGraph()), curveBefore);
    QCOMPARE(stepRows(*m_window), rowsBefore);
    // Other fields are not marked.
    QVERIFY(!formField("collateral.ltv")->isMarked());
}

void TestMainWindow::fixingTheErrorClearsTheMark()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *lt = editor<QDoubleSpinBox>("collateral.liquidationThreshold");
    typeInto(lt, QStringLiteral("70"));
    QVERIFY(formField("collateral.liquidationThreshold")->isMarked());
    typeInto(lt, QStringLiteral("96")); // above the default's 93.5 % max LTV
    FormField *field = formField("collateral.liquidationThreshold");
    QVERIFY(!field->isMarked());
    QVERIFY(!field->errorLabel()->isVisible());
    QCOMPARE(lt->property(FormField::kInvalidProperty).toBool(), false);
    QVERIFY(!lt->toolTip().contains(QStringLiteral("Problem")));
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("summary.stale"))->isVisible());
    Plan plan = defaultPlan();
    plan.collateral.liquidationThreshold = 0.96;
    markOverridden(&plan, MarketField::CollateralLiquidationThreshold);
    verifyViewsShow(plan);
}

void TestMainWindow::loopStepsModelPassesModelTester()
{
    QAbstractItemModelTester tester(m_window->loopTable()->stepsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    editor<QSlider>("strategy.loops.slider")->setValue(6);                           // reset: more rows
    typeInto(editor<QDoubleSpinBox>("collateral.priceUsd"), QStringLiteral("3100")); // dataChanged: same rows
    typeInto(editor<QLineEdit>("borrow.symbol"), QStringLiteral("ETH"));             // headers change
    editor<QSlider>("strategy.loops.slider")->setValue(0);                           // just the deposit
    QCOMPARE(stepRows(*m_window), 1);
}

void TestMainWindow::marketPickerDrivesTheFormAndViews()
{
    // USDC.e against USDT on ZeroLend zkSync: e-mode "Stablecoins" gives LTV 97 %, threshold 97.5 %.
    MarketPicker *picker = m_window->marketPicker();
    QVERIFY(picker);
    picker->chooseMarket(QStringLiteral("zerolend-zksync"));
    picker->chooseCollateral(QStringLiteral("USDC.e"));
    picker->chooseBorrow(QStringLiteral("USDT"));
    const Plan plan = m_window->session()->plan();
    QCOMPARE(plan.market, QStringLiteral("zerolend-zksync"));
    QCOMPARE(plan.collateral.ltv, 0.97);
    QCOMPARE(editor<QDoubleSpinBox>("collateral.ltv")->value(), 97.0);
    QCOMPARE(editor<QDoubleSpinBox>("collateral.liquidationThreshold")->value(), 97.5);
    verifyViewsShow(plan);
    // An edit in the form makes the value the plan's own, and the picker offers to reset it.
    typeInto(editor<QDoubleSpinBox>("collateral.ltv"), QStringLiteral("90"));
    QCOMPARE(m_window->session()->plan().collateral.ltv, 0.9);
    QCOMPARE(picker->plan().collateral.ltv, 0.9);
    QWidget *reset = picker->parameterTable()->cellWidget(MarketPicker::rowOf(MarketField::CollateralLtv),
                                                          MarketPicker::Reset);
    QVERIFY(reset->isEnabled());
}

void TestMainWindow::screenshot()
{
    m_window->resize(1400, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::qWait(50);
    const QPixmap pixmap = m_window->grab();
    QCOMPARE(pixmap.size(), QSize(1400, 860) * pixmap.devicePixelRatio());
    // LP_SCREENSHOT_DIR=docs/screenshots writes the picture used by the README.
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    QVERIFY(pixmap.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("main-window.png"))));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
