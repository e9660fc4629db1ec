// The report's JSON and text: fields, nulls and agreement with the engine.
#include "liquidationprobability.h"
#include "marketregistry.h"
#include "report.h"
#include "rowjson.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace lp;

namespace {
using test::compute;
} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void jsonHasEveryField();
    void jsonNumbersKeepFullPrecision();
    void nullsForMissingValues();
    void textReadsLikeAReport();
    void timeMatchesTheTimelineAndHandValues();
    void daysToLiquidationWhenDebtOutgrows();
    void closeAtHorizonByHand();
    void closeFallsBackToFlashThenErrs();
    void riskClosedFormAndMonteCarlo();
    void stressIsThePresets();
    void textHasTheOutlookSections();
};

void TestReport::jsonHasEveryField()
{
    const QJsonObject r = reportJson(compute(test::fixturePlan()), MarketRegistry::builtIn());
    const QJsonObject position = r.value(QStringLiteral("position")).toObject();
    for (const char *key :
         {"collateral", "debt", "collateralUsd", "debtUsd", "equityUsd", "leverage", "ltv", "healthFactor",
          "liquidationPriceUsd", "liquidationRatio", "distanceToLiquidation", "netApy"})
        QVERIFY2(position.value(QLatin1String(key)).isDouble(), key);
    const QJsonArray loops = r.value(QStringLiteral("loops")).toArray();
    QCOMPARE(loops.size(), 4);
    for (const char *key : {"step", "borrowed", "swappedToCollateral", "collateral", "debt", "ltv"})
        QVERIFY2(loops.at(2).toObject().value(QLatin1String(key)).isDouble(), key);
    QVERIFY(loops.at(2).toObject().value(QStringLiteral("healthFactor")).isDouble());
    const QJsonObject costs = r.value(QStringLiteral("costs")).toObject();
    for (const char *key : {"swapFeesUsd", "slippageUsd", "flashPremiumUsd", "gasUsd", "totalUsd"})
        QVERIFY2(costs.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject sweep = r.value(QStringLiteral("sweep")).toObject();
    QVERIFY(sweep.value(QStringLiteral("breakEvenPriceUsd")).isDouble());
    QVERIFY(sweep.value(QStringLiteral("zeroEquityPriceUsd")).isDouble());
    QCOMPARE(sweep.value(QStringLiteral("points")).toInt(), 2001);
    QCOMPARE(sweep.value(QStringLiteral("liquidations")).toArray().size(), 19);
}

void TestReport::jsonNumbersKeepFullPrecision()
{
    const PlanResult result = compute(test::fixturePlan());
    const QByteArray text = QJsonDocument(reportJson(result, MarketRegistry::builtIn())).toJson();
    const QJsonObject back = QJsonDocument::fromJson(text).object();
    const QJsonObject position = back.value(QStringLiteral("position")).toObject();
    QCOMPARE(position.value(QStringLiteral("healthFactor")).toDouble(), result.position.healthFactor);
    QCOMPARE(position.value(QStringLiteral("liquidationPriceUsd")).toDouble(),
             result.position.liquidationPriceUsd);
    QCOMPARE(back.value(QStringLiteral("costs")).toObject().value(QStringLiteral("totalUsd")).toDouble(),
             result.opened.costs.totalUsd());
    LP_COMPARE_REL(position.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 2581.7234006863932,
                   1e-12);
}

void TestReport::nullsForMissingValues()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const QJsonObject r = reportJson(compute(p), MarketRegistry::builtIn());
    const QJsonObject position = r.value(QStringLiteral("position")).toObject();
    QVERIFY(position.value(QStringLiteral("liquidationPriceUsd")).isNull());
    QVERIFY(position.value(QStringLiteral("liquidationRatio")).isDouble());
    // Step 0 has no debt: its health factor is infinite, written as null.
    QVERIFY(r.value(QStringLiteral("loops"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("healthFactor"))
                .isNull());
}

void TestReport::textReadsLikeAReport()
{
    const QString text = reportText(compute(test::fixturePlan()), MarketRegistry::builtIn());
    QVERIFY(text.contains(QStringLiteral("Leverage                 2.4397x")));
    QVERIFY(text.contains(QStringLiteral("Liquidation price        $2581.72")));
    QVERIFY(text.contains(QStringLiteral("Gas                      $5.00 (10 transactions)")));
    QVERIFY(text.contains(QStringLiteral("Break-even price         $3503.30")));
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    QVERIFY(reportText(compute(p), MarketRegistry::builtIn())
                .contains(QStringLiteral("Liquidation ratio        0.860574 WETH per wstETH")));
}

namespace {
// The fixture (tests/common/testutil.h, = tests/data/wsteth-loop.json) after opening: C = 24.344128915014817
// wstETH, D = 16.75994861045867 WETH (derivation in tst_opening). After 365 days at 0.1 % supply APY, 3 %
// native yield and 2.5 % borrow APY: C365 = C x 1.001 x 1.03 = 25.099527235247724, D365 = D x 1.025 =
// 17.178947325720138 (one full year: the exponent T/365 is 1).
constexpr double kC = 24.344128915014817;
constexpr double kD = 16.75994861045867;
constexpr double kC365 = 25.099527235247724;
constexpr double kD365 = 17.178947325720138;

OutlookOptions fewPaths()
{
    OutlookOptions o;
    o.monteCarlo.paths = 2000;
    o.monteCarlo.threads = 2;
    return o;
}
} // namespace

void TestReport::timeMatchesTheTimelineAndHandValues()
{
    const PlanResult r = compute(test::fixturePlan());
    const Outlook o = computeOutlook(r, fewPaths());
    const QJsonObject time =
        reportJson(r, o, MarketRegistry::builtIn()).value(QStringLiteral("time")).toObject();
    QCOMPARE(time, timelineJson(computeTimeline(r.plan, r.opened)));
    // Net APY = (CV (0.001 + 0.03) - DV 0.025) / E with CV = C x 3500, DV = D x 3000, E = CV - DV:
    // (85204.45120255186 x 0.031 - 50279.84583137601 x 0.025) / 34924.60537117585 = 0.0396380095575035.
    LP_COMPARE_REL(time.value(QStringLiteral("netApy")).toDouble(), 0.03963800955750353, 1e-12);
    // Collateral grows by 1.001 x 1.03 = 1.03103 a year, debt by 1.025: the debt never catches up.
    QVERIFY(time.value(QStringLiteral("daysToLiquidation")).isNull());
    const QJsonObject h = time.value(QStringLiteral("atHorizon")).toObject();
    LP_COMPARE_REL(h.value(QStringLiteral("collateral")).toDouble(), kC365, 1e-12);
    LP_COMPARE_REL(h.value(QStringLiteral("debt")).toDouble(), kD365, 1e-12);
    // Equity = C365 x 3500 - D365 x 3000; HF = C365 x 3500 x 0.8 / (D365 x 3000); liquidation price
    // D365 x 3000 / (C365 x 0.8).
    LP_COMPARE_REL(h.value(QStringLiteral("equityUsd")).toDouble(), 36311.50334620661, 1e-12);
    LP_COMPARE_REL(h.value(QStringLiteral("healthFactor")).toDouble(), 1.363658958572569, 1e-12);
    LP_COMPARE_REL(h.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 2566.6241386803035, 1e-12);
    // B tracking A: no USD liquidation price at the horizon either.
    Plan tracks = test::fixturePlan();
    tracks.borrow.priceModel = PriceModel::TracksCollateral;
    const PlanResult rt = compute(tracks);
    const QJsonObject ht = reportJson(rt, computeOutlook(rt, fewPaths()), MarketRegistry::builtIn())
                               .value(QStringLiteral("time"))
                               .toObject()
                               .value(QStringLiteral("atHorizon"))
                               .toObject();
    QVERIFY(ht.value(QStringLiteral("liquidationPriceUsd")).isNull());
}

void TestReport::daysToLiquidationWhenDebtOutgrows()
{
    // Borrow APY 10 %: HF(t) = HF0 (1.001 x 1.03 / 1.10)^(t/365) reaches 1 at
    // t = 365 ln(1.3556835713188593) / (ln 1.10 - ln 1.001 - ln 1.03) = 1715.3420811846308 days.
    Plan p = test::fixturePlan();
    p.borrow.borrowApy = 0.10;
    const PlanResult r = compute(p);
    const QJsonObject time = reportJson(r, computeOutlook(r, fewPaths()), MarketRegistry::builtIn())
                                 .value(QStringLiteral("time"))
                                 .toObject();
    LP_COMPARE_REL(time.value(QStringLiteral("daysToLiquidation")).toDouble(), 1715.3420811846308, 1e-9);
}

void TestReport::closeAtHorizonByHand()
{
    const PlanResult r = compute(test::fixturePlan());
    const Outlook o = computeOutlook(r, fewPaths());
    const QJsonObject close =
        reportJson(r, o, MarketRegistry::builtIn()).value(QStringLiteral("close")).toObject();
    QVERIFY(o.close.has_value());
    QCOMPARE(close, closeJson(*simulateClose(r.plan, r.opened)));
    QCOMPARE(close.value(QStringLiteral("method")).toString(), QStringLiteral("sellToRepay"));
    QCOMPARE(close.value(QStringLiteral("exitDay")).toInt(), 365);
    QCOMPARE(close.value(QStringLiteral("exitPriceUsd")).toDouble(), 3500.0);
    // Every round's swap returns k = (1 - 0.0005)(1 - 0.001) of the value sold, so repaying D365 sells
    // D365 x 3000 / k USD of A in all: walk-away = C365 x 3500 - D365 x 3000 / k = 36234.10779703588, the
    // fee 0.0005 of the sale (25.807118763165576), slippage 0.001 of the rest (51.588430407567984).
    const double walkAway = close.value(QStringLiteral("walkAwayUsd")).toDouble();
    LP_COMPARE_REL(walkAway, 36234.10779703588, 1e-11);
    LP_COMPARE_REL(close.value(QStringLiteral("walkAwayCollateral")).toDouble(), 36234.10779703588 / 3500,
                   1e-11);
    const QJsonObject costs = close.value(QStringLiteral("costs")).toObject();
    LP_COMPARE_REL(costs.value(QStringLiteral("swapFeesUsd")).toDouble(), 25.807118763165576, 1e-11);
    LP_COMPARE_REL(costs.value(QStringLiteral("slippageUsd")).toDouble(), 51.588430407567984, 1e-11);
    QCOMPARE(costs.value(QStringLiteral("flashPremiumUsd")).toDouble(), 0.0);
    // Walk-away = equity at exit - itemised in-position costs (equity 36311.50334620661, see above).
    LP_COMPARE_REL(walkAway + costs.value(QStringLiteral("swapFeesUsd")).toDouble() +
                       costs.value(QStringLiteral("slippageUsd")).toDouble(),
                   36311.50334620661, 1e-12);
    // Gas: 3 transactions per sell round + the last withdrawal, $0.50 each.
    const int tx = costs.value(QStringLiteral("transactions")).toInt();
    QCOMPARE(tx, 3 * (close.value(QStringLiteral("rounds")).toArray().size() - 1) + 1);
    QCOMPARE(costs.value(QStringLiteral("gasUsd")).toDouble(), 0.5 * tx);
    // Interest (D365 - D) x 3000, yield (C365 - C) x 3500, informational.
    LP_COMPARE_REL(costs.value(QStringLiteral("interestPaidUsd")).toDouble(), (kD365 - kD) * 3000, 1e-9);
    LP_COMPARE_REL(costs.value(QStringLiteral("yieldEarnedUsd")).toDouble(), (kC365 - kC) * 3500, 1e-9);
    // P&L = walk-away - closing gas - (10 x 3500 + $5 opening gas); holding 10 wstETH earning 3 %:
    // 10.3 x 3500 - 35000 = 1050.
    LP_COMPARE_REL(close.value(QStringLiteral("pnlUsd")).toDouble(), walkAway - 0.5 * tx - 35005.0, 1e-12);
    LP_COMPARE_REL(close.value(QStringLiteral("holdPnlUsd")).toDouble(), 1050.0, 1e-12);
}

void TestReport::closeFallsBackToFlashThenErrs()
{
    // At $2650 on day 365, HF = C365 x 2650 x 0.8 / (D365 x 3000) = 1.0325 is under the 1.05 floor:
    // nothing can be withdrawn, so the report closes with a flash loan and says why.
    const PlanResult r = compute(test::fixturePlan());
    OutlookOptions options = fewPaths();
    options.close.exitPriceUsd = 2650;
    const QJsonObject close = outlookCloseJson(computeOutlook(r, options));
    QCOMPARE(close.value(QStringLiteral("method")).toString(), QStringLiteral("flashClose"));
    QVERIFY(
        close.value(QStringLiteral("note")).toString().contains(QStringLiteral("close.healthFactorFloor")));
    CloseOptions flash = options.close;
    flash.method = CloseMethod::FlashClose;
    QCOMPARE(close.value(QStringLiteral("walkAwayUsd")).toDouble(),
             simulateClose(r.plan, r.opened, flash)->walkAwayUsd);
    // At $1500 the collateral (25.0995 x 1500 = $37,649) does not repay $51,537 of debt: an error, no
    // amounts.
    options.close.exitPriceUsd = 1500;
    const QJsonObject under = outlookCloseJson(computeOutlook(r, options));
    QVERIFY(under.value(QStringLiteral("error")).toString().contains(QStringLiteral("underwater")));
    QCOMPARE(under.value(QStringLiteral("exitPriceUsd")).toDouble(), 1500.0);
    QVERIFY(!under.contains(QStringLiteral("walkAwayUsd")));
}

void TestReport::riskClosedFormAndMonteCarlo()
{
    const PlanResult r = compute(test::fixturePlan());
    const Outlook o = computeOutlook(r, fewPaths());
    const QJsonObject risk =
        reportJson(r, o, MarketRegistry::builtIn()).value(QStringLiteral("risk")).toObject();
    // Closed form with H/S0 = 1/HF0, s = 0.6, drift 0, T = 1: v = -0.18, 2v/s^2 = -1, so
    // P = N((ln(1/HF0) + 0.18)/0.6) + HF0 N((ln(1/HF0) - 0.18)/0.6) = 0.7023346848721423 (math.erfc).
    LP_COMPARE_REL(risk.value(QStringLiteral("liquidationProbability")).toDouble(), 0.7023346848721423, 1e-9);
    QCOMPARE(risk.value(QStringLiteral("liquidationProbability")).toDouble(),
             liquidationProbability(r.plan, r.opened));
    const QJsonObject mc = risk.value(QStringLiteral("monteCarlo")).toObject();
    QCOMPARE(mc.value(QStringLiteral("paths")).toInt(), 2000);
    QCOMPARE(mc.value(QStringLiteral("seed")).toDouble(), 1.0);
    MonteCarloOptions single = fewPaths().monteCarlo;
    single.threads = 1; // bit-identical whatever the thread count
    const MonteCarloResult direct = *monteCarloLiquidationProbability(r.plan, o.timeline, single);
    QCOMPARE(mc.value(QStringLiteral("probability")).toDouble(), direct.probability);
    QCOMPARE(mc.value(QStringLiteral("ci95Low")).toDouble(), direct.ci95Low);
    QCOMPARE(mc.value(QStringLiteral("ci95High")).toDouble(), direct.ci95High);
    // The barrier falls slowly here (collateral outgrows the debt), so the Monte Carlo sits a little
    // under the constant-barrier figure but not far: within 5 points.
    QVERIFY(mc.value(QStringLiteral("ci95Low")).toDouble() <=
            mc.value(QStringLiteral("probability")).toDouble());
    QVERIFY(mc.value(QStringLiteral("probability")).toDouble() <=
            mc.value(QStringLiteral("ci95High")).toDouble());
    QVERIFY(std::abs(mc.value(QStringLiteral("probability")).toDouble() - 0.7023346848721423) < 0.05);
    // Another seed, another sample.
    OutlookOptions seeded = fewPaths();
    seeded.monteCarlo.seed = 7;
    QVERIFY(computeOutlook(r, seeded).monteCarlo->probability != direct.probability);
    // Without the Monte Carlo the object is left out.
    OutlookOptions none = fewPaths();
    none.runMonteCarlo = false;
    QVERIFY(!reportJson(r, computeOutlook(r, none), MarketRegistry::builtIn())
                 .value(QStringLiteral("risk"))
                 .toObject()
                 .contains(QStringLiteral("monteCarlo")));
}

void TestReport::stressIsThePresets()
{
    const PlanResult r = compute(test::fixturePlan());
    const QJsonArray stress = reportJson(r, computeOutlook(r, fewPaths()), MarketRegistry::builtIn())
                                  .value(QStringLiteral("stress"))
                                  .toArray();
    QCOMPARE(stress, stressJson(runStressPresets(r.plan, r.opened)));
    QCOMPARE(stress.size(), 8);
    // -30 %: $2450 is under the $2581.72 liquidation price, so liquidators act; -10 % ($3150) is not.
    QCOMPARE(stress.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("priceShock-10"));
    QVERIFY(!stress.at(0).toObject().value(QStringLiteral("liquidated")).toBool());
    QCOMPARE(stress.at(1).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("priceShock-30"));
    QVERIFY(stress.at(1).toObject().value(QStringLiteral("liquidated")).toBool());
}

void TestReport::textHasTheOutlookSections()
{
    const PlanResult r = compute(test::fixturePlan());
    const QString text = reportText(r, computeOutlook(r, fewPaths()), MarketRegistry::builtIn());
    QVERIFY(text.contains(QStringLiteral("Over time (365 days at today's prices)")));
    QVERIFY(text.contains(QStringLiteral("Net APY on equity        3.96 %")));
    QVERIFY(text.contains(QStringLiteral("Days to liquidation      never")));
    QVERIFY(text.contains(QStringLiteral("Health factor at the end 1.3637")));
    QVERIFY(text.contains(QStringLiteral("Liq. price at the end    $2566.62")));
    QVERIFY(text.contains(QStringLiteral("Closing on day 365 at $3500.00 (sell to repay)")));
    QVERIFY(text.contains(QStringLiteral("Walk away with           10.352602 wstETH ($36234.11)")));
    QVERIFY(text.contains(QStringLiteral("Closed form              70.23 %")));
    QVERIFY(text.contains(QStringLiteral("2000 paths, seed 1")));
    QVERIFY(text.contains(QStringLiteral("priceShock-30")));
}

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
