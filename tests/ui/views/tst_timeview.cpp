// The Time tab: its curves are the timeline's days, its heatmap is lp::pnlGrid, and a plan change
// redraws both.
#include "displayformat.h"
#include "timeview.h"
#include "uitestutil.h"

#include <QLabel>

#include <cmath>

using namespace lp;
using namespace lp::uitest;

namespace {

// True when the graph holds (day, valueOf(point)) for every day of the timeline, in order.
template <class ValueOf>
bool graphIsTimeline(const QCPGraph *graph, const Timeline &timeline, ValueOf valueOf)
{
    const auto data = graph->data();
    if (static_cast<size_t>(data->size()) != timeline.points.size())
        return false;
    auto it = data->constBegin();
    for (const TimelinePoint &p : timeline.points) {
        if (it->key != p.day || it->value != valueOf(p))
            return false;
        ++it;
    }
    return true;
}

} // namespace

class TestTimeView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void curvesAreTheTimeline();
    void heatmapIsThePnlGrid();
    void gridAxes();
    void planChangeRedraws();
};

void TestTimeView::curvesAreTheTimeline()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    TimeView view;
    view.showResult(result);
    const Timeline expected = computeTimeline(result.plan, result.opened);
    QCOMPARE(view.timeline().points.size(), size_t(366)); // days 0..365
    QVERIFY(
        graphIsTimeline(view.equityGraph(), expected, [](const TimelinePoint &p) { return p.equityUsd; }));
    QVERIFY(
        graphIsTimeline(view.holdGraph(), expected, [](const TimelinePoint &p) { return p.holdValueUsd; }));
    QVERIFY(graphIsTimeline(view.liquidationGraph(), expected,
                            [](const TimelinePoint &p) { return p.liquidationPriceUsd; }));
    QVERIFY(
        graphIsTimeline(view.healthGraph(), expected, [](const TimelinePoint &p) { return p.healthFactor; }));
    // The spot line is today's price on every day.
    QCOMPARE(view.spotGraph()->data()->size(), 366);
    QCOMPARE(view.spotGraph()->data()->at(200)->value, 3500.0);
    // Default plan: collateral earns 3.1 % against 2.5 % on the debt, so the liquidation price drifts down.
    QVERIFY(view.liquidationGraph()->data()->at(365)->value < view.liquidationGraph()->data()->at(0)->value);
    QVERIFY2(view.summaryLabel()->text().contains(QStringLiteral("never")),
             qPrintable(view.summaryLabel()->text()));
}

void TestTimeView::heatmapIsThePnlGrid()
{
    const PlanResult result = expectedResult(longDefaultPlan());
    TimeView view;
    view.showResult(result);
    const PnlGrid expected =
        pnlGrid(result.plan, result.opened, TimeView::gridPrices(3500.0), TimeView::gridDays(365));
    QCOMPARE(view.grid().pnlUsd, expected.pnlUsd);
    QCPColorMapData *data = view.pnlMap()->data();
    QCOMPARE(data->keySize(), int(expected.days.size()));
    QCOMPARE(data->valueSize(), int(expected.pricesUsd.size()));
    QCOMPARE(data->cell(0, 0), expected.at(0, 0));
    QCOMPARE(data->cell(60, 30), expected.at(30, 60)); // (day column, price row)
    // Symmetric colour range: white is break-even.
    QCOMPARE(view.pnlMap()->dataRange().lower, -view.pnlMap()->dataRange().upper);
}

void TestTimeView::gridAxes()
{
    const std::vector<double> prices = TimeView::gridPrices(1000.0);
    QCOMPARE(prices.size(), size_t(61));
    QCOMPARE(prices.front(), 400.0);
    QCOMPARE(prices.back(), 1600.0);
    QCOMPARE(prices[30], 1000.0); // 0.4 + 1.2 x 30/60 = 1.0: spot is the middle row
    const std::vector<int> year = TimeView::gridDays(365);
    QCOMPARE(year.size(), size_t(61));
    QCOMPARE(year.front(), 0);
    QCOMPARE(year.back(), 365);
    QVERIFY(std::is_sorted(year.begin(), year.end()));
    const std::vector<int> month = TimeView::gridDays(30);
    QCOMPARE(month.size(), size_t(31)); // every day when there are few
    QCOMPARE(month.back(), 30);
}

void TestTimeView::planChangeRedraws()
{
    TimeView view;
    view.showResult(expectedResult(longDefaultPlan()));
    const double hfBefore = view.healthGraph()->data()->at(365)->value;
    const double cellBefore = view.pnlMap()->data()->cell(60, 20);
    // Borrowing at 10 %: the debt outgrows the collateral, HF falls over the year and the summary gives a
    // finite number of days.
    Plan plan = longDefaultPlan();
    plan.borrow.borrowApy = 0.10;
    const PlanResult result = expectedResult(plan);
    view.showResult(result);
    QVERIFY(view.healthGraph()->data()->at(365)->value < hfBefore);
    QVERIFY(view.pnlMap()->data()->cell(60, 20) < cellBefore);
    const Timeline expected = computeTimeline(result.plan, result.opened);
    QVERIFY(expected.daysToLiquidation.has_value());
    QVERIFY2(view.summaryLabel()->text().contains(display::number(*expected.daysToLiquidation, 0)),
             qPrintable(view.summaryLabel()->text()));
    QVERIFY(
        graphIsTimeline(view.healthGraph(), expected, [](const TimelinePoint &p) { return p.healthFactor; }));
}

QTEST_MAIN(TestTimeView)
#include "tst_timeview.moc"
