// Input safety in the real window: the mouse wheel changes a spin box only while it has the focus (else the
// form scrolls), and Ctrl+Z / Ctrl+Shift+Z in a field reach the plan's undo history when the field's own
// text has nothing to undo.
#include "mainwindow.h"
#include "planform.h"
#include "plansession.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

using namespace lp;

namespace {

// One notch of the wheel, up, over the middle of `w`.
void wheel(QWidget *w)
{
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TestInputGuard : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { m_window.reset(); }
    void wheelOverAnUnfocusedBoxScrollsTheFormInstead();
    void wheelChangesTheFocusedBox();
    void ctrlZInAFieldWithNothingToUndoUndoesThePlan();
    void ctrlZAfterTypingUndoesTheTextFirst();

private:
    QDoubleSpinBox *box(const char *path) const
    {
        return m_window->planForm()->findChild<QDoubleSpinBox *>(QLatin1String(path));
    }
    std::unique_ptr<MainWindow> m_window;
};

void TestInputGuard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-inputguard"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestInputGuard::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 600); // the form is taller than its scroll area
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestInputGuard::wheelOverAnUnfocusedBoxScrollsTheFormInstead()
{
    QDoubleSpinBox *price = box("borrow.priceUsd");
    QVERIFY(price && !price->hasFocus());
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("planFormScroll"));
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    QVERIFY2(bar->maximum() > 0, "the form scrolls at this height");
    bar->setValue(bar->maximum() / 2);
    const int scrolled = bar->value();
    const Plan before = m_window->session()->plan();
    wheel(price);
    QCOMPARE(m_window->session()->plan(), before);
    QCOMPARE(price->value(), before.borrow.priceUsd);
    QVERIFY(!price->hasFocus()); // the wheel does not give it the focus either
    QVERIFY2(bar->value() < scrolled, "the wheel scrolls the form");
}

void TestInputGuard::wheelChangesTheFocusedBox()
{
    QDoubleSpinBox *price = box("borrow.priceUsd");
    price->setFocus();
    QTRY_VERIFY(price->hasFocus());
    const double before = m_window->session()->plan().borrow.priceUsd;
    wheel(price);
    QVERIFY(m_window->session()->plan().borrow.priceUsd > before);
}

void TestInputGuard::ctrlZInAFieldWithNothingToUndoUndoesThePlan()
{
    QDoubleSpinBox *deposit = box("deposit");
    const Plan before = m_window->session()->plan();
    deposit->setValue(25); // a change with no typing: the field's text has no undo of its own
    QCOMPARE(m_window->session()->plan().deposit, 25.0);
    deposit->setFocus();
    QTRY_VERIFY(deposit->hasFocus());
    QTest::keyClick(deposit, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->session()->plan(), before);
    QCOMPARE(deposit->value(), before.deposit);
    QTest::keyClick(deposit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_window->session()->plan().deposit, 25.0);
}

void TestInputGuard::ctrlZAfterTypingUndoesTheTextFirst()
{
    QDoubleSpinBox *price = box("borrow.priceUsd");
    price->setFocus();
    QTRY_VERIFY(price->hasFocus());
    const Plan before = m_window->session()->plan();
    price->selectAll();
    QTest::keyClicks(price, QStringLiteral("2100"));
    QCOMPARE(m_window->session()->plan().borrow.priceUsd, 2100.0);
    // The text's own undo first (what a text field does), then the plan's: either way back to the start.
    for (int i = 0; i < 8 && m_window->session()->plan() != before; ++i)
        QTest::keyClick(price, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->session()->plan().borrow.priceUsd, before.borrow.priceUsd);
}

QTEST_MAIN(TestInputGuard)
#include "tst_inputguard.moc"
