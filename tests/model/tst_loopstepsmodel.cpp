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
    QCOMPARE(model.index(3, LoopStepsModel::Leverage).data().toString(), QStringLiteral("2.440x"));
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

QTEST_GUILESS_MAIN(TestLoopStepsModel)
#include "tst_loopstepsmodel.moc"
