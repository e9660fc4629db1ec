// Protection rules executed on a position (issue 18): each rule's amounts and costs against values
// derived by hand, the costs against the equity they take, the discrete watcher's delay, and validation
// naming the field.
#include "protection.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lp;

namespace {

// B at $1, lt 0.8, a swap keeps 99 % (e.g. 50 bps fee + 50 bps slippage ~ 0.990025; 0.99 keeps the hand
// numbers short), $2 gas per transaction.
ProtectionCosts handCosts()
{
    return {1.0, 0.8, 0.99, 2.0};
}

ProtectionRule rule(ProtectionKind kind)
{
    ProtectionRule r = ProtectionRule::ofKind(kind);
    r.delaySteps = 0;
    return r;
}

bool hasField(const ValidationErrors &errors, const QString &field)
{
    for (const ValidationError &e : errors)
        if (e.field == field)
            return true;
    return false;
}

} // namespace

class TestProtection : public QObject {
    Q_OBJECT
private slots:
    void autoRepayReachesTargetWithHandAmounts();
    void autoBoostReachesTargetWithHandAmounts();
    void closingRulesLeaveCashAfterCosts();
    void preLiquidationRepaysCloseFactorWithIncentive();
    void costsAreWhatTheEquityLoses();
    void triggers();
    void delayedExecutionUsesTheNextPrice();
    void trailingStopFollowsTheRunningMaximum();
    void validationNamesTheField();
};

void TestProtection::autoRepayReachesTargetWithHandAmounts()
{
    // C = 10 A at $100 (CV 1000), D = 600 (DV 600): HF = 1000 x 0.8 / 600 = 1.3333. Target 1.6, fee 5 bps:
    // k - f = 0.99 - 0.0005 = 0.9895; V = (1.6 (600 + 2) - 0.8 x 1000) / (1.6 x 0.9895 - 0.8)
    //   = 163.2 / 0.7832 = 208.37589377; repaid 208.37589377 x 0.9895 - 2 = 204.18794688.
    ProtectedPosition p{10.0, 600.0};
    ProtectionRule r = rule(ProtectionKind::AutoRepay);
    r.triggerHealthFactor = 1.4;
    r.targetHealthFactor = 1.6;
    const std::optional<ProtectionExecution> e = executeProtection(r, 0, &p, 100.0, handCosts());
    QVERIFY(e.has_value());
    LP_COMPARE_REL(e->amountUsd, 208.37589377, 1e-9);
    LP_COMPARE_REL(e->collateralSold, 2.0837589377, 1e-9);
    LP_COMPARE_REL(e->debtRepaid, 204.18794688, 1e-9);
    LP_COMPARE_REL(e->serviceFeeUsd, 0.10418794688, 1e-8);
    LP_COMPARE_REL(e->swapCostUsd, 2.0837589377, 1e-9);
    QCOMPARE(e->gasUsd, 2.0);
    LP_COMPARE_REL(e->healthFactorBefore, 4.0 / 3.0, 1e-12);
    LP_COMPARE_REL(e->healthFactorAfter, 1.6, 1e-12);
    LP_COMPARE_REL(p.collateral * 100.0 * 0.8 / p.debt, 1.6, 1e-12);
    // At or above the target there is nothing to do.
    QVERIFY(!executeProtection(r, 0, &p, 100.0, handCosts()).has_value());
}

void TestProtection::autoBoostReachesTargetWithHandAmounts()
{
    // C = 10 A at $100, D = 300: HF 2.6667. Target 2: W = (0.8 (1000 - 2) - 2 x 300) / (2 - 0.8 x 0.9895)
    //   = 198.4 / 1.2084 = 164.18404502; bought (164.18404502 x 0.9895 - 2) / 100 = 1.6046011255 A.
    ProtectedPosition p{10.0, 300.0};
    ProtectionRule r = rule(ProtectionKind::AutoBoost);
    r.triggerHealthFactor = 2.5;
    r.targetHealthFactor = 2.0;
    const std::optional<ProtectionExecution> e = executeProtection(r, 1, &p, 100.0, handCosts());
    QVERIFY(e.has_value());
    QCOMPARE(e->rule, 1);
    LP_COMPARE_REL(e->debtBorrowed, 164.18404502, 1e-9);
    LP_COMPARE_REL(e->collateralBought, 1.6046011255, 1e-9);
    LP_COMPARE_REL(p.debt, 464.18404502, 1e-9);
    LP_COMPARE_REL(e->healthFactorAfter, 2.0, 1e-12);
}

void TestProtection::closingRulesLeaveCashAfterCosts()
{
    // C = 10 A at $100, D = 600: sell all 1000: fee 0.5, swap 10, gas 2; cash 1000 x 0.9895 - 2 - 600 =
    // 387.5.
    for (ProtectionKind kind :
         {ProtectionKind::StopLoss, ProtectionKind::TakeProfit, ProtectionKind::TrailingStop}) {
        ProtectedPosition p{10.0, 600.0};
        const std::optional<ProtectionExecution> e = executeProtection(rule(kind), 0, &p, 100.0, handCosts());
        QVERIFY(e.has_value());
        QVERIFY(e->closed);
        QVERIFY(p.closed);
        QCOMPARE(p.cashUsd, 387.5);
        QCOMPARE(e->costUsd(), 12.5);
        QCOMPARE(p.equityUsd(50.0, 1.0), 387.5); // cash no longer moves with A
        QVERIFY(!executeProtection(rule(kind), 0, &p, 100.0, handCosts()).has_value());
    }
    // Underwater: the cash is 0, never negative.
    ProtectedPosition p{10.0, 995.0};
    QVERIFY(executeProtection(rule(ProtectionKind::StopLoss), 0, &p, 100.0, handCosts()).has_value());
    QCOMPARE(p.cashUsd, 0.0);
}

void TestProtection::preLiquidationRepaysCloseFactorWithIncentive()
{
    // C = 10 A at $100, D = 720 (LTV 0.72 >= 0.7): repay 0.25 x 720 = 180, seize 180 x 1.04 / 100 = 1.872 A;
    // the incentive 180 x 0.04 = $7.2 is the borrower's whole cost (no fee, swap or gas).
    ProtectionRule r = ProtectionRule::ofKind(ProtectionKind::PreLiquidation);
    r.ltv = 0.7;
    r.closeFactor = 0.25;
    r.incentive = 0.04;
    QCOMPARE(r.delaySteps, 0);
    QCOMPARE(r.serviceFeeBps, 0.0);
    ProtectedPosition p{10.0, 720.0};
    QVERIFY(protectionTriggered(r, p, 100.0, 100.0, handCosts()));
    const std::optional<ProtectionExecution> e = executeProtection(r, 0, &p, 100.0, handCosts());
    QVERIFY(e.has_value());
    LP_COMPARE_REL(e->debtRepaid, 180.0, 1e-12);
    LP_COMPARE_REL(e->collateralSold, 1.872, 1e-12);
    LP_COMPARE_REL(e->costUsd(), 7.2, 1e-12);
    LP_COMPARE_REL(p.collateral, 8.128, 1e-12);
    LP_COMPARE_REL(p.debt, 540.0, 1e-12);
    QVERIFY(!protectionTriggered(r, p, 100.0, 100.0, handCosts())); // LTV 0.664 now
    // Not enough collateral for the incentive: all of it is seized, the repayment shrinks to match.
    ProtectedPosition under{1.0, 200.0};
    r.closeFactor = 1.0;
    const std::optional<ProtectionExecution> all = executeProtection(r, 0, &under, 100.0, handCosts());
    QCOMPARE(all->collateralSold, 1.0);
    LP_COMPARE_REL(all->debtRepaid, 100.0 / 1.04, 1e-12);
}

void TestProtection::costsAreWhatTheEquityLoses()
{
    // Property: at the execution's price, equity before - equity after = the execution's cost, for every
    // rule on random positions (a closing rule's cash floor aside: positions here are above water).
    QRandomGenerator rng(18);
    const ProtectionCosts costs{1.3, 0.8, 0.9985, 0.7};
    int executions = 0;
    for (int i = 0; i < 2000; ++i) {
        const double c = 1.0 + 99.0 * rng.generateDouble();
        const double pa = 10.0 + 990.0 * rng.generateDouble();
        const double hf = 1.02 + 3.0 * rng.generateDouble();
        const double d = c * pa * costs.liquidationThreshold / (hf * costs.priceBUsd);
        const auto kind = static_cast<ProtectionKind>(rng.bounded(6));
        ProtectionRule r = rule(kind);
        r.triggerHealthFactor = 2.0;
        r.targetHealthFactor = kind == ProtectionKind::AutoBoost ? 1.5 : 2.5;
        r.ltv = 0.6;
        r.closeFactor = 0.5;
        r.incentive = 0.05;
        ProtectedPosition p{c, d};
        const double before = p.equityUsd(pa, costs.priceBUsd);
        const std::optional<ProtectionExecution> e = executeProtection(r, 0, &p, pa, costs);
        if (!e)
            continue;
        ++executions;
        LP_COMPARE_REL(before - p.equityUsd(pa, costs.priceBUsd), e->costUsd(), 1e-9);
        if (kind == ProtectionKind::AutoRepay || kind == ProtectionKind::AutoBoost)
            LP_COMPARE_REL(e->healthFactorAfter, r.targetHealthFactor, 1e-9);
    }
    QVERIFY(executions > 1000);
}

void TestProtection::triggers()
{
    const ProtectionCosts costs = handCosts();
    ProtectedPosition p{10.0, 600.0}; // HF 1.3333 at $100
    ProtectionRule repay = rule(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.3;
    QVERIFY(!protectionTriggered(repay, p, 100.0, 100.0, costs));
    QVERIFY(protectionTriggered(repay, p, 97.5, 100.0, costs)); // HF 1.3 exactly
    ProtectionRule stop = rule(ProtectionKind::StopLoss);
    stop.priceUsd = 90.0;
    QVERIFY(!protectionTriggered(stop, p, 90.01, 100.0, costs));
    QVERIFY(protectionTriggered(stop, p, 90.0, 100.0, costs));
    ProtectionRule tp = rule(ProtectionKind::TakeProfit);
    tp.priceUsd = 150.0;
    QVERIFY(protectionTriggered(tp, p, 150.0, 150.0, costs));
    QVERIFY(!protectionTriggered(tp, p, 149.0, 150.0, costs));
    p.closed = true;
    QVERIFY(!protectionTriggered(stop, p, 10.0, 100.0, costs));
}

void TestProtection::delayedExecutionUsesTheNextPrice()
{
    // A stop at $90 with a one-step delay: triggered at $89, executed at the next step's $80.
    ProtectionRule stop = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    stop.priceUsd = 90.0;
    QCOMPARE(stop.delaySteps, 1);
    DiscreteProtection watcher({stop}, handCosts());
    ProtectedPosition p{10.0, 600.0};
    QVERIFY(watcher.step(&p, 100.0).empty());
    QVERIFY(watcher.step(&p, 89.0).empty());
    const std::vector<ProtectionExecution> executed = watcher.step(&p, 80.0);
    QCOMPARE(executed.size(), size_t{1});
    QCOMPARE(executed.front().priceUsd, 80.0);
    // 800 x 0.9895 - 2 - 600 = 189.6
    LP_COMPARE_REL(p.cashUsd, 189.6, 1e-12);
    QVERIFY(watcher.step(&p, 70.0).empty());
}

void TestProtection::trailingStopFollowsTheRunningMaximum()
{
    ProtectionRule trail = rule(ProtectionKind::TrailingStop);
    trail.fraction = 0.1;
    DiscreteProtection watcher({trail}, handCosts());
    ProtectedPosition p{10.0, 600.0};
    for (double price : {100.0, 120.0, 110.0, 108.5})
        QVERIFY(watcher.step(&p, price).empty()); // 0.9 x 120 = 108
    const std::vector<ProtectionExecution> executed = watcher.step(&p, 107.0);
    QCOMPARE(executed.size(), size_t{1});
    QCOMPARE(executed.front().priceUsd, 107.0);
}

void TestProtection::validationNamesTheField()
{
    Plan plan = test::oneFullLoopPlan(); // A at $100, lt 0.8, ltv 0.75
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.7;
    repay.targetHealthFactor = 1.4;
    ProtectionRule stop = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    stop.priceUsd = 120.0;
    ProtectionRule tp = ProtectionRule::ofKind(ProtectionKind::TakeProfit);
    tp.priceUsd = 80.0;
    ProtectionRule trail = ProtectionRule::ofKind(ProtectionKind::TrailingStop);
    trail.fraction = 1.2;
    ProtectionRule pre = ProtectionRule::ofKind(ProtectionKind::PreLiquidation);
    pre.ltv = 0.85;
    pre.closeFactor = 0.5;
    pre.incentive = 0.05;
    ProtectionRule boost = ProtectionRule::ofKind(ProtectionKind::AutoBoost);
    boost.triggerHealthFactor = 2.0;
    boost.targetHealthFactor = 1.05; // LTV 0.8 / 1.05 = 0.76 > 0.75
    boost.delaySteps = 31;
    plan.protection = {repay, stop, tp, trail, pre, boost};
    const ValidationErrors errors = validatePlan(plan);
    QVERIFY2(hasField(errors, QStringLiteral("protection[0].targetHealthFactor")),
             qPrintable(formatErrors(errors)));
    QVERIFY(hasField(errors, QStringLiteral("protection[1].priceUsd")));
    QVERIFY(hasField(errors, QStringLiteral("protection[2].priceUsd")));
    QVERIFY(hasField(errors, QStringLiteral("protection[3].fraction")));
    QVERIFY(hasField(errors, QStringLiteral("protection[4].ltv")));
    QVERIFY(hasField(errors, QStringLiteral("protection[5].targetHealthFactor")));
    QVERIFY(hasField(errors, QStringLiteral("protection[5].delaySteps")));
    QCOMPARE(errors.size(), 7);

    repay.targetHealthFactor = 1.9;
    stop.priceUsd = 60.0;
    tp.priceUsd = 150.0;
    trail.fraction = 0.2;
    pre.ltv = 0.7;
    boost.targetHealthFactor = 1.5;
    boost.delaySteps = 1;
    plan.protection = {repay, stop, tp, trail, pre, boost};
    QVERIFY2(validatePlan(plan).isEmpty(), qPrintable(formatErrors(validatePlan(plan))));
}

QTEST_GUILESS_MAIN(TestProtection)
#include "tst_protection.moc"
