// Formulas print their market parameters with every digit they have (a threshold of 0.825 as 0.825, not
// 0.82), so that the numbers shown give the result shown.
#include "displayformat.h"
#include "engine.h"
#include "explain.h"
#include "teaching.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTest>

using namespace lp;

class TestFormulaDigits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void parameterKeepsItsDigits_data();
    void parameterKeepsItsDigits();
    void hfFormulaGivesItsResult();
};

void TestFormulaDigits::parameterKeepsItsDigits_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("0.8") << 0.8 << "0.80";
    QTest::newRow("0.825") << 0.825 << "0.825";
    QTest::newRow("1.075") << 1.075 << "1.075";
    QTest::newRow("0.93") << 0.93 << "0.93";
    QTest::newRow("0.9125") << 0.9125 << "0.9125";
    QTest::newRow("six decimals at most") << 0.12345678 << "0.123457";
    QTest::newRow("thousands") << 1234.5 << "1,234.50";
}

void TestFormulaDigits::parameterKeepsItsDigits()
{
    QFETCH(double, value);
    QFETCH(QString, shown);
    QCOMPARE(display::parameter(value), shown);
}

void TestFormulaDigits::hfFormulaGivesItsResult()
{
    Plan plan = defaultPlan();
    plan.collateral.ltv = 0.75;
    plan.collateral.liquidationThreshold = 0.825;
    plan.collateral.liquidationBonus = 0.075;
    const Expected<PlanResult> r = computePlan(plan);
    QVERIFY(r);
    const Explanation e = explain(*r, Figure::HealthFactor);
    QVERIFY2(e.formula.contains(QStringLiteral(" × 0.825 / ")), qPrintable(e.formula));
    // The printed inputs give the printed HF (to its two decimals): C × PA × LT / (D × PB).
    static const QRegularExpression numbers(QStringLiteral(
        "= ([0-9.,]+) wstETH × \\$([0-9.,]+) × ([0-9.]+) / \\(([0-9.,]+) WETH × \\$([0-9.,]+)\\) = "
        "([0-9.]+)"));
    const QRegularExpressionMatch m = numbers.match(e.formula);
    QVERIFY2(m.hasMatch(), qPrintable(e.formula));
    const QLocale us = QLocale();
    auto v = [&](int i) { return us.toDouble(m.captured(i)); };
    const double hf = v(1) * v(2) * v(3) / (v(4) * v(5));
    QVERIFY2(std::abs(hf - v(6)) <= 0.005 + 1e-9, qPrintable(QString::number(hf)));
    // The teaching window's monitoring frames use the same digits, the bonus factor included.
    const TeachingFrame liquidated = whatIfFrame(*r, -0.6);
    QVERIFY(!liquidated.liquidations.empty());
    QVERIFY2(liquidated.formulas.join(QLatin1Char('\n')).contains(QStringLiteral("× 1.075 /")),
             qPrintable(liquidated.formulas.join(QLatin1Char('\n'))));
    // Every liquidation call on the way down is worked out, not only the first.
    int calls = 0;
    for (const QString &formula : liquidated.formulas)
        if (formula.startsWith(QLatin1String("First call at ")) || formula.startsWith(QLatin1String("Call ")))
            ++calls;
    QCOMPARE(calls, static_cast<int>(liquidated.liquidations.size()));
    bool hfShown = false;
    for (const TeachingFrame &f : teachingFrames(*r))
        for (const QString &formula : f.formulas)
            if (formula.startsWith(QStringLiteral("HF = C × PA × LT")) &&
                formula.contains(QLatin1String("wstETH"))) {
                QVERIFY2(formula.contains(QStringLiteral(" × 0.825 / ")), qPrintable(formula));
                hfShown = true;
            }
    QVERIFY(hfShown);
}

QTEST_GUILESS_MAIN(TestFormulaDigits)
#include "tst_formuladigits.moc"
