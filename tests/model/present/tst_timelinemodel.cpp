// TimelineModel: the position-over-time table's Qt model.
#include "displayformat.h"
#include "engine.h"
#include "testutil.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {
Timeline timelineOf(const Plan &plan)
{
    return computeTimeline(plan, test::compute(plan).opened);
}
} // namespace

class TestTimelineModel : public QObject {
    Q_OBJECT
private slots:
    void passesModelTester();
    void rawValuesAreTheTimeline();
    void headersNameAssets();
    void missingValuesDisplayAsDash();
    void sameShapeUpdatesInPlace();
};

void TestTimelineModel::passesModelTester()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTimeline(timelineOf(test::fixturePlan()).points, QStringLiteral("wstETH"),
                      QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 366);
    QCOMPARE(model.columnCount(), int(TimelineModel::ColumnCount));
    Plan p = test::fixturePlan();
    p.horizonDays = 30;
    model.setTimeline(timelineOf(p).points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 31);
    model.setTimeline({}, QString(), QString());
    QCOMPARE(model.rowCount(), 0);
}

void TestTimelineModel::rawValuesAreTheTimeline()
{
    const Timeline tl = timelineOf(test::fixturePlan());
    TimelineModel model;
    model.setTimeline(tl.points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    const auto raw = [&](int row, TimelineModel::Column c) {
        return model.index(row, c).data(TimelineModel::RawValueRole).toDouble();
    };
    for (int c = 0; c < TimelineModel::ColumnCount; ++c) {
        const auto column = static_cast<TimelineModel::Column>(c);
        QCOMPARE(raw(365, column), TimelineModel::rawValue(tl.points[365], column));
    }
    QCOMPARE(raw(365, TimelineModel::Day), 365.0);
    QCOMPARE(raw(365, TimelineModel::HealthFactor), tl.points.back().healthFactor);
    QCOMPARE(raw(0, TimelineModel::Collateral), 24.344128915014817);
    // Display is the user's locale with thousands separators (display::locale()): 1.363658958572569 ->
    // "1.36" (the display module's two decimals for a health factor), 1050 -> "1,050.00" in English.
    const QLocale locale = display::locale();
    QCOMPARE(model.index(365, TimelineModel::HealthFactor).data().toString(), locale.toString(1.36, 'f', 2));
    QCOMPARE(model.index(365, TimelineModel::HoldPnlUsd).data().toString(), locale.toString(1050.0, 'f', 2));
}

void TestTimelineModel::headersNameAssets()
{
    TimelineModel model;
    model.setTimeline(timelineOf(test::fixturePlan()).points, QStringLiteral("wstETH"),
                      QStringLiteral("WETH"));
    QCOMPARE(model.headerData(TimelineModel::Collateral, Qt::Horizontal).toString(),
             QStringLiteral("Collateral (wstETH)"));
    QCOMPARE(model.headerData(TimelineModel::Debt, Qt::Horizontal).toString(), QStringLiteral("Debt (WETH)"));
    QCOMPARE(model.headerData(TimelineModel::LiquidationRatio, Qt::Horizontal).toString(),
             QStringLiteral("Liq. ratio (wstETH/WETH)"));
}

void TestTimelineModel::missingValuesDisplayAsDash()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    TimelineModel model;
    model.setTimeline(timelineOf(p).points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    const QModelIndex liq = model.index(0, TimelineModel::LiquidationPriceUsd);
    QVERIFY(std::isnan(liq.data(TimelineModel::RawValueRole).toDouble()));
    QCOMPARE(liq.data().toString(), display::undefinedMark());
    QCOMPARE(liq.data().toString(), QStringLiteral("—"));
    QVERIFY(!liq.data(Qt::ToolTipRole).toString().isEmpty());
}

void TestTimelineModel::sameShapeUpdatesInPlace()
{
    TimelineModel model;
    Plan p = test::fixturePlan();
    model.setTimeline(timelineOf(p).points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    p.borrow.borrowApy = 0.05;
    model.setTimeline(timelineOf(p).points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    p.horizonDays = 100;
    model.setTimeline(timelineOf(p).points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(reset.count(), 1);
}

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
