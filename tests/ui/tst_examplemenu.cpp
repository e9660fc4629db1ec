// The example plans and the window icon compiled into the program (issue 8): every example opens and
// computes, File > Open Example loads it as an untitled plan, and the icon has every hicolor size.
#include "appicon.h"
#include "engine.h"
#include "examplemenu.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "marketregistry.h"
#include "plandocument.h"
#include "planjson.h"
#include "plansession.h"

#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QTest>

#include <algorithm>

using namespace lp;

class TestExampleMenu : public QObject {
    Q_OBJECT

private slots:
    void everyEmbeddedExampleIsListed();
    void everyExampleComputes();
    void examplesCoverTheThreeKinds();
    void menuCallsBackWithThePath();
    void windowOpensAnExampleAsUntitled();
    void appIconHasEveryHicolorSize();
    void screenshot();
};

void TestExampleMenu::everyEmbeddedExampleIsListed()
{
    QStringList listed;
    for (const ExamplePlan &example : examplePlans())
        listed << example.resourcePath;
    QStringList embedded;
    for (const QString &name : QDir(QStringLiteral(":/examples")).entryList(QDir::Files, QDir::Name))
        embedded << QStringLiteral(":/examples/") + name;
    QCOMPARE(embedded.size(), 3);
    listed.sort();
    QCOMPARE(listed, embedded);
}

void TestExampleMenu::everyExampleComputes()
{
    for (const ExamplePlan &example : examplePlans()) {
        const Expected<Plan> plan = readPlanFile(example.resourcePath, MarketRegistry::builtIn());
        if (!plan)
            QFAIL(qPrintable(example.resourcePath + QLatin1Char(' ') + formatErrors(plan.errors())));
        QVERIFY(!plan.value().name.isEmpty());
        const Expected<PlanResult> result = computePlan(plan.value());
        QVERIFY2(result, qPrintable(example.resourcePath));
        QVERIFY(result.value().position.leverage > 1.0); // each example is a leveraged position
    }
}

// The issue asks for a stablecoin-borrow loop, an ETH-borrow LST loop and a flash-loan target-leverage plan.
void TestExampleMenu::examplesCoverTheThreeKinds()
{
    const QList<ExamplePlan> examples = examplePlans();
    QCOMPARE(examples.size(), 3);
    const Plan stable = readPlanFile(examples[0].resourcePath, MarketRegistry::builtIn()).value();
    QVERIFY(stable.borrow.priceModel == PriceModel::Fixed);
    QVERIFY(stable.execution == Execution::Loop);
    const Plan lst = readPlanFile(examples[1].resourcePath, MarketRegistry::builtIn()).value();
    QVERIFY(lst.borrow.priceModel == PriceModel::TracksCollateral);
    QVERIFY(lst.execution == Execution::Loop);
    const Plan flash = readPlanFile(examples[2].resourcePath, MarketRegistry::builtIn()).value();
    QVERIFY(flash.execution == Execution::FlashLoan);
    QVERIFY(flash.strategy.mode == StrategyMode::TargetLeverage);
}

void TestExampleMenu::menuCallsBackWithThePath()
{
    QWidget parent;
    QStringList opened;
    QMenu *menu = createExampleMenu(&parent, [&opened](const QString &path) { opened << path; });
    QCOMPARE(menu->parent(), &parent);
    const QList<QAction *> actions = menu->actions();
    const QList<ExamplePlan> examples = examplePlans();
    QCOMPARE(actions.size(), examples.size());
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QCOMPARE(actions[i]->text(), examples[i].title);
        actions[i]->trigger();
        QCOMPARE(opened.size(), i + 1);
        QCOMPARE(opened.last(), examples[i].resourcePath);
    }
}

void TestExampleMenu::windowOpensAnExampleAsUntitled()
{
    MainWindow window;
    QStringList reported;
    window.setErrorReporter([&reported](const QString &title, const QString &) { reported << title; });
    // Each example is an unsaved copy, so opening the next asks about it: discard.
    window.fileActions()->setSavePrompt([] { return FileActions::SaveChoice::Discard; });
    // The submenu sits in the File menu.
    QMenu *examples = window.findChild<QMenu *>(QStringLiteral("openExampleMenu"));
    QVERIFY(examples);
    QMenu *file = window.menuBar()->actions().constFirst()->menu();
    QVERIFY(file);
    QVERIFY(file->actions().contains(examples->menuAction()));

    const QList<ExamplePlan> list = examplePlans();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const Plan expected = readPlanFile(list[i].resourcePath, MarketRegistry::builtIn()).value();
        examples->actions()[i]->trigger();
        QVERIFY(reported.isEmpty());
        QCOMPARE(window.session()->plan(), expected);
        // Untitled and unsaved: the title names the plan only, not a file inside the program.
        QCOMPARE(window.windowTitle(), expected.name + QStringLiteral("[*]"));
        QVERIFY(window.fileActions()->document()->filePath().isEmpty());
        QVERIFY(window.isWindowModified());
    }
}

void TestExampleMenu::appIconHasEveryHicolorSize()
{
    const QIcon icon = appIcon();
    QVERIFY(!icon.isNull());
    const QList<QSize> sizes = icon.availableSizes();
    for (const int size : {16, 32, 48, 64, 128, 256}) {
        QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
        QCOMPARE(icon.pixmap(size).size(), QSize(size, size)); // the PNG is really there and decodes
    }
}

// The submenu as it pops up, for a look: LP_SCREENSHOT_DIR=DIR writes DIR/open-example-menu.png.
void TestExampleMenu::screenshot()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to render the menu");
    MainWindow window;
    QMenu *file = window.menuBar()->actions().constFirst()->menu();
    QMenu *examples = window.findChild<QMenu *>(QStringLiteral("openExampleMenu"));
    QVERIFY(file && examples);
    file->popup(QPoint(0, 0));
    QVERIFY(QTest::qWaitForWindowExposed(file));
    examples->popup(QPoint(file->width(), 0));
    QVERIFY(QTest::qWaitForWindowExposed(examples));
    const QPixmap fileShot = file->grab();
    const QPixmap examplesShot = examples->grab();
    QVERIFY(!fileShot.isNull() && !examplesShot.isNull());
    QPixmap both(fileShot.width() + examplesShot.width(), std::max(fileShot.height(), examplesShot.height()));
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawPixmap(0, 0, fileShot);
    painter.drawPixmap(fileShot.width(), 0, examplesShot);
    painter.end();
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    QVERIFY(both.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("open-example-menu.png"))));
}

QTEST_MAIN(TestExampleMenu)
#include "tst_examplemenu.moc"
