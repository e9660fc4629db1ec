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
    void pnlFormulaShowsTheGas();
    void thresholdIsNamedInWords();
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

void TestFormulaDigits::pnlFormulaShowsTheGas()
{
    Plan plan = defaultPlan();
    plan.costs.gasUsdPerTx = 7.5;
    const Expected<PlanResult> r = computePlan(plan);
    QVERIFY(r);
    const double gas = r->opened.costs.gasUsd;
    QCOMPARE(gas, 7.5 * r->opened.costs.transactions); // one fee per transaction
    // A fall that liquidates and one that does not: both print the P&L with the gas in it.
    for (double move : {-0.1, -0.6}) {
        const TeachingFrame f = whatIfFrame(*r, move);
        QString line;
        for (const QString &formula : f.formulas)
            if (formula.startsWith(QLatin1String("P&L = ")))
                line = formula;
        QVERIFY2(!line.isEmpty(), qPrintable(f.formulas.join(QLatin1Char('\n'))));
        static const QRegularExpression parts(
            QStringLiteral("= (\\(?-?\\$[0-9.,]+\\)?) − \\((\\$[0-9.,]+) \\+ (\\$[0-9.,]+) gas\\) = "
                           "(\\(?-?\\$[0-9.,]+\\)?)$"));
        const QRegularExpressionMatch m = parts.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(line));
        const QLocale us = QLocale();
        auto v = [&](int i) {
            // US dollars: a negative amount is "-$1.00" or, as the US locale writes it, "($1.00)".
            QString text = m.captured(i);
            const bool negative = text.startsWith(QLatin1Char('-')) || text.startsWith(QLatin1Char('('));
            text.remove(QLatin1Char('-'))
                .remove(QLatin1Char('$'))
                .remove(QLatin1Char('('))
                .remove(QLatin1Char(')'));
            return (negative ? -1.0 : 1.0) * us.toDouble(text);
        };
        // The printed parts give the printed P&L (each rounded to the cent), and the parts are the
        // position's: the gas of every transaction, the deposit at the opening price.
        QVERIFY2(std::abs(v(1) - (v(2) + v(3)) - v(4)) <= 0.015, qPrintable(line));
        QCOMPARE(v(3), gas);
        QCOMPARE(v(2), plan.deposit * plan.collateral.priceUsd);
        QVERIFY(std::abs(v(4) - f.pnlUsd) <= 0.005 + 1e-9);
    }
    // The monitoring step says so in words.
    for (const TeachingFrame &f : teachingFrames(*r))
        if (f.stage == TeachingStage::Monitor)
            QVERIFY2(f.story.contains(QStringLiteral("%1 of gas").arg(display::usd(gas))),
                     qPrintable(f.story));
}

void TestFormulaDigits::thresholdIsNamedInWords()
{
    Plan plan = defaultPlan();
    plan.collateral.ltv = 0.8; // under the threshold below
    plan.collateral.liquidationThreshold = 0.825;
    const Expected<PlanResult> r = computePlan(plan);
    QVERIFY(r);
    const TeachingFrame deposit = teachingFrames(*r).front();
    QVERIFY2(deposit.story.contains(QStringLiteral("liquidation threshold (LT in the formulas) is 0.825")),
             qPrintable(deposit.story));
}

QTEST_GUILESS_MAIN(TestFormulaDigits)
#include "tst_formuladigits.moc"
