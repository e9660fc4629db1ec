// The P&L chart: its data are the sweep's points, its markers the sweep's prices.
#include "displayformat.h"
#include "pnlchart.h"
#include "uitestutil.h"

#include <QDir>

#include <cmath>

using namespace lp;
using namespace lp::uitest;

class TestPnlChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void curvesAreTheSweep();
    void markersStandAtSpotBreakEvenAndLiquidation();
    void noDebtHidesLiquidationMarker();
    void axesAndLegendAreLabelled();
    void tickLabelsUseThousandsSeparators();
    void smallPricesGetDecimalTicks();
    void compareRuleSetDrawsTheOtherSweep();
    void priceRulesStandWhereTheyAct();
    void labelsStayInsideThePlot();
};

void TestPnlChart::curvesAreTheSweep()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    PnlChart chart;
    chart.showResult(result);
    QCOMPARE(chart.leveragedGraph()->data()->size(), 2001);
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), result.sweep));
    QVERIFY(holdGraphMatches(chart.holdGraph(), result.sweep));
    // The whole sweep is in view.
    QCOMPARE(chart.plot()->xAxis->range().lower, result.sweep.points.front().priceUsd);
    QCOMPARE(chart.plot()->xAxis->range().upper, result.sweep.points.back().priceUsd);
}

void TestPnlChart::markersStandAtSpotBreakEvenAndLiquidation()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    PnlChart chart;
    chart.showResult(result);
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::Spot), 3500.0);
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::BreakEven), result.sweep.breakEvenPriceUsd);
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::Liquidation), result.sweep.liquidationPriceUsd);
    QVERIFY(result.sweep.liquidationPriceUsd < 3500.0 && result.sweep.breakEvenPriceUsd > 3500.0);
    QCOMPARE(chart.markerLabel(PnlChart::Marker::Spot), QStringLiteral("Spot $3,500"));
    QVERIFY(chart.markerLabel(PnlChart::Marker::Liquidation).startsWith(QStringLiteral("Liquidation $")));
}

void TestPnlChart::noDebtHidesLiquidationMarker()
{
    PnlChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    Plan plan = longDefaultPlan();
    plan.strategy.loops = 0;
    const PlanResult result = expectedResult(plan);
    chart.showResult(result);
    QVERIFY(std::isnan(chart.markerPriceUsd(PnlChart::Marker::Liquidation)));
    QVERIFY(chart.markerLabel(PnlChart::Marker::Liquidation).isEmpty());
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), result.sweep));
}

void TestPnlChart::axesAndLegendAreLabelled()
{
    PnlChart chart;
    chart.showResult(expectedResult(longDefaultPlan()));
    QCOMPARE(chart.plot()->xAxis->label(), QStringLiteral("wstETH price (USD)"));
    QCOMPARE(chart.plot()->yAxis->label(), QStringLiteral("P&L (USD)"));
    QVERIFY(chart.plot()->legend->visible());
    QVERIFY(chart.plot()->legend->hasItemWithPlottable(chart.leveragedGraph()));
    QVERIFY(chart.plot()->legend->hasItemWithPlottable(chart.holdGraph()));
    QVERIFY(chart.leveragedGraph()->name().startsWith(QStringLiteral("Leveraged")));
    QCOMPARE(chart.holdGraph()->name(), QStringLiteral("Hold 10.00 wstETH"));
}

void TestPnlChart::tickLabelsUseThousandsSeparators()
{
    PnlChart chart;
    chart.resize(900, 500);
    chart.showResult(expectedResult(longDefaultPlan()));
    chart.plot()->replot();
    const QVector<QString> labels = chart.plot()->xAxis->tickVectorLabels();
    QVERIFY(!labels.isEmpty());
    QVERIFY2(std::any_of(labels.begin(), labels.end(),
                         [](const QString &l) { return l.contains(QLatin1Char(',')); }),
             qPrintable(QStringList(labels.begin(), labels.end()).join(QLatin1Char('|'))));
    for (const QString &label : labels)
        QVERIFY2(!label.contains(QLatin1Char('.')), qPrintable(label)); // whole dollars at this scale
}

void TestPnlChart::smallPricesGetDecimalTicks()
{
    Plan plan = longDefaultPlan();
    plan.collateral.priceUsd = 0.5;
    plan.borrow.priceUsd = 0.4;
    PnlChart chart;
    chart.resize(900, 500);
    chart.showResult(expectedResult(plan));
    chart.plot()->replot();
    const QVector<QString> labels = chart.plot()->xAxis->tickVectorLabels();
    QVERIFY2(std::any_of(labels.begin(), labels.end(),
                         [](const QString &l) { return l.contains(QLatin1Char('.')); }),
             qPrintable(QStringList(labels.begin(), labels.end()).join(QLatin1Char('|'))));
    QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size()); // no two ticks read the same
}

void TestPnlChart::compareRuleSetDrawsTheOtherSweep()
{
    // The same plan under Aave v3.3 and, as a what-if, Morpho Blue: the dashed curve is the Morpho sweep,
    // which differs below the liquidation price (all of the debt repaid at once, Morpho's incentive).
    Plan plan = longDefaultPlan();
    plan.liquidationRules = LiquidationRuleSet::AaveV33;
    Plan other = plan;
    other.liquidationRules = LiquidationRuleSet::MorphoBlue;
    const PlanResult mine = expectedResult(plan);
    const PlanResult theirs = expectedResult(other);
    PnlChart chart;
    chart.showResult(mine);
    QVERIFY(!chart.compareGraph()->visible());
    chart.setCompareRuleSet(LiquidationRuleSet::MorphoBlue);
    QVERIFY(chart.compareGraph()->visible());
    QVERIFY(leveragedGraphMatches(chart.compareGraph(), theirs.sweep));
    QVERIFY(leveragedGraphMatches(chart.leveragedGraph(), mine.sweep));
    QVERIFY(chart.compareGraph()->name().startsWith(QStringLiteral("Under morpho-blue")));
    // Above the liquidation price both agree; well below it they do not.
    const auto at = [](const PriceSweep &s, size_t i) { return s.points[i].equityUsd; };
    QCOMPARE(at(mine.sweep, 2000), at(theirs.sweep, 2000));
    bool differs = false;
    for (size_t i = 0; i < 2001; ++i)
        differs |= std::abs(at(mine.sweep, i) - at(theirs.sweep, i)) > 1.0;
    QVERIFY(differs);
    // A new result keeps the what-if; None hides it.
    chart.showResult(mine);
    QVERIFY(leveragedGraphMatches(chart.compareGraph(), theirs.sweep));
    const QByteArray out = qgetenv("LP_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        chart.resize(1000, 620);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(out)));
        QVERIFY(chart.grab().save(
            QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("rules-whatif.png"))));
    }
    chart.setCompareRuleSet(std::nullopt);
    QVERIFY(!chart.compareGraph()->visible());
    QVERIFY(!chart.compareRuleSet());
}

void TestPnlChart::priceRulesStandWhereTheyAct()
{
    // On the USD axis: two stops (the higher acts first), a take-profit and a trailing stop of 25 % (from
    // 0.75 x spot).
    Plan plan = longDefaultPlan();
    const double spot = plan.collateral.priceUsd;
    ProtectionRule low = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    low.priceUsd = std::round(0.7 * spot);
    ProtectionRule high = low;
    high.priceUsd = std::round(0.8 * spot);
    ProtectionRule take = ProtectionRule::ofKind(ProtectionKind::TakeProfit);
    take.priceUsd = std::round(1.3 * spot);
    ProtectionRule trail = ProtectionRule::ofKind(ProtectionKind::TrailingStop);
    trail.fraction = 0.25;
    plan.protection = {low, high, take, trail};
    PnlChart chart;
    chart.showResult(expectedResult(plan));
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::StopLoss), high.priceUsd);
    QCOMPARE(chart.markerLabel(PnlChart::Marker::StopLoss),
             QStringLiteral("Stop-loss %1").arg(display::usd(high.priceUsd, 0)));
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::TakeProfit), take.priceUsd);
    QCOMPARE(chart.markerLabel(PnlChart::Marker::TakeProfit),
             QStringLiteral("Take-profit %1").arg(display::usd(take.priceUsd, 0)));
    QCOMPARE(chart.markerPriceUsd(PnlChart::Marker::TrailingStop), 0.75 * spot);
    QCOMPARE(chart.markerLabel(PnlChart::Marker::TrailingStop),
             QStringLiteral("Trailing stop from %1").arg(display::usd(0.75 * spot, 0)));
    // A plan without price rules shows none.
    chart.showResult(expectedResult(longDefaultPlan()));
    for (PnlChart::Marker m :
         {PnlChart::Marker::StopLoss, PnlChart::Marker::TakeProfit, PnlChart::Marker::TrailingStop})
        QVERIFY(std::isnan(chart.markerPriceUsd(m)));
}

// A ratio pair's liquidation line stands near the left edge (0.86 on an axis from 0): its label, on the
// line's left by default, went past the edge and was cut ("06 WETH per wstETH"). It now sits on the
// line's right there, and every visible label is inside the plot area; on a wide axis it goes back.
void TestPnlChart::labelsStayInsideThePlot()
{
    PnlChart chart;
    chart.resize(660, 480);
    chart.plot()->resize(660, 480);
    chart.plot()->setViewport(chart.plot()->rect()); // a hidden widget gets its resize event only when shown
    chart.showResult(expectedResult(defaultPlan()));
    chart.plot()->replot();
    const QRectF area = chart.plotAreaRect();
    const double liquidation = chart.markerPriceUsd(PnlChart::Marker::Liquidation);
    QVERIFY(std::isfinite(liquidation));
    const double linePixel = chart.plot()->xAxis->coordToPixel(liquidation);
    QVERIFY2(linePixel - area.left() < chart.markerLabelRect(PnlChart::Marker::Liquidation).width(),
             "the line must be too near the edge for its label on the left");
    for (PnlChart::Marker m : {PnlChart::Marker::Spot, PnlChart::Marker::BreakEven,
                               PnlChart::Marker::Liquidation, PnlChart::Marker::ZeroEquity}) {
        const QRectF label = chart.markerLabelRect(m);
        if (label.isEmpty())
            continue;
        QVERIFY2(label.left() >= area.left() - 0.5 && label.right() <= area.right() + 0.5,
                 qPrintable(chart.markerLabel(m)));
    }
    QVERIFY(chart.markerLabelRect(PnlChart::Marker::Liquidation).left() >= linePixel);
    // With room on the left (the axis moved so the line is mid-plot) it is on its own side again.
    chart.plot()->xAxis->setRange(liquidation - 2.0, liquidation + 1.0);
    chart.plot()->replot();
    QVERIFY(chart.markerLabelRect(PnlChart::Marker::Liquidation).right() <=
            chart.plot()->xAxis->coordToPixel(liquidation));
}

QTEST_MAIN(TestPnlChart)
#include "tst_pnlchart.moc"
