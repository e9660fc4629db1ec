// Help > About (ui/aboutdialog.h) and the window's keyboard conventions: the disclaimer, the version the
// CLI prints, the Qt version; every menu and menu item reachable by a mnemonic, the toolbar's standard
// actions and shortcuts, status tips, and the plan form's tab order.
#include "aboutdialog.h"
#include "editactions.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "planform.h"
#include "uitestutil.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>

using namespace lp;

class TestAboutDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void textHasVersionQtAndDisclaimer();
    void helpMenuOpensIt();
    void everyMenuAndItemHasAMnemonic();
    void toolbarHoldsTheStandardActions();
    void formTabOrderFollowsTheLayout();
};

void TestAboutDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-aboutdialog"));
}

void TestAboutDialog::textHasVersionQtAndDisclaimer()
{
    const QString text = AboutDialog::text();
    QVERIFY(!versionString().isEmpty());
    QVERIFY(text.contains(QStringLiteral("Leverage Planner ") + versionString()));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    const QString disclaimer = AboutDialog::disclaimer();
    QVERIFY(disclaimer.contains(QStringLiteral("lose the whole deposit")));
    QVERIFY(disclaimer.contains(QStringLiteral("not financial advice")));
    QVERIFY(disclaimer.contains(QStringLiteral("estimates computed from the market parameters you enter")));
    QVERIFY(text.contains(disclaimer.toHtmlEscaped()));
}

void TestAboutDialog::helpMenuOpensIt()
{
    MainWindow window;
    auto *about = window.findChild<QAction *>(QStringLiteral("actionAbout"));
    QVERIFY(about);
    QString shown;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<AboutDialog *>(QApplication::activeModalWidget())) {
            shown = dialog->findChild<QLabel *>(QStringLiteral("aboutText"))->text();
            dialog->reject();
        }
    });
    closer.start(20);
    about->trigger(); // modal: returns once the timer closed it
    closer.stop();
    QCOMPARE(shown, AboutDialog::text());
    bool aboutQt = false;
    for (QAction *action : window.findChildren<QAction *>())
        aboutQt |= action->text() == QStringLiteral("About &Qt");
    QVERIFY(aboutQt);
}

void TestAboutDialog::everyMenuAndItemHasAMnemonic()
{
    MainWindow window;
    const QList<QMenu *> menus = window.menuBar()->findChildren<QMenu *>();
    QVERIFY(menus.size() >= 5);
    const auto hasMnemonic = [](const QString &text) {
        const qsizetype amp =
            QString(text).replace(QStringLiteral("&&"), QString()).indexOf(QLatin1Char('&'));
        return amp >= 0;
    };
    for (QAction *top : window.menuBar()->actions())
        QVERIFY2(hasMnemonic(top->text()), qPrintable(top->text()));
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        QSet<QChar> keys;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            QVERIFY2(hasMnemonic(action->text()),
                     qPrintable(menu->title() + QStringLiteral(" > ") + action->text()));
            // No two items of one menu on the same key.
            const QString text = QString(action->text()).replace(QStringLiteral("&&"), QString());
            const QChar key = text.at(text.indexOf(QLatin1Char('&')) + 1).toLower();
            QVERIFY2(!keys.contains(key), qPrintable(menu->title() + QStringLiteral(": ") + action->text()));
            keys.insert(key);
        }
    }
}

void TestAboutDialog::toolbarHoldsTheStandardActions()
{
    MainWindow window;
    auto *tools = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(tools);
    const QList<QAction *> actions = tools->actions();
    const QList<QAction *> expected = {
        window.fileActions()->newAction(),
        window.fileActions()->openAction(),
        window.fileActions()->saveAction(),
        window.editActions()->undoAction(),
        window.editActions()->redoAction(),
        window.fileActions()->exportChartAction(),
        window.findChild<QAction *>(QStringLiteral("actionLearn")),
    };
    for (QAction *action : expected) {
        QVERIFY(action);
        QVERIFY2(actions.contains(action), qPrintable(action->text()));
        QVERIFY2(!action->statusTip().isEmpty(), qPrintable(action->text()));
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
    }
    QCOMPARE(window.fileActions()->newAction()->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(window.fileActions()->openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(window.fileActions()->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
    QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionLearn"))->shortcut(),
             QKeySequence(QKeySequence::HelpContents));
    // Every editor of the form and the market picker explains itself in the status bar.
    int editors = 0;
    for (QWidget *editor : window.planForm()->findChildren<QWidget *>()) {
        if (window.planForm()->field(editor->objectName())) {
            QVERIFY2(!editor->statusTip().isEmpty(), qPrintable(editor->objectName()));
            ++editors;
        }
    }
    QVERIFY(editors >= 20);
    for (QWidget *choice : {static_cast<QWidget *>(window.marketPicker()->marketBox()),
                            static_cast<QWidget *>(window.marketPicker()->collateralBox()),
                            static_cast<QWidget *>(window.marketPicker()->borrowBox()),
                            static_cast<QWidget *>(window.marketPicker()->eModeBox())})
        QVERIFY2(!choice->statusTip().isEmpty(), qPrintable(choice->objectName()));
}

void TestAboutDialog::formTabOrderFollowsTheLayout()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    // Tab from the first field of the form: the plan editors come in the order they are laid out.
    QWidget *first = window.findChild<QWidget *>(QStringLiteral("collateral.symbol"));
    first->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), first);
    const QStringList expected = {
        QStringLiteral("collateral.symbol"),
        QStringLiteral("collateral.priceUsd"),
        QStringLiteral("collateral.ltv"),
        QStringLiteral("collateral.liquidationThreshold"),
        QStringLiteral("collateral.liquidationBonus"),
        QStringLiteral("collateral.supplyApy"),
        QStringLiteral("collateral.nativeYield"),
        QStringLiteral("borrow.symbol"),
        QStringLiteral("borrow.priceUsd"),
        QStringLiteral("borrow.priceModel"),
        QStringLiteral("borrow.borrowApy"),
        QStringLiteral("deposit"),
        QStringLiteral("strategy.mode"),
        // The loop input's spin box (its focus proxy and the "Loops" label's buddy), then its slider.
        // Disabled fields (the other strategy modes' targets) are skipped.
        QStringLiteral("strategy.loops"),
        QStringLiteral("strategy.loops.slider"),
        QStringLiteral("strategy.ltvFraction"),
        QStringLiteral("execution"),
        QStringLiteral("costs.swapFeeBps"),
        QStringLiteral("costs.slippageBps"),
        QStringLiteral("costs.gasUsdPerTx"),
        QStringLiteral("costs.flashPremiumBps"),
    };
    QStringList visited{first->objectName()};
    for (int i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget()->objectName();
    }
    QCOMPARE(visited, expected);
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
