#include "account.h"
#include "position.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace lp;

namespace {

AccountAsset asset(const QString &symbol, double collateral, double debt, double price, double ltv, double lt,
                   double bonus = 0.05)
{
    AccountAsset a;
    a.symbol = symbol;
    a.collateral = collateral;
    a.debt = debt;
    a.priceUsd = price;
    a.ltv = ltv;
    a.liquidationThreshold = lt;
    a.liquidationBonus = bonus;
    return a;
}

// 10 WETH at $2,000 (LTV 80.5 %, LT 83 %) and 0.5 WBTC at $60,000 (73 %, 78 %) against 30,000 USDC at $1:
// collateral $50,000; threshold sum 16,600 + 23,400 = 40,000, so LT 80 %; LTV sum 16,100 + 21,900 =
// 38,000, so LTV 76 %; HF 40,000 / 30,000 = 4/3; borrowing power 38,000 - 30,000 = $8,000.
Account twoCollaterals()
{
    Account a;
    a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 2000.0, 0.805, 0.83)
             << asset(QStringLiteral("WBTC"), 0.5, 0.0, 60000.0, 0.73, 0.78)
             << asset(QStringLiteral("USDC"), 0.0, 30000.0, 1.0, 0.77, 0.80);
    return a;
}

double hf(const Account &a)
{
    return accountFigures(a).healthFactor;
}

AccountLiquidationPrice find(const QList<AccountLiquidationPrice> &list, const QString &name)
{
    for (const AccountLiquidationPrice &p : list)
        if (p.name == name)
            return p;
    return {};
}

} // namespace

class TestAccount : public QObject {
    Q_OBJECT

private slots:
    void figuresByHand()
    {
        const AccountFigures f = accountFigures(twoCollaterals());
        QCOMPARE(f.totalCollateralUsd, 50000.0);
        QCOMPARE(f.totalDebtUsd, 30000.0);
        QVERIFY(std::abs(f.liquidationThreshold - 0.80) < 1e-15);
        QVERIFY(std::abs(f.ltv - 0.76) < 1e-15);
        QVERIFY(std::abs(f.healthFactor - 4.0 / 3.0) < 1e-14);
        QVERIFY(std::abs(f.borrowingPowerUsd - 8000.0) < 1e-9);
        QVERIFY(std::abs(f.currentLtv - 0.6) < 1e-15);
    }

    void noDebtIsInfinitelyHealthy()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 5.0, 0.0, 2000.0, 0.805, 0.83);
        const AccountFigures f = accountFigures(a);
        QVERIFY(std::isinf(f.healthFactor));
        QVERIFY(std::abs(f.borrowingPowerUsd - 8050.0) < 1e-9);
        const QList<AccountLiquidationPrice> prices = liquidationPrices(a);
        QCOMPARE(prices.size(), 1);
        QCOMPARE(prices[0].direction, AccountLiquidationPrice::Direction::Never);
    }

    void collateralSwitchedOffOrZeroThresholdDoesNotCount()
    {
        Account a = twoCollaterals();
        a.assets[1].usedAsCollateral = false;
        QCOMPARE(accountFigures(a).totalCollateralUsd, 20000.0);
        a.assets[1].usedAsCollateral = true;
        a.assets[1].liquidationThreshold = 0.0;
        QCOMPARE(accountFigures(a).totalCollateralUsd, 20000.0);
    }

    // Each asset alone: WETH falls to f = (30,000 - 23,400) / 16,600 = 0.39759036 ($795.18); WBTC to
    // (30,000 - 16,600) / 23,400 = 0.57264957 ($34,358.97); USDC rises to 40,000 / 30,000 = 4/3.
    void liquidationPricesByHand()
    {
        const QList<AccountLiquidationPrice> p = liquidationPrices(twoCollaterals());
        QCOMPARE(p.size(), 3);
        const AccountLiquidationPrice weth = find(p, QStringLiteral("WETH"));
        QCOMPARE(weth.direction, AccountLiquidationPrice::Direction::Falls);
        QVERIFY(std::abs(weth.factor - 6600.0 / 16600.0) < 1e-15);
        QVERIFY(std::abs(weth.priceUsd - 2000.0 * 6600.0 / 16600.0) < 1e-10);
        QVERIFY(std::abs(weth.distance() - (1.0 - 6600.0 / 16600.0)) < 1e-15);
        const AccountLiquidationPrice wbtc = find(p, QStringLiteral("WBTC"));
        QVERIFY(std::abs(wbtc.priceUsd - 60000.0 * 13400.0 / 23400.0) < 1e-9);
        const AccountLiquidationPrice usdc = find(p, QStringLiteral("USDC"));
        QCOMPARE(usdc.direction, AccountLiquidationPrice::Direction::Rises);
        QVERIFY(std::abs(usdc.priceUsd - 4.0 / 3.0) < 1e-15);
    }

    // WETH and WBTC together: 30,000 / 40,000 = 0.75 of today's prices.
    void groupMovesTogether()
    {
        Account a = twoCollaterals();
        a.assets[0].group = QStringLiteral("crypto");
        a.assets[1].group = QStringLiteral("crypto");
        QCOMPARE(a.groups(), QStringList{QStringLiteral("crypto")});
        const AccountLiquidationPrice g = find(liquidationPrices(a), QStringLiteral("crypto"));
        QCOMPARE(g.symbols, (QStringList{QStringLiteral("WETH"), QStringLiteral("WBTC")}));
        QVERIFY(std::abs(g.factor - 0.75) < 1e-15);
        QVERIFY(std::isnan(g.priceUsd));
    }

    // A group of two collaterals with a third collateral held: only the group's collateral moves, so HF is
    // linear in the factor and f = (D - held threshold sum) / group threshold sum. 5,000 DAI (LT 77 %) held:
    // f = (30,000 - 3,850) / 40,000 = 0.65375.
    void groupOfCollateralsWithOneHeld()
    {
        Account a = twoCollaterals();
        a.assets << asset(QStringLiteral("DAI"), 5000.0, 0.0, 1.0, 0.75, 0.77);
        const QStringList group{QStringLiteral("WETH"), QStringLiteral("WBTC")};
        const AccountLiquidationPrice g = liquidationPriceOf(a, group, QStringLiteral("ETH+BTC"));
        QCOMPARE(g.direction, AccountLiquidationPrice::Direction::Falls);
        QVERIFY2(std::abs(g.factor - 0.65375) < 1e-15, qPrintable(QString::number(g.factor, 'g', 17)));
        QVERIFY(std::abs(hf(withPricesScaled(a, group, g.factor)) - 1.0) < 1e-14);
    }

    // A group that holds a collateral and a debt that track one another (wstETH supplied, WETH borrowed):
    // the factor cancels partly. 10 wstETH at $4,000 (LT 81 %: 32,400) against 5 WETH at $3,000 and 10,000
    // USDC: HF(f) = 32,400 f / (15,000 f + 10,000) = 1 at f = 10,000 / 17,400. Without the USDC debt the
    // factor cancels fully (HF = 32,400 / 15,000 at every f): no move of the group liquidates. With 12 WETH
    // borrowed and 10,000 USDC supplied (LT 80 %) held instead, the group's debt outweighs its collateral:
    // (8,000 + 32,400 f) / (36,000 f) = 1 at f = 8,000 / 3,600, a rise.
    void groupOfCollateralAndDebt()
    {
        const QStringList group{QStringLiteral("wstETH"), QStringLiteral("WETH")};
        Account a;
        a.assets << asset(QStringLiteral("wstETH"), 10.0, 0.0, 4000.0, 0.78, 0.81)
                 << asset(QStringLiteral("WETH"), 0.0, 5.0, 3000.0, 0.805, 0.83)
                 << asset(QStringLiteral("USDC"), 0.0, 10000.0, 1.0, 0.77, 0.80);
        const AccountLiquidationPrice partly = liquidationPriceOf(a, group, QStringLiteral("ETH"));
        QCOMPARE(partly.direction, AccountLiquidationPrice::Direction::Falls);
        QVERIFY(std::abs(partly.factor - 10000.0 / 17400.0) < 1e-15);
        QVERIFY(std::abs(hf(withPricesScaled(a, group, partly.factor)) - 1.0) < 1e-14);
        // Each alone: wstETH falls to 15,000 / 32,400 of its price, nearer than the group's move.
        QVERIFY(liquidationPriceOf(a, {QStringLiteral("wstETH")}, {}).factor > partly.factor);

        Account pair = a;
        pair.assets.removeLast();
        const AccountLiquidationPrice never = liquidationPriceOf(pair, group, QStringLiteral("ETH"));
        QCOMPARE(never.direction, AccountLiquidationPrice::Direction::Never);
        QVERIFY(std::isnan(never.distance()));
        QVERIFY(std::abs(hf(withPricesScaled(pair, group, 0.2)) - hf(pair)) < 1e-14);

        Account rises = a;
        rises.assets[1].debt = 12.0;
        rises.assets[2] = asset(QStringLiteral("USDC"), 10000.0, 0.0, 1.0, 0.77, 0.80);
        QVERIFY(std::abs(hf(rises) - 40400.0 / 36000.0) < 1e-14);
        const AccountLiquidationPrice up = liquidationPriceOf(rises, group, QStringLiteral("ETH"));
        QCOMPARE(up.direction, AccountLiquidationPrice::Direction::Rises);
        QVERIFY(std::abs(up.factor - 8000.0 / 3600.0) < 1e-14);
        QVERIFY(std::abs(hf(withPricesScaled(rises, group, up.factor)) - 1.0) < 1e-14);
    }

    // One collateral, one debt: the account's liquidation price is the plan's PA_liq = D PB / (C lt).
    void onePairMatchesThePositionFormula()
    {
        Account a;
        a.assets << asset(QStringLiteral("wstETH"), 17.5, 0.0, 100.0, 0.75, 0.80)
                 << asset(QStringLiteral("B"), 0.0, 750.0, 1.0, 0.0, 0.0);
        QVERIFY(std::abs(hf(a) - 17.5 * 100.0 * 0.8 / 750.0) < 1e-14);
        const AccountLiquidationPrice p = find(liquidationPrices(a), QStringLiteral("wstETH"));
        QVERIFY(std::abs(p.priceUsd - 750.0 / (17.5 * 0.8)) < 1e-12);
    }

    // An asset both supplied and borrowed: 10 WETH supplied, 2 WETH and 10,000 USDC borrowed. HF(f) =
    // 16,600 f / (4,000 f + 10,000) = 1 at f = 10,000 / 12,600.
    void assetOnBothSides()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 10.0, 2.0, 2000.0, 0.805, 0.83)
                 << asset(QStringLiteral("USDC"), 0.0, 10000.0, 1.0, 0.77, 0.80);
        const AccountLiquidationPrice p = find(liquidationPrices(a), QStringLiteral("WETH"));
        QVERIFY(std::abs(p.factor - 10000.0 / 12600.0) < 1e-15);
    }

    // Aave keeps the weighted threshold in whole basis points, rounded down: at WETH's exact root the
    // weighted threshold is 0.790479.. and rounds to 0.7904, so the root moves to (30,000 - 0.7904 x
    // 30,000) / (0.7904 x 20,000) = 0.39777328, where the rounded threshold is 0.7904 again.
    void wholeBasisPointThreshold()
    {
        Account a = twoCollaterals();
        a.thresholdStep = 1e-4;
        QVERIFY(std::abs(accountFigures(a).liquidationThreshold - 0.80) < 1e-15);
        const AccountLiquidationPrice p = find(liquidationPrices(a), QStringLiteral("WETH"));
        const double expected = (30000.0 - 0.7904 * 30000.0) / (0.7904 * 20000.0);
        QVERIFY2(std::abs(p.factor - expected) < 1e-12, qPrintable(QString::number(p.factor, 'g', 17)));
        QVERIFY(std::abs(hf(withPricesScaled(a, {QStringLiteral("WETH")}, p.factor)) - 1.0) < 1e-12);
    }

    // Property: on random accounts, every liquidation price (one asset or a group) brings the health factor
    // to 1, exactly weighted or in whole basis points; a move short of it leaves the account healthy.
    void healthIsOneAtEveryLiquidationPrice()
    {
        QRandomGenerator rng(15);
        int checked = 0;
        for (int round = 0; round < 400; ++round) {
            Account a;
            a.thresholdStep = round % 2 == 0 ? 0.0 : 1e-4;
            const int n = 2 + static_cast<int>(rng.bounded(4));
            for (int i = 0; i < n; ++i) {
                const double lt = 0.5 + 0.45 * rng.generateDouble();
                AccountAsset x = asset(QStringLiteral("T%1").arg(i), 0.0, 0.0,
                                       0.5 + 5000.0 * rng.generateDouble(), lt - 0.05, lt);
                if (rng.bounded(3) != 0)
                    x.collateral = 1.0 + 100.0 * rng.generateDouble();
                if (rng.bounded(2) == 0)
                    x.debt = 10.0 * rng.generateDouble();
                x.group = rng.bounded(2) == 0 ? QStringLiteral("g") : QString();
                a.assets << x;
            }
            const double before = hf(a);
            if (!(before > 1.0) || std::isinf(before))
                continue;
            for (const AccountLiquidationPrice &p : liquidationPrices(a)) {
                if (p.direction == AccountLiquidationPrice::Direction::Never)
                    continue;
                // In whole basis points the health factor can jump over 1 where the weighted threshold
                // changes by one basis point: then the factor is that jump, with HF below 1 on one side
                // of it and at least 1 on the other.
                const double at = hf(withPricesScaled(a, p.symbols, p.factor));
                const double safeSide =
                    hf(withPricesScaled(a, p.symbols, p.factor * (p.factor < 1.0 ? 1.0 + 1e-9 : 1.0 - 1e-9)));
                const double liquidSide =
                    hf(withPricesScaled(a, p.symbols, p.factor * (p.factor < 1.0 ? 1.0 - 1e-9 : 1.0 + 1e-9)));
                const bool jump = a.thresholdStep > 0.0 && safeSide >= 1.0 - 1e-12 && liquidSide < 1.0;
                QVERIFY2(
                    std::abs(at - 1.0) < 1e-9 || jump,
                    qPrintable(
                        QStringLiteral("round %1 %2: HF %3").arg(round).arg(p.name).arg(at, 0, 'g', 17)));
                const double halfway = 0.5 * (1.0 + p.factor);
                QVERIFY(hf(withPricesScaled(a, p.symbols, halfway)) > 1.0);
                QCOMPARE(p.direction == AccountLiquidationPrice::Direction::Falls, p.factor < 1.0);
                ++checked;
            }
        }
        QVERIFY(checked > 300);
    }

    // 10 WETH at $1,000 (LT 83 %, bonus 5 %) against 9,000 USDC: HF 8,300 / 9,000 = 0.922 < 0.95, so all of
    // the debt is repaid (aave-v3.0) and 9,000 x 1.05 = $9,450 of WETH is seized: 0.55 WETH are left.
    void liquidationBelowFullCloseThreshold()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 1000.0, 0.805, 0.83)
                 << asset(QStringLiteral("USDC"), 0.0, 9000.0, 1.0, 0.77, 0.80);
        const AccountLiquidation l = firstLiquidation(a);
        QVERIFY(l.possible);
        QCOMPARE(l.closeFactor, 1.0);
        QCOMPARE(l.debtSymbol, QStringLiteral("USDC"));
        QVERIFY(std::abs(l.seizedUnits - 9.45) < 1e-12);
        QVERIFY(std::abs(l.after.assets[0].collateral - 0.55) < 1e-12);
        QCOMPARE(l.after.assets[1].debt, 0.0);
        QVERIFY(std::isinf(l.afterFigures.healthFactor));
    }

    // 8,500 USDC: HF 0.976, half of the debt: $4,250 repaid, $4,462.50 (4.4625 WETH) seized; after it
    // 5.5375 WETH x 1,000 x 0.83 / 4,250 = 1.0814.
    void liquidationAtCloseFactor()
    {
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 1000.0, 0.805, 0.83)
                 << asset(QStringLiteral("USDC"), 0.0, 8500.0, 1.0, 0.77, 0.80);
        const AccountLiquidation l = firstLiquidation(a);
        QCOMPARE(l.closeFactor, 0.5);
        QVERIFY(std::abs(l.repaidUsd - 4250.0) < 1e-9);
        QVERIFY(std::abs(l.seizedUnits - 4.4625) < 1e-12);
        QVERIFY(std::abs(l.afterFigures.healthFactor - 5537.5 * 0.83 / 4250.0) < 1e-12);
        QVERIFY(!firstLiquidation(twoCollaterals()).possible);
    }
};

QTEST_APPLESS_MAIN(TestAccount)
#include "tst_account.moc"
