// A fetched market's borrow cap, available liquidity and supply cap limit what a plan can open: a plan
// above one is refused naming it, with the largest deposit that fits.
#include "cappedmarket.h"
#include "marketlimits.h"
#include "marketregistry.h"
#include "testutil.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace lp;
using lp::test::registryWith;
using lp::test::reserve;

namespace {

// The fixture plan (10 wstETH, 3 loops at 90 % of ltv 0.75): C = 24.344128915014817 wstETH (20 fit under the
// supply cap below), D = 16.75994861045867 WETH (tests/model/position/tst_opening.cpp).
constexpr double kD = 16.75994861045867;

PlanResult cappedPlanResult()
{
    Plan p = test::fixturePlan();
    p.market = QStringLiteral("capped");
    return test::compute(p);
}

} // namespace

class TestMarketLimits : public QObject {
    Q_OBJECT
private slots:
    void fitsUnderLooseLimits();
    void aboveTheBorrowCapNamesItAndTheLargestDeposit();
    void largestDepositReallyFits();
    void availableLiquidityAndSupplyCap();
    void noChainDataNoLimits();
    void largestDepositWithImpactReallyFits();
};

void TestMarketLimits::fitsUnderLooseLimits()
{
    const MarketRegistry m = registryWith(reserve(QStringLiteral("wstETH"), 1000, 0, 100, 0, 100),
                                          reserve(QStringLiteral("WETH"), 0, 1000, 500, 100, 400));
    QVERIFY(checkMarketLimits(cappedPlanResult(), m).isEmpty());
}

void TestMarketLimits::aboveTheBorrowCapNamesItAndTheLargestDeposit()
{
    // Borrow cap 1,000 WETH with 990 borrowed: 10 left, the plan needs 16.76. Largest deposit
    // 10 x 10 / 16.75994861045867 = 5.96660541 wstETH.
    const MarketRegistry m = registryWith(reserve(QStringLiteral("wstETH"), 0, 0, 100, 0, 100),
                                          reserve(QStringLiteral("WETH"), 0, 1000, 2000, 990, 1010));
    const PlanResult r = cappedPlanResult();
    const ValidationErrors errors = checkMarketLimits(r, m);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("deposit"));
    const QString text = errors.first().message;
    QVERIFY2(text.contains(QStringLiteral("borrow cap of WETH")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cap 1000, 990 in use")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("leaves 10 WETH")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("largest deposit that fits is 5.9666054 wstETH")),
             qPrintable(text));
    const auto limits = marketLimits(r.plan, r.opened.collateral, r.opened.debt,
                                     m.find(QStringLiteral("capped"))->reserve(QStringLiteral("wstETH")),
                                     m.find(QStringLiteral("capped"))->reserve(QStringLiteral("WETH")));
    LP_COMPARE_REL(largestDepositThatFits(r.plan, limits), 10.0 * 10.0 / kD, 1e-12);
}

void TestMarketLimits::largestDepositReallyFits()
{
    // C and D are linear in the deposit: the plan at the largest deposit borrows exactly what is left.
    const MarketRegistry m = registryWith(reserve(QStringLiteral("wstETH"), 0, 0, 100, 0, 100),
                                          reserve(QStringLiteral("WETH"), 0, 1000, 2000, 990, 1010));
    Plan p = cappedPlanResult().plan;
    p.deposit = 10.0 * 10.0 / kD;
    const PlanResult fitted = test::compute(p);
    LP_COMPARE_REL(fitted.opened.debt, 10.0, 1e-12);
    p.deposit *= 1.0 - 1e-9;
    QVERIFY(checkMarketLimits(test::compute(p), m).isEmpty());
}

void TestMarketLimits::availableLiquidityAndSupplyCap()
{
    // No borrow cap but only 12 WETH to lend; the supply cap of wstETH 120 with 100 supplied leaves 20 of
    // the 24.34 the plan supplies. Both named; the tighter one (liquidity: 12 / 16.76) sets the deposit.
    const MarketRegistry m = registryWith(reserve(QStringLiteral("wstETH"), 120, 0, 100, 0, 100),
                                          reserve(QStringLiteral("WETH"), 0, 0, 500, 488, 12));
    const ValidationErrors errors = checkMarketLimits(cappedPlanResult(), m);
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors[0].message.contains(QStringLiteral("available liquidity of WETH")));
    QVERIFY(errors[1].message.contains(QStringLiteral("supply cap of wstETH")));
    QVERIFY(errors[1].message.contains(QStringLiteral("leaves 20 wstETH")));
    const QString largest = QString::number(10.0 * 12.0 / kD, 'g', 8);
    QVERIFY2(errors[1].message.contains(largest),
             qPrintable(errors[1].message + QStringLiteral(" / ") + largest));
}

void TestMarketLimits::noChainDataNoLimits()
{
    // The presets state no reserve state: nothing to check.
    Plan p = test::fixturePlan();
    QVERIFY(checkMarketLimits(test::compute(p), MarketRegistry::builtIn()).isEmpty());
}

void TestMarketLimits::largestDepositWithImpactReallyFits()
{
    // With price impact C and D are not linear in the deposit: the largest deposit is the one whose own
    // opening borrows what the cap leaves (10 WETH), and a hair more does not fit.
    const MarketRegistry m = registryWith(reserve(QStringLiteral("wstETH"), 0, 0, 100, 0, 100),
                                          reserve(QStringLiteral("WETH"), 0, 1000, 2000, 990, 1010));
    Plan p = cappedPlanResult().plan;
    p.priceImpact = {ImpactModel::DepthAtOnePercent, 0, 0, 20000.0};
    const Market *market = m.find(QStringLiteral("capped"));
    const double largest = largestFittingDeposit(p, market->reserve(QStringLiteral("wstETH")),
                                                 market->reserve(QStringLiteral("WETH")));
    Plan at = p;
    at.deposit = largest;
    LP_COMPARE_REL(test::compute(at).opened.debt, 10.0, 1e-9);
    QVERIFY(test::compute(at).opened.debt <= 10.0);
    at.deposit = largest * (1.0 + 1e-6);
    QVERIFY(!checkMarketLimits(test::compute(at), m).isEmpty());
    const ValidationErrors errors = checkMarketLimits(test::compute(p), m);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(QString::number(largest, 'g', 8)),
             qPrintable(errors.first().message));
}

QTEST_GUILESS_MAIN(TestMarketLimits)
#include "tst_marketlimits.moc"
