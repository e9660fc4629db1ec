// Teaching mode frames: every balance, HF and liquidation price must be the engine's (loop steps,
// positionFigures, the falling-path liquidator and the close simulator), and the story must follow them.
#include "closing.h"
#include "engine.h"
#include "teaching.h"
#include "testutil.h"

#include <QLocale>
#include <QTest>

#include <cmath>

using namespace lp;

class TestTeaching : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void framesFollowTheLoopSteps();
    void stepsBackAndForthAreStable();
    void monitorFrameIsThePosition();
    void closeFrameIsTheCloseSimulator();
    void flashLoanIsOneFrame();
    void whatIfAboveLiquidation();
    void whatIfThroughLiquidation();
    void whatIfUpIsNeverLiquidated();
    void formulasAreSubstituted();
};

void TestTeaching::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTeaching::framesFollowTheLoopSteps()
{
    const PlanResult r = test::compute(test::fixturePlan());
    const std::vector<TeachingFrame> frames = teachingFrames(r);
    // Deposit, 3 x (borrow, swap, supply), monitor, close.
    QCOMPARE(frames.size(), size_t(12));
    QCOMPARE(frames.front().stage, TeachingStage::Deposit);
    QCOMPARE(frames.front().collateral, 10.0);
    QCOMPARE(frames.front().debt, 0.0);
    QVERIFY(std::isinf(frames.front().healthFactor));
    QVERIFY(std::isnan(frames.front().liquidationPriceUsd));
    const auto &steps = r.opened.steps;
    for (int k = 1; k <= 3; ++k) {
        const TeachingFrame &borrow = frames[size_t(3 * k - 2)];
        const TeachingFrame &swap = frames[size_t(3 * k - 1)];
        const TeachingFrame &supply = frames[size_t(3 * k)];
        const LoopStep &s = steps[size_t(k)];
        const LoopStep &before = steps[size_t(k - 1)];
        QCOMPARE(borrow.stage, TeachingStage::Borrow);
        QCOMPARE(swap.stage, TeachingStage::Swap);
        QCOMPARE(supply.stage, TeachingStage::Supply);
        QCOMPARE(borrow.loop, k);
        // Borrowed, not yet swapped: the B is in the wallet, the debt already counts.
        QCOMPARE(borrow.walletB, s.borrowed);
        QCOMPARE(borrow.collateral, before.collateral);
        QCOMPARE(borrow.debt, s.debt);
        QCOMPARE(borrow.healthFactor, healthFactor(before.collateral, s.debt, 3500, 3000, 0.8));
        QCOMPARE(swap.walletB, 0.0);
        QCOMPARE(swap.walletA, s.swappedToCollateral);
        // Supplied: exactly the engine's step.
        QCOMPARE(supply.collateral, s.collateral);
        QCOMPARE(supply.debt, s.debt);
        QCOMPARE(supply.healthFactor, s.healthFactor);
        QCOMPARE(supply.liquidationPriceUsd, s.liquidationPriceUsd);
        QCOMPARE(supply.leverage, s.leverage);
        QCOMPARE(supply.ltv, s.ltv);
        QCOMPARE(supply.collateralUsd, s.collateralUsd);
        QCOMPARE(supply.debtUsd, s.debtUsd);
        // The wallet is part of what the user owns: equity only drops by the swap costs in between.
        LP_COMPARE_REL(borrow.equityUsd, before.equityUsd, 1e-12);
        LP_COMPARE_REL(swap.equityUsd, before.equityUsd - s.swapFeeUsd - s.slippageUsd, 1e-12);
        LP_COMPARE_REL(supply.equityUsd, swap.equityUsd, 1e-12);
        // Each borrow lowers HF; supplying raises it again.
        QVERIFY(borrow.healthFactor < supply.healthFactor);
    }
}

void TestTeaching::stepsBackAndForthAreStable()
{
    // Frames are values: recomputing gives the same sequence (a stepper going back shows what it showed).
    const PlanResult r = test::compute(test::fixturePlan());
    const std::vector<TeachingFrame> once = teachingFrames(r);
    const std::vector<TeachingFrame> again = teachingFrames(r);
    QCOMPARE(once.size(), again.size());
    for (size_t i = 0; i < once.size(); ++i) {
        QCOMPARE(once[i].title, again[i].title);
        QCOMPARE(once[i].collateral, again[i].collateral);
        QCOMPARE(once[i].debt, again[i].debt);
    }
}

void TestTeaching::monitorFrameIsThePosition()
{
    const PlanResult r = test::compute(test::fixturePlan());
    const TeachingFrame m = teachingFrames(r)[10];
    QCOMPARE(m.stage, TeachingStage::Monitor);
    QCOMPARE(m.healthFactor, r.position.healthFactor);
    QCOMPARE(m.liquidationPriceUsd, r.position.liquidationPriceUsd);
    QCOMPARE(m.equityUsd, r.position.equityUsd);
    // P&L at spot is minus the opening costs: $80.39 for the fixture (tst_pricesweep).
    LP_COMPARE_REL(m.pnlUsd, -r.opened.costs.totalUsd(), 1e-9);
    QCOMPARE(m.holdPnlUsd, 0.0);
    QCOMPARE(m.formulas.size(), 3);
}

void TestTeaching::closeFrameIsTheCloseSimulator()
{
    const PlanResult r = test::compute(test::fixturePlan());
    const TeachingFrame c = teachingFrames(r).back();
    const CloseResult close = simulateClose(r.plan, r.opened).value();
    QCOMPARE(c.stage, TeachingStage::Close);
    QCOMPARE(c.collateral, 0.0);
    QCOMPARE(c.debt, 0.0);
    QCOMPARE(c.walletA, close.walkAwayCollateral);
    QCOMPARE(c.equityUsd, close.walkAwayUsd);
    QCOMPARE(c.pnlUsd, close.pnlUsd);
    QCOMPARE(c.holdPnlUsd, close.holdPnlUsd);
    QVERIFY(c.story.startsWith(QStringLiteral("By day 365 ")));
}

void TestTeaching::flashLoanIsOneFrame()
{
    Plan p = test::fixturePlan();
    p.execution = Execution::FlashLoan;
    const PlanResult r = test::compute(p);
    const std::vector<TeachingFrame> frames = teachingFrames(r);
    QCOMPARE(frames.size(), size_t(4));
    QCOMPARE(frames[1].stage, TeachingStage::FlashLoan);
    QCOMPARE(frames[1].collateral, r.opened.collateral);
    QCOMPARE(frames[1].debt, r.opened.debt);
    QCOMPARE(frames[1].healthFactor, r.position.healthFactor);
}

void TestTeaching::whatIfAboveLiquidation()
{
    // -20 %: $2,800 is above the liquidation price $2,581.72, so nothing is liquidated and HF scales
    // with the price: 1.355683571318859 x 0.8.
    const PlanResult r = test::compute(test::fixturePlan());
    const TeachingFrame f = whatIfFrame(r, -0.2);
    QCOMPARE(f.stage, TeachingStage::Monitor);
    QVERIFY(f.liquidations.empty());
    QCOMPARE(f.priceAUsd, 2800.0);
    LP_COMPARE_REL(f.healthFactor, 1.355683571318859 * 0.8, 1e-12);
    QCOMPARE(f.collateral, r.opened.collateral);
    // P&L = C x 2800 - D x 3000 - (35,000 + 5 gas); holding 10 wstETH loses 10 x 700 = 7,000.
    LP_COMPARE_REL(f.pnlUsd, r.opened.collateral * 2800 - r.opened.debt * 3000 - 35005.0, 1e-12);
    QCOMPARE(f.holdPnlUsd, -7000.0);
}

void TestTeaching::whatIfThroughLiquidation()
{
    // -30 %: $2,450 is below $2,581.72. At the crossing HF = 1 > 0.95, so the close factor is 50 %:
    // repaid D/2 = 8.379974305229335 WETH, seized D/2 x 3000 x 1.05 / 2581.72 wstETH. After it the
    // liquidation price is (D/2) 3000 / ((C - seized) 0.8) = $2,225.6, below $2,450: one call only.
    const PlanResult r = test::compute(test::fixturePlan());
    const TeachingFrame f = whatIfFrame(r, -0.3);
    QCOMPARE(f.stage, TeachingStage::Liquidation);
    QCOMPARE(f.liquidations.size(), size_t(1));
    const double c = r.opened.collateral;
    const double d = r.opened.debt;
    const double pLiq = d * 3000 / (c * 0.8);
    const LiquidationEvent &e = f.liquidations.front();
    LP_COMPARE_REL(e.priceUsd, pLiq, 1e-12);
    QCOMPARE(e.closeFactor, 0.5);
    LP_COMPARE_REL(e.debtRepaid, d / 2, 1e-12);
    const double seized = d / 2 * 3000 * 1.05 / pLiq;
    LP_COMPARE_REL(e.collateralSeized, seized, 1e-12);
    // The bonus lost: 5 % of the repaid value, 8.379974305229335 x 3000 x 0.05 = $1,256.996.
    LP_COMPARE_REL(e.penaltyUsd, d / 2 * 3000 * 0.05, 1e-9);
    LP_COMPARE_REL(f.collateral, c - seized, 1e-12);
    LP_COMPARE_REL(f.debt, d / 2, 1e-12);
    LP_COMPARE_REL(f.healthFactor, (c - seized) * 2450 * 0.8 / (d / 2 * 3000), 1e-12);
    QVERIFY(f.healthFactor > 1.0);
    QVERIFY(f.story.contains(QStringLiteral("$1,257.00")));
}

void TestTeaching::whatIfUpIsNeverLiquidated()
{
    const PlanResult r = test::compute(test::fixturePlan());
    double lastHf = 0;
    for (double change : {-0.25, 0.0, 0.1, 0.5}) {
        const TeachingFrame f = whatIfFrame(r, change);
        QCOMPARE(f.stage, TeachingStage::Monitor);
        QVERIFY(f.healthFactor > lastHf); // HF rises with the price
        lastHf = f.healthFactor;
    }
}

void TestTeaching::formulasAreSubstituted()
{
    const PlanResult r = test::compute(test::fixturePlan());
    const std::vector<TeachingFrame> frames = teachingFrames(r);
    // Deposit: 10 x 3,500 = 35,000; 75 % of it = 26,250.
    QCOMPARE(frames[0].formulas.at(0),
             QStringLiteral("CV = C × PA = 10.0000 wstETH × $3,500.00 = $35,000.00"));
    QCOMPARE(frames[0].formulas.at(1),
             QStringLiteral("Borrowing power = CV × LTV max = $35,000.00 × 75.00 % = $26,250.00"));
    // Loop 1 swap: k = 0.9995 x 0.999 = 0.9985005; 7.875 x 3000 x 0.9985005 / 3500 = 6.739878 wstETH.
    QCOMPARE(frames[2].formulas.at(0),
             QStringLiteral("k = (1 − fee)(1 − slippage) = (1 − 0.05 %)(1 − 0.10 %) = 99.85 %"));
    QCOMPARE(frames[2].formulas.at(1),
             QStringLiteral("Bought = borrowed × PB × k / PA = 7.8750 WETH × $3,000.00 "
                            "× 99.85 % / $3,500.00 = 6.7399 wstETH"));
    // Loop 3 supplied: HF = 24.3441 x 3500 x 0.8 / (16.7599 x 3000) = 1.3557.
    QCOMPARE(frames[9].formulas.at(2),
             QStringLiteral("HF = C × PA × LT / (D × PB) = 24.3441 wstETH × $3,500.00 "
                            "× 0.80 / (16.7599 WETH × $3,000.00) = 1.36"));
}

QTEST_GUILESS_MAIN(TestTeaching)
#include "tst_teaching.moc"
