// Position > Add a Loop / Repay to Reach HF / Deleverage to Leverage / Close Now in the real window: the
// dialog shows the plan before and after side by side (the comparison table), recomputes as its target
// changes, refuses an edit that cannot be made, and Apply is one undo step.
// LP_SCREENSHOT_DIR=docs/screenshots writes plan-edit.png.
#include "closing.h"
#include "editactions.h"
#include "machineformat.h"
#include "mainwindow.h"
#include "plancomparison.h"
#include "planeditdialog.h"
#include "planedits.h"
#include "plansession.h"
#include "uitestutil.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace lp;
using test::relClose;

class TestPlanEdit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void menuHasTheFourEdits();
    void addLoopShowsBeforeAndAfterAndIsOneUndoStep();
    void repayReachesTheTargetInTheWindow();
    void repayBelowTheCurrentCannotApply();
    void deleverageReachesTheLeverage();
    void closeNowPaysTheClose();
    void cancelLeavesThePlan();
    void screenshot();

private:
    QUndoStack *stack() const { return m_window->editActions()->undoStack(); }
    void apply(PlanEditDialog *dialog)
    {
        QPushButton *button = dialog->buttons()->button(QDialogButtonBox::Apply);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }
    std::unique_ptr<MainWindow> m_window;
};

void TestPlanEdit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-planedit"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPlanEdit::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &title, const QString &text) {
        QFAIL(qPrintable(title + QLatin1Char('\n') + text));
    });
    m_window->session()->setPlan(test::fixturePlan());
    QVERIFY(m_window->session()->isValid());
}

void TestPlanEdit::cleanup()
{
    m_window.reset();
}

void TestPlanEdit::menuHasTheFourEdits()
{
    for (const char *name :
         {"actionAddLoop", "actionRepayToHealthFactor", "actionDeleverage", "actionCloseNow"}) {
        auto *action = m_window->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY(!action->statusTip().isEmpty());
    }
    m_window->findChild<QAction *>(QStringLiteral("actionAddLoop"))->trigger();
    auto *dialog = m_window->findChild<PlanEditDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->kind() == PlanEditKind::AddLoop);
}

void TestPlanEdit::addLoopShowsBeforeAndAfterAndIsOneUndoStep()
{
    const Plan before = m_window->session()->plan();
    const Expected<PlanEdit> expected = addLoop(before);
    QVERIFY(expected);
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::AddLoop);
    QVERIFY(dialog);
    // Two columns: the plan before, then after the edit; the figures are those of each plan's result.
    const QAbstractItemModel *model = dialog->table()->model();
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Before"));
    QVERIFY(model->headerData(1, Qt::Horizontal).toString().contains(QStringLiteral("After")));
    const PlanResult after = test::compute(expected->plan);
    const QModelIndex leverage = model->index(PlanComparison::Leverage, 1);
    QVERIFY(relClose(model->data(leverage, PlanComparison::RawValueRole).toDouble(), after.position.leverage,
                     1e-12));
    QVERIFY(relClose(
        model->data(model->index(PlanComparison::Leverage, 0), PlanComparison::RawValueRole).toDouble(),
        m_window->session()->result()->position.leverage, 1e-12));
    QCOMPARE(dialog->summaryLabel()->text(), expected->summary);
    const int steps = stack()->count();
    apply(dialog);
    QCOMPARE(m_window->session()->plan(), expected->plan);
    QCOMPARE(m_window->session()->plan().strategy.loops, before.strategy.loops + 1);
    QCOMPARE(stack()->count(), steps + 1);
    QCOMPARE(m_window->editActions()->undoAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Undo Add a Loop"));
    stack()->undo();
    QCOMPARE(m_window->session()->plan(), before);
    stack()->redo();
    QCOMPARE(m_window->session()->plan(), expected->plan);
}

void TestPlanEdit::repayReachesTheTargetInTheWindow()
{
    const double hf = m_window->session()->result()->position.healthFactor;
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::RepayToHealthFactor);
    QVERIFY(dialog && dialog->targetBox());
    const double target = std::round(hf * 1.4 * 1000.0) / 1000.0; // the box keeps 3 decimals
    dialog->setTarget(target);
    QVERIFY(dialog->canApply());
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("Repay")));
    apply(dialog);
    QVERIFY(relClose(m_window->session()->result()->position.healthFactor, target, 1e-9));
    QCOMPARE(m_window->editActions()->undoAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Undo Repay to Reach HF"));
}

void TestPlanEdit::repayBelowTheCurrentCannotApply()
{
    const Plan before = m_window->session()->plan();
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::RepayToHealthFactor);
    dialog->setTarget(1.01);
    QVERIFY(!dialog->canApply());
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Apply)->isEnabled());
    QVERIFY(dialog->summaryLabel()->text().contains(QStringLiteral("not above the current")));
    QCOMPARE(dialog->table()->model()->columnCount(), 1); // nothing after
    QCOMPARE(m_window->session()->plan(), before);
}

void TestPlanEdit::deleverageReachesTheLeverage()
{
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::DeleverageToLeverage);
    QVERIFY(dialog && dialog->targetBox());
    dialog->setTarget(1.5);
    const double equity = m_window->session()->result()->position.equityUsd;
    // The unwind's swap is charged: the dialog says what it costs, and the equity loses that much.
    QVERIFY(dialog->canApply());
    const double cost = dialog->edit()->swapCostUsd;
    QVERIFY(cost > 0.0);
    QVERIFY2(
        dialog->summaryLabel()->text().contains(QStringLiteral("The swap costs %1").arg(machine::usd(cost))),
        qPrintable(dialog->summaryLabel()->text()));
    QCOMPARE(dialog->summaryLabel()->text(), deleverageToLeverage(m_window->session()->plan(), 1.5)->summary);
    apply(dialog);
    QVERIFY(relClose(m_window->session()->result()->position.leverage, 1.5, 1e-9));
    QVERIFY(relClose(m_window->session()->result()->position.equityUsd + cost, equity, 1e-9));
    // Above the current leverage is refused.
    PlanEditDialog *again = m_window->editPosition(PlanEditKind::DeleverageToLeverage);
    again->targetBox()->setMaximum(10.0);
    again->setTarget(3.0);
    QVERIFY(!again->canApply());
    QVERIFY(again->summaryLabel()->text().contains(QStringLiteral("not below the current")));
}

void TestPlanEdit::closeNowPaysTheClose()
{
    const Plan before = m_window->session()->plan();
    const PlanResult r = test::compute(before);
    CloseOptions day0;
    day0.exitDay = 0;
    const Expected<CloseResult> close = simulateClose(before, r.opened, day0);
    QVERIFY(close);
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::CloseNow);
    QVERIFY(dialog->canApply());
    QCOMPARE(dialog->edit()->proceedsUsd, close->walkAwayUsd);
    apply(dialog);
    QCOMPARE(m_window->session()->result()->opened.debt, 0.0);
    QCOMPARE(m_window->session()->plan().deposit, close->walkAwayCollateral);
}

void TestPlanEdit::cancelLeavesThePlan()
{
    const Plan before = m_window->session()->plan();
    const int steps = stack()->count();
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::AddLoop);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(m_window->session()->plan(), before);
    QCOMPARE(stack()->count(), steps);
}

void TestPlanEdit::screenshot()
{
    const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
    QTemporaryDir tmp;
    const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
    QVERIFY(QDir().mkpath(dir.path()));
    PlanEditDialog *dialog = m_window->editPosition(PlanEditKind::RepayToHealthFactor);
    dialog->setTarget(2.0);
    dialog->resize(760, 480);
    QCoreApplication::processEvents();
    const QString path = dir.filePath(QStringLiteral("plan-edit.png"));
    QVERIFY(dialog->grab().save(path));
    QVERIFY(QFileInfo(path).size() > 10000);
    // Deleverage, with its swap's cost in the sentence: LP_DELEVERAGE_SHOT=<file> keeps a look at it.
    const QByteArray deleverageShot = qgetenv("LP_DELEVERAGE_SHOT");
    if (deleverageShot.isEmpty())
        return;
    PlanEditDialog *deleverage = m_window->editPosition(PlanEditKind::DeleverageToLeverage);
    deleverage->setTarget(1.5);
    deleverage->resize(760, 480);
    QCoreApplication::processEvents();
    QVERIFY(deleverage->grab().save(QString::fromLocal8Bit(deleverageShot)));
}

QTEST_MAIN(TestPlanEdit)
#include "tst_planedit.moc"
