// PlanSession: recompute on change, signal results, keep the last valid result on bad input.
#include "cappedmarket.h"
#include "plansession.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>

using namespace lp;

class TestPlanSession : public QObject {
    Q_OBJECT
private slots:
    void startsWithAValidDefaultResult();
    void recomputesAndSignalsOnChange();
    void unchangedPlanDoesNotRecompute();
    void invalidPlanKeepsLastResult();
    void impossibleTargetIsAnError();
    void planAboveTheBorrowCapIsAnError();
};

void TestPlanSession::startsWithAValidDefaultResult()
{
    PlanSession s;
    QVERIFY(s.isValid());
    QVERIFY(s.result());
    QCOMPARE(s.plan(), defaultPlan());
    QCOMPARE(s.result()->sweep.points.size(), size_t(2001));
}

void TestPlanSession::recomputesAndSignalsOnChange()
{
    PlanSession s;
    QSignalSpy results(&s, &PlanSession::resultChanged);
    QSignalSpy plans(&s, &PlanSession::planChanged);
    Plan p = s.plan();
    p.strategy.loops = 5;
    s.setPlan(p);
    QCOMPARE(results.count(), 1);
    QCOMPARE(plans.count(), 1);
    const auto result = results.at(0).at(0).value<std::shared_ptr<const PlanResult>>();
    QCOMPARE(result->opened.loops, 5);
    QCOMPARE(s.result()->opened.loops, 5);
}

void TestPlanSession::unchangedPlanDoesNotRecompute()
{
    PlanSession s;
    QSignalSpy results(&s, &PlanSession::resultChanged);
    s.setPlan(s.plan());
    QCOMPARE(results.count(), 0);
}

void TestPlanSession::invalidPlanKeepsLastResult()
{
    PlanSession s;
    const auto before = s.result();
    QSignalSpy results(&s, &PlanSession::resultChanged);
    QSignalSpy errors(&s, &PlanSession::errorsChanged);
    Plan p = s.plan();
    const double validThreshold = p.collateral.liquidationThreshold;
    p.collateral.liquidationThreshold = 0.5; // below the default's ltv
    s.setPlan(p);
    QCOMPARE(results.count(), 0);
    QCOMPARE(errors.count(), 1);
    QVERIFY(!s.isValid());
    QCOMPARE(s.errors().first().field, QStringLiteral("collateral.liquidationThreshold"));
    QCOMPARE(s.result(), before);
    QCOMPARE(s.plan(), p); // the user's input is kept, not reverted
    p.collateral.liquidationThreshold = validThreshold;
    s.setPlan(p);
    QVERIFY(s.isValid());
    QCOMPARE(results.count(), 1);
    QVERIFY(errors.last().at(0).value<ValidationErrors>().isEmpty());
}

void TestPlanSession::impossibleTargetIsAnError()
{
    PlanSession s;
    Plan p = s.plan();
    p.strategy.mode = StrategyMode::TargetLeverage;
    p.strategy.leverage = 10;
    s.setPlan(p);
    QVERIFY(!s.isValid());
    QCOMPARE(s.errors().first().field, QStringLiteral("strategy.leverage"));
}

void TestPlanSession::planAboveTheBorrowCapIsAnError()
{
    // Borrow cap 1,000 WETH with 990 borrowed leaves 10; the fixture plan borrows 16.75994861045867 WETH,
    // so the largest deposit that fits is 10 x 10 / 16.75994861045867 = 5.9666054 wstETH
    // (tests/model/market/tst_marketlimits.cpp).
    const MarketRegistry markets =
        test::registryWith(test::reserve(QStringLiteral("wstETH"), 0, 0, 100, 0, 100),
                           test::reserve(QStringLiteral("WETH"), 0, 1000, 2000, 990, 1010));
    PlanSession s;
    s.setMarkets(&markets);
    const auto before = s.result();
    QSignalSpy results(&s, &PlanSession::resultChanged);
    Plan p = test::fixturePlan();
    p.market = QStringLiteral("capped");
    s.setPlan(p);
    QVERIFY(!s.isValid());
    QCOMPARE(results.count(), 0);
    QCOMPARE(s.result(), before);
    QCOMPARE(s.errors().size(), 1);
    QCOMPARE(s.errors().first().field, QStringLiteral("deposit"));
    const QString text = s.errors().first().message;
    QVERIFY2(text.contains(QStringLiteral("borrow cap of WETH")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("largest deposit that fits is 5.9666054 wstETH")),
             qPrintable(text));

    p.deposit = 5.9;
    s.setPlan(p);
    QVERIFY(s.isValid());
    QCOMPARE(results.count(), 1);
    // Without markets the same plan is not limited.
    PlanSession free;
    p.deposit = 10.0;
    free.setPlan(p);
    QVERIFY(free.isValid());
}

QTEST_GUILESS_MAIN(TestPlanSession)
#include "tst_plansession.moc"
