// changedPlanFields: each plan value, changed alone, is named by exactly its own path; equal plans name
// nothing; several changes come in document order.
#include "plandiff.h"
#include "testutil.h"

#include <QTest>

#include <functional>

using namespace lp;

Q_DECLARE_METATYPE(std::function<void(lp::Plan &)>)

class TestPlanDiff : public QObject {
    Q_OBJECT
private slots:
    void equalPlansNameNothing();
    void eachFieldAlone_data();
    void eachFieldAlone();
    void severalChangesInDocumentOrder();
    void symmetric();
};

using Change = std::function<void(Plan &)>;

void TestPlanDiff::equalPlansNameNothing()
{
    QVERIFY(changedPlanFields(defaultPlan(), defaultPlan()).isEmpty());
    QVERIFY(changedPlanFields(test::fixturePlan(), test::fixturePlan()).isEmpty());
}

void TestPlanDiff::eachFieldAlone_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("path");
    const auto row = [](const char *path, Change change) {
        QTest::newRow(path) << change << QString::fromLatin1(path);
    };
    row("name", [](Plan &p) { p.name = QStringLiteral("other"); });
    row("market", [](Plan &p) { p.market = QStringLiteral("aave-v3-ethereum"); });
    row("collateral.symbol", [](Plan &p) { p.collateral.symbol = QStringLiteral("rETH"); });
    row("collateral.priceUsd", [](Plan &p) { p.collateral.priceUsd += 1; });
    row("collateral.ltv", [](Plan &p) { p.collateral.ltv = 0.7; });
    row("collateral.liquidationThreshold", [](Plan &p) { p.collateral.liquidationThreshold = 0.85; });
    row("collateral.liquidationBonus", [](Plan &p) { p.collateral.liquidationBonus = 0.06; });
    row("collateral.supplyApy", [](Plan &p) { p.collateral.supplyApy = 0.02; });
    row("collateral.nativeYield", [](Plan &p) { p.collateral.nativeYield = 0.04; });
    row("borrow.symbol", [](Plan &p) { p.borrow.symbol = QStringLiteral("USDC"); });
    row("borrow.priceUsd", [](Plan &p) { p.borrow.priceUsd = 1.0; });
    row("borrow.borrowApy", [](Plan &p) { p.borrow.borrowApy = 0.05; });
    row("borrow.priceModel", [](Plan &p) { p.borrow.priceModel = PriceModel::TracksCollateral; });
    row("deposit", [](Plan &p) { p.deposit = 100; });
    row("strategy.mode", [](Plan &p) { p.strategy.mode = StrategyMode::TargetLeverage; });
    row("strategy.loops", [](Plan &p) { p.strategy.loops = 7; });
    row("strategy.leverage", [](Plan &p) { p.strategy.leverage = 3; });
    row("strategy.healthFactor", [](Plan &p) { p.strategy.healthFactor = 1.2; });
    row("strategy.ltvFraction", [](Plan &p) { p.strategy.ltvFraction = 0.5; });
    row("execution", [](Plan &p) { p.execution = Execution::FlashLoan; });
    row("costs.swapFeeBps", [](Plan &p) { p.costs.swapFeeBps = 30; });
    row("costs.slippageBps", [](Plan &p) { p.costs.slippageBps = 50; });
    row("costs.flashPremiumBps", [](Plan &p) { p.costs.flashPremiumBps = 9; });
    row("costs.gasUsdPerTx", [](Plan &p) { p.costs.gasUsdPerTx = 3; });
    row("horizonDays", [](Plan &p) { p.horizonDays = 30; });
    row("risk.annualVolatility", [](Plan &p) { p.risk.annualVolatility = 0.9; });
    row("risk.drift", [](Plan &p) { p.risk.drift = 0.1; });
    row("liquidationRules", [](Plan &p) { p.liquidationRules = LiquidationRuleSet::AaveV33; });
    row("eMode", [](Plan &p) { p.useEMode = !p.useEMode; });
    row("presetFields", [](Plan &p) { p.presetFields = MarketField::CollateralLtv; });
    row("unknownFields", [](Plan &p) { p.unknownFields.insert(QStringLiteral("future"), 1); });
}

void TestPlanDiff::eachFieldAlone()
{
    QFETCH(Change, change);
    QFETCH(QString, path);
    const Plan before = test::fixturePlan();
    Plan after = before;
    change(after);
    QVERIFY(after != before); // the row really changes something
    QCOMPARE(changedPlanFields(before, after), QStringList{path});
}

void TestPlanDiff::severalChangesInDocumentOrder()
{
    const Plan before = test::fixturePlan();
    Plan after = before;
    after.costs.gasUsdPerTx = 9;
    after.deposit = 3;
    after.collateral.ltv = 0.6;
    after.presetFields = MarketField::BorrowApy;
    QCOMPARE(changedPlanFields(before, after),
             (QStringList{QStringLiteral("collateral.ltv"), QStringLiteral("deposit"),
                          QStringLiteral("costs.gasUsdPerTx"), QStringLiteral("presetFields")}));
}

void TestPlanDiff::symmetric()
{
    Plan a = test::fixturePlan();
    Plan b = a;
    b.strategy.loops = 9;
    b.borrow.symbol = QStringLiteral("USDT");
    QCOMPARE(changedPlanFields(a, b), changedPlanFields(b, a));
}

QTEST_APPLESS_MAIN(TestPlanDiff)
#include "tst_plandiff.moc"
