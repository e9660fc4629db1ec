// A correlated pair (risk asset Ratio): the stress presets move the A/B ratio along a depeg axis, and the
// closed-form and Monte Carlo liquidation probabilities use the ratio's own volatility
// (risk.ratioVolatility), not the USD volatility.
#include "liquidationprobability.h"
#include "marketregistry.h"
#include "montecarlo.h"
#include "planjson.h"
#include "report.h"
#include "riskasset.h"
#include "stress.h"
#include "testutil.h"
#include "timeline.h"

#include <QTest>

#include <cmath>

using namespace lp;

class TestRatioRisk : public QObject {
    Q_OBJECT
private slots:
    void ratioPairGetsDepegPresets();
    void otherPlansKeepThePriceShocks();
    void depegByHand();
    void closedFormUsesTheRatioVolatility();
    void monteCarloUsesTheRatioVolatility();
    void reportNamesTheVolatilityUsed();
    void defaultsFitTheirPair();
};

namespace {

// The fixture plan with WETH tracking wstETH: a ratio pair (HF 1.3557, liquidation ratio 0.7376 of today's).
Plan ratioPlan()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    return p;
}

// A tighter loop of the same pair: 8 loops at the full LTV (HF about 1.085).
Plan tightRatioPlan()
{
    Plan p = ratioPlan();
    p.strategy.loops = 8;
    p.strategy.ltvFraction = 1.0;
    return p;
}

double stdNormalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

} // namespace

void TestRatioRisk::ratioPairGetsDepegPresets()
{
    const Plan p = ratioPlan();
    QVERIFY(effectiveRiskAsset(p) == RiskAsset::Ratio);
    const std::vector<StressScenario> s = stressScenarios(p);
    QCOMPARE(s.size(), size_t(9)); // 4 ratio depegs + the 5 presets that are not USD price shocks
    const QStringList ids{QStringLiteral("ratioDepeg-0.90"), QStringLiteral("ratioDepeg-0.95"),
                          QStringLiteral("ratioDepeg-0.98"), QStringLiteral("ratioDepeg-1.02")};
    for (int i = 0; i < 4; ++i) {
        QVERIFY(s[size_t(i)].kind == StressKind::RatioDepeg);
        QCOMPARE(s[size_t(i)].id, ids[i]);
    }
    for (const StressScenario &x : s)
        QVERIFY(x.kind != StressKind::PriceShock);
    const PlanResult r = test::compute(p);
    QCOMPARE(runStressPresets(r.plan, r.opened).size(), s.size());
}

void TestRatioRisk::otherPlansKeepThePriceShocks()
{
    const std::vector<StressScenario> s = stressScenarios(test::fixturePlan());
    const std::vector<StressScenario> d = defaultStressScenarios();
    QCOMPARE(s.size(), d.size());
    for (size_t i = 0; i < s.size(); ++i)
        QCOMPARE(s[i].id, d[i].id);
}

void TestRatioRisk::depegByHand()
{
    // HF is C PA lt / (D PB): with B held, a ratio at v times today's multiplies HF by v. Without a
    // liquidation the figures after are those at PA v; the position is liquidated iff v HF0 < 1.
    for (const Plan &p : {ratioPlan(), tightRatioPlan()}) {
        const PlanResult r = test::compute(p);
        const double hf0 = r.position.healthFactor;
        for (const double v : {0.90, 0.95, 0.98, 1.02}) {
            const StressResult s =
                runStress(r.plan, r.opened, {StressKind::RatioDepeg, QStringLiteral("x"), v, 0});
            QCOMPARE(s.after.priceAUsd, p.collateral.priceUsd * v);
            QCOMPARE(s.after.priceBUsd, p.borrow.priceUsd);
            QCOMPARE(s.liquidated, v * hf0 < 1.0);
            if (!s.liquidated)
                LP_COMPARE_REL(s.after.healthFactor, hf0 * v, 1e-12);
        }
    }
    // The tight loop (HF about 1.085) is liquidated by a 10 % depeg and survives 2 %.
    const PlanResult tight = test::compute(tightRatioPlan());
    QVERIFY(tight.position.healthFactor < 1.0 / 0.90 && tight.position.healthFactor > 1.0 / 0.98);
}

void TestRatioRisk::closedFormUsesTheRatioVolatility()
{
    // The barrier formula by hand with s = ratioVolatility: P = N((ln H - v T)/(s sqrt T)) +
    // H^(2v/s^2) N((ln H + v T)/(s sqrt T)), H = 1/HF, v = drift - s^2/2, T = 1 year.
    Plan p = tightRatioPlan();
    p.risk.ratioVolatility = 0.05;
    p.risk.annualVolatility = 0.6;
    const PlanResult r = test::compute(p);
    const double h = 1.0 / r.position.healthFactor;
    const double s = 0.05;
    const double v = -0.5 * s * s;
    const double expected = stdNormalCdf((std::log(h) - v) / s) +
                            std::pow(h, 2.0 * v / (s * s)) * stdNormalCdf((std::log(h) + v) / s);
    LP_COMPARE_REL(liquidationProbability(r.plan, r.opened), expected, 1e-12);
    // The USD volatility does not enter; the ratio's does.
    Plan other = p;
    other.risk.annualVolatility = 1.5;
    QCOMPARE(liquidationProbability(other, r.opened), liquidationProbability(r.plan, r.opened));
    other.risk.ratioVolatility = 0.10;
    QVERIFY(liquidationProbability(other, r.opened) > liquidationProbability(r.plan, r.opened));
    // A long keeps the USD volatility.
    Plan fixed = test::fixturePlan();
    fixed.risk.ratioVolatility = 0.5;
    const PlanResult f = test::compute(fixed);
    const double hf = 1.0 / f.position.healthFactor;
    const double sUsd = fixed.risk.annualVolatility;
    const double vUsd = -0.5 * sUsd * sUsd;
    LP_COMPARE_REL(liquidationProbability(f.plan, f.opened),
                   stdNormalCdf((std::log(hf) - vUsd) / sUsd) +
                       std::pow(hf, 2.0 * vUsd / (sUsd * sUsd)) * stdNormalCdf((std::log(hf) + vUsd) / sUsd),
                   1e-12);
}

void TestRatioRisk::monteCarloUsesTheRatioVolatility()
{
    Plan p = tightRatioPlan();
    p.risk.ratioVolatility = 0.05;
    const PlanResult r = test::compute(p);
    MonteCarloOptions options;
    options.paths = 4000;
    const Timeline timeline = computeTimeline(r.plan, r.opened);
    const Expected<MonteCarloResult> a = monteCarloLiquidationProbability(r.plan, timeline, options);
    QVERIFY(a.hasValue());
    // The same seed with another USD volatility: the same paths, the same answer.
    Plan usd = p;
    usd.risk.annualVolatility = 1.2;
    const Expected<MonteCarloResult> b = monteCarloLiquidationProbability(usd, timeline, options);
    QVERIFY(b.hasValue());
    QCOMPARE(b->probability, a->probability);
    // It agrees with the closed form at the ratio's volatility within its confidence interval (the
    // barrier moves a little with interest and yield, so allow a margin of 0.03 besides).
    const double closed = liquidationProbability(r.plan, r.opened);
    QVERIFY2(closed > a->ci95Low - 0.03 && closed < a->ci95High + 0.03,
             qPrintable(QStringLiteral("%1 vs %2").arg(closed).arg(a->probability)));
    // At the USD volatility (60 %) the answer would be very different.
    Plan wrong = p;
    wrong.risk.ratioVolatility = 0.6;
    const Expected<MonteCarloResult> c = monteCarloLiquidationProbability(wrong, timeline, options);
    QVERIFY(c.hasValue());
    QVERIFY(c->probability > a->probability + 0.2);
}

void TestRatioRisk::reportNamesTheVolatilityUsed()
{
    const PlanResult r = test::compute(ratioPlan());
    const QJsonObject risk =
        reportJson(r, MarketRegistry::builtIn()).value(QStringLiteral("risk")).toObject();
    QCOMPARE(risk.value(QStringLiteral("volatilityUsed")).toDouble(), r.plan.risk.ratioVolatility);
    QCOMPARE(risk.value(QStringLiteral("ratioVolatility")).toDouble(), 0.02); // the default
    const PlanResult f = test::compute(test::fixturePlan());
    const QJsonObject fr = reportJson(f, MarketRegistry::builtIn()).value(QStringLiteral("risk")).toObject();
    QCOMPARE(fr.value(QStringLiteral("volatilityUsed")).toDouble(), f.plan.risk.annualVolatility);
}

void TestRatioRisk::defaultsFitTheirPair()
{
    // The default plan is wstETH against WETH: WETH tracks wstETH, so the risk is their ratio.
    const Plan d = defaultPlan();
    QVERIFY(d.borrow.priceModel == PriceModel::TracksCollateral);
    QVERIFY(effectiveRiskAsset(d) == RiskAsset::Ratio);
    QCOMPARE(riskVolatility(d), 0.02);
    // The examples: the LST loop is a ratio pair; WETH and WBTC against USDC are longs of the collateral.
    const QString dir = QStringLiteral(LP_TEST_DATA_DIR "/../../resources/examples/");
    const struct {
        const char *file;
        RiskAsset risk;
    } examples[] = {{"eth-borrow-lst-loop.lplan", RiskAsset::Ratio},
                    {"stablecoin-borrow-loop.lplan", RiskAsset::Collateral},
                    {"flash-target-leverage.lplan", RiskAsset::Collateral}};
    for (const auto &e : examples) {
        const Expected<Plan> plan = readPlanFile(dir + QLatin1String(e.file), MarketRegistry::builtIn());
        QVERIFY2(plan.hasValue(), e.file);
        QVERIFY2(effectiveRiskAsset(*plan) == e.risk, e.file);
    }
    const Expected<Plan> lst =
        readPlanFile(dir + QStringLiteral("eth-borrow-lst-loop.lplan"), MarketRegistry::builtIn());
    QCOMPARE(riskVolatility(*lst), 0.02); // the ratio's, not ETH's 60 %
}

QTEST_GUILESS_MAIN(TestRatioRisk)
#include "tst_ratiorisk.moc"
