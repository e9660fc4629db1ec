// "What if utilization goes to U": the borrow APY follows the borrow reserve's rate strategy.
#include "marketregistry.h"
#include "planjson.h"
#include "planmarket.h"
#include "testutil.h"
#include "utilizationscenario.h"

#include <QTest>

using namespace lp;

namespace {

Plan stablePlan()
{
    const Expected<Plan> p =
        readPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/zksync-stable-emode.json"), MarketRegistry::builtIn());
    if (!p)
        qFatal("%s", qPrintable(formatErrors(p.errors())));
    return *p;
}

} // namespace

class TestUtilizationScenario : public QObject {
    Q_OBJECT
private slots:
    void borrowApyFollowsTheKink_data();
    void borrowApyFollowsTheKink();
    void errorsNameTheField();
    void reportSections();
};

void TestUtilizationScenario::borrowApyFollowsTheKink_data()
{
    // USDT on ZeroLend zkSync: StableOne, Uopt 0.9, base 0, slope1 0.04, slope2 0.6 (reserves[2]).
    // APY = (1 + APR / 31536000)^31536000 - 1 (tst_ratemodel has the hand values).
    QTest::addColumn<double>("utilization");
    QTest::addColumn<double>("apr");
    QTest::addColumn<double>("apy");
    QTest::newRow("45 %: 0.04 x 0.45 / 0.9") << 0.45 << 0.02 << 0.020201340020285737;
    QTest::newRow("at the kink") << 0.9 << 0.04 << 0.040810774165985116;
    QTest::newRow("95 %: 0.04 + 0.6 x 0.05 / 0.1") << 0.95 << 0.34 << 0.40494758798856945;
}

void TestUtilizationScenario::borrowApyFollowsTheKink()
{
    QFETCH(double, utilization);
    QFETCH(double, apr);
    QFETCH(double, apy);
    const Plan plan = stablePlan();
    const Expected<ScenarioPlan> s = withBorrowUtilization(plan, MarketRegistry::builtIn(), utilization);
    QVERIFY2(s, qPrintable(s ? QString() : formatErrors(s.errors())));
    LP_COMPARE_REL(s->scenario.borrowApr, apr, 1e-14);
    LP_COMPARE_REL(s->scenario.borrowApy, apy, 1e-12);
    LP_COMPARE_REL(s->plan.borrow.borrowApy, apy, 1e-12);
    QCOMPARE(s->scenario.previousBorrowApy, 0.03252);
    QCOMPARE(s->scenario.strategyField, QStringLiteral("reserves[2].rateStrategy"));
    // The new APY is the plan's own now; everything else is untouched.
    QVERIFY(!s->plan.presetFields.testFlag(MarketField::BorrowApy));
    Plan rest = s->plan;
    rest.borrow.borrowApy = plan.borrow.borrowApy;
    rest.presetFields = plan.presetFields;
    QCOMPARE(rest, plan);
}

void TestUtilizationScenario::errorsNameTheField()
{
    const Plan plan = stablePlan();
    const MarketRegistry &reg = MarketRegistry::builtIn();
    QCOMPARE(withBorrowUtilization(plan, reg, 1.2).errors().first().field, QStringLiteral("utilization"));
    QCOMPARE(withBorrowUtilization(plan, reg, std::nan("")).errors().first().field,
             QStringLiteral("utilization"));
    Plan noMarket = plan;
    noMarket.market.clear();
    QCOMPARE(withBorrowUtilization(noMarket, reg, 0.5).errors().first().field, QStringLiteral("market"));
    Plan unknown = plan;
    unknown.market = QStringLiteral("zerolend-mars");
    QCOMPARE(withBorrowUtilization(unknown, reg, 0.5).errors().first().field, QStringLiteral("market"));
    Plan notBorrowable = plan;
    notBorrowable.borrow.symbol = QStringLiteral("DAI");
    QCOMPARE(withBorrowUtilization(notBorrowable, reg, 0.5).errors().first().field,
             QStringLiteral("borrow.symbol"));
    // Native USDC on zkSync has no sourced rate strategy.
    Plan noStrategy = plan;
    noStrategy.borrow.symbol = QStringLiteral("USDC");
    const Expected<ScenarioPlan> e = withBorrowUtilization(noStrategy, reg, 0.5);
    QVERIFY(!e);
    QCOMPARE(e.errors().first().field, QStringLiteral("borrow.symbol"));
    QVERIFY(e.errors().first().message.contains(QStringLiteral("no rate strategy")));
}

void TestUtilizationScenario::reportSections()
{
    const Expected<ScenarioPlan> s = withBorrowUtilization(stablePlan(), MarketRegistry::builtIn(), 0.95);
    QVERIFY(s);
    const QJsonObject j = scenarioJson(s->scenario);
    QCOMPARE(j.value(QStringLiteral("borrowUtilization")).toDouble(), 0.95);
    QCOMPARE(j.value(QStringLiteral("borrowSymbol")).toString(), QStringLiteral("USDT"));
    QCOMPARE(j.value(QStringLiteral("rateStrategy")).toObject().value(QStringLiteral("slope2")).toDouble(),
             0.6);
    const QStringList text = scenarioText(s->scenario);
    QCOMPARE(text.size(), 3);
    QVERIFY2(text[1].contains(QStringLiteral("USDT utilization 95.00 %")), qPrintable(text[1]));
    QVERIFY2(text[2].contains(QStringLiteral("Borrow APR 34.00 % -> APY 40.49 % (was 3.25 %)")),
             qPrintable(text[2]));
}

QTEST_APPLESS_MAIN(TestUtilizationScenario)
#include "tst_utilizationscenario.moc"
