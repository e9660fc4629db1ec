// Teaching mode in the real window, offscreen: stepping forward and back shows the engine's loop steps,
// the what-if slider plays the liquidation, and the stepper exports PNGs (LP_SCREENSHOT_DIR writes the
// README's pictures).
#include "engine.h"
#include "glossarydialog.h"
#include "mainwindow.h"
#include "plansession.h"
#include "riskstyle.h"
#include "teachingcanvas.h"
#include "teachingwindow.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lp;

class TestTeachingWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void stepsThroughTheEngineLoopSteps();
    void keyboardAndButtonsStep();
    void keysWorkWhereverTheFocusIs();
    void escapeCloses();
    void thresholdIsNamedAndBandsHaveALegend();
    void ownLineClearsTheTallestBarsLabel();
    void largeTextFitsEveryLabel();
    void whatIfCrossesLiquidation();
    void followsPlanEdits();
    void playAdvancesAndStopsAtTheEnd();
    void largeTextAndExport();
    void openedFromTheHelpMenu();
    void glossaryHasTheTerms();
    void screenshots();

private:
    std::unique_ptr<PlanSession> m_session;
    std::unique_ptr<TeachingWindow> m_window;
};

void TestTeachingWindow::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_session = std::make_unique<PlanSession>();
    m_session->setPlan(test::fixturePlan());
    m_window = std::make_unique<TeachingWindow>(m_session.get());
    m_window->setAnimationsEnabled(false);
}

void TestTeachingWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
}

void TestTeachingWindow::stepsThroughTheEngineLoopSteps()
{
    const PlanResult r = *m_session->result();
    QCOMPARE(m_window->frameCount(), 12); // deposit, 3 x (borrow, swap, supply), monitor, close
    QCOMPARE(m_window->currentIndex(), 0);
    // Forward through the 3 loops: every "supply" frame shows the engine's step, and so does the canvas.
    for (int k = 1; k <= 3; ++k) {
        for (int i = 0; i < 3; ++i)
            m_window->next();
        const TeachingFrame &f = m_window->currentFrame();
        const LoopStep &s = r.opened.steps[size_t(k)];
        QCOMPARE(f.stage, TeachingStage::Supply);
        QCOMPARE(f.collateral, s.collateral);
        QCOMPARE(f.debt, s.debt);
        QCOMPARE(f.healthFactor, s.healthFactor);
        QCOMPARE(f.liquidationPriceUsd, s.liquidationPriceUsd);
        QCOMPARE(m_window->canvas()->shown().collateralUsd, s.collateralUsd);
        QCOMPARE(m_window->canvas()->shown().debtUsd, s.debtUsd);
        QCOMPARE(m_window->canvas()->shown().liquidationPriceUsd, s.liquidationPriceUsd);
        QCOMPARE(m_window->storyLabel()->text(), f.story);
        QVERIFY(m_window->formulaLabel()->text().contains(QStringLiteral("HF = C × PA × LT / (D × PB)")));
    }
    // And back again: loop 2 supplied, then loop 2 borrowed (debt of loop 2 on loop 1's collateral).
    m_window->previous();
    m_window->previous();
    m_window->previous();
    QCOMPARE(m_window->currentFrame().collateral, r.opened.steps[2].collateral);
    m_window->previous();
    m_window->previous();
    QCOMPARE(m_window->currentFrame().stage, TeachingStage::Borrow);
    QCOMPARE(m_window->currentFrame().collateral, r.opened.steps[1].collateral);
    QCOMPARE(m_window->currentFrame().debt, r.opened.steps[2].debt);
    QCOMPARE(m_window->currentFrame().walletB, r.opened.steps[2].borrowed);
    // Never past either end.
    m_window->setCurrentIndex(-5);
    QCOMPARE(m_window->currentIndex(), 0);
    m_window->setCurrentIndex(99);
    QCOMPARE(m_window->currentIndex(), 11);
    QCOMPARE(m_window->currentFrame().stage, TeachingStage::Close);
}

void TestTeachingWindow::keyboardAndButtonsStep()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QTest::keyClick(m_window.get(), Qt::Key_Right);
    QCOMPARE(m_window->currentIndex(), 2);
    QTest::keyClick(m_window.get(), Qt::Key_Left);
    QCOMPARE(m_window->currentIndex(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_End);
    QCOMPARE(m_window->currentIndex(), 11);
    QTest::keyClick(m_window.get(), Qt::Key_Home);
    QCOMPARE(m_window->currentIndex(), 0);
    m_window->findChild<QPushButton *>(QStringLiteral("teachingForward"))->click();
    QCOMPARE(m_window->currentIndex(), 1);
}

void TestTeachingWindow::keysWorkWhereverTheFocusIs()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *forward = m_window->findChild<QPushButton *>(QStringLiteral("teachingForward"));
    auto *play = m_window->findChild<QPushButton *>(QStringLiteral("teachingPlay"));
    auto *price = m_window->findChild<QSlider *>(QStringLiteral("teachingPrice"));
    // A focused button: Right steps instead of moving the focus.
    forward->setFocus();
    QTest::keyClick(forward, Qt::Key_Right);
    QCOMPARE(m_window->currentIndex(), 1);
    QCOMPARE(QApplication::focusWidget(), forward);
    // The focused price slider: Left steps back and the price stays.
    price->setFocus();
    QTest::keyClick(price, Qt::Key_Left);
    QCOMPARE(m_window->currentIndex(), 0);
    QCOMPARE(price->value(), 0);
    // Space on a focused button plays (once, not also the button's click), and again pauses.
    forward->setFocus();
    QTest::keyClick(forward, Qt::Key_Space);
    QVERIFY(m_window->isPlaying());
    QCOMPARE(m_window->currentIndex(), 0);
    QTest::keyClick(play, Qt::Key_Space);
    QVERIFY(!m_window->isPlaying());
    QVERIFY(!play->isChecked());
}

void TestTeachingWindow::escapeCloses()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *fullScreen = m_window->findChild<QAbstractButton *>(QStringLiteral("teachingFullScreen"));
    QVERIFY(fullScreen);
    fullScreen->setChecked(true);
    QTest::keyClick(m_window->findChild<QPushButton *>(QStringLiteral("teachingBack")), Qt::Key_Escape);
    QVERIFY(!fullScreen->isChecked()); // first out of full screen
    QVERIFY(m_window->isVisible());
    QTest::keyClick(m_window->findChild<QPushButton *>(QStringLiteral("teachingBack")), Qt::Key_Escape);
    QVERIFY(!m_window->isVisible()); // then closed
}

void TestTeachingWindow::thresholdIsNamedAndBandsHaveALegend()
{
    Plan plan = test::fixturePlan();
    plan.collateral.liquidationThreshold = 0.825;
    m_session->setPlan(plan);
    const QString symbols = m_window->symbolsLabel()->text();
    QVERIFY2(symbols.contains(QStringLiteral("LT the liquidation threshold of wstETH (0.825)")),
             qPrintable(symbols));
    m_window->setCurrentIndex(0);
    QVERIFY(m_window->storyLabel()->text().contains(QStringLiteral("liquidation threshold")));
    // The legend names the three bands of the health bar in their colours, at the summary's thresholds.
    const auto legend = m_window->canvas()->gaugeLegend();
    QCOMPARE(legend.size(), 3);
    QVERIFY(legend[0].first.contains(QStringLiteral("1.1")) &&
            legend[0].first.contains(QStringLiteral("danger")));
    QVERIFY(legend[1].first.contains(QStringLiteral("1.5")) &&
            legend[1].first.contains(QStringLiteral("caution")));
    QVERIFY(legend[2].first.contains(QStringLiteral("safe")));
    QCOMPARE(legend[0].second, risk::colorFor(risk::Level::Danger));
    QCOMPARE(legend[1].second, risk::colorFor(risk::Level::Caution));
    QCOMPARE(legend[2].second, risk::colorFor(risk::Level::Safe));
}

void TestTeachingWindow::ownLineClearsTheTallestBarsLabel()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setCurrentIndex(9); // loop 3 supplied: the collateral bar at its full height
    for (bool large : {false, true}) {
        m_window->setLargeText(large);
        QTest::qWait(0);
        const TeachingCanvas *canvas = m_window->canvas();
        QCOMPARE(canvas->shown().collateralUsd, m_window->currentFrame().collateralUsd);
        const QRectF own = canvas->ownLineRect();
        const QRectF value = canvas->barValueRect(0);
        QVERIFY2(!own.intersects(value), qPrintable(QStringLiteral("you own %1..%2, value label %3..%4")
                                                        .arg(own.top())
                                                        .arg(own.bottom())
                                                        .arg(value.top())
                                                        .arg(value.bottom())));
        QVERIFY(value.top() >= own.bottom());
    }
}

void TestTeachingWindow::largeTextFitsEveryLabel()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setLargeText(true);
    for (int index : {0, 9, 10}) {
        m_window->setCurrentIndex(index);
        QTest::qWait(0);
        // The canvas gets the room its texts need at this font.
        QVERIFY(m_window->canvas()->height() >= m_window->canvas()->minimumSizeHint().height());
        QVERIFY(m_window->canvas()->width() >= m_window->canvas()->minimumSizeHint().width());
        int checked = 0;
        for (const QLabel *label : m_window->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            const QRect room = label->contentsRect();
            const QRect needed = label->fontMetrics().boundingRect(
                QRect(0, 0, room.width(), 100000), label->wordWrap() ? int(Qt::TextWordWrap) : 0,
                label->text());
            QVERIFY2(needed.width() <= room.width() + 1 && needed.height() <= room.height() + 1,
                     qPrintable(QStringLiteral("%1: needs %2x%3, has %4x%5")
                                    .arg(label->objectName(), QString::number(needed.width()),
                                         QString::number(needed.height()), QString::number(room.width()),
                                         QString::number(room.height()))));
            ++checked;
        }
        for (const QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || button->text().isEmpty())
                continue;
            const int text = button->fontMetrics().horizontalAdvance(button->text());
            QVERIFY2(button->width() >= text, qPrintable(button->text()));
            ++checked;
        }
        QVERIFY(checked >= 10);
    }
}

void TestTeachingWindow::whatIfCrossesLiquidation()
{
    const PlanResult r = *m_session->result();
    // -20 %: $2,800, above the liquidation price $2,581.72: monitoring, HF x 0.8.
    m_window->findChild<QPushButton *>(QStringLiteral("teachingMove20"))->click();
    QCOMPARE(m_window->currentIndex(), 10);
    QCOMPARE(m_window->currentFrame().stage, TeachingStage::Monitor);
    QCOMPARE(m_window->currentFrame().priceAUsd, 2800.0);
    LP_COMPARE_REL(m_window->currentFrame().healthFactor, r.position.healthFactor * 0.8, 1e-12);
    // The slider to -30 %: $2,450 crosses it, and the liquidation is played with its bonus.
    m_window->findChild<QSlider *>(QStringLiteral("teachingPrice"))->setValue(-30);
    const TeachingFrame &f = m_window->currentFrame();
    QCOMPARE(f.stage, TeachingStage::Liquidation);
    QCOMPARE(f.liquidations.size(), size_t(1));
    LP_COMPARE_REL(f.liquidations.front().priceUsd, r.position.liquidationPriceUsd, 1e-12);
    LP_COMPARE_REL(f.debt, r.opened.debt / 2, 1e-12);
    QVERIFY(m_window->storyLabel()->text().contains(QStringLiteral("liquidation bonus")));
    QCOMPARE(m_window->canvas()->shown().debtUsd, f.debtUsd);
    // Back to 0: the monitoring frame itself again.
    m_window->setPriceChange(0.0);
    QCOMPARE(m_window->currentFrame().healthFactor, r.position.healthFactor);
}

void TestTeachingWindow::followsPlanEdits()
{
    m_window->setCurrentIndex(3);
    Plan p = test::fixturePlan();
    p.strategy.loops = 1;
    m_session->setPlan(p);
    QCOMPARE(m_window->frameCount(), 6); // deposit, borrow, swap, supply, monitor, close
    QCOMPARE(m_window->currentIndex(), 3);
    QCOMPARE(m_window->currentFrame().collateral, m_session->result()->opened.steps[1].collateral);
}

void TestTeachingWindow::playAdvancesAndStopsAtTheEnd()
{
    m_window->findChild<QComboBox *>(QStringLiteral("teachingSpeed"))->setCurrentIndex(2); // 2x
    m_window->setCurrentIndex(10);
    m_window->findChild<QPushButton *>(QStringLiteral("teachingPlay"))->click();
    QVERIFY(m_window->isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->currentIndex(), 11, 6000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isPlaying(), 6000);
}

void TestTeachingWindow::largeTextAndExport()
{
    const qreal before = m_window->font().pointSizeF();
    m_window->setLargeText(true);
    QVERIFY(m_window->font().pointSizeF() > before * 1.5);
    m_window->setLargeText(false);
    QCOMPARE(m_window->font().pointSizeF(), before);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath(QStringLiteral("step.png"));
    QString error;
    QVERIFY(m_window->exportPng(png, &error));
    QFile file(png);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    // A directory that does not exist: an error, and no file.
    QVERIFY(!m_window->exportPng(dir.filePath(QStringLiteral("missing/step.png")), &error));
    QVERIFY(!error.isEmpty());
}

void TestTeachingWindow::openedFromTheHelpMenu()
{
    MainWindow main;
    TeachingWindow *teaching = main.showTeaching();
    QVERIFY(teaching);
    QCOMPARE(main.showTeaching(), teaching); // one window, raised again
    QCOMPARE(teaching->frameCount(), int(teachingFrames(*main.session()->result()).size()));
    teaching->close();
}

void TestTeachingWindow::glossaryHasTheTerms()
{
    QStringList terms;
    for (const auto &entry : GlossaryDialog::entries())
        terms << entry.first;
    for (const char *term :
         {"Health factor", "LTV (loan-to-value)", "Liquidation threshold", "Liquidation bonus",
          "Close factor", "E-mode", "Flash loan", "Slippage", "Net APY"})
        QVERIFY2(terms.contains(QString::fromUtf8(term)), term);
}

void TestTeachingWindow::screenshots()
{
    const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
    m_window->resize(1100, 760);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTemporaryDir tmp;
    const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
    QVERIFY(QDir().mkpath(dir.path()));
    QString error;
    const auto shoot = [&](const char *name) {
        QVERIFY2(m_window->exportPng(dir.filePath(QString::fromLatin1(name)), &error), qPrintable(error));
    };
    m_window->setCurrentIndex(0);
    shoot("teaching-deposit.png");
    m_window->setCurrentIndex(6); // loop 2 supplied
    QCOMPARE(m_window->currentFrame().stage, TeachingStage::Supply);
    QCOMPARE(m_window->currentFrame().loop, 2);
    shoot("teaching-loop2.png");
    m_window->setPriceChange(-0.2);
    shoot("teaching-monitor-20.png");
    m_window->setPriceChange(-0.3);
    QCOMPARE(m_window->currentFrame().stage, TeachingStage::Liquidation);
    shoot("teaching-liquidation.png");
}

QTEST_MAIN(TestTeachingWindow)
#include "tst_teachingwindow.moc"
