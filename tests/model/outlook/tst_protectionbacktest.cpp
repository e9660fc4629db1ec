// Protection rules in the backtest (issue 18): a crash fixture derived by hand (tests/data/
// backtest-crash.csv: $100, 90, 70, 50, 60 on five days) on the hand plan of testutil.h (C = 17.5 A,
// D = 750 B, liquidation price $53.571429, A/B at $100/$1, no rates, no swap costs or gas).
#include "backtest.h"
#include "testutil.h"

#include <QFile>
#include <QTest>

using namespace lp;

namespace {

std::vector<PricePoint> crash()
{
    QFile f(QStringLiteral(LP_TEST_DATA_DIR "/backtest-crash.csv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the crash fixture");
    return parsePriceCsv(f.readAll()).value();
}

Plan planWithRepay(int delaySteps)
{
    Plan p = test::oneFullLoopPlan();
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.4;
    repay.targetHealthFactor = 1.8;
    repay.delaySteps = delaySteps;
    p.protection = {repay};
    return p;
}

BacktestResult run(const Plan &plan)
{
    Expected<BacktestResult> r = runBacktest(plan, crash());
    if (!r)
        qFatal("runBacktest: %s", qPrintable(formatErrors(r.errors())));
    return std::move(r).value();
}

} // namespace

class TestProtectionBacktest : public QObject {
    Q_OBJECT
private slots:
    void withoutRulesTheCrashLiquidates();
    void autoRepayAvoidsTheLiquidation();
    void delayedRepayIsJumpedByTheGap();
    void stopLossClosesOnTheDayItIsCrossed();
    void executionsInTheJson();
};

void TestProtectionBacktest::withoutRulesTheCrashLiquidates()
{
    // At $50 HF = 17.5 x 50 x 0.8 / 750 = 0.9333 < 0.95: Aave v3.0 repays all 750, seizes 750 x 1.05 / 50
    // = 15.75 A; 1.75 A are left: $87.5 at $50, $105 at $60.
    const BacktestResult r = run(test::oneFullLoopPlan());
    QCOMPARE(r.liquidations.size(), size_t{1});
    QCOMPARE(r.liquidations.front().date, QDate(2024, 3, 4));
    LP_COMPARE_REL(r.liquidations.front().event.collateralSeized, 15.75, 1e-12);
    LP_COMPARE_REL(r.finalEquityUsd, 105.0, 1e-12);
    QVERIFY(r.executions.empty());
}

void TestProtectionBacktest::autoRepayAvoidsTheLiquidation()
{
    // Day 3 ($70): HF = 17.5 x 70 x 0.8 / 750 = 1.3067 <= 1.4. With the 5 bps fee (k - f = 0.9995):
    //   V = (1.8 x 750 - 0.8 x 1225) / (1.8 x 0.9995 - 0.8) = 370 / 0.9991 = 370.33329997 USD sold
    //   (5.2904757 A), 370.14813332 repaid: C = 12.209524286, D = 379.85186668, HF 1.8.
    // Day 4 ($50): HF = 12.209524286 x 50 x 0.8 / 379.85186668 = 1.2857 > 1: no liquidation; <= 1.4:
    //   V = (1.8 x 379.85186668 - 0.8 x 610.47621431) / 0.9991 = 195.52836411; C = 8.2989570040,
    //   D = 184.42126676. Day 5 ($60): equity 8.2989570040 x 60 - 184.42126676 = 313.51615349.
    const BacktestResult r = run(planWithRepay(0));
    QVERIFY(r.liquidations.empty());
    QCOMPARE(r.executions.size(), size_t{2});
    QCOMPARE(r.executions[0].date, QDate(2024, 3, 3));
    QCOMPARE(r.executions[0].execution.priceUsd, 70.0);
    LP_COMPARE_REL(r.executions[0].execution.amountUsd, 370.33329997, 1e-9);
    LP_COMPARE_REL(r.executions[0].execution.debtRepaid, 370.14813332, 1e-9);
    QCOMPARE(r.executions[1].date, QDate(2024, 3, 4));
    LP_COMPARE_REL(r.executions[1].execution.amountUsd, 195.52836411, 1e-9);
    LP_COMPARE_REL(r.days.back().collateral, 8.2989570040, 1e-9);
    LP_COMPARE_REL(r.days.back().debt, 184.42126676, 1e-9);
    LP_COMPARE_REL(r.finalEquityUsd, 313.51615349, 1e-9);
    // The costs are the fees of the two executions: 5 bps of 370.3333 and of 195.5284.
    LP_COMPARE_REL(r.protectionCostUsd, 0.0005 * (370.33329997 + 195.52836411), 1e-9);
    LP_COMPARE_REL(r.protectionCostUsd,
                   r.executions[0].execution.costUsd() + r.executions[1].execution.costUsd(), 1e-15);
    QCOMPARE(r.days[2].executions, 1);
    QVERIFY(r.minHealthFactor > 1.0);
}

void TestProtectionBacktest::delayedRepayIsJumpedByTheGap()
{
    // Triggered on day 3 ($70), due on day 4 at $50: the gap liquidates first (as without rules), and the
    // repayment then finds no debt left.
    const BacktestResult r = run(planWithRepay(1));
    QCOMPARE(r.liquidations.size(), size_t{1});
    QCOMPARE(r.liquidations.front().date, QDate(2024, 3, 4));
    QVERIFY(r.executions.empty());
    LP_COMPARE_REL(r.finalEquityUsd, 105.0, 1e-12);
}

void TestProtectionBacktest::stopLossClosesOnTheDayItIsCrossed()
{
    // Stop at $75 watched at each close, no delay: crossed on day 3, closed at $70:
    // 17.5 x 70 = 1225 sold, 5 bps fee 0.6125; cash 1225 x 0.9995 - 750 = 474.3875, kept to the end.
    Plan p = test::oneFullLoopPlan();
    ProtectionRule stop = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    stop.priceUsd = 75.0;
    stop.delaySteps = 0;
    p.protection = {stop};
    const BacktestResult r = run(p);
    QCOMPARE(r.executions.size(), size_t{1});
    QCOMPARE(r.executions.front().date, QDate(2024, 3, 3));
    QVERIFY(r.closedByRule);
    QVERIFY(r.liquidations.empty());
    LP_COMPARE_REL(r.finalEquityUsd, 474.3875, 1e-12);
    LP_COMPARE_REL(r.protectionCostUsd, 0.6125, 1e-12);
}

void TestProtectionBacktest::executionsInTheJson()
{
    const QJsonObject o = backtestJson(run(planWithRepay(0)));
    const QJsonArray executions = o.value(QStringLiteral("executions")).toArray();
    QCOMPARE(executions.size(), 2);
    const QJsonObject first = executions.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("date")).toString(), QStringLiteral("2024-03-03"));
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("autoRepay"));
    QCOMPARE(first.value(QStringLiteral("priceUsd")).toDouble(), 70.0);
    LP_COMPARE_REL(first.value(QStringLiteral("costUsd")).toDouble(), 0.0005 * 370.33329997, 1e-9);
    QVERIFY(o.value(QStringLiteral("protectionCostUsd")).toDouble() > 0.0);
    QCOMPARE(o.value(QStringLiteral("closedByRule")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestProtectionBacktest)
#include "tst_protectionbacktest.moc"
