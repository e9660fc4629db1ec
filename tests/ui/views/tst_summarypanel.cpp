// The summary panel: numbers from the result, risk colours from the named thresholds, the user's locale.
#include "carry.h"
#include "displayformat.h"
#include "riskstyle.h"
#include "summarypanel.h"
#include "uitestutil.h"

#include <QLabel>

#include <limits>

using namespace lp;
using namespace lp::uitest;

class TestSummaryPanel : public QObject {
    Q_OBJECT

private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void riskLevelThresholds_data();
    void riskLevelThresholds();
    void colourFollowsHealthFactor_data();
    void colourFollowsHealthFactor();
    void badgeCountsTheChanceOfLiquidation();
    void closeNowSitsNextToEquity();
    void showsTheResultInTheUsersLocale_data();
    void showsTheResultInTheUsersLocale();
    void noDebtHasNoLiquidationPrice();
    void tracksCollateralShowsRatio();
    void staleNoteShowsWhilePlanIsInvalid();
};

void TestSummaryPanel::riskLevelThresholds_data()
{
    QTest::addColumn<double>("healthFactor");
    QTest::addColumn<int>("level");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("liquidatable") << 0.95 << int(risk::Level::Danger);
    QTest::newRow("just below danger") << 1.0999 << int(risk::Level::Danger);
    QTest::newRow("danger threshold") << risk::kDangerHealthFactor << int(risk::Level::Caution);
    QTest::newRow("just below caution") << 1.4999 << int(risk::Level::Caution);
    QTest::newRow("caution threshold") << risk::kCautionHealthFactor << int(risk::Level::Safe);
    QTest::newRow("no debt") << inf << int(risk::Level::Safe);
    QTest::newRow("NaN is never reassuring")
        << std::numeric_limits<double>::quiet_NaN() << int(risk::Level::Danger);
}

void TestSummaryPanel::riskLevelThresholds()
{
    QFETCH(double, healthFactor);
    QFETCH(int, level);
    QCOMPARE(int(risk::levelForHealthFactor(healthFactor)), level);
}

void TestSummaryPanel::colourFollowsHealthFactor_data()
{
    QTest::addColumn<double>("ltvFraction");
    QTest::addColumn<int>("loops");
    QTest::addColumn<QString>("riskText");
    // Default reserve (lt 80 %, ltv 75 %): more loops and a higher LTV push HF towards 1.
    QTest::newRow("safe") << 0.5 << 2 << QStringLiteral("Risk: Safe");
    QTest::newRow("caution") << 0.9 << 3 << QStringLiteral("Risk: Caution");
    QTest::newRow("danger") << 1.0 << 20 << QStringLiteral("Risk: Danger");
}

void TestSummaryPanel::colourFollowsHealthFactor()
{
    QFETCH(double, ltvFraction);
    QFETCH(int, loops);
    QFETCH(QString, riskText);
    Plan plan = longDefaultPlan(); // WETH held: the USD volatility below is the one that counts
    plan.strategy.ltvFraction = ltvFraction;
    plan.strategy.loops = loops;
    // A calm price (20 % a year), so that the chance of liquidation over the year agrees with the HF's
    // level and the badge shows it (badgeCountsTheChanceOfLiquidation covers the other case).
    plan.risk.annualVolatility = 0.2;
    const PlanResult result = expectedResult(plan);
    SummaryPanel panel;
    panel.showResult(result);
    QCOMPARE(panel.riskLabel()->text(), riskText);
    const QColor expected = risk::colorFor(risk::levelForHealthFactor(result.position.healthFactor));
    QCOMPARE(panel.valueLabel(SummaryPanel::HealthFactor)->palette().color(QPalette::WindowText), expected);
    QCOMPARE(panel.valueLabel(SummaryPanel::Distance)->palette().color(QPalette::WindowText), expected);
}

void TestSummaryPanel::badgeCountsTheChanceOfLiquidation()
{
    // HF 1.55 reads "safe" by the health factor alone, but at 70 % volatility the chance of liquidation
    // within the year is 65 % (tests/model/outlook/tst_riskassessment.cpp): the badge says Danger, while
    // the HF card keeps the HF's own colour.
    Plan plan = longDefaultPlan(); // WETH held: the USD volatility below is the one that counts
    plan.strategy.mode = StrategyMode::TargetHealthFactor;
    plan.strategy.healthFactor = 1.55;
    plan.risk.annualVolatility = 0.7;
    const PlanResult result = expectedResult(plan);
    QVERIFY(risk::levelForHealthFactor(result.position.healthFactor) == risk::Level::Safe);
    SummaryPanel panel;
    panel.showResult(result);
    QCOMPARE(panel.riskLabel()->text(), QStringLiteral("Risk: Danger"));
    QVERIFY(panel.riskLabel()->toolTip().contains(QStringLiteral("chance of liquidation within 365 days")));
    QCOMPARE(panel.valueLabel(SummaryPanel::HealthFactor)->palette().color(QPalette::WindowText),
             risk::colorFor(risk::Level::Safe));
}

void TestSummaryPanel::closeNowSitsNextToEquity()
{
    const PlanResult result = expectedResult(defaultPlan());
    SummaryPanel panel;
    panel.showResult(result);
    const QString text = panel.closeNowLabel()->text();
    const double proceeds = proceedsIfClosedNowUsd(result);
    QVERIFY(proceeds < result.position.equityUsd);
    QVERIFY2(text.startsWith(QStringLiteral("if closed now ") + display::usd(proceeds)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("of equity")), qPrintable(text));
}

void TestSummaryPanel::showsTheResultInTheUsersLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("equity");
    QTest::addColumn<QString>("leverage");
    QTest::newRow("en_US") << QLocale(QLocale::English, QLocale::UnitedStates)
                           << QStringLiteral("$1,234,567.89") << QStringLiteral("2.50x");
    QTest::newRow("de_DE") << QLocale(QLocale::German, QLocale::Germany)
                           << QStringLiteral("1.234.567,89\u00a0$") << QStringLiteral("2,50x");
    // No LANG (cron, CI): the C locale has no currency format; the dollar as English writes it.
    QTest::newRow("C") << QLocale::c() << QStringLiteral("$1,234,567.89") << QStringLiteral("2.50x");
}

void TestSummaryPanel::showsTheResultInTheUsersLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, equity);
    QFETCH(QString, leverage);
    QLocale::setDefault(locale);
    PlanResult result = expectedResult(defaultPlan());
    result.position.equityUsd = 1234567.891;
    result.position.leverage = 2.5;
    SummaryPanel panel;
    panel.showResult(result);
    QCOMPARE(panel.valueLabel(SummaryPanel::Equity)->text(), equity);
    QCOMPARE(panel.valueLabel(SummaryPanel::Leverage)->text(), leverage);
}

void TestSummaryPanel::noDebtHasNoLiquidationPrice()
{
    Plan plan = defaultPlan();
    plan.strategy.loops = 0;
    SummaryPanel panel;
    panel.showResult(expectedResult(plan));
    QCOMPARE(panel.valueLabel(SummaryPanel::HealthFactor)->text(), QStringLiteral("∞"));
    QCOMPARE(panel.valueLabel(SummaryPanel::LiquidationPrice)->text(), QStringLiteral("none (no debt)"));
    QCOMPARE(panel.valueLabel(SummaryPanel::Leverage)->text(), QStringLiteral("1.00x"));
    QCOMPARE(panel.riskLabel()->text(), QStringLiteral("Risk: Safe"));
}

void TestSummaryPanel::tracksCollateralShowsRatio()
{
    Plan plan = defaultPlan();
    plan.borrow.priceModel = PriceModel::TracksCollateral;
    const PlanResult result = expectedResult(plan);
    SummaryPanel panel;
    panel.showResult(result);
    QCOMPARE(panel.titleLabel(SummaryPanel::LiquidationPrice)->text(), QStringLiteral("Liquidation ratio"));
    QCOMPARE(panel.valueLabel(SummaryPanel::LiquidationPrice)->text(),
             QLocale().toString(result.position.liquidationRatio, 'f', 4) +
                 QStringLiteral(" WETH per wstETH"));
}

void TestSummaryPanel::staleNoteShowsWhilePlanIsInvalid()
{
    SummaryPanel panel;
    panel.showResult(expectedResult(defaultPlan()));
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *note = panel.findChild<QLabel *>(QStringLiteral("summary.stale"));
    QVERIFY(!note->isVisible());
    panel.setStale(true);
    QVERIFY(note->isVisible());
    QVERIFY(!panel.valueLabel(SummaryPanel::Equity)->text().isEmpty()); // the figures stay
    panel.setStale(false);
    QVERIFY(!note->isVisible());
}

QTEST_MAIN(TestSummaryPanel)
#include "tst_summarypanel.moc"
