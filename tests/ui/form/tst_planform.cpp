// The plan form on its own: editors named by plan path, exact edits, live signals, error marks.
#include "formfield.h"
#include "loopcountinput.h"
#include "plandiff.h"
#include "planfields.h"
#include "planform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

using namespace lp;

class TestPlanForm : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void everyInputIsNamedByItsPlanPath_data();
    void everyInputIsNamedByItsPlanPath();
    void setPlanShowsValuesWithoutEmitting();
    void editChangesOnlyTheEditedField();
    void everyNumberEditorEditsItsTableField();
    void everyKeystrokeEmits();
    void rangesLetThresholdFallBelowLtv();
    void showErrorsMarksOnlyNamedFields();
    void fieldTitleFallsBackToPath();
    void loopCountInputKeepsSliderAndSpinBoxInSync();
};

void TestPlanForm::everyInputIsNamedByItsPlanPath_data()
{
    QTest::addColumn<QString>("path");
    for (const char *path : {"collateral.symbol",
                             "collateral.priceUsd",
                             "collateral.ltv",
                             "collateral.liquidationThreshold",
                             "collateral.liquidationBonus",
                             "collateral.supplyApy",
                             "collateral.nativeYield",
                             "borrow.symbol",
                             "borrow.priceUsd",
                             "borrow.priceModel",
                             "borrow.borrowApy",
                             "deposit",
                             "strategy.mode",
                             "strategy.loops",
                             "strategy.leverage",
                             "strategy.healthFactor",
                             "strategy.ltvFraction",
                             "execution",
                             "costs.swapFeeBps",
                             "costs.slippageBps",
                             "costs.gasUsdPerTx",
                             "costs.flashPremiumBps",
                             "horizonDays",
                             "risk.annualVolatility",
                             "risk.ratioVolatility",
                             "risk.drift"})
        QTest::newRow(path) << QString::fromLatin1(path);
}

void TestPlanForm::everyInputIsNamedByItsPlanPath()
{
    QFETCH(QString, path);
    PlanForm form;
    FormField *field = form.field(path);
    QVERIFY(field != nullptr);
    QCOMPARE(field->editor()->objectName(), path);
    QCOMPARE(form.findChild<QWidget *>(path), field->editor());
    QVERIFY2(!field->editor()->toolTip().isEmpty(), "every input explains its term");
    if (auto *box = qobject_cast<QDoubleSpinBox *>(field->editor()))
        QVERIFY2(!box->suffix().isEmpty() || path == QLatin1String("strategy.healthFactor"),
                 "units on the field");
}

void TestPlanForm::setPlanShowsValuesWithoutEmitting()
{
    PlanForm form;
    QSignalSpy edited(&form, &PlanForm::planEdited);
    Plan plan = defaultPlan();
    plan.collateral.ltv = 0.7;
    plan.collateral.symbol = QStringLiteral("cbETH");
    plan.borrow.priceModel = PriceModel::TracksCollateral;
    plan.strategy.loops = 7;
    plan.execution = Execution::FlashLoan;
    plan.costs.gasUsdPerTx = 1.25;
    form.setPlan(plan);
    QCOMPARE(edited.count(), 0);
    QCOMPARE(form.plan(), plan);
    QCOMPARE(form.findChild<QDoubleSpinBox *>(QStringLiteral("collateral.ltv"))->value(), 70.0);
    QCOMPARE(form.findChild<QLineEdit *>(QStringLiteral("collateral.symbol"))->text(),
             QStringLiteral("cbETH"));
    QVERIFY(form.findChild<QCheckBox *>(QStringLiteral("borrow.priceModel"))->isChecked());
    QCOMPARE(form.findChild<QSpinBox *>(QStringLiteral("strategy.loops"))->value(), 7);
    QCOMPARE(form.findChild<QSlider *>(QStringLiteral("strategy.loops.slider"))->value(), 7);
    QCOMPARE(form.findChild<QComboBox *>(QStringLiteral("execution"))->currentText(),
             QStringLiteral("Flash loan"));
    QCOMPARE(form.findChild<QDoubleSpinBox *>(QStringLiteral("costs.gasUsdPerTx"))->text(),
             QStringLiteral("1.25 USD/tx"));
    QCOMPARE(form.findChild<QDoubleSpinBox *>(QStringLiteral("deposit"))->suffix(), QStringLiteral(" cbETH"));
}

void TestPlanForm::editChangesOnlyTheEditedField()
{
    PlanForm form;
    Plan plan = defaultPlan();
    plan.collateral.supplyApy = 0.0012345; // more digits than the spin box shows
    plan.collateral.priceUsd = 3456.789012;
    form.setPlan(plan);
    QSignalSpy edited(&form, &PlanForm::planEdited);
    form.findChild<QDoubleSpinBox *>(QStringLiteral("costs.slippageBps"))->setValue(20.0);
    QCOMPARE(edited.count(), 1);
    Plan expected = plan;
    expected.costs.slippageBps = 20.0;
    QCOMPARE(edited.constLast().constFirst().value<Plan>(), expected);
    QCOMPARE(form.plan(), expected);
}

void TestPlanForm::everyNumberEditorEditsItsTableField()
{
    // Each number box is bound through the plan field table's row of its objectName: a new value changes
    // that field alone (and makes a market-supplied value the plan's own).
    PlanForm form;
    Plan plan = defaultPlan();
    plan.presetFields = MarketField::CollateralLtv | MarketField::BorrowApy;
    form.setPlan(plan);
    int boxes = 0;
    for (QDoubleSpinBox *box : form.findChildren<QDoubleSpinBox *>()) {
        const PlanField *f = planField(box->objectName());
        QVERIFY2(f && f->isNumeric(), qPrintable(box->objectName()));
        ++boxes;
        const Plan before = form.plan();
        box->setValue(box->value() == box->minimum() ? box->maximum() : box->minimum());
        QStringList changed = changedPlanFields(before, form.plan());
        if (f->market && before.presetFields.testFlag(*f->market))
            QCOMPARE(changed.takeLast(), QStringLiteral("presetFields"));
        QCOMPARE(changed, QStringList{f->pathName()});
    }
    QCOMPARE(boxes, 20); // 16, then horizon, volatility, ratio volatility and drift
    QCOMPARE(form.plan().presetFields, MarketFields());
}

void TestPlanForm::everyKeystrokeEmits()
{
    PlanForm form;
    QSignalSpy edited(&form, &PlanForm::planEdited);
    auto *price = form.findChild<QDoubleSpinBox *>(QStringLiteral("borrow.priceUsd"));
    price->selectAll();
    QTest::keyClicks(price, QStringLiteral("2950"));
    QCOMPARE(edited.count(), 4); // 2, 29, 295, 2950: live, no Apply button
    QCOMPARE(form.plan().borrow.priceUsd, 2950.0);
}

void TestPlanForm::rangesLetThresholdFallBelowLtv()
{
    // Spin box ranges must not hide the one cross-field error the validator exists for.
    PlanForm form;
    auto *ltv = form.findChild<QDoubleSpinBox *>(QStringLiteral("collateral.ltv"));
    auto *lt = form.findChild<QDoubleSpinBox *>(QStringLiteral("collateral.liquidationThreshold"));
    QVERIFY(lt->minimum() < ltv->value());
    lt->setValue(60.0);
    QCOMPARE(form.plan().collateral.liquidationThreshold, 0.6);
    QVERIFY(!validatePlan(form.plan()).isEmpty());
}

void TestPlanForm::showErrorsMarksOnlyNamedFields()
{
    PlanForm form;
    form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&form));
    form.showErrors({{QStringLiteral("collateral.liquidationBonus"), QStringLiteral("first problem")},
                     {QStringLiteral("collateral.liquidationBonus"), QStringLiteral("second problem")},
                     {QStringLiteral("sweep.points"), QStringLiteral("not a form field")}});
    FormField *bonus = form.field(QStringLiteral("collateral.liquidationBonus"));
    FormField *ltv = form.field(QStringLiteral("collateral.ltv"));
    QVERIFY(bonus != nullptr && ltv != nullptr);
    QVERIFY(bonus->isMarked());
    QVERIFY(bonus->errorLabel()->isVisible());
    QCOMPARE(bonus->errorLabel()->text(), QStringLiteral("first problem\nsecond problem"));
    QVERIFY(bonus->editor()->toolTip().contains(QStringLiteral("first problem; second problem")));
    QVERIFY(bonus->editor()->toolTip().startsWith(QStringLiteral("Extra collateral")));
    QVERIFY(!ltv->isMarked());
    QVERIFY(!ltv->errorLabel()->isVisible());
    // Marked by colour too: the editor's background differs from an unmarked one's.
    QVERIFY(bonus->editor()->palette().color(QPalette::Base) !=
            ltv->editor()->palette().color(QPalette::Base));

    form.showErrors({});
    QVERIFY(!bonus->isMarked());
    QVERIFY(!bonus->errorLabel()->isVisible());
    QCOMPARE(bonus->editor()->property(FormField::kInvalidProperty).toBool(), false);
    QCOMPARE(bonus->editor()->palette().color(QPalette::Base),
             ltv->editor()->palette().color(QPalette::Base));
}

void TestPlanForm::fieldTitleFallsBackToPath()
{
    PlanForm form;
    QCOMPARE(form.fieldTitle(QStringLiteral("collateral.liquidationThreshold")),
             QStringLiteral("Liquidation threshold"));
    // A path the form has no editor for (the rule set is the market picker's).
    QCOMPARE(form.fieldTitle(QStringLiteral("liquidationRules")), QStringLiteral("liquidationRules"));
}

void TestPlanForm::loopCountInputKeepsSliderAndSpinBoxInSync()
{
    LoopCountInput input;
    QSignalSpy changed(&input, &LoopCountInput::valueChanged);
    input.setValue(5);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(input.slider()->value(), 5);
    input.slider()->setValue(9);
    QCOMPARE(input.spinBox()->value(), 9);
    QCOMPARE(changed.count(), 1);
    input.spinBox()->setValue(2);
    QCOMPARE(input.slider()->value(), 2);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.constLast().constFirst().toInt(), 2);
    QCOMPARE(input.spinBox()->maximum(), limits::maxLoops);
}

QTEST_MAIN(TestPlanForm)
#include "tst_planform.moc"
