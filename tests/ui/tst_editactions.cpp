// Edit > Undo / Redo in the real window (ui/editactions.h): each edit from the form or the market picker is
// one step, consecutive edits of one field merge, undo brings back the plan and its figures, and a new
// document starts a new history.
#include "displayformat.h"
#include "editactions.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "plandocument.h"
#include "planfields.h"
#include "planform.h"
#include "planmarket.h"
#include "plansession.h"
#include "summarypanel.h"
#include "uitestutil.h"

#include <QAction>
#include <QSlider>
#include <QStandardPaths>
#include <QUndoStack>

using namespace lp;
using namespace lp::uitest;

class TestEditActions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void commandNames_data();
    void commandNames();
    void everyTableFieldNamesItsStep();
    void undoDepositRestoresFormSummaryAndResult();
    void consecutiveEditsOfOneFieldMerge();
    void sliderDragIsOneStepAndBackToStartIsNone();
    void movingToAnotherFieldStartsANewStep();
    void undoThenEditDoesNotMergeIntoTheOlderStep();
    void ctrlZUndoesFromTheKeyboard();
    void undoAcrossMarketPickerEdits();
    void undoBackToTheSavedPlanIsNotModified();
    void newAndOpenStartAFreshHistory();

private:
    QDoubleSpinBox *box(const char *path) const
    {
        auto *w = m_window->findChild<QDoubleSpinBox *>(QLatin1String(path));
        if (!w)
            qFatal("no editor %s", path);
        return w;
    }
    QUndoStack *stack() const { return m_window->editActions()->undoStack(); }
    QString undoText() const
    {
        return m_window->editActions()->undoAction()->text().remove(QLatin1Char('&'));
    }
    QString summaryText(SummaryPanel::Item item) const
    {
        return m_window->summaryPanel()->valueLabel(item)->text();
    }
    // The form, the summary and the session all show `plan` and computePlan(plan).
    void verifyShows(const Plan &plan);

    std::unique_ptr<MainWindow> m_window;
};

void TestEditActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // opening a file writes the recent list
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-editactions"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestEditActions::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &title, const QString &text) {
        QFAIL(qPrintable(title + QLatin1Char('\n') + text));
    });
}

void TestEditActions::cleanup()
{
    m_window.reset();
}

void TestEditActions::verifyShows(const Plan &plan)
{
    QCOMPARE(m_window->session()->plan(), plan);
    QCOMPARE(m_window->planForm()->plan(), plan);
    QCOMPARE(m_window->marketPicker()->plan(), plan);
    QVERIFY(m_window->session()->isValid());
    QCOMPARE(m_window->session()->result()->plan, plan);
    const PlanResult expected = expectedResult(plan);
    QCOMPARE(summaryText(SummaryPanel::Leverage), display::leverage(expected.position.leverage));
    QCOMPARE(summaryText(SummaryPanel::Equity), display::usd(expected.position.equityUsd));
    QCOMPARE(summaryText(SummaryPanel::HealthFactor), display::healthFactor(expected.position.healthFactor));
    QCOMPARE(box("deposit")->value(), plan.deposit);
    QCOMPARE(box("collateral.ltv")->value(), plan.collateral.ltv * 100);
}

void TestEditActions::commandNames_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QString>("name");
    QTest::newRow("one value") << QStringList{QStringLiteral("deposit")} << QStringLiteral("Change Deposit");
    // Editing a market-supplied value also clears its preset flag: bookkeeping, not part of the name.
    QTest::newRow("value and its preset flag")
        << QStringList{QStringLiteral("collateral.ltv"), QStringLiteral("presetFields")}
        << QStringLiteral("Change Max LTV");
    QTest::newRow("a choice brings values")
        << QStringList{QStringLiteral("market"), QStringLiteral("collateral.ltv"),
                       QStringLiteral("borrow.borrowApy")}
        << QStringLiteral("Change Market");
    // Picking a stablecoin to borrow can switch e-mode on: the collateral's values change too.
    QTest::newRow("a choice after the values it brings")
        << QStringList{QStringLiteral("collateral.ltv"), QStringLiteral("borrow.symbol")}
        << QStringLiteral("Change Borrow Asset");
    QTest::newRow("two unrelated values")
        << QStringList{QStringLiteral("deposit"), QStringLiteral("costs.gasUsdPerTx")}
        << QStringLiteral("Change Deposit and 1 More");
    QTest::newRow("only bookkeeping")
        << QStringList{QStringLiteral("presetFields")} << QStringLiteral("Change Plan");
}

void TestEditActions::commandNames()
{
    QFETCH(QStringList, paths);
    QFETCH(QString, name);
    QCOMPARE(EditActions::commandName(paths), name);
}

void TestEditActions::everyTableFieldNamesItsStep()
{
    // The names come from the plan field table's titles; bookkeeping alone names none.
    for (const PlanField &f : planFields()) {
        const QString expected =
            f.title ? QStringLiteral("Change ") + QLatin1String(f.title) : QStringLiteral("Change Plan");
        QCOMPARE(EditActions::commandName({f.pathName()}), expected);
    }
    QCOMPARE(EditActions::commandName({QStringLiteral("collateral.priceUsd")}),
             QStringLiteral("Change Token A Price"));
}

void TestEditActions::undoDepositRestoresFormSummaryAndResult()
{
    QVERIFY(!m_window->editActions()->undoAction()->isEnabled());
    const QString equityBefore = summaryText(SummaryPanel::Equity);
    typeInto(box("deposit"), QStringLiteral("25"));
    Plan edited = defaultPlan();
    edited.deposit = 25;
    verifyShows(edited);
    QVERIFY(summaryText(SummaryPanel::Equity) != equityBefore);
    QCOMPARE(stack()->count(), 1); // "2" then "25": one step
    QCOMPARE(undoText(), QStringLiteral("Undo Change Deposit"));
    QCOMPARE(m_window->editActions()->undoAction()->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(m_window->editActions()->redoAction()->shortcut(), QKeySequence(QKeySequence::Redo));

    m_window->editActions()->undoAction()->trigger();
    verifyShows(defaultPlan());
    QCOMPARE(summaryText(SummaryPanel::Equity), equityBefore);
    QVERIFY(!m_window->editActions()->undoAction()->isEnabled());
    QCOMPARE(m_window->editActions()->redoAction()->text().remove(QLatin1Char('&')),
             QStringLiteral("Redo Change Deposit"));

    m_window->editActions()->redoAction()->trigger();
    verifyShows(edited);
}

void TestEditActions::consecutiveEditsOfOneFieldMerge()
{
    typeInto(box("deposit"), QStringLiteral("100")); // 1, 10, 100
    QCOMPARE(stack()->count(), 1);
    typeInto(box("collateral.priceUsd"), QStringLiteral("4000"));
    QCOMPARE(stack()->count(), 2);
    QCOMPARE(undoText(), QStringLiteral("Undo Change Token A Price"));
    typeInto(box("deposit"), QStringLiteral("7")); // not consecutive with the first deposit edit
    QCOMPARE(stack()->count(), 3);

    Plan plan = defaultPlan();
    plan.deposit = 100;
    plan.collateral.priceUsd = 4000;
    markOverridden(&plan, MarketField::CollateralPriceUsd); // an edit of a market value is the plan's own
    m_window->editActions()->undoAction()->trigger();
    verifyShows(plan);
    m_window->editActions()->undoAction()->trigger();
    plan.collateral.priceUsd = defaultPlan().collateral.priceUsd;
    plan.presetFields = defaultPlan().presetFields;
    verifyShows(plan);
    m_window->editActions()->undoAction()->trigger();
    verifyShows(defaultPlan());
}

void TestEditActions::sliderDragIsOneStepAndBackToStartIsNone()
{
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("strategy.loops.slider"));
    QVERIFY(slider);
    for (int loops : {4, 5, 6, 7})
        slider->setValue(loops);
    QCOMPARE(stack()->count(), 1);
    QCOMPARE(undoText(), QStringLiteral("Undo Change Loops"));
    // Dragged back to where it started: the step changes nothing and goes away.
    for (int loops : {6, 5, 4, 3})
        slider->setValue(loops);
    QCOMPARE(stack()->count(), 0);
    QVERIFY(!m_window->editActions()->undoAction()->isEnabled());
    verifyShows(defaultPlan());
}

void TestEditActions::movingToAnotherFieldStartsANewStep()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    typeInto(box("deposit"), QStringLiteral("20"));
    box("collateral.priceUsd")->setFocus(); // the user tabs away and back
    QTRY_COMPARE(QApplication::focusWidget(), box("collateral.priceUsd"));
    typeInto(box("deposit"), QStringLiteral("30"));
    QCOMPARE(stack()->count(), 2);
    m_window->editActions()->undoAction()->trigger();
    QCOMPARE(m_window->session()->plan().deposit, 20.0);
}

void TestEditActions::undoThenEditDoesNotMergeIntoTheOlderStep()
{
    typeInto(box("deposit"), QStringLiteral("20"));
    typeInto(box("collateral.priceUsd"), QStringLiteral("4000"));
    m_window->editActions()->undoAction()->trigger(); // the price edit is undone
    typeInto(box("deposit"), QStringLiteral("30"));
    QCOMPARE(stack()->count(), 2); // deposit 20, then deposit 30: two steps
    m_window->editActions()->undoAction()->trigger();
    QCOMPARE(m_window->session()->plan().deposit, 20.0);
}

void TestEditActions::ctrlZUndoesFromTheKeyboard()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("strategy.loops.slider"));
    slider->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), slider);
    QTest::keyClick(slider, Qt::Key_Right); // 3 -> 4 loops
    QCOMPARE(m_window->session()->plan().strategy.loops, 4);
    QTest::keySequence(m_window.get(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(m_window->session()->plan().strategy.loops, 3);
    QCOMPARE(slider->value(), 3);
    QTest::keySequence(m_window.get(), QKeySequence(QKeySequence::Redo));
    QCOMPARE(m_window->session()->plan().strategy.loops, 4);
}

void TestEditActions::undoAcrossMarketPickerEdits()
{
    MarketPicker *picker = m_window->marketPicker();
    picker->chooseMarket(QStringLiteral("zerolend-zksync")); // its first collateral is USDC.e
    const Plan onMarket = m_window->session()->plan();
    QCOMPARE(undoText(), QStringLiteral("Undo Change Market"));
    picker->chooseBorrow(QStringLiteral("USDT"));
    const Plan stables = m_window->session()->plan();
    QCOMPARE(stables.collateral.symbol, QStringLiteral("USDC.e"));
    QCOMPARE(stables.collateral.ltv, 0.97); // e-mode "Stablecoins"
    QCOMPARE(undoText(), QStringLiteral("Undo Change Borrow Asset"));
    picker->chooseCollateral(QStringLiteral("WETH"));
    const Plan weth = m_window->session()->plan();
    QCOMPARE(undoText(), QStringLiteral("Undo Change Token A"));
    typeInto(box("collateral.ltv"), QStringLiteral("70")); // the form on top of the picker
    const Plan edited = m_window->session()->plan();
    QCOMPARE(edited.collateral.ltv, 0.70);
    QCOMPARE(undoText(), QStringLiteral("Undo Change Max LTV"));
    QCOMPARE(stack()->count(), 4);

    m_window->editActions()->undoAction()->trigger();
    verifyShows(weth);
    m_window->editActions()->undoAction()->trigger();
    verifyShows(stables);
    QCOMPARE(picker->collateralBox()->currentText(), QStringLiteral("USDC.e"));
    m_window->editActions()->undoAction()->trigger();
    verifyShows(onMarket);
    QCOMPARE(undoText(), QStringLiteral("Undo Change Market"));
    m_window->editActions()->undoAction()->trigger();
    verifyShows(defaultPlan());
    // And forward again through the picker's steps.
    for (int i = 0; i < 4; ++i)
        m_window->editActions()->redoAction()->trigger();
    verifyShows(edited);
    QCOMPARE(picker->borrowBox()->currentText(), QStringLiteral("USDT"));
}

void TestEditActions::undoBackToTheSavedPlanIsNotModified()
{
    QVERIFY(m_window->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json")));
    QVERIFY(!m_window->isWindowModified());
    typeInto(box("deposit"), QStringLiteral("12"));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(!stack()->isClean());
    m_window->editActions()->undoAction()->trigger();
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(!m_window->fileActions()->document()->isModified());
    QVERIFY(stack()->isClean());
    m_window->editActions()->redoAction()->trigger();
    QVERIFY(m_window->isWindowModified());
}

void TestEditActions::newAndOpenStartAFreshHistory()
{
    typeInto(box("deposit"), QStringLiteral("12"));
    QCOMPARE(stack()->count(), 1);
    QVERIFY(m_window->openPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json")));
    QCOMPARE(stack()->count(), 0); // the default plan's edit is not undoable into the file
    typeInto(box("deposit"), QStringLiteral("13"));
    QCOMPARE(stack()->count(), 1);
    m_window->fileActions()->setSavePrompt([] { return FileActions::SaveChoice::Discard; });
    m_window->fileActions()->newPlan();
    QCOMPARE(stack()->count(), 0);
    QVERIFY(!m_window->editActions()->undoAction()->isEnabled());
    verifyShows(defaultPlan());
}

QTEST_MAIN(TestEditActions)
#include "tst_editactions.moc"
