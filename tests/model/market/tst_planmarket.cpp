// Plans over market presets: what a market supplies for a pair, e-mode and its toggle, the
// override flags, and overrides that survive a plan save and load.
#include "engine.h"
#include "marketregistry.h"
#include "planjson.h"
#include "planmarket.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QTest>

using namespace lp;

namespace {

const Market &zkSync()
{
    return *MarketRegistry::builtIn().find(QStringLiteral("zerolend-zksync"));
}

// USDC.e against USDT on ZeroLend zkSync, overriding only the collateral's price.
const char kStablePlan[] = R"({
  "format": "leverage-planner-plan", "version": 1, "name": "stable loop",
  "market": "zerolend-zksync",
  "collateral": {"symbol": "USDC.e", "priceUsd": 0.999},
  "borrow": {"symbol": "USDT"},
  "deposit": 10000,
  "strategy": {"mode": "loops", "loops": 5, "ltvFraction": 0.9}
})";

Plan parsed(const QByteArray &json)
{
    const Expected<Plan> p = parsePlan(json, MarketRegistry::builtIn());
    if (!p)
        qWarning("%s", qPrintable(formatErrors(p.errors())));
    return p ? *p : Plan{};
}

Plan saveAndLoad(const Plan &plan, QJsonObject *written = nullptr)
{
    const QJsonObject o = planToJson(plan, MarketRegistry::builtIn());
    if (written)
        *written = o;
    return parsed(QJsonDocument(o).toJson());
}

} // namespace

class TestPlanMarket : public QObject {
    Q_OBJECT
private slots:
    void fieldPaths();
    void pairInsideEModeGetsCategoryParameters();
    void eModeToggleOffGivesReserveParameters();
    void assetsNotInMarket();
    void planTakesWhatItLeavesOut();
    void overridesRoundTripThroughSaveAndLoad();
    void editedValueIsAnOverride();
    void resetToPresetFollowsPresetAgain();
    void eModeToggleRoundTrip();
    void marketRulesReachTheLiquidationEngine();
    void defaultPlanFollowsALiveMarket();
    void smallPositionOnAaveLiquidatesFullyInTheSweep();
    void unknownMarketOpensWithOwnValues();
    void missingValueNamesWhyItIsRequired();
};

void TestPlanMarket::fieldPaths()
{
    QCOMPARE(fieldPath(MarketField::CollateralLtv), QStringLiteral("collateral.ltv"));
    QCOMPARE(fieldPath(MarketField::CollateralPriceUsd), QStringLiteral("collateral.priceUsd"));
    QCOMPARE(fieldPath(MarketField::BorrowApy), QStringLiteral("borrow.borrowApy"));
    QCOMPARE(fieldPath(MarketField::LiquidationRules), QStringLiteral("liquidationRules"));
    QCOMPARE(marketFields().size(), 9);
}

void TestPlanMarket::pairInsideEModeGetsCategoryParameters()
{
    // USDC.e (reserves[0], 80 / 85 / 5 %) and USDT (reserves[2]) are both in "Stablecoins" (eModes[0],
    // 97 / 97.5 / 1 %, zl-deploy e-mode 1): the category's values replace the collateral's.
    const MarketPreset p = marketPreset(zkSync(), QStringLiteral("USDC.e"), QStringLiteral("USDT"));
    QCOMPARE(p.marketId, QStringLiteral("zerolend-zksync"));
    QCOMPARE(p.eMode, qsizetype(0));
    QCOMPARE(p.eModeLabel, QStringLiteral("Stablecoins"));
    QCOMPARE(p.collateral.ltv, 0.97);
    QCOMPARE(p.collateral.liquidationThreshold, 0.975);
    QCOMPARE(p.collateral.liquidationBonus, 0.01);
    QCOMPARE(p.collateralReserve, qsizetype(0));
    QCOMPARE(p.borrowReserve, qsizetype(2));
    QCOMPARE(p.sourcePath(MarketField::CollateralLtv), QStringLiteral("eModes[0].ltv"));
    QCOMPARE(p.sourcePath(MarketField::CollateralLiquidationBonus),
             QStringLiteral("eModes[0].liquidationBonus"));
    // Not e-mode values: still the reserve's.
    QCOMPARE(p.sourcePath(MarketField::CollateralSupplyApy), QStringLiteral("reserves[0].supplyApy"));
    QCOMPARE(p.sourcePath(MarketField::CollateralPriceUsd), QStringLiteral("reserves[0].defaultPriceUsd"));
    QCOMPARE(p.sourcePath(MarketField::BorrowApy), QStringLiteral("reserves[2].borrowApy"));
    QCOMPARE(p.sourcePath(MarketField::LiquidationRules), QStringLiteral("liquidationRules"));
    QCOMPARE(p.borrow.borrowApy, 0.03252);
    // Everything is available; the estimates are the file's: prices and APYs, not the e-mode triple.
    for (MarketField f : marketFields())
        QVERIFY(p.available.testFlag(f));
    QVERIFY(p.estimates.testFlag(MarketField::CollateralPriceUsd));
    QVERIFY(p.estimates.testFlag(MarketField::BorrowApy));
    QVERIFY(!p.estimates.testFlag(MarketField::CollateralLtv));
    QVERIFY(!p.estimates.testFlag(MarketField::CollateralLiquidationThreshold));
}

void TestPlanMarket::eModeToggleOffGivesReserveParameters()
{
    const MarketPreset p = marketPreset(zkSync(), QStringLiteral("USDC.e"), QStringLiteral("USDT"), false);
    QCOMPARE(p.eMode, qsizetype(-1));
    QVERIFY(p.eModeLabel.isEmpty());
    QCOMPARE(p.collateral.ltv, 0.80);
    QCOMPARE(p.collateral.liquidationThreshold, 0.85);
    QCOMPARE(p.collateral.liquidationBonus, 0.05);
    QCOMPARE(p.sourcePath(MarketField::CollateralLtv), QStringLiteral("reserves[0].ltv"));
    // A pair not in one category gets the reserve's values with the toggle on too: WETH against USDT.
    const MarketPreset w = marketPreset(zkSync(), QStringLiteral("WETH"), QStringLiteral("USDT"), true);
    QCOMPARE(w.eMode, qsizetype(-1));
    QCOMPARE(w.collateral.ltv, 0.80);
    QCOMPARE(w.collateral.liquidationThreshold, 0.825);
}

void TestPlanMarket::assetsNotInMarket()
{
    // wstETH is not a zkSync reserve here; WETH is borrowable.
    const MarketPreset p = marketPreset(zkSync(), QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(p.collateralReserve, qsizetype(-1));
    QCOMPARE(p.borrowReserve, qsizetype(1));
    QVERIFY(!p.available.testFlag(MarketField::CollateralLtv));
    QVERIFY(p.sourcePath(MarketField::CollateralLtv).isEmpty());
    QVERIFY(p.available.testFlag(MarketField::BorrowApy));
    QVERIFY(p.available.testFlag(MarketField::LiquidationRules));
    // An LRT that is collateral only cannot be borrowed.
    const Market &lrt = *MarketRegistry::builtIn().find(QStringLiteral("zerolend-ethereum-lrt"));
    const MarketPreset q = marketPreset(lrt, QStringLiteral("WETH"), QStringLiteral("weETH"));
    QCOMPARE(q.borrowReserve, qsizetype(-1));
    QVERIFY(!q.available.testFlag(MarketField::BorrowApy));
}

void TestPlanMarket::planTakesWhatItLeavesOut()
{
    const Plan plan = parsed(kStablePlan);
    QCOMPARE(plan.market, QStringLiteral("zerolend-zksync"));
    QCOMPARE(plan.collateral.priceUsd, 0.999); // the plan's own
    QCOMPARE(plan.collateral.ltv, 0.97);       // e-mode Stablecoins
    QCOMPARE(plan.collateral.liquidationThreshold, 0.975);
    QCOMPARE(plan.collateral.liquidationBonus, 0.01);
    QCOMPARE(plan.collateral.supplyApy, 0.02095);
    QCOMPARE(plan.borrow.priceUsd, 1.0);
    QCOMPARE(plan.borrow.borrowApy, 0.03252);
    QCOMPARE(toString(plan.liquidationRules), toString(LiquidationRuleSet::AaveV30));
    const MarketPreset preset = marketPreset(MarketRegistry::builtIn(), plan);
    QVERIFY(isOverridden(plan, MarketField::CollateralPriceUsd, preset));
    for (MarketField f : marketFields()) {
        if (f != MarketField::CollateralPriceUsd)
            QVERIFY2(!isOverridden(plan, f, preset), qPrintable(fieldPath(f)));
    }
}

void TestPlanMarket::overridesRoundTripThroughSaveAndLoad()
{
    const Plan plan = parsed(kStablePlan);
    QJsonObject written;
    const Plan again = saveAndLoad(plan, &written);
    QCOMPARE(again, plan);
    // The file keeps only what the user changed: the price, not the preset values.
    const QJsonObject collateral = written.value(QStringLiteral("collateral")).toObject();
    QCOMPARE(collateral.value(QStringLiteral("priceUsd")).toDouble(), 0.999);
    for (const char *key : {"ltv", "liquidationThreshold", "liquidationBonus", "supplyApy", "nativeYield"})
        QVERIFY2(!collateral.contains(QLatin1String(key)), key);
    const QJsonObject borrow = written.value(QStringLiteral("borrow")).toObject();
    QVERIFY(!borrow.contains(QStringLiteral("priceUsd")));
    QVERIFY(!borrow.contains(QStringLiteral("borrowApy")));
    QVERIFY(!written.contains(QStringLiteral("liquidationRules")));
    QVERIFY(!written.contains(QStringLiteral("eMode")));
}

void TestPlanMarket::editedValueIsAnOverride()
{
    Plan plan = parsed(kStablePlan);
    plan.collateral.ltv = 0.9;
    markOverridden(&plan, MarketField::CollateralLtv);
    plan.borrow.borrowApy = 0.08;
    markOverridden(&plan, MarketField::BorrowApy);
    QJsonObject written;
    const Plan again = saveAndLoad(plan, &written);
    QCOMPARE(again, plan);
    QCOMPARE(written.value(QStringLiteral("collateral")).toObject().value(QStringLiteral("ltv")).toDouble(),
             0.9);
    QCOMPARE(written.value(QStringLiteral("borrow")).toObject().value(QStringLiteral("borrowApy")).toDouble(),
             0.08);
    // An override equal to the preset value is still the plan's own: it stays when the preset changes.
    Plan same = parsed(kStablePlan);
    markOverridden(&same, MarketField::CollateralLiquidationThreshold);
    const Plan sameAgain = saveAndLoad(same);
    QVERIFY(!sameAgain.presetFields.testFlag(MarketField::CollateralLiquidationThreshold));
    QCOMPARE(sameAgain.collateral.liquidationThreshold, 0.975);
    // A flagged value changed without markOverridden still counts as an override (and is saved).
    Plan forgot = parsed(kStablePlan);
    forgot.collateral.supplyApy = 0.05;
    const MarketPreset preset = marketPreset(MarketRegistry::builtIn(), forgot);
    QVERIFY(isOverridden(forgot, MarketField::CollateralSupplyApy, preset));
    QCOMPARE(saveAndLoad(forgot).collateral.supplyApy, 0.05);
}

void TestPlanMarket::resetToPresetFollowsPresetAgain()
{
    Plan plan = parsed(kStablePlan);
    const MarketPreset preset = marketPreset(MarketRegistry::builtIn(), plan);
    resetToPreset(&plan, MarketField::CollateralPriceUsd, preset);
    QCOMPARE(plan.collateral.priceUsd, 1.0); // reserves[0].defaultPriceUsd
    QVERIFY(!isOverridden(plan, MarketField::CollateralPriceUsd, preset));
    QJsonObject written;
    saveAndLoad(plan, &written);
    QVERIFY(!written.value(QStringLiteral("collateral")).toObject().contains(QStringLiteral("priceUsd")));
    // Resetting a field the preset has no value for does nothing.
    Plan other = parsed(kStablePlan);
    other.collateral.symbol = QStringLiteral("wstETH");
    const MarketPreset none = marketPreset(MarketRegistry::builtIn(), other);
    other.collateral.ltv = 0.5;
    markOverridden(&other, MarketField::CollateralLtv);
    resetToPreset(&other, MarketField::CollateralLtv, none);
    QCOMPARE(other.collateral.ltv, 0.5);
    QVERIFY(!other.presetFields.testFlag(MarketField::CollateralLtv));
}

void TestPlanMarket::eModeToggleRoundTrip()
{
    // Toggling e-mode off: applyPreset moves every preset-following value to the new preset (80 / 85 / 5 %)
    // and leaves the plan's own values alone.
    Plan plan = parsed(kStablePlan);
    plan.collateral.liquidationBonus = 0.02;
    markOverridden(&plan, MarketField::CollateralLiquidationBonus);
    plan.useEMode = false;
    applyPreset(&plan, marketPreset(MarketRegistry::builtIn(), plan));
    QCOMPARE(plan.collateral.ltv, 0.80);
    QCOMPARE(plan.collateral.liquidationThreshold, 0.85);
    QCOMPARE(plan.collateral.liquidationBonus, 0.02);
    QCOMPARE(plan.collateral.priceUsd, 0.999);
    QJsonObject written;
    const Plan again = saveAndLoad(plan, &written);
    QCOMPARE(written.value(QStringLiteral("eMode")), QJsonValue(false));
    QCOMPARE(again, plan);
    // And back on.
    plan.useEMode = true;
    applyPreset(&plan, marketPreset(MarketRegistry::builtIn(), plan));
    QCOMPARE(plan.collateral.ltv, 0.97);
    QCOMPARE(plan.collateral.liquidationBonus, 0.02);
}

void TestPlanMarket::marketRulesReachTheLiquidationEngine()
{
    // Aave v3 Ethereum runs the v3.3 rules; a plan on it follows them without saying so.
    QByteArray json(kStablePlan);
    json.replace("zerolend-zksync", "aave-v3-ethereum")
        .replace("\"USDC.e\", \"priceUsd\": 0.999", "\"wstETH\", \"priceUsd\": 3600")
        .replace("\"USDT\"", "\"WETH\"");
    Plan plan = parsed(json);
    QCOMPARE(toString(plan.liquidationRules), toString(LiquidationRuleSet::AaveV33));
    QCOMPARE(toString(liquidationParams(plan, 3000).rules.ruleSet), toString(LiquidationRuleSet::AaveV33));
    QCOMPARE(plan.collateral.ltv, 0.935); // e-mode "wstETH/ETH"
    QCOMPARE(liquidationParams(plan, 3000).liquidationBonus, 0.01);
    QJsonObject written;
    QCOMPARE(saveAndLoad(plan, &written), plan);
    QVERIFY(!written.contains(QStringLiteral("liquidationRules")));
    // The plan may choose other rules: then they are written.
    plan.liquidationRules = LiquidationRuleSet::AaveV30;
    markOverridden(&plan, MarketField::LiquidationRules);
    QCOMPARE(saveAndLoad(plan, &written), plan);
    QCOMPARE(written.value(QStringLiteral("liquidationRules")).toString(), QStringLiteral("aave-v3.0"));
}

void TestPlanMarket::defaultPlanFollowsALiveMarket()
{
    // The starting plan is wstETH against WETH on Aave v3 Ethereum in its wstETH/ETH e-mode, every market
    // value the preset's (not an override), and its name says where it is.
    const Plan d = defaultPlan();
    QCOMPARE(d.market, QStringLiteral("aave-v3-ethereum"));
    QVERIFY(d.name.contains(QStringLiteral("Aave v3 Ethereum")));
    const MarketPreset preset = marketPreset(MarketRegistry::builtIn(), d);
    QCOMPARE(preset.eModeLabel, QStringLiteral("wstETH/ETH"));
    QVERIFY(!MarketRegistry::builtIn().find(d.market)->notes.startsWith(QStringLiteral("Wound down")));
    for (MarketField f : marketFields())
        QVERIFY2(!isOverridden(d, f, preset), qPrintable(fieldPath(f)));
    Plan applied = d;
    applyPreset(&applied, preset);
    QCOMPARE(applied, d);
    QCOMPARE(toString(d.liquidationRules), QStringLiteral("aave-v3.3"));
    QVERIFY(validatePlan(d).isEmpty());
    // Written and read back it is the same plan, and the file keeps none of the preset's values.
    QJsonObject written;
    QCOMPARE(saveAndLoad(d, &written), d);
    QVERIFY(!written.value(QStringLiteral("collateral")).toObject().contains(QStringLiteral("ltv")));
}

void TestPlanMarket::smallPositionOnAaveLiquidatesFullyInTheSweep()
{
    // 0.5 wstETH ($1,750) on Aave v3 Ethereum against USDC (no common e-mode: ltv 78.5 %, lt 81 %, bonus
    // 6 %), one loop at half the max LTV, no costs: debt 0.5 x 0.785 x 1750 = $686.875 (< $2,000), collateral
    // 0.5 + 686.875 / 3500 = 0.69625 wstETH. Liquidation price 686.875 / (0.69625 x 0.81) = $1,217.95.
    // v3.3 (the market's rules): debt under $2,000 -> one liquidation repays everything, seizing
    // 686.875 x 1.06 / 1217.95 = 0.59779 wstETH. v3.0 (the plan's override): 50 %, then again and again.
    QByteArray json(kStablePlan);
    json.replace("zerolend-zksync", "aave-v3-ethereum")
        .replace("\"USDC.e\", \"priceUsd\": 0.999", "\"wstETH\"")
        .replace("\"USDT\"", "\"USDC\"")
        .replace("10000", "0.5")
        .replace("\"loops\": 5, \"ltvFraction\": 0.9", "\"loops\": 1, \"ltvFraction\": 0.5");
    Plan plan = parsed(json);
    QCOMPARE(toString(plan.liquidationRules), QStringLiteral("aave-v3.3"));
    const Expected<PlanResult> v33 = computePlan(plan);
    QVERIFY(v33);
    LP_COMPARE_REL(v33->opened.debt, 686.875, 1e-12);
    LP_COMPARE_REL(v33->opened.collateral, 0.69625, 1e-12);
    const std::vector<LiquidationEvent> &a = v33->sweep.liquidations;
    QCOMPARE(a.size(), size_t(1));
    QCOMPARE(a[0].closeFactor, 1.0);
    LP_COMPARE_REL(a[0].priceUsd, 686.875 / (0.69625 * 0.81), 1e-12);
    LP_COMPARE_REL(a[0].collateralSeized, 686.875 * 1.06 / (686.875 / (0.69625 * 0.81)), 1e-12);
    QCOMPARE(a[0].debtAfter, 0.0);

    plan.liquidationRules = LiquidationRuleSet::AaveV30;
    markOverridden(&plan, MarketField::LiquidationRules);
    const Expected<PlanResult> v30 = computePlan(plan);
    QVERIFY(v30);
    const std::vector<LiquidationEvent> &b = v30->sweep.liquidations;
    QVERIFY(b.size() > 1);
    QCOMPARE(b[0].closeFactor, 0.5);
    LP_COMPARE_REL(b[0].debtRepaid, 686.875 / 2, 1e-12);
}

void TestPlanMarket::unknownMarketOpensWithOwnValues()
{
    const QByteArray json = R"({
      "format": "leverage-planner-plan", "version": 1, "market": "zerolend-mars",
      "collateral": {"symbol": "USDC.e", "priceUsd": 1, "ltv": 0.7, "liquidationThreshold": 0.75},
      "borrow": {"symbol": "USDT", "priceUsd": 1},
      "deposit": 100, "strategy": {"mode": "loops", "loops": 2}})";
    const Expected<Plan> plan = parsePlan(json, MarketRegistry::builtIn());
    QVERIFY2(plan, qPrintable(plan ? QString() : formatErrors(plan.errors())));
    QCOMPARE(plan->market, QStringLiteral("zerolend-mars"));
    QCOMPARE(plan->collateral.ltv, 0.7);
    QCOMPARE(plan->collateral.liquidationBonus, 0.05); // the file default
    QCOMPARE(plan->presetFields, MarketFields());
    // Saved with every value and the market id kept.
    const QJsonObject written = planToJson(*plan, MarketRegistry::builtIn());
    QCOMPARE(written.value(QStringLiteral("market")).toString(), QStringLiteral("zerolend-mars"));
    QVERIFY(written.value(QStringLiteral("collateral")).toObject().contains(QStringLiteral("ltv")));
    QCOMPARE(saveAndLoad(*plan), *plan);
}

void TestPlanMarket::missingValueNamesWhyItIsRequired()
{
    // Unknown market: the plan must state the values itself.
    const QByteArray unknown = R"({
      "format": "leverage-planner-plan", "version": 1, "market": "zerolend-mars",
      "collateral": {"symbol": "USDC.e", "priceUsd": 1, "liquidationThreshold": 0.75},
      "borrow": {"symbol": "USDT", "priceUsd": 1},
      "deposit": 100, "strategy": {"mode": "loops", "loops": 2}})";
    Expected<Plan> plan = parsePlan(unknown, MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().first().field, QStringLiteral("collateral.ltv"));
    QVERIFY(plan.errors().first().message.contains(QStringLiteral("not known")));
    // Known market, asset it lacks.
    QByteArray lacking(unknown);
    lacking.replace("zerolend-mars", "zerolend-zksync").replace("USDC.e", "DAI");
    plan = parsePlan(lacking, MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().first().field, QStringLiteral("collateral.ltv"));
    QVERIFY2(plan.errors().first().message.contains(QStringLiteral("no collateral asset \"DAI\"")),
             qPrintable(plan.errors().first().message));
}

QTEST_APPLESS_MAIN(TestPlanMarket)
#include "tst_planmarket.moc"
