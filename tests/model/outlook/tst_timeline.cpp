// Accrual over time: compounding, net APY parts, days to liquidation, the timeline CSV.
#include "csvexport.h"
#include "engine.h"
#include "position.h"
#include "rowjson.h"
#include "testutil.h"
#include "timeline.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// Fixture after opening (tst_opening derives it by hand): C = 24.344128915014817 wstETH,
// D = 16.75994861045867 WETH, PA 3500, PB 3000, lt 0.8; supply 0.1 %, native 3 %, borrow 2.5 %;
// 10 transactions x $0.50 gas.
constexpr double kC = 24.344128915014817;
constexpr double kD = 16.75994861045867;

PlanResult fixture(const Plan &plan = test::fixturePlan())
{
    return test::compute(plan);
}

// A hand example: 10 A at $100 against 600 B at $1, lt 0.8 (HF = 800 / 600 = 4/3), no yield.
Plan handPlan(double borrowApy, double supplyApy = 0.0, double nativeYield = 0.0)
{
    Plan p = test::costFreePlan();
    p.collateral.priceUsd = 100.0;
    p.borrow.priceUsd = 1.0;
    p.collateral.supplyApy = supplyApy;
    p.collateral.nativeYield = nativeYield;
    p.borrow.borrowApy = borrowApy;
    return p;
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private slots:
    void accrualIsHandCompounding_data();
    void accrualIsHandCompounding();
    void figuresAtHorizon();
    void netApyPartsSumToPositionNetApy();
    void incentivesAddToApyAndPnlButNotToHealth();
    void accruedYearsClosedForm();
    void daysToLiquidation_data();
    void daysToLiquidation();
    void daysToLiquidationIsWhereHealthFactorIsOne();
    void daysToLiquidationFallsAsBorrowRateRises();
    void liquidationPriceDriftsWithNetCarry();
    void tracksCollateralHasRatioNotUsdPrice();
    void timelineCsv();
    void pnlGridMatchesSweepOnDayZero();
    void timelineJsonShape();
};

void TestTimeline::accrualIsHandCompounding_data()
{
    QTest::addColumn<int>("day");
    QTest::addColumn<double>("collateral");
    QTest::addColumn<double>("debt");
    // C_T = C (1.001 x 1.03)^(T/365), D_T = D 1.025^(T/365) (Python, double precision).
    QTest::newRow("day 0: as opened") << 0 << kC << kD;
    QTest::newRow("day 100") << 100 << 24.5487968729619 << 16.87371571673276;
    // One year: C x 1.03103 = 25.099527235247724, D x 1.025 = 17.178947325720138.
    QTest::newRow("day 365: one year of APY") << 365 << 25.099527235247724 << 17.178947325720138;
}

void TestTimeline::accrualIsHandCompounding()
{
    QFETCH(int, day);
    QFETCH(double, collateral);
    QFETCH(double, debt);
    const PlanResult r = fixture();
    const Timeline tl = computeTimeline(r.plan, r.opened);
    QCOMPARE(tl.points.size(), size_t(366));
    const TimelinePoint &p = tl.points[static_cast<size_t>(day)];
    QCOMPARE(p.day, day);
    LP_COMPARE_REL(p.collateral, collateral, 1e-14);
    LP_COMPARE_REL(p.debt, debt, 1e-14);
    LP_COMPARE_REL(p.collateralUsd, collateral * 3500.0, 1e-14);
    LP_COMPARE_REL(p.debtUsd, debt * 3000.0, 1e-14);
}

void TestTimeline::figuresAtHorizon()
{
    // Day 365: HF = 25.0995 x 3500 x 0.8 / (17.1789 x 3000) = 1.363658958572569; liquidation price
    // 17.1789 x 3000 / (25.0995 x 0.8) = 2566.6241386803035; equity 36,311.50334620661; P&L = equity -
    // 35,000 - $5 gas = 1306.503346206613; holding 10 x 1.03 x 3500 - 35,000 = 1050.
    const PlanResult r = fixture();
    const Timeline tl = computeTimeline(r.plan, r.opened);
    const TimelinePoint &h = tl.points.back();
    LP_COMPARE_REL(h.healthFactor, 1.363658958572569, 1e-13);
    LP_COMPARE_REL(h.liquidationPriceUsd, 2566.6241386803035, 1e-13);
    LP_COMPARE_REL(h.equityUsd, 36311.50334620661, 1e-13);
    LP_COMPARE_REL(h.pnlUsd, 1306.503346206613, 1e-10);
    LP_COMPARE_REL(h.holdCollateral, 10.3, 1e-14);
    LP_COMPARE_REL(h.holdPnlUsd, 1050.0, 1e-11);
    LP_COMPARE_REL(tl.costBasisUsd, 35005.0, 1e-15);
    // Other horizons and prices on request.
    TimelineOptions o;
    o.horizonDays = 10;
    o.priceAUsd = 3000.0;
    const Timeline other = computeTimeline(r.plan, r.opened, o);
    QCOMPARE(other.points.size(), size_t(11));
    LP_COMPARE_REL(other.points[0].equityUsd, kC * 3000.0 - kD * 3000.0, 1e-14);
}

void TestTimeline::netApyPartsSumToPositionNetApy()
{
    // CV = C x 3500, DV = D x 3000, E = 34,924.60537117585: supply CV 0.001 / E = 0.0024396682595839215,
    // native CV 0.03 / E = 0.07319004778751764, borrow -DV 0.025 / E = -0.03599170648959804; total
    // 0.03963800955750353 (= positionFigures' netApy).
    const PlanResult r = fixture();
    const Timeline tl = computeTimeline(r.plan, r.opened);
    LP_COMPARE_REL(tl.netApy.supply, 0.0024396682595839215, 1e-13);
    LP_COMPARE_REL(tl.netApy.nativeYield, 0.07319004778751764, 1e-13);
    LP_COMPARE_REL(tl.netApy.borrowCost, -0.03599170648959804, 1e-13);
    QCOMPARE(tl.netApy.incentives, 0.0);
    LP_COMPARE_REL(tl.netApy.total, 0.03963800955750353, 1e-13);
    LP_COMPARE_REL(tl.netApy.total, r.position.netApy, 1e-14);
}

void TestTimeline::incentivesAddToApyAndPnlButNotToHealth()
{
    // 2 % supply APR on CV and 1 % borrow APR on DV: incentives part = (0.02 CV + 0.01 DV) / E. On day 365
    // the rewards are 0.02 CV (gA - 1) / ln gA + 0.01 DV (gB - 1) / ln gB (APR on a compounding balance).
    const PlanResult r = fixture();
    TimelineOptions o;
    o.incentives = {0.02, 0.01};
    const Timeline with = computeTimeline(r.plan, r.opened, o);
    const Timeline without = computeTimeline(r.plan, r.opened);
    const double cv = kC * 3500.0;
    const double dv = kD * 3000.0;
    const double e = cv - dv;
    LP_COMPARE_REL(with.netApy.incentives, (0.02 * cv + 0.01 * dv) / e, 1e-13);
    LP_COMPARE_REL(with.netApy.total, without.netApy.total + with.netApy.incentives, 1e-13);
    const double rewards = 0.02 * cv * 0.03103 / std::log(1.03103) + 0.01 * dv * 0.025 / std::log(1.025);
    LP_COMPARE_REL(with.points.back().incentivesUsd, rewards, 1e-12);
    LP_COMPARE_REL(with.points.back().pnlUsd, without.points.back().pnlUsd + rewards, 1e-12);
    QCOMPARE(with.points.back().healthFactor, without.points.back().healthFactor);
    QCOMPARE(with.daysToLiquidation, without.daysToLiquidation);
}

void TestTimeline::accruedYearsClosedForm()
{
    // No growth: plain time. Growth g over one year: (g - 1) / ln g, between 1 and g.
    QCOMPARE(accruedYears(1.0, 73.0), 0.2);
    LP_COMPARE_REL(accruedYears(1.1, 365.0), 0.1 / std::log(1.1), 1e-14);
    LP_COMPARE_REL(accruedYears(1.0 + 1e-12, 365.0), 1.0, 1e-11);
}

void TestTimeline::daysToLiquidation_data()
{
    QTest::addColumn<double>("borrowApy");
    QTest::addColumn<double>("supplyApy");
    QTest::addColumn<double>("nativeYield");
    QTest::addColumn<double>("debt");
    QTest::addColumn<double>("expected"); // NaN = never
    const double never = std::nan("");
    // HF 4/3, debt grows 10 %/y, collateral 0: t = 365 ln(4/3) / ln(1.1) = 1101.7076734140753 days.
    QTest::newRow("solved: 10 % borrow, no yield") << 0.10 << 0.0 << 0.0 << 600.0 << 1101.7076734140753;
    // Net ln(1.1) - ln(1.02) - ln(1.03) per year: t = 365 ln(4/3) / ln(1.1 / 1.0506)
    // (Python: 365*log(4/3)/log(1.1/(1.02*1.03)) = 2285.2407483479546).
    QTest::newRow("solved: 10 % against 2 % + 3 %") << 0.10 << 0.02 << 0.03 << 600.0 << 2285.2407483479546;
    QTest::newRow("collateral grows faster: never") << 0.02 << 0.0 << 0.03 << 600.0 << never;
    QTest::newRow("same growth: never") << 0.05 << 0.05 << 0.0 << 600.0 << never;
    QTest::newRow("no debt: never") << 0.10 << 0.0 << 0.0 << 0.0 << never;
    QTest::newRow("already HF < 1: today") << 0.10 << 0.0 << 0.0 << 900.0 << 0.0;
}

void TestTimeline::daysToLiquidation()
{
    QFETCH(double, borrowApy);
    QFETCH(double, supplyApy);
    QFETCH(double, nativeYield);
    QFETCH(double, debt);
    QFETCH(double, expected);
    const Plan p = handPlan(borrowApy, supplyApy, nativeYield);
    const std::optional<double> t = lp::daysToLiquidation(p, 10.0, debt, 100.0, 1.0);
    if (std::isnan(expected)) {
        QVERIFY(!t.has_value());
        return;
    }
    QVERIFY(t.has_value());
    LP_COMPARE_REL(*t, expected, 1e-12);
}

void TestTimeline::daysToLiquidationIsWhereHealthFactorIsOne()
{
    // Fixture with an 8 % borrow rate: 365 ln(1.3556835713188593) / ln(1.08 / 1.03103) = 2393.64 days;
    // accruing that long brings HF to 1 exactly.
    Plan p = test::fixturePlan();
    p.borrow.borrowApy = 0.08;
    const PlanResult r = fixture(p);
    const Timeline tl = computeTimeline(p, r.opened);
    QVERIFY(tl.daysToLiquidation.has_value());
    const double t = *tl.daysToLiquidation;
    LP_COMPARE_REL(t, 2393.6436359373456, 1e-12);
    const double c = accrue(r.opened.collateral, collateralGrowth(p), t);
    const double d = accrue(r.opened.debt, debtGrowth(p), t);
    LP_COMPARE_REL(healthFactor(c, d, 3500, 3000, 0.8), 1.0, 1e-12);
}

void TestTimeline::daysToLiquidationFallsAsBorrowRateRises()
{
    double previous = std::numeric_limits<double>::infinity();
    for (double b = 0.04; b <= 0.5; b += 0.02) {
        const std::optional<double> t =
            lp::daysToLiquidation(handPlan(b, 0.001, 0.03), 10.0, 600.0, 100.0, 1.0);
        QVERIFY(t.has_value());
        QVERIFY2(*t < previous, qPrintable(QStringLiteral("borrow %1").arg(b)));
        previous = *t;
    }
}

void TestTimeline::liquidationPriceDriftsWithNetCarry()
{
    // Borrowing at 8 % against 3.1 % of yield: the liquidation price rises every day; the fixture's
    // 2.5 % borrow against 3.1 % makes it fall.
    Plan costly = test::fixturePlan();
    costly.borrow.borrowApy = 0.08;
    const Timeline up = computeTimeline(costly, fixture(costly).opened);
    const Timeline down = computeTimeline(test::fixturePlan(), fixture().opened);
    for (size_t i = 1; i < up.points.size(); ++i) {
        QVERIFY(up.points[i].liquidationPriceUsd > up.points[i - 1].liquidationPriceUsd);
        QVERIFY(up.points[i].healthFactor < up.points[i - 1].healthFactor);
        QVERIFY(down.points[i].liquidationPriceUsd < down.points[i - 1].liquidationPriceUsd);
    }
}

void TestTimeline::tracksCollateralHasRatioNotUsdPrice()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const PlanResult r = fixture(p);
    const Timeline tl = computeTimeline(p, r.opened);
    QVERIFY(std::isnan(tl.points.back().liquidationPriceUsd));
    // Ratio at liquidation D / (C lt) = 17.1789 / (25.0995 x 0.8) = 0.8555413795601011 on day 365.
    LP_COMPARE_REL(tl.points.back().liquidationRatio, 17.178947325720138 / (25.099527235247724 * 0.8), 1e-13);
}

void TestTimeline::timelineCsv()
{
    Plan p = test::fixturePlan();
    p.horizonDays = 2;
    const PlanResult r = fixture(p);
    const QByteArray csv = lp::timelineCsv(computeTimeline(p, r.opened));
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size(), 5); // header, days 0..2, and the empty tail after the last CRLF
    QCOMPARE(lines[0], QByteArray("day,collateral_units,debt_units,collateral_usd,debt_usd,equity_usd,"
                                  "health_factor,liquidation_price_usd,liquidation_ratio,incentives_usd,"
                                  "pnl_usd,hold_collateral_units,hold_value_usd,hold_pnl_usd\r"));
    // Day 0 is the opened position, written in shortest round-trip form: C and D read back equal to the
    // opening's values, which agree with the exact-arithmetic ones (tst_opening) to 1e-12.
    const QList<QByteArray> day0 = lines[1].split(',');
    QCOMPARE(day0[0], QByteArray("0"));
    QCOMPARE(day0[1].toDouble(), r.opened.collateral);
    QCOMPARE(day0[2].toDouble(), r.opened.debt);
    LP_COMPARE_REL(day0[1].toDouble(), 24.344128915014817, 1e-12);
    LP_COMPARE_REL(day0[2].toDouble(), 16.75994861045867, 1e-12);
    QVERIFY(lines[3].startsWith("2,"));
    QCOMPARE(timelineCsvHeader().size(), timelineCsvRows(computeTimeline(p, r.opened)).front().size());
    // A tracked B leaves the USD liquidation price empty.
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const QList<QByteArray> tracked = lp::timelineCsv(computeTimeline(p, fixture(p).opened)).split('\n');
    QCOMPARE(tracked[1].split(',')[7], QByteArray());
}

void TestTimeline::pnlGridMatchesSweepOnDayZero()
{
    // On day 0 the grid is the price sweep's P&L (same falling path, same liquidations); later days add
    // the year's carry at the spot price.
    const PlanResult r = fixture();
    std::vector<double> prices;
    std::vector<size_t> index;
    for (size_t i = 0; i < r.sweep.points.size(); i += 100) {
        prices.push_back(r.sweep.points[i].priceUsd);
        index.push_back(i);
    }
    const PnlGrid grid = pnlGrid(r.plan, r.opened, prices, {0, 365});
    for (size_t row = 0; row < prices.size(); ++row)
        LP_COMPARE_REL(grid.at(row, 0), r.sweep.points[index[row]].pnlUsd, 1e-9);
    const PnlGrid spot = pnlGrid(r.plan, r.opened, {3500.0}, {365});
    LP_COMPARE_REL(spot.at(0, 0), computeTimeline(r.plan, r.opened).points.back().pnlUsd, 1e-12);
}

void TestTimeline::timelineJsonShape()
{
    const PlanResult r = fixture();
    const QJsonObject time = timelineJson(computeTimeline(r.plan, r.opened));
    LP_COMPARE_REL(time.value(QStringLiteral("netApy")).toDouble(), 0.03963800955750353, 1e-13);
    QVERIFY(time.value(QStringLiteral("daysToLiquidation")).isNull()); // never: yield outruns the rate
    const QJsonObject h = time.value(QStringLiteral("atHorizon")).toObject();
    QCOMPARE(h.value(QStringLiteral("horizonDays")).toInt(), 365);
    LP_COMPARE_REL(h.value(QStringLiteral("healthFactor")).toDouble(), 1.363658958572569, 1e-13);
    LP_COMPARE_REL(h.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 2566.6241386803035, 1e-13);
    QVERIFY(h.contains(QStringLiteral("collateral")) && h.contains(QStringLiteral("debt")) &&
            h.contains(QStringLiteral("equityUsd")));
}

QTEST_APPLESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
