// One outlook per result (model/outlook/lazyoutlook.h): each part is computed on first use, once, and is
// exactly what the part's own function gives; computeOutlook() is those parts put together, so the report
// and the window's pages read the same numbers. computeOutlookClose() keeps both ways of closing and picks
// the report's close: the one asked for, or the flash close when selling to repay is impossible.
#include "engine.h"
#include "lazyoutlook.h"
#include "riskasset.h"
#include "testutil.h"

#include <memory>

using namespace lp;

namespace {

std::shared_ptr<const PlanResult> compute(const Plan &plan)
{
    Expected<PlanResult> r = computePlan(plan);
    if (!r)
        qFatal("%s", qPrintable(formatErrors(r.errors())));
    return std::make_shared<const PlanResult>(std::move(r).value());
}

OutlookOptions fewPaths()
{
    OutlookOptions o;
    o.monteCarlo.paths = 500;
    o.monteCarlo.seed = 3;
    return o;
}

CloseResult closeBy(const PlanResult &r, CloseMethod method, double priceUsd)
{
    CloseOptions o;
    o.method = method;
    o.exitPriceUsd = priceUsd;
    Expected<CloseResult> c = simulateClose(r.plan, r.opened, o);
    if (!c)
        qFatal("%s", qPrintable(formatErrors(c.errors())));
    return *c;
}

} // namespace

class TestLazyOutlook : public QObject {
    Q_OBJECT
private slots:
    void partsAreComputedOnFirstUseOnly();
    void partsAreTheirFunctions();
    void computeOutlookIsTheParts();
    void closeKeepsBothMethodsAndPicksSellToRepay();
    void closeFallsBackToFlashWhenSellingIsImpossible();
    void closeWithoutFallbackOrUnderwater();
    void gridAxes();
};

void TestLazyOutlook::partsAreComputedOnFirstUseOnly()
{
    const LazyOutlook o(compute(test::fixturePlan()), fewPaths());
    using Part = LazyOutlook::Part;
    for (const Part p : {Part::Timeline, Part::Close, Part::Probability, Part::MonteCarlo, Part::Stress,
                         Part::PnlGrid, Part::ProbabilityGrid})
        QVERIFY(!o.isComputed(p));
    const Timeline *first = &o.timeline();
    QVERIFY(o.isComputed(Part::Timeline));
    QVERIFY(!o.isComputed(Part::MonteCarlo));
    QCOMPARE(&o.timeline(), first); // kept, not recomputed
    // The Monte Carlo walks the timeline's barrier: it reads the same one.
    (void)o.monteCarlo();
    QVERIFY(o.isComputed(Part::MonteCarlo));
    QCOMPARE(&o.timeline(), first);
    QVERIFY(!o.isComputed(Part::Close) && !o.isComputed(Part::Stress));
}

void TestLazyOutlook::partsAreTheirFunctions()
{
    const std::shared_ptr<const PlanResult> r = compute(test::fixturePlan());
    const LazyOutlook o(r, fewPaths());
    QCOMPARE(o.timeline().points.size(), size_t(366));
    QCOMPARE(o.timeline().points.back().equityUsd,
             computeTimeline(r->plan, r->opened).points.back().equityUsd);
    QCOMPARE(o.liquidationProbability(), liquidationProbability(r->plan, r->opened));
    const Expected<MonteCarloResult> mc =
        monteCarloLiquidationProbability(r->plan, computeTimeline(r->plan, r->opened), fewPaths().monteCarlo);
    QVERIFY(mc && o.monteCarlo().result);
    QCOMPARE(o.monteCarlo().result->probability, mc->probability);
    QCOMPARE(o.monteCarlo().result->paths, 500);
    QCOMPARE(o.stress().size(), runStressPresets(r->plan, r->opened).size());
    QCOMPARE(o.stress().back().after.equityUsd, runStressPresets(r->plan, r->opened).back().after.equityUsd);
    QCOMPARE(o.pnlGrid().pnlUsd, pnlGrid(r->plan, r->opened, pnlGridPrices(3500.0), pnlGridDays(365)).pnlUsd);
    QCOMPARE(o.probabilityGrid().probability,
             probabilityHeatmap(r->plan, riskGridLoopCounts(), riskGridVolatilities())->probability);
    // Without the Monte Carlo: nothing, and no error either.
    OutlookOptions none = fewPaths();
    none.runMonteCarlo = false;
    const LazyOutlook off(r, none);
    QVERIFY(!off.monteCarlo().result && off.monteCarlo().errors.isEmpty());
}

void TestLazyOutlook::computeOutlookIsTheParts()
{
    const std::shared_ptr<const PlanResult> r = compute(test::fixturePlan());
    const LazyOutlook lazy(r, fewPaths());
    const Outlook o = computeOutlook(*r, fewPaths());
    QCOMPARE(o.timeline.points.back().healthFactor, lazy.timeline().points.back().healthFactor);
    QCOMPARE(o.close->walkAwayUsd, lazy.close().chosen->walkAwayUsd);
    QVERIFY(o.closeMethod == lazy.close().method);
    QCOMPARE(o.exitDay, 365);
    QCOMPARE(o.exitPriceUsd, 3500.0);
    QCOMPARE(o.liquidationProbability, lazy.liquidationProbability());
    QCOMPARE(o.monteCarlo->probability, lazy.monteCarlo().result->probability);
    QCOMPARE(o.stress.front().after.healthFactor, lazy.stress().front().after.healthFactor);
    QCOMPARE(outlookCloseJson(o), outlookCloseJson(lazy.close()));
}

void TestLazyOutlook::closeKeepsBothMethodsAndPicksSellToRepay()
{
    // Today's price on day 365: HF = 1.0325 x 3500 / 2650 = 1.36, above the 1.05 floor; both ways work
    // and the report sells.
    const std::shared_ptr<const PlanResult> r = compute(test::fixturePlan());
    const OutlookClose c = computeOutlookClose(*r, CloseOptions{});
    QVERIFY(c.method == CloseMethod::SellToRepay);
    QCOMPARE(c.exitDay, 365);
    QCOMPARE(c.exitPriceUsd, 3500.0);
    QVERIFY(c.sellToRepay && c.flashClose);
    QCOMPARE(c.sellToRepay->walkAwayUsd, closeBy(*r, CloseMethod::SellToRepay, 3500.0).walkAwayUsd);
    QCOMPARE(c.flashClose->walkAwayUsd, closeBy(*r, CloseMethod::FlashClose, 3500.0).walkAwayUsd);
    QVERIFY(c.chosen->method == CloseMethod::SellToRepay);
    QCOMPARE(c.chosen->walkAwayUsd, c.sellToRepay->walkAwayUsd);
    QVERIFY(c.chosenErrors.isEmpty() && !c.usedFallback());
    // Asking for the flash close picks it.
    CloseOptions flash;
    flash.method = CloseMethod::FlashClose;
    const OutlookClose f = computeOutlookClose(*r, flash);
    QVERIFY(f.chosen->method == CloseMethod::FlashClose);
    QVERIFY(!f.usedFallback());
}

void TestLazyOutlook::closeFallsBackToFlashWhenSellingIsImpossible()
{
    // At $2,650 on day 365, HF = 1.0325 is under the 1.05 floor: selling to repay cannot withdraw
    // anything, the flash close can, and the report's close is the flash close with the reason.
    const std::shared_ptr<const PlanResult> r = compute(test::fixturePlan());
    CloseOptions at;
    at.exitPriceUsd = 2650;
    const OutlookClose c = computeOutlookClose(*r, at);
    QVERIFY(!c.sellToRepay);
    QVERIFY(formatErrors(c.sellToRepayErrors).contains(QStringLiteral("close.healthFactorFloor")));
    QVERIFY(c.flashClose);
    QVERIFY(c.chosen->method == CloseMethod::FlashClose);
    QCOMPARE(c.chosen->walkAwayUsd, closeBy(*r, CloseMethod::FlashClose, 2650.0).walkAwayUsd);
    QVERIFY(c.chosenErrors == c.sellToRepayErrors);
    QVERIFY(c.usedFallback());
    QVERIFY(outlookCloseJson(c)
                .value(QStringLiteral("note"))
                .toString()
                .startsWith(QStringLiteral("sellToRepay was not possible")));
}

void TestLazyOutlook::closeWithoutFallbackOrUnderwater()
{
    const std::shared_ptr<const PlanResult> r = compute(test::fixturePlan());
    CloseOptions at;
    at.exitPriceUsd = 2650;
    const OutlookClose strict = computeOutlookClose(*r, at, false);
    QVERIFY(!strict.chosen);
    QVERIFY(strict.chosenErrors == strict.sellToRepayErrors);
    QVERIFY(strict.flashClose); // still there for the side-by-side
    // At $1,500 the collateral ($37,649) does not repay the debt ($51,537): neither way, the flash
    // close's reason is the report's.
    at.exitPriceUsd = 1500;
    const OutlookClose under = computeOutlookClose(*r, at);
    QVERIFY(!under.chosen && !under.sellToRepay && !under.flashClose);
    QVERIFY(under.chosenErrors == under.flashCloseErrors);
    QVERIFY(formatErrors(under.chosenErrors).contains(QStringLiteral("underwater")));
}

void TestLazyOutlook::gridAxes()
{
    const std::vector<double> prices = pnlGridPrices(1000.0);
    QCOMPARE(prices.size(), size_t(61));
    QCOMPARE(prices.front(), 400.0);
    QCOMPARE(prices[30], 1000.0);
    QCOMPARE(prices.back(), 1600.0);
    QCOMPARE(pnlGridDays(365).size(), size_t(61));
    QCOMPARE(pnlGridDays(30).size(), size_t(31));
    QCOMPARE(pnlGridDays(0), std::vector<int>{0});
    QCOMPARE(riskGridLoopCounts().size(), size_t(11));
    QCOMPARE(riskGridVolatilities().front(), 0.1);
    QCOMPARE(riskGridVolatilities().back(), 1.5);
    // A plan's grid is on the scale of the price that moves: a ratio pair's 1 %..15 % holds its
    // risk.ratioVolatility (2 %/yr by default); a long's is the USD grid.
    const Plan ratio = test::compute(defaultPlan()).plan;
    QVERIFY(effectiveRiskAsset(ratio) == RiskAsset::Ratio);
    const std::vector<double> ratioVols = riskGridVolatilities(ratio);
    QCOMPARE(ratioVols.size(), size_t(15));
    QCOMPARE(ratioVols.front(), 0.01);
    QCOMPARE(ratioVols[1], 0.02);
    QCOMPARE(ratioVols.back(), 0.15);
    QVERIFY(riskVolatility(ratio) >= ratioVols.front() && riskVolatility(ratio) <= ratioVols.back());
    Plan longPlan = ratio;
    longPlan.riskAsset = RiskAsset::Collateral;
    QVERIFY(riskGridVolatilities(longPlan) == riskGridVolatilities());
}

QTEST_MAIN(TestLazyOutlook)
#include "tst_lazyoutlook.moc"
