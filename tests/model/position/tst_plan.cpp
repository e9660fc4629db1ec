// Plan value types and validatePlan(): every rule names its field and says why.
#include "machineformat.h"
#include "plan.h"
#include "testutil.h"

#include <QTest>

#include <functional>
#include <limits>

using namespace lp;

Q_DECLARE_METATYPE(std::function<void(lp::Plan &)>)

class TestPlan : public QObject {
    Q_OBJECT
private slots:
    void defaultAndFixtureAreValid();
    void invalidValues_data();
    void invalidValues();
    void reportsEveryProblemAtOnce();
    void boundariesThatAreAllowed_data();
    void boundariesThatAreAllowed();
    void enumSpellingsRoundTrip();
    void swapKeepIsProductOfFeeAndSlippage();
    void formatNumberIsShortestRoundTrip();
};

void TestPlan::defaultAndFixtureAreValid()
{
    QVERIFY(validatePlan(defaultPlan()).isEmpty());
    QVERIFY(validatePlan(test::fixturePlan()).isEmpty());
    QVERIFY(validatePlan(Plan{}).isEmpty());
}

void TestPlan::invalidValues_data()
{
    using Edit = std::function<void(Plan &)>;
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();

    QTest::newRow("lt below ltv") << Edit([](Plan &p) { p.collateral.liquidationThreshold = 0.7; })
                                  << "collateral.liquidationThreshold"
                                  << "must be above ltv (0.75)";
    QTest::newRow("lt equal ltv") << Edit([](Plan &p) { p.collateral.liquidationThreshold = 0.75; })
                                  << "collateral.liquidationThreshold"
                                  << "must be above ltv (0.75)";
    QTest::newRow("lt above 1") << Edit([](Plan &p) { p.collateral.liquidationThreshold = 1.2; })
                                << "collateral.liquidationThreshold"
                                << "must be at most 1 (got 1.2)";
    QTest::newRow("ltv 1") << Edit([](Plan &p) { p.collateral.ltv = 1.0; }) << "collateral.ltv"
                           << "must be below 1 (got 1)";
    QTest::newRow("ltv negative") << Edit([](Plan &p) { p.collateral.ltv = -0.1; }) << "collateral.ltv"
                                  << "must be at least 0 (got -0.1)";
    QTest::newRow("ltv NaN") << Edit([nan](Plan &p) { p.collateral.ltv = nan; }) << "collateral.ltv"
                             << "must be a finite number";
    // lt (1 + bonus) = 0.8 x 1.3 = 1.04: a liquidation would seize more than the collateral.
    QTest::newRow("bonus too large")
        << Edit([](Plan &p) { p.collateral.liquidationBonus = 0.3; }) << "collateral.liquidationBonus"
        << "liquidationThreshold x (1 + liquidationBonus) must be below 1 (got 1.04)";
    QTest::newRow("price A zero") << Edit([](Plan &p) { p.collateral.priceUsd = 0; }) << "collateral.priceUsd"
                                  << "must be above 0 (got 0)";
    QTest::newRow("price A inf") << Edit([inf](Plan &p) { p.collateral.priceUsd = inf; })
                                 << "collateral.priceUsd"
                                 << "must be a finite number";
    QTest::newRow("price B zero") << Edit([](Plan &p) { p.borrow.priceUsd = 0; }) << "borrow.priceUsd"
                                  << "must be above 0 (got 0)";
    QTest::newRow("price B huge") << Edit([](Plan &p) { p.borrow.priceUsd = 1e308; }) << "borrow.priceUsd"
                                  << "must be at most 1e+09 (got 1e+308)";
    QTest::newRow("deposit negative") << Edit([](Plan &p) { p.deposit = -5; }) << "deposit"
                                      << "must be above 0 (got -5)";
    QTest::newRow("deposit zero") << Edit([](Plan &p) { p.deposit = 0; }) << "deposit"
                                  << "must be above 0 (got 0)";
    QTest::newRow("deposit 1e308") << Edit([](Plan &p) { p.deposit = 1e308; }) << "deposit"
                                   << "must be at most 1e+12 (got 1e+308)";
    QTest::newRow("deposit worth too much")
        << Edit([](Plan &p) { p.deposit = 1e12; }) << "deposit"
        << "is worth 3.5e+15 USD, more than the 1e+15 USD this planner models";
    QTest::newRow("symbol empty") << Edit([](Plan &p) { p.collateral.symbol = QStringLiteral("  "); })
                                  << "collateral.symbol"
                                  << "must not be empty";
    QTest::newRow("borrow symbol long")
        << Edit([](Plan &p) { p.borrow.symbol = QString(40, QLatin1Char('X')); }) << "borrow.symbol"
        << "must be at most 32 characters";
    QTest::newRow("loops negative") << Edit([](Plan &p) { p.strategy.loops = -1; }) << "strategy.loops"
                                    << "must be between 0 and 100 (got -1)";
    QTest::newRow("loops too many") << Edit([](Plan &p) { p.strategy.loops = 101; }) << "strategy.loops"
                                    << "must be between 0 and 100 (got 101)";
    QTest::newRow("leverage below 1") << Edit([](Plan &p) {
        p.strategy.mode = StrategyMode::TargetLeverage;
        p.strategy.leverage = 0.5;
    }) << "strategy.leverage"
                                      << "must be at least 1 (got 0.5)";
    QTest::newRow("hf at 1") << Edit([](Plan &p) {
        p.strategy.mode = StrategyMode::TargetHealthFactor;
        p.strategy.healthFactor = 1.0;
    }) << "strategy.healthFactor"
                             << "must be above 1 (got 1)";
    QTest::newRow("ltvFraction zero")
        << Edit([](Plan &p) { p.strategy.ltvFraction = 0; }) << "strategy.ltvFraction"
        << "must be above 0 (got 0)";
    QTest::newRow("ltvFraction above 1")
        << Edit([](Plan &p) { p.strategy.ltvFraction = 1.01; }) << "strategy.ltvFraction"
        << "must be at most 1 (got 1.01)";
    QTest::newRow("swap fee negative") << Edit([](Plan &p) { p.costs.swapFeeBps = -1; }) << "costs.swapFeeBps"
                                       << "must be at least 0 (got -1)";
    QTest::newRow("slippage 100 %") << Edit([](Plan &p) { p.costs.slippageBps = 10000; })
                                    << "costs.slippageBps"
                                    << "must be below 10000 (got 10000)";
    QTest::newRow("flash premium NaN")
        << Edit([nan](Plan &p) { p.costs.flashPremiumBps = nan; }) << "costs.flashPremiumBps"
        << "must be a finite number";
    QTest::newRow("gas negative") << Edit([](Plan &p) { p.costs.gasUsdPerTx = -0.01; }) << "costs.gasUsdPerTx"
                                  << "must be at least 0 (got -0.01)";
    QTest::newRow("horizon zero") << Edit([](Plan &p) { p.horizonDays = 0; }) << "horizonDays"
                                  << "must be between 1 and 36500 (got 0)";
    QTest::newRow("borrow apy -100 %") << Edit([](Plan &p) { p.borrow.borrowApy = -1; }) << "borrow.borrowApy"
                                       << "must be above -1 (got -1)";
    QTest::newRow("supply apy NaN") << Edit([nan](Plan &p) { p.collateral.supplyApy = nan; })
                                    << "collateral.supplyApy"
                                    << "must be a finite number";
    QTest::newRow("volatility negative")
        << Edit([](Plan &p) { p.risk.annualVolatility = -0.2; }) << "risk.annualVolatility"
        << "must be at least 0 (got -0.2)";
}

void TestPlan::invalidValues()
{
    QFETCH(std::function<void(Plan &)>, edit);
    QFETCH(QString, field);
    QFETCH(QString, message);
    Plan plan = test::fixturePlan();
    edit(plan);
    const ValidationErrors errors = validatePlan(plan);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, field);
    QCOMPARE(errors.first().message, message);
    QCOMPARE(errors.first().toString(), field + QStringLiteral(": ") + message);
}

void TestPlan::reportsEveryProblemAtOnce()
{
    Plan plan = test::fixturePlan();
    plan.deposit = -1;
    plan.collateral.priceUsd = 0;
    plan.costs.gasUsdPerTx = -1;
    const ValidationErrors errors = validatePlan(plan);
    QStringList fields;
    for (const ValidationError &e : errors)
        fields << e.field;
    QCOMPARE(fields, (QStringList{QStringLiteral("collateral.priceUsd"), QStringLiteral("deposit"),
                                  QStringLiteral("costs.gasUsdPerTx")}));
    QCOMPARE(formatErrors(errors).count(QLatin1Char('\n')), 2);
}

void TestPlan::boundariesThatAreAllowed_data()
{
    using Edit = std::function<void(Plan &)>;
    QTest::addColumn<Edit>("edit");
    QTest::newRow("ltv 0") << Edit([](Plan &p) { p.collateral.ltv = 0; });
    QTest::newRow("lt 95 %, bonus 5 %") << Edit([](Plan &p) { // 0.95 x 1.05 = 0.9975 < 1
        p.collateral.liquidationThreshold = 0.95;
        p.collateral.liquidationBonus = 0.05;
    });
    QTest::newRow("loops 0") << Edit([](Plan &p) { p.strategy.loops = 0; });
    QTest::newRow("loops 100") << Edit([](Plan &p) { p.strategy.loops = 100; });
    QTest::newRow("ltvFraction 1") << Edit([](Plan &p) { p.strategy.ltvFraction = 1.0; });
    QTest::newRow("negative borrow apy") << Edit([](Plan &p) { p.borrow.borrowApy = -0.5; });
    QTest::newRow("invalid number of the unused mode") << Edit([](Plan &p) { p.strategy.leverage = -3; });
}

void TestPlan::boundariesThatAreAllowed()
{
    QFETCH(std::function<void(Plan &)>, edit);
    Plan plan = test::fixturePlan();
    edit(plan);
    QVERIFY2(validatePlan(plan).isEmpty(), qPrintable(formatErrors(validatePlan(plan))));
}

void TestPlan::enumSpellingsRoundTrip()
{
    for (StrategyMode m :
         {StrategyMode::Loops, StrategyMode::TargetLeverage, StrategyMode::TargetHealthFactor}) {
        StrategyMode back{};
        QVERIFY(strategyModeFromString(toString(m), &back));
        QCOMPARE(toString(back), toString(m));
    }
    for (Execution e : {Execution::Loop, Execution::FlashLoan}) {
        Execution back{};
        QVERIFY(executionFromString(toString(e), &back));
        QCOMPARE(toString(back), toString(e));
    }
    for (PriceModel m : {PriceModel::Fixed, PriceModel::TracksCollateral}) {
        PriceModel back{};
        QVERIFY(priceModelFromString(toString(m), &back));
        QCOMPARE(toString(back), toString(m));
    }
    StrategyMode unused{};
    QVERIFY(!strategyModeFromString(QStringLiteral("Loops"), &unused));
    QCOMPARE(toString(StrategyMode::TargetHealthFactor), QStringLiteral("targetHealthFactor"));
    QCOMPARE(toString(Execution::FlashLoan), QStringLiteral("flashLoan"));
    QCOMPARE(toString(PriceModel::TracksCollateral), QStringLiteral("tracksCollateral"));
}

void TestPlan::swapKeepIsProductOfFeeAndSlippage()
{
    // 5 bps fee and 10 bps slippage: k = 0.9995 x 0.999 = 0.9985005 exactly.
    Costs c{5.0, 10.0, 0.0, 0.0};
    LP_COMPARE_REL(c.swapKeep(), 0.9985005, 1e-15);
    QCOMPARE(Costs{}.swapKeep(), 1.0);
}

void TestPlan::formatNumberIsShortestRoundTrip()
{
    QCOMPARE(formatNumber(0.75), QStringLiteral("0.75"));
    QCOMPARE(formatNumber(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
    QCOMPARE(formatNumber(std::numeric_limits<double>::quiet_NaN()), QStringLiteral("NaN"));
    QCOMPARE(formatNumber(-std::numeric_limits<double>::infinity()), QStringLiteral("-Infinity"));
}

QTEST_APPLESS_MAIN(TestPlan)
#include "tst_plan.moc"
