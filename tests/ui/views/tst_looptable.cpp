// The loop table: one row per step of the opened position, headers stacked over their units.
#include "loopstepsmodel.h"
#include "looptable.h"
#include "stackedheaderproxy.h"
#include "uitestutil.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>

using namespace lp;
using namespace lp::uitest;

class TestLoopTable : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void rowsAreTheOpenedSteps_data();
    void rowsAreTheOpenedSteps();
    void headersStackTheirUnits();
    void proxyPassesModelTester();
    void totalsRowInBold();
    void copiesRowsAsTsv();
};

void TestLoopTable::rowsAreTheOpenedSteps_data()
{
    QTest::addColumn<int>("loops");
    QTest::addColumn<int>("execution");
    QTest::addColumn<int>("rows");
    QTest::newRow("no loop") << 0 << int(Execution::Loop) << 1;
    QTest::newRow("3 loops") << 3 << int(Execution::Loop) << 4;
    QTest::newRow("20 loops") << 20 << int(Execution::Loop) << 21;
    QTest::newRow("flash loan") << 3 << int(Execution::FlashLoan) << 2;
}

void TestLoopTable::rowsAreTheOpenedSteps()
{
    QFETCH(int, loops);
    QFETCH(int, execution);
    QFETCH(int, rows);
    Plan plan = defaultPlan();
    plan.strategy.loops = loops;
    plan.execution = static_cast<Execution>(execution);
    const PlanResult result = expectedResult(plan);
    LoopTable table;
    table.showResult(result);
    QCOMPARE(table.model()->rowCount(), rows + 1); // the steps, then "Total"
    QCOMPARE(table.stepsModel()->steps().size(), result.opened.steps.size());
    const int last = rows - 1; // the last step, above the totals
    QCOMPARE(
        table.model()->index(last, LoopStepsModel::Collateral).data(LoopStepsModel::RawValueRole).toDouble(),
        result.opened.collateral);
    QCOMPARE(table.model()->index(last, LoopStepsModel::Debt).data(LoopStepsModel::RawValueRole).toDouble(),
             result.opened.debt);
}

void TestLoopTable::headersStackTheirUnits()
{
    LoopTable table;
    table.showResult(expectedResult(defaultPlan()));
    QCOMPARE(table.model()->headerData(LoopStepsModel::Collateral, Qt::Horizontal).toString(),
             QStringLiteral("Collateral\n(wstETH)"));
    QCOMPARE(table.model()->headerData(LoopStepsModel::Leverage, Qt::Horizontal).toString(),
             QStringLiteral("Leverage"));
    // The source model is untouched.
    QCOMPARE(table.stepsModel()->headerData(LoopStepsModel::Collateral, Qt::Horizontal).toString(),
             QStringLiteral("Collateral (wstETH)"));
}

void TestLoopTable::proxyPassesModelTester()
{
    LoopTable table;
    QAbstractItemModelTester tester(table.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    Plan plan = defaultPlan();
    table.showResult(expectedResult(plan));
    plan.strategy.loops = 6;
    table.showResult(expectedResult(plan));
    plan.collateral.priceUsd = 3000;
    table.showResult(expectedResult(plan));
    plan.borrow.symbol = QStringLiteral("ETH");
    table.showResult(expectedResult(plan));
    QCOMPARE(table.model()->rowCount(), 8); // 7 steps and the totals
}

void TestLoopTable::totalsRowInBold()
{
    LoopTable table;
    const PlanResult result = expectedResult(defaultPlan());
    table.showResult(result);
    const int totals = table.model()->rowCount() - 1;
    QCOMPARE(table.model()->index(totals, LoopStepsModel::Step).data().toString(), QStringLiteral("Total"));
    QVERIFY(table.model()->index(totals, LoopStepsModel::Debt).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!table.model()->index(0, LoopStepsModel::Debt).data(Qt::FontRole).value<QFont>().bold());
    // Everything borrowed is the debt (loop execution).
    QCOMPARE(
        table.model()->index(totals, LoopStepsModel::Borrowed).data(LoopStepsModel::RawValueRole).toDouble(),
        LoopStepsModel::totals(result.opened.steps).borrowed);
}

void TestLoopTable::copiesRowsAsTsv()
{
    LoopTable table;
    table.setLocale(QLocale(QLocale::German, QLocale::Germany));
    const PlanResult result = expectedResult(defaultPlan());
    table.showResult(result);
    // Nothing selected: the header and every row, totals included.
    QStringList lines = table.copyText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), table.model()->rowCount() + 1);
    QVERIFY(lines.first().startsWith(QStringLiteral("Step\tBorrowed (")));
    QVERIFY(lines.last().startsWith(QStringLiteral("Total\t")));
    // Row 2 selected: its debt in German notation (decimal comma, no group separator) reads back as the
    // step's debt.
    table.selectRow(2);
    lines = table.copyText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QString debt = lines.at(1).split(QLatin1Char('\t')).at(LoopStepsModel::Debt);
    QVERIFY2(!debt.contains(QLatin1Char('.')), qPrintable(debt));
    bool ok = false;
    QCOMPARE(QLocale(QLocale::German, QLocale::Germany).toDouble(debt, &ok), result.opened.steps.at(2).debt);
    QVERIFY(ok);
    table.copyToClipboard();
    QCOMPARE(QApplication::clipboard()->text(), table.copyText());
}

QTEST_MAIN(TestLoopTable)
#include "tst_looptable.moc"
