#include "accountplan.h"
#include "engine.h"

#include <QtTest>

#include <cmath>

using namespace lp;

namespace {

AccountAsset asset(const QString &symbol, double collateral, double debt, double price, double ltv, double lt)
{
    AccountAsset a;
    a.symbol = symbol;
    a.collateral = collateral;
    a.debt = debt;
    a.priceUsd = price;
    a.ltv = ltv;
    a.liquidationThreshold = lt;
    a.liquidationBonus = 0.05;
    return a;
}

} // namespace

class TestAccountPlan : public QObject {
    Q_OBJECT

private slots:
    // 10 WETH at $2,000.12345678 against 12,000 USDC at $1.0001: equity $20,001.2345678 - $12,001.20 =
    // $8,000.0345678, so the deposit is 3.99979.. WETH and the leverage 2.50015..; the computed plan holds
    // 10 WETH and owes 12,000 USDC, HF 20,001.2345678 x 0.83 / 12,001.2.
    void onePairIsReproduced()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 2000.12345678, 0.805, 0.83)
                 << asset(QStringLiteral("USDC"), 0.0, 12000.0, 1.0001, 0.77, 0.80);
        const Expected<Plan> plan = planFromAccount(a);
        QVERIFY(plan.hasValue());
        QVERIFY(std::abs(plan->deposit - (20001.2345678 - 12001.2) / 2000.12345678) < 1e-12);
        const Expected<PlanResult> r = computePlan(plan.value());
        QVERIFY2(r.hasValue(), r.hasValue() ? "" : qPrintable(formatErrors(r.errors())));
        const PositionFigures &p = r->position;
        QVERIFY(std::abs(p.collateral / 10.0 - 1.0) < 1e-12);
        QVERIFY(std::abs(p.debt / 12000.0 - 1.0) < 1e-12);
        QVERIFY(std::abs(p.healthFactor / (20001.2345678 * 0.83 / 12001.2) - 1.0) < 1e-12);
        QVERIFY(std::abs(p.healthFactor / accountFigures(a).healthFactor - 1.0) < 1e-12);
    }

    // A Morpho Blue pair: the LLTV is both the LTV and the threshold (0.945). The plan's max LTV sits one
    // basis point below (a plan's threshold must lie above it); the position is reproduced exactly: 95
    // wstETH at $1.20 against 105.882353 WETH at $1, HF = 95 x 1.2 x 0.945 / 105.882353 = 1.01742.
    void morphoPairIsReproduced()
    {
        Account a;
        a.assets << asset(QStringLiteral("wstETH"), 95.0, 0.0, 1.2, 0.945, 0.945)
                 << asset(QStringLiteral("WETH"), 0.0, 105.882353, 1.0, 0.0, 0.0);
        const Expected<Plan> plan = planFromAccount(a);
        QVERIFY2(plan.hasValue(), plan ? "" : qPrintable(formatErrors(plan.errors())));
        QCOMPARE(plan->collateral.liquidationThreshold, 0.945);
        QVERIFY(std::abs(plan->collateral.ltv - 0.9449) < 1e-15);
        const Expected<PlanResult> r = computePlan(plan.value());
        QVERIFY2(r.hasValue(), r.hasValue() ? "" : qPrintable(formatErrors(r.errors())));
        QVERIFY(std::abs(r->position.collateral / 95.0 - 1.0) < 1e-12);
        QVERIFY(std::abs(r->position.debt / 105.882353 - 1.0) < 1e-12);
        QVERIFY(std::abs(r->position.healthFactor / (95.0 * 1.2 * 0.945 / 105.882353) - 1.0) < 1e-12);
    }

    void moreThanOnePairIsRefused()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 2000.0, 0.805, 0.83)
                 << asset(QStringLiteral("WBTC"), 0.5, 0.0, 60000.0, 0.73, 0.78)
                 << asset(QStringLiteral("USDC"), 0.0, 12000.0, 1.0, 0.77, 0.80);
        Expected<Plan> plan = planFromAccount(a);
        QVERIFY(!plan);
        QVERIFY(plan.errors().first().message.contains(QStringLiteral("single pair")));
        a.assets.removeAt(1);
        a.assets << asset(QStringLiteral("DAI"), 0.0, 100.0, 1.0, 0.0, 0.0);
        QVERIFY(!planFromAccount(a));
        a.assets.removeLast();
        a.assets[1].debt = 0.0;
        plan = planFromAccount(a);
        QVERIFY(!plan);
        QVERIFY(plan.errors().first().message.contains(QStringLiteral("no debt")));
    }
};

QTEST_APPLESS_MAIN(TestAccountPlan)
#include "tst_accountplan.moc"
