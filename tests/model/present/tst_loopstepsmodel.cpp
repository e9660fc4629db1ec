// LoopStepsModel: the loop table's Qt model.
#include "engine.h"
#include "loopstepsmodel.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace lp;

class TestLoopStepsModel : public QObject {
    Q_OBJECT
private slots:
    void passesModelTester();
    void rawValuesAreTheEngineSteps();
    void headersNameAssetsAndUnits();
    void sameShapeUpdatesInPlace();
    void formulasInTooltips();
    void totalsOfHandMadeSteps();
    void totalsMatchThePosition();
    void totalsRowIsOptional();
};

void TestLoopStepsModel::passesModelTester()
{
    LoopStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto r = computePlan(test::fixturePlan());
    QVERIFY(r);
    model.setSteps(r->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(LoopStepsModel::ColumnCount));
    Plan p = test::fixturePlan();
    p.strategy.loops = 7;
    model.setSteps(computePlan(p)->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 8);
    model.setSteps({}, QString(), QString());
    QCOMPARE(model.rowCount(), 0);
}

void TestLoopStepsModel::rawValuesAreTheEngineSteps()
{
    const auto r = computePlan(test::fixturePlan());
    LoopStepsModel model;
    model.setSteps(r->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    const auto raw = [&](int row, LoopStepsModel::Column c) {
        return model.index(row, c).data(LoopStepsModel::RawValueRole).toDouble();
    };
    QCOMPARE(raw(3, LoopStepsModel::Collateral), r->opened.collateral);
    QCOMPARE(raw(3, LoopStepsModel::Debt), r->opened.debt);
    QCOMPARE(raw(1, LoopStepsModel::Borrowed), 7.875);
    QCOMPARE(raw(3, LoopStepsModel::HealthFactor), r->position.healthFactor);
    QCOMPARE(raw(3, LoopStepsModel::LiquidationPriceUsd), r->position.liquidationPriceUsd);
    QCOMPARE(model.index(0, LoopStepsModel::Step).data().toString(), QStringLiteral("deposit"));
    // No debt after the deposit: no liquidation price to show.
    QCOMPARE(model.index(0, LoopStepsModel::LiquidationPriceUsd).data().toString(), QStringLiteral("—"));
    QVERIFY(model.index(1, LoopStepsModel::LiquidationPriceUsd).data().toString() != QStringLiteral("—"));
    QCOMPARE(model.index(0, LoopStepsModel::HealthFactor).data().toString(), QStringLiteral("∞"));
    // Leverage 2.4397 with the display module's two decimals.
    QCOMPARE(model.index(3, LoopStepsModel::Leverage).data().toString(), QStringLiteral("2.44x"));
}

void TestLoopStepsModel::headersNameAssetsAndUnits()
{
    LoopStepsModel model;
    model.setSteps(computePlan(test::fixturePlan())->opened.steps, QStringLiteral("wstETH"),
                   QStringLiteral("WETH"));
    QCOMPARE(model.headerData(LoopStepsModel::Borrowed, Qt::Horizontal).toString(),
             QStringLiteral("Borrowed (WETH)"));
    QCOMPARE(model.headerData(LoopStepsModel::Collateral, Qt::Horizontal).toString(),
             QStringLiteral("Collateral (wstETH)"));
    QCOMPARE(model.headerData(LoopStepsModel::DebtUsd, Qt::Horizontal).toString(),
             QStringLiteral("Debt ($)"));
}

void TestLoopStepsModel::sameShapeUpdatesInPlace()
{
    LoopStepsModel model;
    Plan p = test::fixturePlan();
    model.setSteps(computePlan(p)->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    p.collateral.priceUsd = 3600;
    model.setSteps(computePlan(p)->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    p.strategy.loops = 4;
    model.setSteps(computePlan(p)->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(reset.count(), 1);
}

void TestLoopStepsModel::formulasInTooltips()
{
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    LoopStepsModel model;
    const auto r = computePlan(test::fixturePlan());
    QVERIFY(r);
    model.setSteps(r->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    for (int c = 0; c < LoopStepsModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(model.headerData(LoopStepsModel::HealthFactor, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("HF = CV × LT / DV")));
    // Loop 1: CV = 16.739878 x 3500 = 58,589.57; DV = 7.875 x 3000 = 23,625; LTV = 40.32 %, L = 1.68x.
    QCOMPARE(model.index(1, LoopStepsModel::Ltv).data(Qt::ToolTipRole).toString(),
             QStringLiteral("LTV = DV / CV = $23,625.00 / $58,589.57 = 40.32 %"));
    QCOMPARE(model.index(1, LoopStepsModel::Leverage).data(Qt::ToolTipRole).toString(),
             QStringLiteral("L = CV / (CV − DV) = $58,589.57 / ($58,589.57 − $23,625.00) = 1.68x"));
    QCOMPARE(model.index(1, LoopStepsModel::EquityUsd).data(Qt::ToolTipRole).toString(),
             QStringLiteral("E = CV − DV = $58,589.57 − $23,625.00 = $34,964.57"));
    QLocale::setDefault(saved);
}

void TestLoopStepsModel::totalsOfHandMadeSteps()
{
    // Three steps with round numbers: borrowed 0 + 2.5 + 1.25 = 3.75; bought 0 + 2 + 1 = 3;
    // costs (fee + slippage + premium) 0 + (3 + 1 + 0) + (1.5 + 0.5 + 0.25) = 6.25.
    std::vector<LoopStep> steps(3);
    steps[1].borrowed = 2.5;
    steps[1].swappedToCollateral = 2;
    steps[1].swapFeeUsd = 3;
    steps[1].slippageUsd = 1;
    steps[2].borrowed = 1.25;
    steps[2].swappedToCollateral = 1;
    steps[2].swapFeeUsd = 1.5;
    steps[2].slippageUsd = 0.5;
    steps[2].flashPremiumUsd = 0.25;
    const LoopStepsModel::Totals t = LoopStepsModel::totals(steps);
    QCOMPARE(t.borrowed, 3.75);
    QCOMPARE(t.bought, 3.0);
    QCOMPARE(t.costsUsd, 6.25);
    QCOMPARE(LoopStepsModel::rawValue(steps[2], LoopStepsModel::CostsUsd), 2.25);
    const LoopStepsModel::Totals none = LoopStepsModel::totals({});
    QCOMPARE(none.borrowed, 0.0);
    QCOMPARE(none.costsUsd, 0.0);
}

void TestLoopStepsModel::totalsMatchThePosition()
{
    // Properties of any looped plan: the debt is everything borrowed, the collateral is the deposit plus
    // everything bought, and the steps' costs are the opening costs without gas. Checked from 0 to 12 loops.
    for (int loops = 0; loops <= 12; ++loops) {
        Plan p = test::fixturePlan();
        p.strategy.loops = loops;
        const auto r = computePlan(p);
        QVERIFY(r);
        const LoopStepsModel::Totals t = LoopStepsModel::totals(r->opened.steps);
        LP_COMPARE_REL(t.borrowed, r->opened.debt, 1e-12);
        LP_COMPARE_REL(t.bought + p.deposit, r->opened.collateral, 1e-12);
        const OpeningCosts &c = r->opened.costs;
        LP_COMPARE_REL(t.costsUsd, c.swapFeesUsd + c.slippageUsd + c.flashPremiumUsd, 1e-12);
    }
}

void TestLoopStepsModel::totalsRowIsOptional()
{
    LoopStepsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto r = computePlan(test::fixturePlan());
    model.setSteps(r->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 4);
    model.setShowTotals(true);
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.isTotalsRow(4));
    QVERIFY(!model.isTotalsRow(3));
    QVERIFY(model.index(4, 0).data(LoopStepsModel::TotalsRowRole).toBool());
    QVERIFY(!model.index(3, 0).data(LoopStepsModel::TotalsRowRole).isValid());
    QCOMPARE(model.index(4, LoopStepsModel::Step).data().toString(), QStringLiteral("Total"));
    const LoopStepsModel::Totals t = LoopStepsModel::totals(r->opened.steps);
    QCOMPARE(model.index(4, LoopStepsModel::Borrowed).data(LoopStepsModel::RawValueRole).toDouble(),
             t.borrowed);
    QCOMPARE(model.index(4, LoopStepsModel::CostsUsd).data(LoopStepsModel::RawValueRole).toDouble(),
             t.costsUsd);
    // A state column has no total.
    QVERIFY(!model.index(4, LoopStepsModel::HealthFactor).data(LoopStepsModel::RawValueRole).isValid());
    QVERIFY(model.index(4, LoopStepsModel::HealthFactor).data().toString().isEmpty());
    // In-place updates keep the totals row; an empty plan has none.
    Plan p = test::fixturePlan();
    p.collateral.priceUsd = 3600;
    model.setSteps(computePlan(p)->opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.rowCount(), 5);
    model.setSteps({}, QString(), QString());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestLoopStepsModel)
#include "tst_loopstepsmodel.moc"
