// Closing: sell-to-repay rounds, flash close, costs and P&L.
#include "closing.h"
#include "engine.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

// Hand plan: A at $100, B at $1, lt 0.8; swap fee and flash premium as given, no slippage, gas $1/tx.
Plan handPlan(double swapFeeBps, double flashPremiumBps = 0.0)
{
    Plan p = test::costFreePlan();
    p.collateral.priceUsd = 100.0;
    p.borrow.priceUsd = 1.0;
    p.costs.swapFeeBps = swapFeeBps;
    p.costs.flashPremiumBps = flashPremiumBps;
    p.costs.gasUsdPerTx = 1.0;
    return p;
}

CloseOptions method(CloseMethod m)
{
    CloseOptions o;
    o.method = m;
    return o;
}

PlanResult fixture()
{
    return test::compute(test::fixturePlan());
}

} // namespace

class TestClosing : public QObject {
    Q_OBJECT
private slots:
    void sellToRepayRoundsByHand();
    void sellToRepayWithSwapFeeByHand();
    void flashCloseByHand();
    void noDebtIsOneWithdrawal();
    void walkAwayIsEquityMinusItemisedCosts_data();
    void walkAwayIsEquityMinusItemisedCosts();
    void roundsKeepHealthAboveFloor();
    void flashAndSellToRepayAgreeWithoutPremium();
    void fixtureAtHorizon();
    void errorsNameTheBlockingOption();
    void closeJsonShape();
};

void TestClosing::sellToRepayRoundsByHand()
{
    // C = 10 A, D = 600 B, no swap costs, floor 1.05. Each round withdraws C - 1.05 D / (100 x 0.8):
    // round 1: 10 - 7.875 = 2.125 A -> repay 212.5, D = 387.5, C = 7.875;
    // round 2: 7.875 - 5.0859375 = 2.7890625 A (x 1.05 / 0.8 = 1.3125 each round) -> D = 108.59375;
    // round 3: 1.0859375 A repays the rest; then 4 A are withdrawn: 3 x 3 + 1 = 10 transactions.
    const Expected<CloseResult> r = unwindPosition(handPlan(0.0), 10.0, 600.0, 100.0, 1.0, {});
    QVERIFY(r);
    QCOMPARE(r->rounds.size(), size_t(4));
    LP_COMPARE_REL(r->rounds[0].withdrawn, 2.125, 1e-15);
    LP_COMPARE_REL(r->rounds[0].repaid, 212.5, 1e-15);
    LP_COMPARE_REL(r->rounds[0].healthFactorAfter, 7.875 * 80.0 / 387.5, 1e-15);
    LP_COMPARE_REL(r->rounds[1].withdrawn, 2.7890625, 1e-14);
    LP_COMPARE_REL(r->rounds[1].debtAfter, 108.59375, 1e-13);
    LP_COMPARE_REL(r->rounds[2].sold, 1.0859375, 1e-13);
    QCOMPARE(r->rounds[2].debtAfter, 0.0);
    LP_COMPARE_REL(r->rounds[3].withdrawn, 4.0, 1e-14);
    QCOMPARE(r->rounds[3].sold, 0.0);
    LP_COMPARE_REL(r->walkAwayCollateral, 4.0, 1e-14);
    LP_COMPARE_REL(r->walkAwayUsd, 400.0, 1e-14);
    QCOMPARE(r->costs.transactions, 10);
    QCOMPARE(r->costs.gasUsd, 10.0);
    QCOMPARE(r->costs.swapFeesUsd, 0.0);
}

void TestClosing::sellToRepayWithSwapFeeByHand()
{
    // 1 % fee (k = 0.99): withdrawals grow by 1.05 x 0.99 / 0.8 = 1.299375: 2.125, 2.76117188, then the
    // last round sells 116.268984 / 99 = 1.17443418 A. In total the A sold repays 600 B after the fee:
    // 600 / 99 = 6.06060606 A, so the walk-away is 10 - 6.06060606 = 3.93939394 A and the fees are
    // 6.0606 x 100 x 1 % = 6.0606 USD.
    const Expected<CloseResult> r = unwindPosition(handPlan(100.0), 10.0, 600.0, 100.0, 1.0, {});
    QVERIFY(r);
    QCOMPARE(r->rounds.size(), size_t(4));
    LP_COMPARE_REL(r->rounds[1].withdrawn, 2.125 * 1.299375, 1e-14);
    LP_COMPARE_REL(r->rounds[2].sold, (600.0 - 99.0 * 2.125 * (1.0 + 1.299375)) / 99.0, 1e-12);
    LP_COMPARE_REL(r->walkAwayCollateral, 10.0 - 600.0 / 99.0, 1e-14);
    LP_COMPARE_REL(r->costs.swapFeesUsd, 600.0 / 99.0, 1e-13);
    QCOMPARE(r->costs.slippageUsd, 0.0);
}

void TestClosing::flashCloseByHand()
{
    // Flash close, 1 % fee, 10 bps premium: sell 600 x 1.001 / 99 = 6.0666667 A, walk away with
    // 3.9333333 A = 393.33 USD = equity 400 - premium 0.6 - fee 6.0666667. One transaction.
    const Expected<CloseResult> r =
        unwindPosition(handPlan(100.0, 10.0), 10.0, 600.0, 100.0, 1.0, method(CloseMethod::FlashClose));
    QVERIFY(r);
    QCOMPARE(r->rounds.size(), size_t(1));
    LP_COMPARE_REL(r->rounds[0].sold, 600.6 / 99.0, 1e-15);
    LP_COMPARE_REL(r->rounds[0].received, 600.6, 1e-14);
    LP_COMPARE_REL(r->walkAwayCollateral, 10.0 - 600.6 / 99.0, 1e-15);
    LP_COMPARE_REL(r->costs.flashPremiumUsd, 0.6, 1e-13);
    LP_COMPARE_REL(r->costs.swapFeesUsd, 6.066666666666666, 1e-13);
    QCOMPARE(r->costs.transactions, 1);
    QCOMPARE(r->costs.gasUsd, 1.0);
}

void TestClosing::noDebtIsOneWithdrawal()
{
    for (CloseMethod m : {CloseMethod::SellToRepay, CloseMethod::FlashClose}) {
        const Expected<CloseResult> r =
            unwindPosition(handPlan(100.0, 10.0), 10.0, 0.0, 100.0, 1.0, method(m));
        QVERIFY(r);
        QCOMPARE(r->rounds.size(), size_t(1));
        QCOMPARE(r->walkAwayCollateral, 10.0);
        QCOMPARE(r->costs.transactions, 1);
        QCOMPARE(r->costs.inPositionUsd(), 0.0);
    }
}

void TestClosing::walkAwayIsEquityMinusItemisedCosts_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("exitDay");
    QTest::addColumn<double>("exitPrice");
    const int sell = int(CloseMethod::SellToRepay);
    const int flash = int(CloseMethod::FlashClose);
    QTest::newRow("sell, horizon, spot") << sell << -1 << std::nan("");
    QTest::newRow("flash, horizon, spot") << flash << -1 << std::nan("");
    QTest::newRow("sell, day 0, +20 %") << sell << 0 << 4200.0;
    QTest::newRow("flash, day 90, -15 %") << flash << 90 << 2975.0;
    QTest::newRow("sell, 3 years, -10 %") << sell << 1095 << 3150.0;
    QTest::newRow("flash, 10 years, +100 %") << flash << 3650 << 7000.0;
}

void TestClosing::walkAwayIsEquityMinusItemisedCosts()
{
    // Walk-away = equity at exit - swap fees - slippage - flash premium (gas is paid from the wallet);
    // P&L = walk-away - closing gas - (35,000 deposit value + $5 opening gas).
    QFETCH(int, method);
    QFETCH(int, exitDay);
    QFETCH(double, exitPrice);
    const PlanResult f = fixture();
    CloseOptions o;
    o.method = static_cast<CloseMethod>(method);
    o.exitDay = exitDay;
    o.exitPriceUsd = exitPrice;
    const Expected<CloseResult> r = simulateClose(f.plan, f.opened, o);
    QVERIFY2(r, r ? "" : qPrintable(formatErrors(r.errors())));
    const ClosingCosts &c = r->costs;
    QVERIFY(c.swapFeesUsd > 0 && c.slippageUsd > 0);
    LP_COMPARE_REL(r->walkAwayUsd, r->equityAtExitUsd - c.swapFeesUsd - c.slippageUsd - c.flashPremiumUsd,
                   1e-12);
    LP_COMPARE_REL(r->pnlUsd, r->walkAwayUsd - c.gasUsd - 35005.0, 1e-12);
    LP_COMPARE_REL(r->walkAwayUsd, r->walkAwayCollateral * r->exitPriceUsd, 1e-15);
    const int day = exitDay < 0 ? 365 : exitDay;
    QCOMPARE(r->exitDay, day);
    LP_COMPARE_REL(c.interestPaidUsd, (accrue(f.opened.debt, 1.025, day) - f.opened.debt) * 3000.0, 1e-12);
    LP_COMPARE_REL(c.yieldEarnedUsd,
                   (accrue(f.opened.collateral, 1.03103, day) - f.opened.collateral) * r->exitPriceUsd,
                   1e-12);
    LP_COMPARE_REL(r->holdPnlUsd, 10.0 * std::pow(1.03, day / 365.0) * r->exitPriceUsd - 35000.0, 1e-12);
}

void TestClosing::roundsKeepHealthAboveFloor()
{
    const PlanResult f = fixture();
    for (double floor : {1.0, 1.05, 1.2, 1.3}) {
        CloseOptions o;
        o.healthFactorFloor = floor;
        const Expected<CloseResult> r = simulateClose(f.plan, f.opened, o);
        QVERIFY(r);
        QVERIFY(r->rounds.size() >= 2);
        for (const CloseRound &round : r->rounds)
            QVERIFY(round.healthFactorAfter >= floor * (1.0 - 1e-12));
    }
}

void TestClosing::flashAndSellToRepayAgreeWithoutPremium()
{
    // With phi = 0 both sell D pb / (pa k) of A: same walk-away, different gas.
    Plan p = test::fixturePlan();
    p.costs.flashPremiumBps = 0.0;
    const PlanResult f = test::compute(p);
    const Expected<CloseResult> sell = simulateClose(p, f.opened, method(CloseMethod::SellToRepay));
    const Expected<CloseResult> flash = simulateClose(p, f.opened, method(CloseMethod::FlashClose));
    LP_COMPARE_REL(sell->walkAwayCollateral, flash->walkAwayCollateral, 1e-12);
    QVERIFY(sell->costs.gasUsd > flash->costs.gasUsd);
}

void TestClosing::fixtureAtHorizon()
{
    // Day 365 at $3500: C_T = 25.099527235247724, D_T = 17.178947325720138. Flash close sells
    // D_T x 3000 x 1.0005 / (3500 x 0.9985005) A (Python below), walk-away = C_T - that.
    // python: C=25.099527235247724; D=17.178947325720138; k=0.9995*0.999
    //         sold=D*3000*1.0005/(3500*k) -> 14.754298470026947; C-sold -> 10.345228765220776
    const PlanResult f = fixture();
    const Expected<CloseResult> r = simulateClose(f.plan, f.opened, method(CloseMethod::FlashClose));
    QVERIFY(r);
    LP_COMPARE_REL(r->rounds[0].sold, 14.754298470026947, 1e-13);
    LP_COMPARE_REL(r->walkAwayCollateral, 10.345228765220776, 1e-13);
    LP_COMPARE_REL(r->holdPnlUsd, 1050.0, 1e-11);
    // The leveraged walk-away beats holding 10.3 wstETH only by its net carry minus costs.
    LP_COMPARE_REL(r->pnlUsd, 10.345228765220776 * 3500.0 - 0.5 - 35005.0, 1e-12);
}

void TestClosing::errorsNameTheBlockingOption()
{
    const Plan p = handPlan(0.0);
    // HF = 800 / 769.23 = 1.04, below the 1.05 floor: nothing can be withdrawn.
    Expected<CloseResult> r = unwindPosition(p, 10.0, 800.0 / 1.04, 100.0, 1.0, {});
    QVERIFY(!r);
    QCOMPARE(r.errors().front().field, QStringLiteral("close.healthFactorFloor"));
    // Underwater: 10 A at $50 = 500 USD against 600.
    r = unwindPosition(p, 10.0, 600.0, 50.0, 1.0, method(CloseMethod::FlashClose));
    QVERIFY(!r);
    QCOMPARE(r.errors().front().field, QStringLiteral("close.exitPriceUsd"));
    QVERIFY(r.errors().front().message.contains(QStringLiteral("underwater")));
    CloseOptions low;
    low.healthFactorFloor = 0.9;
    QCOMPARE(unwindPosition(p, 10.0, 600.0, 100.0, 1.0, low).errors().front().field,
             QStringLiteral("close.healthFactorFloor"));
    // The hand case needs 3 rounds (sellToRepayRoundsByHand).
    CloseOptions oneRound;
    oneRound.maxRounds = 1;
    r = unwindPosition(p, 10.0, 600.0, 100.0, 1.0, oneRound);
    QVERIFY(!r);
    QVERIFY(r.errors().front().message.contains(QStringLiteral("rounds")));
    CloseOptions badPrice;
    badPrice.exitPriceUsd = 0.0;
    QVERIFY(!simulateClose(p, fixture().opened, badPrice));
}

void TestClosing::closeJsonShape()
{
    const PlanResult f = fixture();
    const QJsonObject o = closeJson(simulateClose(f.plan, f.opened).value());
    QCOMPARE(o.value(QStringLiteral("method")).toString(), QStringLiteral("sellToRepay"));
    QCOMPARE(o.value(QStringLiteral("exitDay")).toInt(), 365);
    QCOMPARE(o.value(QStringLiteral("exitPriceUsd")).toDouble(), 3500.0);
    for (const char *key : {"walkAwayCollateral", "walkAwayUsd", "pnlUsd", "holdPnlUsd"})
        QVERIFY2(o.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject costs = o.value(QStringLiteral("costs")).toObject();
    for (const char *key : {"swapFeesUsd", "slippageUsd", "flashPremiumUsd", "gasUsd", "interestPaidUsd",
                            "yieldEarnedUsd", "totalUsd"})
        QVERIFY2(costs.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(o.value(QStringLiteral("rounds")).toArray().size() >= 2);
}

QTEST_APPLESS_MAIN(TestClosing)
#include "tst_closing.moc"
