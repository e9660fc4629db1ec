// The Close tab: the exit inputs follow the plan until edited, and its tables are lp::simulateClose for
// both methods at those inputs.
#include "closeview.h"
#include "displayformat.h"
#include "numberspinbox.h"
#include "uitestutil.h"

#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

using namespace lp;
using namespace lp::uitest;

namespace {

CloseResult expectedClose(const PlanResult &r, CloseMethod method, int day, double price)
{
    CloseOptions o;
    o.method = method;
    o.exitDay = day;
    o.exitPriceUsd = price;
    Expected<CloseResult> c = simulateClose(r.plan, r.opened, o);
    if (!c)
        qFatal("%s", qPrintable(formatErrors(c.errors())));
    return *c;
}

QString text(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestCloseView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void defaultsAreHorizonAtTodaysPrice();
    void typingAnExitPriceRecloses();
    void editedInputsSurviveAPlanChangeUntilReset();
    void lowPriceLeavesOnlyTheFlashClose();
};

void TestCloseView::defaultsAreHorizonAtTodaysPrice()
{
    const PlanResult r = expectedResult(defaultPlan());
    CloseView view;
    view.showResult(r);
    QCOMPARE(view.exitDayInput()->value(), 365);
    QCOMPARE(view.exitPriceInput()->value(), 3500.0);
    const CloseResult sell = expectedClose(r, CloseMethod::SellToRepay, 365, 3500.0);
    const CloseResult flash = expectedClose(r, CloseMethod::FlashClose, 365, 3500.0);
    QCOMPARE(view.close(CloseView::SellToRepay)->walkAwayUsd, sell.walkAwayUsd);
    QCOMPARE(view.close(CloseView::FlashClose)->walkAwayUsd, flash.walkAwayUsd);
    const QTableWidget *t = view.comparisonTable();
    QCOMPARE(text(t, CloseView::WalkAwayUsd, 0), display::usd(sell.walkAwayUsd));
    QCOMPARE(text(t, CloseView::WalkAwayUsd, 1), display::usd(flash.walkAwayUsd));
    QCOMPARE(text(t, CloseView::SwapFees, 0), display::usd(sell.costs.swapFeesUsd));
    QCOMPARE(text(t, CloseView::FlashPremium, 1), display::usd(flash.costs.flashPremiumUsd));
    QCOMPARE(text(t, CloseView::Gas, 0), display::usd(sell.costs.gasUsd));
    QCOMPARE(text(t, CloseView::InterestPaid, 0), display::usd(sell.costs.interestPaidUsd));
    QCOMPARE(text(t, CloseView::YieldEarned, 1), display::usd(flash.costs.yieldEarnedUsd));
    QCOMPARE(text(t, CloseView::HoldPnlUsd, 0), display::usd(sell.holdPnlUsd));
    // One row per sell-to-repay round, the last one the withdrawal of what is left.
    QCOMPARE(view.stepsTable()->rowCount(), int(sell.rounds.size()));
    QVERIFY(sell.rounds.size() >= 2);
    QCOMPARE(text(view.stepsTable(), 0, 2), display::number(sell.rounds[0].sold, 6));
    QVERIFY(
        text(view.stepsTable(), view.stepsTable()->rowCount() - 1, 0).contains(QStringLiteral("withdraw")));
}

void TestCloseView::typingAnExitPriceRecloses()
{
    const PlanResult r = expectedResult(defaultPlan());
    CloseView view;
    view.show();
    view.showResult(r);
    const QString before = text(view.comparisonTable(), CloseView::WalkAwayUsd, 0);
    typeInto(view.exitPriceInput(), QStringLiteral("4000"));
    QCOMPARE(view.exitPriceInput()->value(), 4000.0);
    const CloseResult sell = expectedClose(r, CloseMethod::SellToRepay, 365, 4000.0);
    QCOMPARE(view.close(CloseView::SellToRepay)->walkAwayUsd, sell.walkAwayUsd);
    QCOMPARE(text(view.comparisonTable(), CloseView::WalkAwayUsd, 0), display::usd(sell.walkAwayUsd));
    QVERIFY(text(view.comparisonTable(), CloseView::WalkAwayUsd, 0) != before);
    typeInto(view.exitDayInput(), QStringLiteral("30"));
    QCOMPARE(view.close(CloseView::FlashClose)->exitDay, 30);
    QCOMPARE(view.close(CloseView::FlashClose)->walkAwayUsd,
             expectedClose(r, CloseMethod::FlashClose, 30, 4000.0).walkAwayUsd);
}

void TestCloseView::editedInputsSurviveAPlanChangeUntilReset()
{
    CloseView view;
    view.showResult(expectedResult(defaultPlan()));
    view.exitPriceInput()->setValue(3800.0); // as the user would
    Plan plan = defaultPlan();
    plan.collateral.priceUsd = 3600;
    plan.horizonDays = 180;
    const PlanResult r = expectedResult(plan);
    view.showResult(r);
    QCOMPARE(view.exitPriceInput()->value(), 3800.0);
    QCOMPARE(view.exitDayInput()->value(), 365);
    QCOMPARE(view.close(CloseView::SellToRepay)->walkAwayUsd,
             expectedClose(r, CloseMethod::SellToRepay, 365, 3800.0).walkAwayUsd);
    view.resetButton()->click();
    QCOMPARE(view.exitPriceInput()->value(), 3600.0);
    QCOMPARE(view.exitDayInput()->value(), 180);
    QCOMPARE(view.close(CloseView::SellToRepay)->walkAwayUsd,
             expectedClose(r, CloseMethod::SellToRepay, 180, 3600.0).walkAwayUsd);
    // Following the plan again: the next plan moves the inputs.
    plan.collateral.priceUsd = 3700;
    view.showResult(expectedResult(plan));
    QCOMPARE(view.exitPriceInput()->value(), 3700.0);
}

void TestCloseView::lowPriceLeavesOnlyTheFlashClose()
{
    // At $2,530 on day 365 the default plan's HF is about 1.03, under the 1.05 floor of sell-to-repay
    // (about 31.4 wstETH against 25.0 WETH of debt, lt 95.5 %, grown for a year).
    const PlanResult r = expectedResult(defaultPlan());
    CloseView view;
    view.showResult(r);
    view.exitPriceInput()->setValue(2530.0);
    QVERIFY(!view.close(CloseView::SellToRepay).has_value());
    QVERIFY(view.close(CloseView::FlashClose).has_value());
    QCOMPARE(text(view.comparisonTable(), CloseView::WalkAwayUsd, 0), QStringLiteral("\u2014"));
    QVERIFY2(view.noteLabel()->text().contains(QStringLiteral("Sell to repay:")),
             qPrintable(view.noteLabel()->text()));
    QCOMPARE(view.stepsTable()->rowCount(), 0);
}

QTEST_MAIN(TestCloseView)
#include "tst_closeview.moc"
