// Which price moves: the risk asset (collateral, borrow or ratio), its default from the price model, and
// a short's liquidation price C PA lt / D in the position, the report and the plan file.
#include "engine.h"
#include "marketregistry.h"
#include "planjson.h"
#include "report.h"
#include "riskasset.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace lp;

namespace {

// The short: 10,000 USDC at $1 as collateral, 3 loops against WETH at $3,000, ltv 0.75, lt 0.80,
// every loop at the full LTV, no costs. In USD with k = 1, t = 0.75 (docs/architecture.md, loop execution):
// C = 10,000 (1 - 0.75^4) / 0.25 = 27,343.75 USDC, DV = 0.75 x 10,000 (1 - 0.75^3) / 0.25 = 17,343.75 USD,
// so D = 5.78125 WETH and WETH's liquidation price C PA lt / D = 21,875 / 5.78125 = 3,783.783783...
Plan shortPlan()
{
    Plan p;
    p.name = QStringLiteral("USDC short WETH");
    p.collateral = {QStringLiteral("USDC"), 1.0, 0.75, 0.80, 0.05, 0.0, 0.0};
    p.borrow = {QStringLiteral("WETH"), 3000.0, 0.0, PriceModel::Fixed};
    p.deposit = 10000.0;
    p.strategy.mode = StrategyMode::Loops;
    p.strategy.loops = 3;
    p.strategy.ltvFraction = 1.0;
    p.costs = {};
    return p;
}

constexpr double kC = 27343.75;
constexpr double kD = 5.78125;

} // namespace

class TestRiskAsset : public QObject {
    Q_OBJECT
private slots:
    void defaultsFromThePriceModel();
    void explicitChoiceWins();
    void shortLiquidationPriceByHand();
    void shortDistanceAndHealth();
    void reportStatesTheRiskAsset();
    void planFileKeepsTheChoice();
    void badRiskAssetNamesTheField();
};

void TestRiskAsset::defaultsFromThePriceModel()
{
    Plan p = test::fixturePlan(); // wstETH against WETH, priced apart
    QCOMPARE(toString(effectiveRiskAsset(p)), toString(RiskAsset::Collateral));
    p.borrow.priceModel = PriceModel::TracksCollateral;
    QCOMPARE(toString(effectiveRiskAsset(p)), toString(RiskAsset::Ratio));
    QCOMPARE(riskAxisSymbol(p), QStringLiteral("wstETH/WETH"));
    LP_COMPARE_REL(riskSpot(p), 3500.0 / 3000.0, 1e-15);

    const Plan s = shortPlan(); // a stable collateral with a volatile debt
    QCOMPARE(toString(effectiveRiskAsset(s)), toString(RiskAsset::Borrow));
    QCOMPARE(riskAxisSymbol(s), QStringLiteral("WETH"));
    QCOMPARE(riskSpot(s), 3000.0);

    Plan stable = s; // USDC against USDT: neither is volatile
    stable.borrow = {QStringLiteral("USDT"), 1.0, 0.0, PriceModel::Fixed};
    QCOMPARE(toString(effectiveRiskAsset(stable)), toString(RiskAsset::Collateral));
    Plan longEth = s; // WETH against USDC: the usual long
    longEth.collateral.symbol = QStringLiteral("WETH");
    longEth.collateral.priceUsd = 3000.0;
    longEth.borrow = {QStringLiteral("USDC"), 1.0, 0.0, PriceModel::Fixed};
    QCOMPARE(toString(effectiveRiskAsset(longEth)), toString(RiskAsset::Collateral));

    QVERIFY(looksStable(QStringLiteral("USDC.e"), 0.999));
    QVERIFY(looksStable(QStringLiteral("DAI"), 1.0));
    QVERIFY(!looksStable(QStringLiteral("USDC"), 3000.0)); // a "USD" name far off its peg is not stable
    QVERIFY(!looksStable(QStringLiteral("WETH"), 1.0));
}

void TestRiskAsset::explicitChoiceWins()
{
    Plan s = shortPlan();
    s.riskAsset = RiskAsset::Collateral;
    QCOMPARE(toString(effectiveRiskAsset(s)), toString(RiskAsset::Collateral));
    // Read as a long, the liquidation price is USDC's own: D PB / (C lt) = 17,343.75 / 21,875.
    const PlanResult r = test::compute(s);
    LP_COMPARE_REL(r.position.liquidationPriceUsd, 17343.75 / 21875.0, 1e-12);
}

void TestRiskAsset::shortLiquidationPriceByHand()
{
    const PlanResult r = test::compute(shortPlan());
    LP_COMPARE_REL(r.opened.collateral, kC, 1e-12);
    LP_COMPARE_REL(r.opened.debt, kD, 1e-12);
    LP_COMPARE_REL(r.position.liquidationPriceUsd, kC * 1.0 * 0.80 / kD, 1e-12);
    LP_COMPARE_REL(r.position.liquidationPriceUsd, 3783.783783783784, 1e-12);
    // At that WETH price HF is exactly 1.
    LP_COMPARE_REL(healthFactor(kC, kD, 1.0, r.position.liquidationPriceUsd, 0.80), 1.0, 1e-12);
    LP_COMPARE_REL(r.sweep.liquidationPriceUsd, 3783.783783783784, 1e-12);
    QCOMPARE(riskLiquidationValue(r.plan, kC, kD, 0.80), r.position.liquidationPriceUsd);
}

void TestRiskAsset::shortDistanceAndHealth()
{
    const PlanResult r = test::compute(shortPlan());
    // HF = 21,875 / 17,343.75; the ratio distance 1 - PB / PB_liq = 1 - 1 / HF.
    LP_COMPARE_REL(r.position.healthFactor, 21875.0 / 17343.75, 1e-12);
    LP_COMPARE_REL(r.position.distanceToLiquidation, 1.0 - 3000.0 / 3783.783783783784, 1e-12);
    LP_COMPARE_REL(r.position.equityUsd, kC - 17343.75, 1e-12);
}

void TestRiskAsset::reportStatesTheRiskAsset()
{
    const MarketRegistry &markets = MarketRegistry::builtIn();
    const PlanResult s = test::compute(shortPlan());
    const QJsonObject pos = reportJson(s, markets).value(QStringLiteral("position")).toObject();
    QCOMPARE(pos.value(QStringLiteral("riskAsset")).toString(), QStringLiteral("borrow"));
    LP_COMPARE_REL(pos.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 3783.783783783784, 1e-9);
    QVERIFY(reportText(s, markets).contains(QStringLiteral("WETH at $3783.78")));

    Plan tracks = test::fixturePlan();
    tracks.borrow.priceModel = PriceModel::TracksCollateral;
    const QJsonObject ratio =
        reportJson(test::compute(tracks), markets).value(QStringLiteral("position")).toObject();
    QCOMPARE(ratio.value(QStringLiteral("riskAsset")).toString(), QStringLiteral("ratio"));
    QVERIFY(ratio.value(QStringLiteral("liquidationPriceUsd")).isNull());
    QVERIFY(ratio.value(QStringLiteral("liquidationRatio")).toDouble() > 0.0);

    const QJsonObject longPos =
        reportJson(test::compute(test::fixturePlan()), markets).value(QStringLiteral("position")).toObject();
    QCOMPARE(longPos.value(QStringLiteral("riskAsset")).toString(), QStringLiteral("collateral"));
    LP_COMPARE_REL(longPos.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 2581.7234006863932,
                   1e-12);
}

void TestRiskAsset::planFileKeepsTheChoice()
{
    const MarketRegistry &markets = MarketRegistry::builtIn();
    Plan p = shortPlan();
    QVERIFY(!planToJson(p, markets).contains(QStringLiteral("riskAsset"))); // Auto is not written
    for (RiskAsset a : {RiskAsset::Collateral, RiskAsset::Borrow, RiskAsset::Ratio}) {
        p.riskAsset = a;
        const QJsonObject json = planToJson(p, markets);
        QCOMPARE(json.value(QStringLiteral("riskAsset")).toString(), toString(a));
        const Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), markets);
        QVERIFY2(read.hasValue(), qPrintable(read ? QString() : formatErrors(read.errors())));
        QCOMPARE(toString(read->riskAsset), toString(a));
        QVERIFY(!read->unknownFields.contains(QStringLiteral("riskAsset")));
    }
}

void TestRiskAsset::badRiskAssetNamesTheField()
{
    QJsonObject json = planToJson(shortPlan(), MarketRegistry::builtIn());
    json[QStringLiteral("riskAsset")] = QStringLiteral("sideways");
    const Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), MarketRegistry::builtIn());
    QVERIFY(!read.hasValue());
    QVERIFY2(formatErrors(read.errors()).contains(QStringLiteral("riskAsset")),
             qPrintable(formatErrors(read.errors())));
}

QTEST_GUILESS_MAIN(TestRiskAsset)
#include "tst_riskasset.moc"
