// The column tables of the row types: one table gives the CSV header, the JSON keys and the Qt models'
// columns, with one undefined mark and one set of decimals.
#include "csvexport.h"
#include "displayformat.h"
#include "engine.h"
#include "loopstepsmodel.h"
#include "rowcolumns.h"
#include "rowjson.h"
#include "stress.h"
#include "tabletext.h"
#include "testutil.h"
#include "timelinemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace lp;

namespace {

PlanResult compute(const Plan &p)
{
    Expected<PlanResult> r = computePlan(p);
    if (!r)
        qFatal("%s", qPrintable(formatErrors(r.errors())));
    return std::move(r).value();
}

QList<QStringList> csvLines(const QByteArray &csv)
{
    QList<QStringList> out;
    for (const QString &line : QString::fromUtf8(csv).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts))
        out << line.split(QLatin1Char(','));
    return out;
}

template <class Row> QStringList keys(const TableColumns<Row> &columns)
{
    QStringList out;
    for (const ColumnSpec &c : columns)
        out << QString::fromLatin1(c.key);
    return out;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList modelKeys(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c)
        out << model.headerData(c, Qt::Horizontal, ColumnTableModel::ColumnKeyRole).toString();
    return out;
}

// Digits after the decimal point of a displayed number ("1,234.50 %" -> 2).
int decimalsOf(const QString &text)
{
    const QString number = text.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('x'));
    const qsizetype point = number.indexOf(display::locale().decimalPoint());
    return point < 0 ? 0 : static_cast<int>(number.size() - point - 1);
}

} // namespace

class TestRowColumns : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void csvNamesFromKeys();
    void csvHeadersAreTheDocumentedOnes();
    void loopStepsCsvJsonAndModelShareColumns();
    void timelineCsvJsonAndModelShareColumns();
    void sweepAndStressJsonKeysAreTheColumns();
    void undefinedIsOneMarkEverywhere();
    void decimalsAgreeBetweenCsvAndModel();
    void costColumnsAndTheirTotals();
};

void TestRowColumns::csvNamesFromKeys()
{
    QCOMPARE(csvColumnName({"swappedToCollateral", "", ColumnUnit::UnitsA, 4}),
             QStringLiteral("swapped_to_collateral_units"));
    QCOMPARE(csvColumnName({"liquidationPriceUsd", "", ColumnUnit::Usd, 2}),
             QStringLiteral("liquidation_price_usd"));
    QCOMPARE(csvColumnName({"pnlPct", "", ColumnUnit::Percent, 2}), QStringLiteral("pnl_pct"));
    QCOMPARE(csvColumnName({"step", "", ColumnUnit::Count, 0}), QStringLiteral("step"));
    QCOMPARE(columnHeader({"x", "Liq. ratio (%1/%2)", ColumnUnit::Number, 4}, QStringLiteral("wstETH"),
                          QStringLiteral("WETH")),
             QStringLiteral("Liq. ratio (wstETH/WETH)"));
    QCOMPARE(columnHeader({"x", "Debt (%2)", ColumnUnit::UnitsB, 4}, QString(), QString()),
             QStringLiteral("Debt (B)"));
}

void TestRowColumns::csvHeadersAreTheDocumentedOnes()
{
    // README "CSV exports", byte for byte.
    const PlanResult r = compute(test::fixturePlan());
    QCOMPARE(exportCsv(r, CsvTable::Loops).left(exportCsv(r, CsvTable::Loops).indexOf("\r\n")),
             QByteArray("step,borrowed_units,swapped_to_collateral_units,collateral_units,debt_units,"
                        "collateral_usd,debt_usd,equity_usd,leverage,ltv,health_factor,liquidation_price_usd,"
                        "swap_fee_usd,slippage_usd,flash_premium_usd,partial,costs_usd"));
    QCOMPARE(exportCsv(r, CsvTable::Prices).left(exportCsv(r, CsvTable::Prices).indexOf("\r\n")),
             QByteArray("price_usd,collateral_units,debt_units,equity_usd,pnl_usd,pnl_pct,hold_pnl_usd,"
                        "health_factor,ltv,liquidated_share"));
    QCOMPARE(
        exportCsv(r, CsvTable::Timeline).left(exportCsv(r, CsvTable::Timeline).indexOf("\r\n")),
        QByteArray("day,collateral_units,debt_units,collateral_usd,debt_usd,equity_usd,health_factor,"
                   "liquidation_price_usd,liquidation_ratio,incentives_usd,pnl_usd,hold_collateral_units,"
                   "hold_value_usd,hold_pnl_usd"));
}

void TestRowColumns::loopStepsCsvJsonAndModelShareColumns()
{
    const PlanResult r = compute(test::fixturePlan());
    const TableColumns<LoopStep> &columns = loopStepColumns();
    QCOMPARE(csvLines(exportCsv(r, CsvTable::Loops)).front(), csvColumnNames(columns));
    // JSON: every step has exactly the table's keys (the CSV's columns in camelCase).
    const QJsonArray json = loopStepsJson(r.opened.steps);
    QCOMPARE(json.size(), 4);
    for (const QJsonValue &step : json)
        QCOMPARE(sorted(step.toObject().keys()), sorted(keys(columns)));
    QCOMPARE(json.at(1).toObject().value(QStringLiteral("step")).toInt(), 1);
    QCOMPARE(json.at(1).toObject().value(QStringLiteral("borrowed")).toDouble(), 7.875);
    QCOMPARE(json.at(1).toObject().value(QStringLiteral("partial")), QJsonValue(false));
    // The model: the same columns in the same order, titled from the table.
    LoopStepsModel model;
    model.setSteps(r.opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(model.columnCount(), static_cast<int>(columns.size()));
    QCOMPARE(modelKeys(model), keys(columns));
    for (int c = 0; c < model.columnCount(); ++c)
        QCOMPARE(
            model.headerData(c, Qt::Horizontal).toString(),
            columnHeader(columns[static_cast<size_t>(c)], QStringLiteral("wstETH"), QStringLiteral("WETH")));
    QCOMPARE(model.headerData(LoopStepsModel::SwapFeeUsd, Qt::Horizontal).toString(),
             QStringLiteral("Swap fee ($)"));
    // The enum names the table's columns.
    QCOMPARE(modelKeys(model).at(LoopStepsModel::CostsUsd), QStringLiteral("costsUsd"));
    QCOMPARE(modelKeys(model).at(LoopStepsModel::LiquidationPriceUsd), QStringLiteral("liquidationPriceUsd"));
}

void TestRowColumns::timelineCsvJsonAndModelShareColumns()
{
    const PlanResult r = compute(test::fixturePlan());
    const Timeline tl = computeTimeline(r.plan, r.opened);
    const TableColumns<TimelinePoint> &columns = timelinePointColumns();
    QCOMPARE(csvLines(timelineCsv(tl)).front(), csvColumnNames(columns));
    QCOMPARE(timelineCsvHeader(), csvColumnNames(columns));
    // atHorizon: the last day's columns, plus horizonDays kept for readers of report version 1.
    QJsonObject atHorizon = timelineJson(tl).value(QStringLiteral("atHorizon")).toObject();
    QCOMPARE(atHorizon.value(QStringLiteral("horizonDays")).toInt(), 365);
    atHorizon.remove(QStringLiteral("horizonDays"));
    QCOMPARE(sorted(atHorizon.keys()), sorted(keys(columns)));
    // Hold value on day 365: 10 wstETH x (1 + 3 %) x $3500 = $36,050 (the fixture's native yield).
    LP_COMPARE_REL(atHorizon.value(QStringLiteral("holdValueUsd")).toDouble(), 10 * 1.03 * 3500, 1e-12);
    TimelineModel model;
    model.setTimeline(tl.points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(modelKeys(model), keys(columns));
    QCOMPARE(model.headerData(TimelineModel::HoldCollateral, Qt::Horizontal).toString(),
             QStringLiteral("Hold (wstETH)"));
    QCOMPARE(modelKeys(model).at(TimelineModel::HoldPnlUsd), QStringLiteral("holdPnlUsd"));
}

void TestRowColumns::sweepAndStressJsonKeysAreTheColumns()
{
    const PlanResult r = compute(test::fixturePlan());
    QCOMPARE(csvLines(exportCsv(r, CsvTable::Prices)).front(), csvColumnNames(sweepPointColumns()));
    const QJsonObject point = rowJson(sweepPointColumns(), r.sweep.points.front());
    QCOMPARE(sorted(point.keys()), sorted(keys(sweepPointColumns())));
    // pnl_pct is in percent in files: the fraction x 100.
    QCOMPARE(point.value(QStringLiteral("pnlPct")).toDouble(), r.sweep.points.front().pnlPct * 100.0);
    // The stress figures keep the report's keys.
    const QJsonArray stress = stressJson(runStressPresets(r.plan, r.opened));
    QCOMPARE(sorted(stress.at(0).toObject().value(QStringLiteral("before")).toObject().keys()),
             sorted(keys(stressFiguresColumns())));
    QCOMPARE(
        sorted(keys(stressFiguresColumns())),
        sorted({QStringLiteral("priceAUsd"), QStringLiteral("priceBUsd"),
                QStringLiteral("liquidationThreshold"), QStringLiteral("collateral"), QStringLiteral("debt"),
                QStringLiteral("healthFactor"), QStringLiteral("liquidationPriceUsd"),
                QStringLiteral("liquidationRatio"), QStringLiteral("equityUsd"), QStringLiteral("leverage"),
                QStringLiteral("closeValueUsd")}));
}

void TestRowColumns::undefinedIsOneMarkEverywhere()
{
    // The bare deposit has no debt: no liquidation price. The model and the copy show the one mark, the
    // JSON writes null and the CSV an empty cell.
    const PlanResult r = compute(test::fixturePlan());
    QCOMPARE(display::undefinedMark(), QStringLiteral("—"));
    QCOMPARE(display::number(std::nan(""), 2), display::undefinedMark());
    LoopStepsModel loops;
    loops.setSteps(r.opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(loops.index(0, LoopStepsModel::LiquidationPriceUsd).data().toString(), display::undefinedMark());
    const QString tsv = tableAsTsv(loops, LoopStepsModel::RawValueRole, QLocale::c(), {0});
    QCOMPARE(
        tsv.split(QLatin1Char('\n')).at(1).split(QLatin1Char('\t')).at(LoopStepsModel::LiquidationPriceUsd),
        display::undefinedMark());
    QVERIFY(
        loopStepsJson(r.opened.steps).at(0).toObject().value(QStringLiteral("liquidationPriceUsd")).isNull());
    QCOMPARE(csvLines(exportCsv(r, CsvTable::Loops)).at(1).at(LoopStepsModel::LiquidationPriceUsd),
             QString());
    // With debt it is a number everywhere: PA liq = D PB / (C lt) = 7.875 x 3000 / (16.739878375 x 0.8).
    LP_COMPARE_REL(
        csvLines(exportCsv(r, CsvTable::Loops)).at(2).at(LoopStepsModel::LiquidationPriceUsd).toDouble(),
        7.875 * 3000 / (16.739878375 * 0.8), 1e-12);

    // B tracking A: no USD liquidation price on the timeline, the same way.
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const PlanResult t = compute(p);
    const Timeline tl = computeTimeline(p, t.opened);
    TimelineModel model;
    model.setTimeline(tl.points, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    const int last = model.rowCount() - 1;
    QCOMPARE(model.index(last, TimelineModel::LiquidationPriceUsd).data().toString(),
             display::undefinedMark());
    const QString copied = tableAsTsv(model, TimelineModel::RawValueRole, QLocale::c(), {last});
    QCOMPARE(
        copied.split(QLatin1Char('\n')).at(1).split(QLatin1Char('\t')).at(TimelineModel::LiquidationPriceUsd),
        display::undefinedMark());
    QVERIFY(timelineJson(tl)
                .value(QStringLiteral("atHorizon"))
                .toObject()
                .value(QStringLiteral("liquidationPriceUsd"))
                .isNull());
    QCOMPARE(csvLines(timelineCsv(tl)).last().at(TimelineModel::LiquidationPriceUsd), QString());
    // The loop steps are the position's figures: no USD liquidation price there either, and the last
    // step's ratio D / (C lt) is the position's.
    QVERIFY(std::isnan(t.position.liquidationPriceUsd));
    QVERIFY(std::isnan(t.opened.steps.back().liquidationPriceUsd));
    QCOMPARE(t.opened.steps.back().liquidationRatio, t.position.liquidationRatio);
    QCOMPARE(csvLines(exportCsv(t, CsvTable::Loops)).last().at(LoopStepsModel::LiquidationPriceUsd),
             QString());
    QVERIFY(loopStepsJson(t.opened.steps)
                .last()
                .toObject()
                .value(QStringLiteral("liquidationPriceUsd"))
                .isNull());
}

void TestRowColumns::decimalsAgreeBetweenCsvAndModel()
{
    // Every shown number is the CSV's value rounded to the column's decimals: the same digits count, and
    // within half a unit of the last digit.
    Plan p = test::fixturePlan();
    p.horizonDays = 30;
    const PlanResult r = compute(p);
    LoopStepsModel loops;
    loops.setSteps(r.opened.steps, QStringLiteral("wstETH"), QStringLiteral("WETH"));
    TimelineModel timeline;
    timeline.setTimeline(computeTimeline(p, r.opened).points, QStringLiteral("wstETH"),
                         QStringLiteral("WETH"));
    const auto check = [](const QAbstractItemModel &model, const QList<QStringList> &csv,
                          const auto &columns) {
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int c = 0; c < model.columnCount(); ++c) {
                const ColumnSpec &spec = columns[static_cast<size_t>(c)];
                const QString cell = csv.at(row + 1).at(c);
                const QString shown = model.index(row, c).data().toString();
                if (cell.isEmpty() || spec.unit == ColumnUnit::Flag ||
                    (spec.unit == ColumnUnit::Count && c == 0 && shown.contains(QLatin1Char('('))))
                    continue;
                const double value = cell.toDouble() * (spec.unit == ColumnUnit::Fraction ? 100.0 : 1.0);
                QVERIFY2(decimalsOf(shown) == spec.decimals,
                         qPrintable(shown + QLatin1Char(' ') + QLatin1String(spec.key)));
                QString number = shown.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('x'));
                bool ok = false;
                const double read = display::locale().toDouble(number, &ok);
                if (shown == QLatin1String("deposit")) // step 0 is named, not numbered
                    continue;
                QVERIFY2(ok, qPrintable(shown));
                QVERIFY2(std::abs(read - value) <= 0.5 * std::pow(10.0, -spec.decimals) * (1 + 1e-9),
                         qPrintable(shown + QLatin1Char(' ') + cell));
            }
        }
    };
    check(loops, csvLines(exportCsv(r, CsvTable::Loops)), loopStepColumns());
    check(timeline, csvLines(exportCsv(compute(p), CsvTable::Timeline)), timelinePointColumns());
    // The leverage 2.4397x of the last step shows as the display module's 2.44x, its HF 1.3557 as 1.36.
    QCOMPARE(loops.index(3, LoopStepsModel::Leverage).data().toString(),
             display::leverage(r.position.leverage));
    QCOMPARE(loops.index(3, LoopStepsModel::HealthFactor).data().toString(), QStringLiteral("1.36"));
}

void TestRowColumns::costColumnsAndTheirTotals()
{
    // Two hand-made steps: fees 3 + 1.5 = 4.5, slippage 1 + 0.5 = 1.5, premium 0 + 0.25; costs 2.25 in
    // the second step, 6.25 in all.
    std::vector<LoopStep> steps(3);
    steps[1].swapFeeUsd = 3;
    steps[1].slippageUsd = 1;
    steps[1].partial = true;
    steps[2].swapFeeUsd = 1.5;
    steps[2].slippageUsd = 0.5;
    steps[2].flashPremiumUsd = 0.25;
    const LoopStepsModel::Totals t = LoopStepsModel::totals(steps);
    QCOMPARE(t.swapFeeUsd, 4.5);
    QCOMPARE(t.slippageUsd, 1.5);
    QCOMPARE(t.flashPremiumUsd, 0.25);
    QCOMPARE(t.costsUsd, 6.25);
    LoopStepsModel model;
    model.setShowTotals(true);
    model.setSteps(steps, QStringLiteral("A"), QStringLiteral("B"));
    QCOMPARE(model.index(3, LoopStepsModel::SwapFeeUsd).data(LoopStepsModel::RawValueRole).toDouble(), 4.5);
    QCOMPARE(model.index(3, LoopStepsModel::CostsUsd).data().toString(), QStringLiteral("6.25"));
    QCOMPARE(model.index(1, LoopStepsModel::Partial).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model.index(2, LoopStepsModel::Partial).data().toString(), QStringLiteral("no"));
    QCOMPARE(model.index(2, LoopStepsModel::CostsUsd).data(LoopStepsModel::RawValueRole).toDouble(), 2.25);
    const QJsonObject second = loopStepsJson(steps).at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("partial")), QJsonValue(true));
    QCOMPARE(second.value(QStringLiteral("costsUsd")).toDouble(), 4.0);
}

QTEST_GUILESS_MAIN(TestRowColumns)
#include "tst_rowcolumns.moc"
