// Execution figures: the exit's price impact by hand, proceeds if closed now (property: at most the
// equity), opening + closing costs as a share of equity, the report's `execution` section and the plan
// file's `priceImpact` object.
#include "execution.h"
#include "marketregistry.h"
#include "planjson.h"
#include "report.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace lp;

class TestExecution : public QObject {
    Q_OBJECT
private slots:
    void exitImpactByHand();
    void withoutImpactProceedsAreEquityLessCosts();
    void proceedsNeverExceedEquity();
    void tooShallowAPoolCannotClose();
    void reportSection();
    void planFileRoundTrip();
    void planFileNamesTheField();
};

using test::poolPlan;

void TestExecution::exitImpactByHand()
{
    // D = 5 + 50 / 21 B = $7,380.952... owed. The flash close sells A into the pool's $80,000 A reserve:
    // u = N R / (R - N), so the impact is u - N = N^2 / (R - N); no fee, slippage, premium or gas.
    const PlanResult r = test::compute(poolPlan());
    const double n = (5.0 + 50.0 / 21.0) * 1000.0;
    const double exitImpact = n * n / (80000.0 - n);
    const ExecutionFigures x = executionFigures(r);
    QVERIFY(x.canClose);
    LP_COMPARE_REL(x.exitImpactUsd, exitImpact, 1e-12);
    LP_COMPARE_REL(x.closingCostsUsd, exitImpact, 1e-12);
    const double y2 = 50000.0 / 21.0;
    const double entry = 5000.0 * 5000.0 / 105000.0 + y2 * y2 / (100000.0 + y2);
    LP_COMPARE_REL(x.entryImpactUsd, entry, 1e-12);
    LP_COMPARE_REL(x.proceedsIfClosedNowUsd, r.position.equityUsd - exitImpact, 1e-12);
    LP_COMPARE_REL(x.costShareOfEquity, (entry + exitImpact) / r.position.equityUsd, 1e-12);
    // Equity by hand: C = 10 + (5,000 - i1 + y2 - i2) / 1,000 A, D = n / 1,000 B.
    LP_COMPARE_REL(x.equityUsd, 10000.0 + 5000.0 + y2 - entry - n, 1e-12);
}

void TestExecution::withoutImpactProceedsAreEquityLessCosts()
{
    // The fixture plan has no impact model: no impact either way; proceeds = equity - closing costs.
    const PlanResult r = test::compute(test::fixturePlan());
    const ExecutionFigures x = executionFigures(r);
    QCOMPARE(x.entryImpactUsd, 0.0);
    QCOMPARE(x.exitImpactUsd, 0.0);
    QVERIFY(x.closingCostsUsd > 0.0);
    LP_COMPARE_REL(x.proceedsIfClosedNowUsd, r.position.equityUsd - x.closingCostsUsd, 1e-15);
}

void TestExecution::proceedsNeverExceedEquity()
{
    // Property: over random plans, pools and costs, closing now never pays more than the equity, and a
    // pool with impact never pays more than the same plan without it.
    QRandomGenerator rng(1717);
    int closed = 0;
    for (int i = 0; i < 300; ++i) {
        Plan p = poolPlan();
        p.strategy.loops = rng.bounded(0, 8);
        p.strategy.ltvFraction = 0.3 + 0.7 * rng.generateDouble();
        p.costs = {rng.bounded(30.0), rng.bounded(50.0), rng.bounded(10.0), rng.bounded(2.0)};
        p.execution = rng.bounded(2) ? Execution::FlashLoan : Execution::Loop;
        const double depth = std::pow(10.0, 3.0 + 5.0 * rng.generateDouble());
        p.priceImpact = rng.bounded(2) ? PriceImpact{ImpactModel::ConstantProduct, depth,
                                                     depth * (0.5 + rng.generateDouble()), 0.0}
                                       : PriceImpact{ImpactModel::DepthAtOnePercent, 0, 0, depth};
        const Expected<PlanResult> r = computePlan(p);
        if (!r)
            continue;
        const ExecutionFigures x = executionFigures(*r);
        if (!x.canClose)
            continue;
        ++closed;
        QVERIFY2(x.proceedsIfClosedNowUsd <= x.equityUsd, qPrintable(QString::number(i)));
        QVERIFY(x.exitImpactUsd >= 0.0 && x.entryImpactUsd >= 0.0);
    }
    QVERIFY(closed > 200);
}

void TestExecution::tooShallowAPoolCannotClose()
{
    // $7,381 owed against an A reserve of $7,000: the pool cannot pay it, so there are no proceeds.
    Plan p = poolPlan();
    p.priceImpact.reserveAUsd = 7000.0;
    const ExecutionFigures x = executionFigures(test::compute(p));
    QVERIFY(!x.canClose);
    QVERIFY(std::isnan(x.proceedsIfClosedNowUsd));
    QVERIFY(std::isnan(x.costShareOfEquity));
}

void TestExecution::reportSection()
{
    const PlanResult r = test::compute(poolPlan());
    const QJsonObject report = reportJson(r, MarketRegistry::builtIn());
    const QJsonObject e = report.value(QStringLiteral("execution")).toObject();
    const ExecutionFigures x = executionFigures(r);
    QCOMPARE(e.value(QStringLiteral("entryImpactUsd")).toDouble(), x.entryImpactUsd);
    QCOMPARE(e.value(QStringLiteral("exitImpactUsd")).toDouble(), x.exitImpactUsd);
    QCOMPARE(e.value(QStringLiteral("proceedsIfClosedNowUsd")).toDouble(), x.proceedsIfClosedNowUsd);
    QCOMPARE(e.value(QStringLiteral("costShareOfEquity")).toDouble(), x.costShareOfEquity);
    QVERIFY(x.entryImpactUsd > 0 && x.exitImpactUsd > x.entryImpactUsd); // one large exit swap
    const QString text = reportText(r, MarketRegistry::builtIn());
    QVERIFY(text.contains(QStringLiteral("Entry price impact")));
    QVERIFY(text.contains(QStringLiteral("Proceeds if closed now")));
}

void TestExecution::planFileRoundTrip()
{
    const MarketRegistry &markets = MarketRegistry::builtIn();
    for (const PriceImpact &impact : {PriceImpact{ImpactModel::ConstantProduct, 8e5, 1e6, 0.0},
                                      PriceImpact{ImpactModel::DepthAtOnePercent, 0, 0, 2.5e5}}) {
        Plan p = poolPlan();
        p.priceImpact = impact;
        const QJsonObject json = planToJson(p, markets);
        QCOMPARE(
            json.value(QStringLiteral("priceImpact")).toObject().value(QStringLiteral("model")).toString(),
            toString(impact.model));
        const Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), markets);
        QVERIFY2(read.hasValue(), qPrintable(formatErrors(read ? ValidationErrors() : read.errors())));
        QVERIFY(read->priceImpact == impact);
    }
    // A plan without impact keeps its shape (no priceImpact object), and one from before reads as none.
    Plan none = poolPlan();
    none.priceImpact = {};
    const QJsonObject json = planToJson(none, markets);
    QVERIFY(!json.contains(QStringLiteral("priceImpact")));
    const Expected<Plan> old = parsePlan(QJsonDocument(json).toJson(), markets);
    QVERIFY(old.hasValue());
    QVERIFY(old->priceImpact.model == ImpactModel::None);
}

void TestExecution::planFileNamesTheField()
{
    const MarketRegistry &markets = MarketRegistry::builtIn();
    QJsonObject json = planToJson(poolPlan(), markets);
    QJsonObject impact = json.value(QStringLiteral("priceImpact")).toObject();
    impact[QStringLiteral("model")] = QStringLiteral("uniswap");
    json[QStringLiteral("priceImpact")] = impact;
    Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), markets);
    QVERIFY(!read.hasValue());
    QCOMPARE(read.errors().value(0).field, QStringLiteral("priceImpact.model"));

    impact[QStringLiteral("model")] = QStringLiteral("constantProduct");
    impact.remove(QStringLiteral("reserveAUsd"));
    json[QStringLiteral("priceImpact")] = impact;
    read = parsePlan(QJsonDocument(json).toJson(), markets);
    QVERIFY(!read.hasValue());
    QCOMPARE(read.errors().value(0).field, QStringLiteral("priceImpact.reserveAUsd"));
    QVERIFY(read.errors().value(0).message.contains(QStringLiteral("constant-product")));

    impact = QJsonObject{{QStringLiteral("model"), QStringLiteral("depthAtOnePercent")},
                         {QStringLiteral("depthUsd"), -5.0}};
    json[QStringLiteral("priceImpact")] = impact;
    read = parsePlan(QJsonDocument(json).toJson(), markets);
    QVERIFY(!read.hasValue());
    QCOMPARE(read.errors().value(0).field, QStringLiteral("priceImpact.depthUsd"));
}

QTEST_GUILESS_MAIN(TestExecution)
#include "tst_execution.moc"
