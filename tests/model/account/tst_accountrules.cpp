// An account under its rule set: the health factor valued as the rules value it (Aave v3.5's rounding) and
// the first liquidation sized and priced by the rule set, against hand-derived values.
#include "account.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

using namespace lp;

namespace {

AccountAsset asset(const QString &symbol, double collateral, double debt, double price, double lt,
                   int decimals, double bonus = 0.05)
{
    AccountAsset a;
    a.symbol = symbol;
    a.collateral = collateral;
    a.debt = debt;
    a.priceUsd = price;
    a.ltv = lt - 0.03;
    a.liquidationThreshold = lt;
    a.liquidationBonus = bonus;
    a.decimals = decimals;
    return a;
}

Account withRules(Account a, LiquidationRuleSet rules)
{
    a.liquidationRules = rules;
    return a;
}

// 10 WETH at $1,000 (LT 80 %, bonus 5 %) against `debt` USDC.
Account wethAgainstUsdc(double debt, double lt = 0.8)
{
    Account a;
    a.assets << asset(QStringLiteral("WETH"), 10.0, 0.0, 1000.0, lt, 18)
             << asset(QStringLiteral("USDC"), 0.0, debt, 1.0, 0.78, 6);
    return a;
}

} // namespace

class TestAccountRules : public QObject {
    Q_OBJECT
private slots:
    void roundingDecidesADustAccount()
    {
        // One satoshi of WBTC at $49,999.9999 (LT 80 %) against 0.0003999991 USDC. Exact: collateral
        // $0.000499999999, debt $0.0003999991, HF 0.0003999999992 / 0.0003999991 = 1.0000022: healthy.
        // v3.5 rounding: collateral $0.00049999 (down to 1e-8 USD), debt 0.000400 USDC (up to a unit at 6
        // decimals) = $0.0004, HF 0.00049999 x 0.8 / 0.0004 = 0.99998: liquidatable.
        Account a;
        a.assets << asset(QStringLiteral("WBTC"), 1e-8, 0.0, 49999.9999, 0.8, 8)
                 << asset(QStringLiteral("USDC"), 0.0, 0.0003999991, 1.0, 0.78, 6);
        const AccountFigures exact = accountFigures(withRules(a, LiquidationRuleSet::AaveV30));
        LP_COMPARE_REL(exact.healthFactor, 0.000499999999 * 0.8 / 0.0003999991, 1e-12);
        QVERIFY(exact.healthFactor > 1.0);
        QVERIFY(!firstLiquidation(withRules(a, LiquidationRuleSet::AaveV30)).possible);
        const AccountFigures rounded = accountFigures(withRules(a, LiquidationRuleSet::AaveV33));
        LP_COMPARE_REL(rounded.totalCollateralUsd, 0.00049999, 1e-12);
        LP_COMPARE_REL(rounded.totalDebtUsd, 0.0004, 1e-12);
        LP_COMPARE_REL(rounded.healthFactor, 0.99998, 1e-12);
        QVERIFY(firstLiquidation(withRules(a, LiquidationRuleSet::AaveV33)).possible);
    }

    void roundingLeavesGridValuesAlone()
    {
        // 10 WETH at $1,000 against 8,500 USDC: every value is whole cents, so v3.5's rounding changes
        // nothing: collateral $10,000, debt $8,500, HF 8,000 / 8,500.
        for (const LiquidationRuleSet rules : {LiquidationRuleSet::AaveV30, LiquidationRuleSet::AaveV33}) {
            const AccountFigures f = accountFigures(withRules(wethAgainstUsdc(8500.0), rules));
            QCOMPARE(f.totalCollateralUsd, 10000.0);
            QCOMPARE(f.totalDebtUsd, 8500.0);
            LP_COMPARE_REL(f.healthFactor, 8000.0 / 8500.0, 1e-15);
        }
    }

    void smallPositionsCloseFullyFromV33On()
    {
        // 1.5 WETH at $1,000 ($1,500 < $2,000) against 1,300 USDC, LT 83 %: HF 1,245 / 1,300 = 0.9577 > 0.95.
        // v3.0: 50 %. v3.3, v3.6 and v3.7: a side under $2,000, so 100 %: 1,300 repaid, 1,365 USD (1.365
        // WETH) seized.
        Account a;
        a.assets << asset(QStringLiteral("WETH"), 1.5, 0.0, 1000.0, 0.83, 18)
                 << asset(QStringLiteral("USDC"), 0.0, 1300.0, 1.0, 0.78, 6);
        QCOMPARE(firstLiquidation(withRules(a, LiquidationRuleSet::AaveV30)).closeFactor, 0.5);
        for (const LiquidationRuleSet rules :
             {LiquidationRuleSet::AaveV33, LiquidationRuleSet::AaveV36, LiquidationRuleSet::AaveV37}) {
            const AccountLiquidation l = firstLiquidation(withRules(a, rules));
            QVERIFY(l.possible);
            QCOMPARE(l.closeFactor, 1.0);
            LP_COMPARE_REL(l.repaidUsd, 1300.0, 1e-12);
            LP_COMPARE_REL(l.seizedUnits, 1.365, 1e-12);
        }
    }

    void morphoPaysItsIncentiveOnAllOfTheDebt()
    {
        // LLTV 86 %, 8,700 USDC against $10,000: HF 8,600 / 8,700 < 1. Morpho: all of the debt, incentive
        // 1 / (0.3 x 0.86 + 0.7) = 1 / 0.958 whatever bonus the asset states: 9,081.42 USD seized.
        const AccountLiquidation l =
            firstLiquidation(withRules(wethAgainstUsdc(8700.0, 0.86), LiquidationRuleSet::MorphoBlue));
        QVERIFY(l.possible);
        QCOMPARE(l.closeFactor, 1.0);
        LP_COMPARE_REL(l.repaidUsd, 8700.0, 1e-12);
        LP_COMPARE_REL(l.seizedUsd, 8700.0 / 0.958, 1e-12);
        LP_COMPARE_REL(l.seizedUnits, 8700.0 / 0.958 / 1000.0, 1e-12);
    }

    void v4RepaysToTheTargetHealthFactor()
    {
        // HF 0.95 (debt 8,000 / 0.95): V4's bonus 0.0433333 and share 0.1 / (1.05 - 1.0433333 x 0.8) of the
        // debt; the call brings the account to the target health factor 1.05 exactly.
        const double debt = 8000.0 / 0.95;
        const AccountLiquidation l =
            firstLiquidation(withRules(wethAgainstUsdc(debt), LiquidationRuleSet::AaveV4));
        QVERIFY(l.possible);
        const double bonus = 0.04 + 0.01 / 3.0;
        LP_COMPARE_REL(l.closeFactor, 0.1 / (1.05 - (1.0 + bonus) * 0.8), 1e-12);
        LP_COMPARE_REL(l.repaidUsd, debt * l.closeFactor, 1e-12);
        LP_COMPARE_REL(l.seizedUsd, l.repaidUsd * (1.0 + bonus), 1e-12);
        LP_COMPARE_REL(l.afterFigures.healthFactor, 1.05, 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestAccountRules)
#include "tst_accountrules.moc"
