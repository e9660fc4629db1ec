// The Risk tab: its probabilities are the model's (closed form and Monte Carlo), its heatmap is
// lp::probabilityHeatmap, its table the stress presets; a plan change redraws all of them.
#include "displayformat.h"
#include "outlook.h"
#include "riskasset.h"
#include "riskview.h"
#include "uitestutil.h"

#include <QLabel>
#include <QTableWidget>

using namespace lp;
using namespace lp::uitest;

namespace {
// Where the Monte Carlo is not what a test checks, fewer paths keep it fast in the sanitizer build.
MonteCarloOptions fewPaths()
{
    MonteCarloOptions o = defaultMonteCarloOptions();
    o.paths = 2000;
    return o;
}
} // namespace

class TestRiskView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void probabilitiesAreTheModels();
    void monteCarloOptionsAreUsed();
    void heatmapIsTheProbabilityGrid();
    void ratioPairHeatmapIsOnTheRatioScale();
    void stressTableIsThePresets();
    void volatilityChangeRedraws();
};

void TestRiskView::probabilitiesAreTheModels()
{
    const PlanResult r = expectedResult(longDefaultPlan());
    RiskView view;
    view.showResult(r);
    QCOMPARE(view.closedFormProbability(), liquidationProbability(r.plan, r.opened));
    const MonteCarloResult mc = *monteCarloLiquidationProbability(r.plan, computeTimeline(r.plan, r.opened),
                                                                  defaultMonteCarloOptions());
    QVERIFY(view.monteCarlo().has_value());
    QCOMPARE(view.monteCarlo()->probability, mc.probability);
    QCOMPARE(view.monteCarlo()->paths, kDefaultMonteCarloPaths);
    QVERIFY(view.closedFormLabel()->text().contains(display::percent(view.closedFormProbability(), 1)));
    const QString mcText = view.monteCarloLabel()->text();
    QVERIFY2(mcText.contains(display::percent(mc.ci95Low, 1)) &&
                 mcText.contains(display::percent(mc.ci95High, 1)),
             qPrintable(mcText));
}

void TestRiskView::monteCarloOptionsAreUsed()
{
    const PlanResult r = expectedResult(longDefaultPlan());
    RiskView view;
    QCOMPARE(view.monteCarloOptions(), defaultMonteCarloOptions());
    MonteCarloOptions few = defaultMonteCarloOptions();
    few.paths = 1500;
    few.seed = 9;
    view.setMonteCarloOptions(few);
    view.showResult(r);
    QCOMPARE(view.monteCarlo()->paths, 1500);
    QCOMPARE(view.monteCarlo()->probability,
             monteCarloLiquidationProbability(r.plan, computeTimeline(r.plan, r.opened), few)->probability);
    QVERIFY(view.monteCarloLabel()->text().contains(QStringLiteral("1,500 paths")));
    QVERIFY(view.monteCarloLabel()->text().contains(QStringLiteral("seed 9")));
}

void TestRiskView::heatmapIsTheProbabilityGrid()
{
    const PlanResult r = expectedResult(longDefaultPlan());
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(r);
    const ProbabilityGrid expected =
        *probabilityHeatmap(r.plan, RiskView::gridLoopCounts(), RiskView::gridVolatilities(r.plan));
    QCOMPARE(view.grid().probability, expected.probability);
    QCPColorMapData *data = view.probabilityMap()->data();
    QCOMPARE(data->keySize(), 15);   // volatility 10 %..150 %
    QCOMPARE(data->valueSize(), 11); // loops 0..10
    QCOMPARE(data->cell(5, 3), expected.at(3, 5));
    // No debt, no liquidation; more loops or more volatility, more risk.
    QCOMPARE(data->cell(14, 0), 0.0);
    QVERIFY(data->cell(5, 10) > data->cell(5, 3));
    QVERIFY(data->cell(10, 3) > data->cell(2, 3));
}

// A ratio pair (the default plan: wstETH against WETH, risk.ratioVolatility 2 %/yr) is drawn on the
// ratio's scale, 1 %..15 %: on the USD grid (10 %..150 %) its own cell would lie off the map.
void TestRiskView::ratioPairHeatmapIsOnTheRatioScale()
{
    const PlanResult r = expectedResult(defaultPlan());
    QVERIFY(effectiveRiskAsset(r.plan) == RiskAsset::Ratio);
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(r);
    QCOMPARE(view.grid().volatilities.size(), size_t(15));
    QCOMPARE(view.grid().volatilities.front(), 0.01);
    QCOMPARE(view.grid().volatilities.back(), 0.15);
    const ProbabilityGrid expected =
        *probabilityHeatmap(r.plan, RiskView::gridLoopCounts(), RiskView::gridVolatilities(r.plan));
    QCOMPARE(view.grid().probability, expected.probability);
    // The circle (2 %, the plan's loops) is inside the drawn range, half a step beyond either end cell.
    const QCPRange x = view.heatmapPlot()->xAxis->range();
    QCOMPARE(x.lower, 0.5);
    QCOMPARE(x.upper, 15.5);
    QVERIFY(x.contains(riskVolatility(r.plan) * 100.0));
    QVERIFY(view.heatmapPlot()->xAxis->label().contains(QStringLiteral("wstETH/WETH")));
    // The read-out names the nearest column within half a step, and nothing beyond the map.
    QVERIFY(view.heatmapReadOut(2.3).startsWith(QStringLiteral("Volatility 2 %")));
    QVERIFY(view.heatmapReadOut(16.0).isEmpty());
    // More volatility, more risk, along the plan's own row.
    const auto row = static_cast<size_t>(r.opened.loops);
    QVERIFY(expected.at(row, 14) > expected.at(row, 1));
}

void TestRiskView::stressTableIsThePresets()
{
    const PlanResult r = expectedResult(longDefaultPlan());
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(r);
    const std::vector<StressResult> expected = runStressPresets(r.plan, r.opened);
    // Row 0: today, the same "before" for every preset; then one row per preset, after it.
    QCOMPARE(view.stressTable()->rowCount(), int(expected.size()) + 1);
    QCOMPARE(view.stressTable()->horizontalHeaderItem(RiskView::Liquidation)->text(),
             QStringLiteral("Liquidation"));
    QCOMPARE(view.stressTable()->item(0, RiskView::HealthFactor)->text(),
             display::healthFactor(expected[0].before.healthFactor));
    QCOMPARE(view.stressTable()->item(0, RiskView::Liquidation)->text(),
             display::usd(expected[0].before.liquidationPriceUsd));
    QCOMPARE(view.stressTable()->item(1, RiskView::Scenario)->text(), QStringLiteral("wstETH -10 %"));
    QCOMPARE(view.stressTable()->item(1, RiskView::HealthFactor)->text(),
             display::healthFactor(expected[0].after.healthFactor));
    QCOMPARE(view.stressTable()->item(5, RiskView::Equity)->text(),
             display::usd(expected[4].after.equityUsd));
    QCOMPARE(view.stressTable()->item(8, RiskView::CloseValue)->text(),
             display::usd(expected[7].after.closeValueUsd));
    // -30 % crosses the liquidation price: the penalty is shown.
    QVERIFY(expected[1].liquidated);
    QCOMPARE(view.stressTable()->item(2, RiskView::Penalty)->text(), display::usd(expected[1].penaltyUsd));
}

void TestRiskView::volatilityChangeRedraws()
{
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(expectedResult(longDefaultPlan()));
    const double closedBefore = view.closedFormProbability();
    const double mcBefore = view.monteCarlo()->probability;
    Plan plan = longDefaultPlan();
    plan.risk.annualVolatility = 0.3;
    const PlanResult r = expectedResult(plan);
    view.showResult(r);
    QVERIFY(view.closedFormProbability() < closedBefore);
    QCOMPARE(view.closedFormProbability(), liquidationProbability(r.plan, r.opened));
    QVERIFY(view.monteCarlo()->probability < mcBefore);
    QVERIFY(view.closedFormLabel()->text().contains(QStringLiteral("volatility 30 %")));
}

QTEST_MAIN(TestRiskView)
#include "tst_riskview.moc"
