// The rule sets' valuation for the health factor (Aave v3.5's rounding in the protocol's favour) and the
// call terms at an account's own health factor, against hand-derived values.
#include "liquidationrules.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

LiquidationRules rules(LiquidationRuleSet set)
{
    return LiquidationRules::forRuleSet(set);
}

} // namespace

class TestHealthRounding : public QObject {
    Q_OBJECT
private slots:
    void flagFollowsTheRuleSet()
    {
        // aave-v3.3 spans 3.3 to 3.5; 3.6 and 3.7 keep 3.5's rounding. v3.0, V4 and Morpho do not round.
        QVERIFY(!roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::AaveV30)));
        QVERIFY(roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::AaveV33)));
        QVERIFY(roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::AaveV36)));
        QVERIFY(roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::AaveV37)));
        QVERIFY(!roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::AaveV4)));
        QVERIFY(!roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::MorphoBlue)));
        QVERIFY(!roundsHealthInProtocolsFavour(rules(LiquidationRuleSet::MorphoBluePreLiquidation)));
    }

    void roundedValues_data()
    {
        QTest::addColumn<double>("units");
        QTest::addColumn<double>("price");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<double>("collateral"); // the value counted as collateral (rounded down)
        QTest::addColumn<double>("debt");       // the value counted as debt (rounded up)
        // 1.234567891 WBTC (8 decimals): 1.23456789 WBTC held down, 1.23456790 owed up; at $60,000 those are
        // $74,074.0734 and $74,074.074, both whole 1e-8 USD.
        QTest::newRow("WBTC below a satoshi") << 1.234567891 << 60000.0 << 8 << 74074.0734 << 74074.074;
        // 1,000.0000001 USDC (6 decimals) at $1: 1,000 as collateral, 1,000.000001 as debt.
        QTest::newRow("USDC below a unit") << 1000.0000001 << 1.0 << 6 << 1000.0 << 1000.000001;
        // 1 WETH at $3,000.123456789: the USD value has 9 decimals; the base currency keeps 8, so
        // $3,000.12345678 as collateral and $3,000.12345679 as debt.
        QTest::newRow("price below 1e-8 USD")
            << 1.0 << 3000.123456789 << 18 << 3000.12345678 << 3000.12345679;
        // On the grid nothing moves: 10 WETH at $3,000 is $30,000 either way.
        QTest::newRow("on the grid") << 10.0 << 3000.0 << 18 << 30000.0 << 30000.0;
        // Any debt counts: 1e-7 USDC is owed as 1e-6 USDC, worth $0.000001; held, it is worth nothing.
        QTest::newRow("dust") << 1e-7 << 1.0 << 6 << 0.0 << 1e-6;
    }

    void roundedValues()
    {
        QFETCH(double, units);
        QFETCH(double, price);
        QFETCH(int, decimals);
        QFETCH(double, collateral);
        QFETCH(double, debt);
        for (const LiquidationRuleSet set :
             {LiquidationRuleSet::AaveV33, LiquidationRuleSet::AaveV36, LiquidationRuleSet::AaveV37}) {
            const LiquidationRules r = rules(set);
            if (collateral == 0.0)
                QCOMPARE(collateralValueForHealth(r, units, price, decimals), 0.0);
            else
                LP_COMPARE_REL(collateralValueForHealth(r, units, price, decimals), collateral, 1e-14);
            LP_COMPARE_REL(debtValueForHealth(r, units, price, decimals), debt, 1e-14);
        }
        // Without the flag the value is exact.
        const LiquidationRules v30 = rules(LiquidationRuleSet::AaveV30);
        QCOMPARE(collateralValueForHealth(v30, units, price, decimals), units * price);
        QCOMPARE(debtValueForHealth(v30, units, price, decimals), units * price);
    }

    void roundingFavoursTheProtocol()
    {
        // Property: collateral never counts more than it is worth, debt never less, and neither by more
        // than one token unit and one base-currency unit (1e-9 relative: amounts that far from the grid
        // are taken as on it, the doubles' own error).
        QRandomGenerator rng(16);
        const LiquidationRules r = rules(LiquidationRuleSet::AaveV33);
        for (int i = 0; i < 2000; ++i) {
            const int decimals = QList<int>{6, 8, 18}[rng.bounded(3)];
            const double units = std::pow(10.0, rng.bounded(12.0) - 6.0);
            const double price = std::pow(10.0, rng.bounded(8.0) - 2.0);
            const double exact = units * price;
            const double slack = (std::pow(10.0, -decimals) * price + 1e-8) * (1.0 + 1e-9) + 1e-12 * exact;
            const double c = collateralValueForHealth(r, units, price, decimals);
            const double d = debtValueForHealth(r, units, price, decimals);
            QVERIFY2(c <= exact * (1.0 + 1e-9) && c >= exact - slack, qPrintable(QString::number(i)));
            QVERIFY2(d >= exact * (1.0 - 1e-9) && d <= exact + slack, qPrintable(QString::number(i)));
        }
    }

    void accountTermsAgreeWithThePairs()
    {
        // For one pair the account's health factor is the pair's: both entry points give the same call.
        QRandomGenerator rng(7);
        for (const LiquidationRuleSet set : allLiquidationRuleSets) {
            LiquidationParams p{1.0, 0.8, 0.05, rules(set)};
            p.rules.params.preLltv = 0.7;
            for (int i = 0; i < 200; ++i) {
                const double c = 100.0 + rng.bounded(20000.0);
                const double d = c * (0.6 + rng.bounded(0.5));
                const CallTerms pair = callTerms(p, c, d);
                const CallTerms account = callTermsAtHealth(p, c, d, c * 0.8 / d);
                QCOMPARE(account.allowed, pair.allowed);
                LP_COMPARE_REL(account.closeFactor, pair.closeFactor, 1e-12);
                LP_COMPARE_REL(account.repayUsd, pair.repayUsd, 1e-12);
                LP_COMPARE_REL(account.bonus, pair.bonus, 1e-12);
            }
        }
    }

    void accountTermsUseTheAccountsHealth()
    {
        // v3.3: a $5,000 collateral reserve and a $3,000 debt reserve are both "large"; the account's HF
        // decides: 0.97 -> 50 %, 0.94 -> 100 %. With a $1,500 collateral reserve the call may take all.
        const LiquidationParams v33{1.0, 0.8, 0.05, rules(LiquidationRuleSet::AaveV33)};
        QCOMPARE(callTermsAtHealth(v33, 5000.0, 3000.0, 0.97).closeFactor, 0.5);
        QCOMPARE(callTermsAtHealth(v33, 5000.0, 3000.0, 0.94).closeFactor, 1.0);
        QCOMPARE(callTermsAtHealth(v33, 1500.0, 3000.0, 0.97).closeFactor, 1.0);
        QVERIFY(!callTermsAtHealth(v33, 5000.0, 3000.0, 1.01).allowed);
        // V4 at HF 0.95 (max bonus 5 %, bonus factor 0.8, max bonus at 0.85, target 1.05): bonus
        // 0.04 + 0.01 x 0.05 / 0.15 = 0.0433333; share (1.05 - 0.95) / (1.05 - 1.0433333 x 0.8) = 0.4643963.
        const LiquidationParams v4{1.0, 0.8, 0.05, rules(LiquidationRuleSet::AaveV4)};
        const CallTerms t = callTermsAtHealth(v4, 50000.0, 100000.0, 0.95);
        LP_COMPARE_REL(t.bonus, 0.04 + 0.01 * 0.05 / 0.15, 1e-12);
        LP_COMPARE_REL(t.closeFactor, 0.1 / (1.05 - (1.04 + 0.01 / 3.0) * 0.8), 1e-12);
        LP_COMPARE_REL(t.repayUsd, 100000.0 * t.closeFactor, 1e-12);
        QVERIFY(!dustCallRepaysAllDebt(v33.rules));
        QVERIFY(dustCallRepaysAllDebt(v4.rules));
    }
};

QTEST_APPLESS_MAIN(TestHealthRounding)
#include "tst_healthrounding.moc"
