// The report's JSON and text: fields, nulls and agreement with the engine.
#include "report.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace lp;

namespace {
PlanResult compute(const Plan &p)
{
    Expected<PlanResult> r = computePlan(p);
    if (!r)
        qFatal("%s", qPrintable(formatErrors(r.errors())));
    return std::move(r).value();
}
} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void jsonHasEveryField();
    void jsonNumbersKeepFullPrecision();
    void nullsForMissingValues();
    void textReadsLikeAReport();
};

void TestReport::jsonHasEveryField()
{
    const QJsonObject r = reportJson(compute(test::fixturePlan()));
    const QJsonObject position = r.value(QStringLiteral("position")).toObject();
    for (const char *key :
         {"collateral", "debt", "collateralUsd", "debtUsd", "equityUsd", "leverage", "ltv", "healthFactor",
          "liquidationPriceUsd", "liquidationRatio", "distanceToLiquidation", "netApy"})
        QVERIFY2(position.value(QLatin1String(key)).isDouble(), key);
    const QJsonArray loops = r.value(QStringLiteral("loops")).toArray();
    QCOMPARE(loops.size(), 4);
    for (const char *key : {"step", "borrowed", "swappedToCollateral", "collateral", "debt", "ltv"})
        QVERIFY2(loops.at(2).toObject().value(QLatin1String(key)).isDouble(), key);
    QVERIFY(loops.at(2).toObject().value(QStringLiteral("healthFactor")).isDouble());
    const QJsonObject costs = r.value(QStringLiteral("costs")).toObject();
    for (const char *key : {"swapFeesUsd", "slippageUsd", "flashPremiumUsd", "gasUsd", "totalUsd"})
        QVERIFY2(costs.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject sweep = r.value(QStringLiteral("sweep")).toObject();
    QVERIFY(sweep.value(QStringLiteral("breakEvenPriceUsd")).isDouble());
    QVERIFY(sweep.value(QStringLiteral("zeroEquityPriceUsd")).isDouble());
    QCOMPARE(sweep.value(QStringLiteral("points")).toInt(), 2001);
    QCOMPARE(sweep.value(QStringLiteral("liquidations")).toArray().size(), 19);
}

void TestReport::jsonNumbersKeepFullPrecision()
{
    const PlanResult result = compute(test::fixturePlan());
    const QByteArray text = QJsonDocument(reportJson(result)).toJson();
    const QJsonObject back = QJsonDocument::fromJson(text).object();
    const QJsonObject position = back.value(QStringLiteral("position")).toObject();
    QCOMPARE(position.value(QStringLiteral("healthFactor")).toDouble(), result.position.healthFactor);
    QCOMPARE(position.value(QStringLiteral("liquidationPriceUsd")).toDouble(),
             result.position.liquidationPriceUsd);
    QCOMPARE(back.value(QStringLiteral("costs")).toObject().value(QStringLiteral("totalUsd")).toDouble(),
             result.opened.costs.totalUsd());
    LP_COMPARE_REL(position.value(QStringLiteral("liquidationPriceUsd")).toDouble(), 2581.7234006863932,
                   1e-12);
}

void TestReport::nullsForMissingValues()
{
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    const QJsonObject r = reportJson(compute(p));
    const QJsonObject position = r.value(QStringLiteral("position")).toObject();
    QVERIFY(position.value(QStringLiteral("liquidationPriceUsd")).isNull());
    QVERIFY(position.value(QStringLiteral("liquidationRatio")).isDouble());
    // Step 0 has no debt: its health factor is infinite, written as null.
    QVERIFY(r.value(QStringLiteral("loops"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("healthFactor"))
                .isNull());
}

void TestReport::textReadsLikeAReport()
{
    const QString text = reportText(compute(test::fixturePlan()));
    QVERIFY(text.contains(QStringLiteral("Leverage                 2.4397x")));
    QVERIFY(text.contains(QStringLiteral("Liquidation price        $2581.72")));
    QVERIFY(text.contains(QStringLiteral("Gas                      $5.00 (10 transactions)")));
    QVERIFY(text.contains(QStringLiteral("Break-even price         $3503.30")));
    Plan p = test::fixturePlan();
    p.borrow.priceModel = PriceModel::TracksCollateral;
    QVERIFY(
        reportText(compute(p)).contains(QStringLiteral("Liquidation ratio        0.860574 WETH per wstETH")));
}

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
