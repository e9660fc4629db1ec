// The risk badge's model: the chance of liquidation over the horizon and the carry, not the health factor
// alone. The case: HF 1.55 with a 65 % chance of liquidation within a year is not "safe".
#include "riskassessment.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// The fixture plan opened to HF 1.55 (target health factor), volatility 70 %, one year, no drift.
Plan highVolatilityPlan()
{
    Plan p = test::costFreePlan();
    p.strategy.mode = StrategyMode::TargetHealthFactor;
    p.strategy.healthFactor = 1.55;
    p.risk.annualVolatility = 0.70;
    p.risk.drift = 0.0;
    p.horizonDays = 365;
    return p;
}

} // namespace

class TestRiskAssessment : public QObject {
    Q_OBJECT
private slots:
    void sixtyFivePercentIsDanger();
    void lowVolatilityIsSafe();
    void negativeCarryIsCaution();
    void noDebtIsSafe();
};

void TestRiskAssessment::sixtyFivePercentIsDanger()
{
    // Barrier / spot = 1 / 1.55 = 0.64516, ln = -0.43825; v = -0.245, s = 0.7, T = 1:
    // P = N((-0.43825 + 0.245) / 0.7) + 1.55 N((-0.43825 - 0.245) / 0.7)
    //   = N(-0.27607) + 1.55 N(-0.97607) = 0.39125 + 1.55 x 0.16451 = 0.6462.
    const PlanResult r = test::compute(highVolatilityPlan());
    LP_COMPARE_REL(r.position.healthFactor, 1.55, 1e-6);
    const RiskAssessment a = assessRisk(r);
    LP_COMPARE_REL(a.liquidationProbability, 0.6462, 2e-3);
    QVERIFY(a.level == RiskLevel::Danger);
    QVERIFY2(a.reason.contains(QStringLiteral("64.6 % chance of liquidation within 365 days")),
             qPrintable(a.reason));
}

void TestRiskAssessment::lowVolatilityIsSafe()
{
    Plan p = highVolatilityPlan();
    p.risk.annualVolatility = 0.10; // ln(0.645) / 0.1 = -4.4 standard deviations: about 1e-5
    const RiskAssessment a = assessRisk(test::compute(p));
    QVERIFY(a.liquidationProbability < 1e-4);
    QVERIFY(a.level == RiskLevel::Safe);
    p.risk.annualVolatility = 0.25; // between 5 % and 25 %: caution
    const RiskAssessment b = assessRisk(test::compute(p));
    QVERIFY2(b.liquidationProbability >= kCautionLiquidationProbability &&
                 b.liquidationProbability < kDangerLiquidationProbability,
             qPrintable(QString::number(b.liquidationProbability)));
    QVERIFY(b.level == RiskLevel::Caution);
}

void TestRiskAssessment::negativeCarryIsCaution()
{
    Plan p = highVolatilityPlan();
    p.risk.annualVolatility = 0.10;
    p.borrow.borrowApy = 0.08; // more than the 3.1 % the collateral earns
    const PlanResult r = test::compute(p);
    QVERIFY(r.position.netApy < 0);
    const RiskAssessment a = assessRisk(r);
    QVERIFY(a.level == RiskLevel::Caution);
    QVERIFY(a.reason.contains(QStringLiteral("negative carry")));
}

void TestRiskAssessment::noDebtIsSafe()
{
    Plan p = highVolatilityPlan();
    p.strategy.mode = StrategyMode::Loops;
    p.strategy.loops = 0;
    const RiskAssessment a = assessRisk(test::compute(p));
    QCOMPARE(a.liquidationProbability, 0.0);
    QVERIFY(a.level == RiskLevel::Safe);
}

QTEST_APPLESS_MAIN(TestRiskAssessment)
#include "tst_riskassessment.moc"
