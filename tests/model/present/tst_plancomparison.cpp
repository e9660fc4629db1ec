// PlanComparison: pinned plans and the comparison table (issue 3, "Compare plans").
#include "displayformat.h"
#include "engine.h"
#include "plancomparison.h"
#include "protectionmontecarlo.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

std::shared_ptr<const PlanResult> resultWithLoops(int loops)
{
    Plan p = test::fixturePlan();
    p.name.clear();
    p.strategy.loops = loops;
    auto r = computePlan(p);
    return r ? std::make_shared<const PlanResult>(*r) : nullptr;
}

} // namespace

class TestPlanComparison : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void pinsUpToFour();
    void slotsKeepTheirColour();
    void renameAndDefaultNames();
    void columnsAreTheResults();
    void currentColumnFollows();
    void protectionRulesCompareSideBySide();
    void deferredProtectionWaitsForItsFigures();
};

void TestPlanComparison::pinsUpToFour()
{
    PlanComparison c;
    QAbstractItemModelTester tester(&c, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&c, &PlanComparison::pinnedChanged);
    c.setCurrent(resultWithLoops(3));
    QCOMPARE(c.columnCount(), 1);
    QCOMPARE(c.rowCount(), int(PlanComparison::FigureCount));
    for (int i = 0; i < PlanComparison::kMaxPinned; ++i)
        QCOMPARE(c.pin(resultWithLoops(i + 1)), i);
    QVERIFY(c.isFull());
    QCOMPARE(c.pin(resultWithLoops(9)), -1);
    QCOMPARE(c.pin(nullptr), -1);
    QCOMPARE(c.columnCount(), 5);
    QCOMPARE(changed.count(), 4);
    c.unpin(1);
    QCOMPARE(c.columnCount(), 4);
    QCOMPARE(c.pinned().at(1).name, QStringLiteral("3 loops"));
    c.unpin(7); // out of range: nothing
    QCOMPARE(c.pinned().size(), size_t(3));
    c.unpinAll();
    QCOMPARE(c.columnCount(), 1);
    QCOMPARE(changed.count(), 6);
}

void TestPlanComparison::slotsKeepTheirColour()
{
    PlanComparison c;
    for (int i = 0; i < 3; ++i)
        c.pin(resultWithLoops(i + 1));
    QCOMPARE(c.pinned().at(2).slot, 2);
    c.unpin(0);
    // The remaining two keep slots 1 and 2; the next pin takes the freed slot 0.
    QCOMPARE(c.pinned().at(0).slot, 1);
    QCOMPARE(c.pinned().at(1).slot, 2);
    c.pin(resultWithLoops(5));
    QCOMPARE(c.pinned().at(2).slot, 0);
}

void TestPlanComparison::renameAndDefaultNames()
{
    PlanComparison c;
    c.pin(resultWithLoops(1));
    QCOMPARE(c.pinned().at(0).name, QStringLiteral("1 loop"));
    QCOMPARE(c.headerData(PlanComparison::columnOf(0), Qt::Horizontal).toString(), QStringLiteral("1 loop"));
    QVERIFY(c.rename(0, QStringLiteral("  safe  ")));
    QCOMPARE(c.headerData(1, Qt::Horizontal).toString(), QStringLiteral("safe"));
    QVERIFY(!c.rename(0, QStringLiteral("   ")));
    QVERIFY(!c.rename(3, QStringLiteral("x")));
    QCOMPARE(c.pinned().at(0).name, QStringLiteral("safe"));
    c.pin(resultWithLoops(2), QStringLiteral("mine"));
    QCOMPARE(c.pinned().at(1).name, QStringLiteral("mine"));

    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 2.5;
    p.name.clear();
    QCOMPARE(PlanComparison::defaultName(*computePlan(p)), QStringLiteral("2.50x"));
    p.name = QStringLiteral("wstETH loop");
    QCOMPARE(PlanComparison::defaultName(*computePlan(p)), QStringLiteral("wstETH loop, 2.50x"));
}

void TestPlanComparison::columnsAreTheResults()
{
    PlanComparison c;
    const auto three = resultWithLoops(3);
    const auto zero = resultWithLoops(0);
    c.setCurrent(three);
    c.pin(zero);
    const auto raw = [&](int column, PlanComparison::Figure f) {
        return c.index(f, column).data(PlanComparison::RawValueRole);
    };
    QCOMPARE(raw(0, PlanComparison::Leverage).toDouble(), three->position.leverage);
    QCOMPARE(raw(0, PlanComparison::LiquidationPrice).toDouble(), three->position.liquidationPriceUsd);
    QCOMPARE(raw(0, PlanComparison::OpeningCosts).toDouble(), three->opened.costs.totalUsd());
    QCOMPARE(raw(0, PlanComparison::Transactions).toDouble(), 10.0); // a deposit + 3 x (borrow, swap, supply)
    // The fixture with 3 loops: E = CV - DV as computed; leverage 2.44x shown as text.
    LP_COMPARE_REL(raw(0, PlanComparison::Equity).toDouble(),
                   three->position.collateralUsd - three->position.debtUsd, 1e-12);
    QCOMPARE(c.index(PlanComparison::Leverage, 0).data().toString(), QStringLiteral("2.44x"));
    QCOMPARE(c.index(PlanComparison::Strategy, 0).data().toString(),
             QStringLiteral("3 × 90 % of max LTV (loops)"));
    QVERIFY(!raw(0, PlanComparison::Strategy).isValid());
    // No loop: no debt, no liquidation price, leverage 1, a single transaction.
    QVERIFY(!raw(1, PlanComparison::LiquidationPrice).isValid());
    QCOMPARE(c.index(PlanComparison::LiquidationPrice, 1).data().toString(),
             QStringLiteral("none (no debt)"));
    QCOMPARE(raw(1, PlanComparison::Leverage).toDouble(), 1.0);
    QCOMPARE(raw(1, PlanComparison::Transactions).toDouble(), 1.0);
    for (int f = 0; f < PlanComparison::FigureCount; ++f)
        QVERIFY(!PlanComparison::figureName(static_cast<PlanComparison::Figure>(f)).isEmpty());
}

void TestPlanComparison::currentColumnFollows()
{
    PlanComparison c;
    QAbstractItemModelTester tester(&c, QAbstractItemModelTester::FailureReportingMode::QtTest);
    c.setCurrent(resultWithLoops(1));
    c.pin(resultWithLoops(1));
    QSignalSpy data(&c, &QAbstractItemModel::dataChanged);
    c.setCurrent(resultWithLoops(4));
    QCOMPARE(data.count(), 1);
    // The pinned snapshot did not move; the current column did: more loops, more leverage.
    QVERIFY(c.index(PlanComparison::Leverage, 0).data(PlanComparison::RawValueRole).toDouble() >
            c.index(PlanComparison::Leverage, 1).data(PlanComparison::RawValueRole).toDouble());
}

void TestPlanComparison::protectionRulesCompareSideBySide()
{
    // Compare mode (issue 18): the same plan pinned with an auto-repay, edited to a stop-loss. Each
    // column's chance of liquidation with its rules is that plan's own simulation (20,000 paths, seed 1).
    Plan plan = test::fixturePlan();
    plan.horizonDays = 180;
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    repay.targetHealthFactor = 1.6;
    ProtectionRule stop = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    stop.priceUsd = 0.8 * plan.collateral.priceUsd;
    Plan withRepay = plan;
    withRepay.protection = {repay};
    Plan withStop = plan;
    withStop.protection = {stop};
    const auto repayResult = std::make_shared<const PlanResult>(*computePlan(withRepay));
    const auto stopResult = std::make_shared<const PlanResult>(*computePlan(withStop));
    const auto bare = std::make_shared<const PlanResult>(*computePlan(plan));
    PlanComparison c;
    QAbstractItemModelTester tester(&c);
    c.setCurrent(stopResult);
    c.pin(repayResult);
    c.pin(bare);
    const auto expected = [](const PlanResult &r) {
        MonteCarloOptions o;
        o.threads = 1; // the figures do not depend on the thread count
        return simulateProtection(r.plan, r.opened, o).value();
    };
    const ProtectionMonteCarloResult s = expected(*stopResult);
    const ProtectionMonteCarloResult a = expected(*repayResult);
    const auto raw = [&](int column, PlanComparison::Figure f) {
        return c.index(f, column).data(PlanComparison::RawValueRole);
    };
    QCOMPARE(raw(0, PlanComparison::LiquidationWithRules).toDouble(), s.with.liquidationProbability);
    QCOMPARE(raw(1, PlanComparison::LiquidationWithRules).toDouble(), a.with.liquidationProbability);
    QCOMPARE(raw(0, PlanComparison::RuleCosts).toDouble(), s.expectedFeesUsd);
    QCOMPARE(raw(1, PlanComparison::RuleCosts).toDouble(), a.expectedFeesUsd);
    QCOMPARE(c.index(PlanComparison::Protection, 0).data().toString(),
             QStringLiteral("stop-loss %1").arg(display::usd(stop.priceUsd)));
    QCOMPARE(c.index(PlanComparison::Protection, 1).data().toString(),
             QStringLiteral("auto-repay at HF 1.30 to 1.60"));
    QCOMPARE(c.index(PlanComparison::LiquidationWithRules, 1).data().toString(),
             QStringLiteral("%1 (without: %2)")
                 .arg(display::percent(a.with.liquidationProbability, 2),
                      display::percent(a.without.liquidationProbability, 2)));
    // Without rules both columns estimate the same chance: within sampling error of each other (the
    // bridged paths of two rule sets are refined at different places, so they are not the same draws).
    const double p = s.without.liquidationProbability;
    QVERIFY(std::fabs(p - a.without.liquidationProbability) <=
            4.5 * std::sqrt(2.0 * p * (1.0 - p) / 20000.0));
    // No rules: nothing simulated, a dash.
    QCOMPARE(c.index(PlanComparison::Protection, 2).data().toString(), QStringLiteral("none"));
    QVERIFY(!raw(2, PlanComparison::LiquidationWithRules).isValid());
    QCOMPARE(c.index(PlanComparison::RuleCosts, 2).data().toString(), display::undefinedMark());
}

void TestPlanComparison::deferredProtectionWaitsForItsFigures()
{
    // Deferred (the window's panel): data() never simulates; the rules' cells say "computing…" until
    // setProtection() brings the figures, which are those of simulateProtectionFigures; figures for a
    // result no longer on show are refused; a pinned snapshot keeps its figures when the current plan
    // moves on.
    Plan plan = test::fixturePlan();
    plan.horizonDays = 90;
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    repay.targetHealthFactor = 1.6;
    plan.protection = {repay};
    const auto ruled = std::make_shared<const PlanResult>(*computePlan(plan));
    const auto bare = resultWithLoops(2);
    PlanComparison c;
    QAbstractItemModelTester tester(&c);
    c.setProtectionDeferred(true);
    c.setCurrent(ruled);
    c.pin(bare);
    const QModelIndex cell = c.index(PlanComparison::LiquidationWithRules, 0);
    QCOMPARE(cell.data().toString(), QStringLiteral("computing…"));
    QVERIFY(!cell.data(PlanComparison::RawValueRole).isValid());
    QVERIFY(!c.hasProtection(ruled.get()));
    // Only the plan with rules waits; the plan without has its dash at once.
    QCOMPARE(c.index(PlanComparison::RuleCosts, 1).data().toString(), display::undefinedMark());
    QCOMPARE(c.protectionPending().size(), size_t(1));
    QVERIFY(c.protectionPending().front() == ruled);

    const std::optional<PlanComparison::ProtectionFigures> f =
        PlanComparison::simulateProtectionFigures(*ruled);
    QVERIFY(f);
    MonteCarloOptions o;
    o.threads = 1; // the figures do not depend on the thread count
    const ProtectionMonteCarloResult direct = simulateProtection(ruled->plan, ruled->opened, o).value();
    QCOMPARE(f->with, direct.with.liquidationProbability);
    QCOMPARE(f->without, direct.without.liquidationProbability);
    QCOMPARE(f->feesUsd, direct.expectedFeesUsd);
    QVERIFY(!PlanComparison::simulateProtectionFigures(*bare)); // no rules, nothing to simulate

    QSignalSpy changed(&c, &QAbstractItemModel::dataChanged);
    const auto gone = resultWithLoops(4);
    QVERIFY(!c.setProtection(gone.get(), f)); // not on show: refused
    QCOMPARE(changed.count(), 0);
    QVERIFY(c.setProtection(ruled.get(), f));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(cell.data(PlanComparison::RawValueRole).toDouble(), f->with);
    QVERIFY(c.protectionPending().empty());

    // Pinned, then the current plan moves on: the snapshot keeps its figures, the new plan waits.
    QCOMPARE(c.pin(ruled), 1);
    Plan other = plan;
    other.strategy.loops = 1;
    const auto next = std::make_shared<const PlanResult>(*computePlan(other));
    c.setCurrent(next);
    QVERIFY(c.hasProtection(ruled.get()));
    QCOMPARE(c.index(PlanComparison::LiquidationWithRules, 2).data(PlanComparison::RawValueRole).toDouble(),
             f->with);
    QCOMPARE(c.protectionPending().size(), size_t(1));
    QVERIFY(c.protectionPending().front() == next);
    // Unpinned while not current: its figures go, and a late result for it is stale.
    c.unpin(1);
    QVERIFY(!c.hasProtection(ruled.get()));
    QVERIFY(!c.setProtection(ruled.get(), f));
}

QTEST_GUILESS_MAIN(TestPlanComparison)
#include "tst_plancomparison.moc"
