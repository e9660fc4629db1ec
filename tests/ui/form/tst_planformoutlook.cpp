// The form's outlook inputs (horizon, volatility, drift), the loop count in the target modes, and the Risk
// tab's marker of the plan in every strategy mode.
#include "engine.h"
#include "formfield.h"
#include "loopcountinput.h"
#include "planform.h"
#include "qcustomplot_include.h"
#include "riskview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace lp;

class TestPlanFormOutlook : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void horizonVolatilityAndDriftAreEditable();
    void targetModesShowTheLoopsUsedAndKeepThem();
    void riskHeatmapMarksThePlanInEveryMode_data();
    void riskHeatmapMarksThePlanInEveryMode();
};

void TestPlanFormOutlook::horizonVolatilityAndDriftAreEditable()
{
    PlanForm form;
    form.setPlan(defaultPlan());
    QSignalSpy edited(&form, &PlanForm::planEdited);
    auto *horizon = form.findChild<QDoubleSpinBox *>(QStringLiteral("horizonDays"));
    auto *volatility = form.findChild<QDoubleSpinBox *>(QStringLiteral("risk.annualVolatility"));
    auto *drift = form.findChild<QDoubleSpinBox *>(QStringLiteral("risk.drift"));
    QVERIFY(horizon && volatility && drift);
    QCOMPARE(horizon->value(), 365.0);
    QCOMPARE(volatility->value(), 60.0); // 0.6 shown in percent
    horizon->setValue(90);
    volatility->setValue(45);
    drift->setValue(-12.5);
    QCOMPARE(edited.count(), 3);
    QCOMPARE(form.plan().horizonDays, 90);
    QCOMPARE(form.plan().risk.annualVolatility, 0.45);
    QCOMPARE(form.plan().risk.drift, -0.125);
    QVERIFY(validatePlan(form.plan()).isEmpty());
}

void TestPlanFormOutlook::targetModesShowTheLoopsUsedAndKeepThem()
{
    PlanForm form;
    Plan plan = defaultPlan();
    plan.strategy.loops = 1;
    plan.strategy.mode = StrategyMode::TargetLeverage;
    plan.strategy.leverage = 2.5;
    form.setPlan(plan);
    const Expected<PlanResult> result = computePlan(plan);
    QVERIFY(result);
    const int used = result->opened.loops;
    QVERIFY2(used > 1, "the target needs more loops than the stale count");
    form.showLoopsUsed(used);
    auto *loops = form.findChild<QSpinBox *>(QStringLiteral("strategy.loops"));
    QVERIFY(loops);
    QCOMPARE(loops->value(), used);
    QVERIFY(!form.field(QStringLiteral("strategy.loops"))->isEnabled());
    // Back to a loop count: the plan keeps the loops the target used, so its figures do not jump.
    auto *mode = form.findChild<QComboBox *>(QStringLiteral("strategy.mode"));
    mode->setCurrentIndex(mode->findData(static_cast<int>(StrategyMode::Loops)));
    QVERIFY(form.plan().strategy.mode == StrategyMode::Loops);
    QCOMPARE(form.plan().strategy.loops, used);
    QCOMPARE(loops->value(), used);
    // In the loop-count mode the box is the plan's own, whatever a result says.
    form.showLoopsUsed(used + 5);
    QCOMPARE(loops->value(), used);
}

void TestPlanFormOutlook::riskHeatmapMarksThePlanInEveryMode_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("loops") << static_cast<int>(StrategyMode::Loops);
    QTest::newRow("target leverage") << static_cast<int>(StrategyMode::TargetLeverage);
    QTest::newRow("target health factor") << static_cast<int>(StrategyMode::TargetHealthFactor);
}

void TestPlanFormOutlook::riskHeatmapMarksThePlanInEveryMode()
{
    QFETCH(int, mode);
    Plan plan = defaultPlan();
    plan.borrow.priceModel = PriceModel::Fixed; // WETH held: the heatmap's axis is the USD volatility
    plan.strategy.mode = static_cast<StrategyMode>(mode);
    plan.strategy.leverage = 3.0;
    plan.strategy.healthFactor = 1.4;
    plan.risk.annualVolatility = 0.5;
    const Expected<PlanResult> result = computePlan(plan);
    QVERIFY(result);
    RiskView view;
    MonteCarloOptions quick = defaultMonteCarloOptions();
    quick.paths = 200;
    view.setMonteCarloOptions(quick);
    view.resize(900, 600);
    view.showResult(*result);
    QCustomPlot *plot = view.heatmapPlot();
    QCPGraph *marker = nullptr;
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == QStringLiteral("This plan"))
            marker = plot->graph(i);
    QVERIFY(marker);
    QCOMPARE(marker->data()->size(), 1);
    QCOMPARE(marker->data()->begin()->key, 50.0);
    QCOMPARE(marker->data()->begin()->value, double(result->opened.loops));
}

QTEST_MAIN(TestPlanFormOutlook)
#include "tst_planformoutlook.moc"
