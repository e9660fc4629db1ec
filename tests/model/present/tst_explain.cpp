// "Explain this number": each formula with the fixture's numbers substituted, checked by hand.
// Fixture: C = 24.344128915014817 wstETH, D = 16.75994861045867 WETH, PA $3,500, PB $3,000, lt 0.80.
#include "engine.h"
#include "explain.h"
#include "testutil.h"

#include <QLocale>
#include <QTest>

using namespace lp;

class TestExplain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fixtureFormulas_data();
    void fixtureFormulas();
    void noDebt();
    void openingCostsAddUpWithPriceImpact();
    void tracksCollateralShowsTheRatio();
    void everyFigureExplained();
};

void TestExplain::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestExplain::fixtureFormulas_data()
{
    QTest::addColumn<int>("figure");
    QTest::addColumn<QString>("formula");
    // CV = 24.344128915 x 3500 = 85,204.45; DV = 16.759948610 x 3000 = 50,279.85.
    // HF = 85,204.45 x 0.8 / 50,279.85 = 1.3557.
    QTest::newRow("hf") << int(Figure::HealthFactor)
                        << QStringLiteral("HF = C × PA × LT / (D × PB) = 24.3441 wstETH × $3,500.00 × 0.80 / "
                                          "(16.7599 WETH × $3,000.00) = 1.36");
    // 50,279.85 / 85,204.45 = 0.5901.
    QTest::newRow("ltv") << int(Figure::Ltv)
                         << QStringLiteral(
                                "LTV = D × PB / (C × PA) = $50,279.85 / $85,204.45 = 59.01 % (max 75.00 %)");
    // 50,279.85 / (24.344129 x 0.8) = 2,581.72.
    QTest::newRow("liquidation price")
        << int(Figure::LiquidationPrice)
        << QStringLiteral(
               "PA liq = D × PB / (C × LT) = 16.7599 WETH × $3,000.00 / (24.3441 wstETH × 0.80) = $2,581.72");
    // 1 - 2,581.72 / 3,500 = 0.2624.
    QTest::newRow("distance") << int(Figure::Distance)
                              << QStringLiteral("1 − PA liq / PA = 1 − $2,581.72 / $3,500.00 = 26.2 %");
    // 85,204.45 / 34,924.61 = 2.4397.
    QTest::newRow("leverage") << int(Figure::Leverage)
                              << QStringLiteral(
                                     "L = CV / (CV − DV) = $85,204.45 / ($85,204.45 − $50,279.85) = 2.44x");
    QTest::newRow("equity") << int(Figure::Equity)
                            << QStringLiteral("E = CV − DV = $85,204.45 − $50,279.85 = $34,924.61");
    // Swap fees 25.14 + slippage 50.25 + gas 10 x 0.50 = 80.39 (README's report).
    QTest::newRow("costs")
        << int(Figure::OpeningCosts)
        << QStringLiteral("swap fees + slippage + price impact + flash premium + gas = $25.14 + $50.25 "
                          "+ $0.00 + $0.00 + $5.00 = $80.39");
    // (85,204.45 x 3.1 % - 50,279.85 x 2.5 %) / 34,924.61 = (2,641.34 - 1,257.00) / 34,924.61 = 3.96 %.
    QTest::newRow("net apy")
        << int(Figure::NetApy)
        << QStringLiteral("(CV × (supply APY + native yield) − DV × borrow APY) / E = ($85,204.45 × "
                          "(0.10 % + 3.00 %) − $50,279.85 × 2.50 %) / $34,924.61 = +3.96 %");
    // 1 / (1 - 0.75) = 4.
    QTest::newRow("max leverage") << int(Figure::MaxLeverage)
                                  << QStringLiteral("L max = 1 / (1 − LTV max) = 1 / (1 − 0.75) = 4.00x");
}

void TestExplain::fixtureFormulas()
{
    QFETCH(int, figure);
    QFETCH(QString, formula);
    const PlanResult r = test::compute(test::fixturePlan());
    const Explanation e = explain(r, static_cast<Figure>(figure));
    QCOMPARE(e.formula, formula);
    QVERIFY(!e.meaning.isEmpty());
}

void TestExplain::noDebt()
{
    Plan p = test::fixturePlan();
    p.strategy.loops = 0;
    const PlanResult r = test::compute(p);
    QVERIFY(explain(r, Figure::HealthFactor).formula.contains(QStringLiteral("∞")));
    QVERIFY(explain(r, Figure::LiquidationPrice).formula.startsWith(QStringLiteral("No debt")));
}

// With a price-impact route the parts still add up to the total: the pool plan's two loops on a
// constant-product pool lose 5000/21 + 2500/45.15 = 293.47 USD to impact (tst_swapimpact), and nothing
// else (a cost-free plan).
void TestExplain::openingCostsAddUpWithPriceImpact()
{
    const PlanResult r = test::compute(test::poolPlan());
    QCOMPARE(explain(r, Figure::OpeningCosts).formula,
             QStringLiteral(
                 "swap fees + slippage + price impact + flash premium + gas = $0.00 + $0.00 + $293.47 + "
                 "$0.00 + $0.00 = $293.47"));
}

void TestExplain::tracksCollateralShowsTheRatio()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const PlanResult r = test::compute(p);
    // D / (C lt) = 16.759949 / (24.344129 x 0.8) = 0.8606 WETH per wstETH.
    QCOMPARE(explain(r, Figure::LiquidationPrice).formula,
             QStringLiteral(
                 "(PA/PB) liq = D / (C × LT) = 16.7599 WETH / (24.3441 wstETH × 0.80) = 0.8606 WETH per "
                 "wstETH"));
}

void TestExplain::everyFigureExplained()
{
    const PlanResult r = test::compute(test::fixturePlan());
    for (int f = int(Figure::HealthFactor); f <= int(Figure::MaxLeverage); ++f) {
        const Explanation e = explain(r, static_cast<Figure>(f));
        QVERIFY2(e.formula.contains(QLatin1Char('=')), qPrintable(e.formula));
        QVERIFY(!e.meaning.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestExplain)
#include "tst_explain.moc"
