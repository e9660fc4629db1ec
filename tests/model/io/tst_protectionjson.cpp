// Plan JSON `protection: [...]` (issue 18): reading each kind, writing them back, old plans unchanged,
// and errors naming protection[i].field.
#include "engine.h"
#include "marketregistry.h"
#include "outlook.h"
#include "planjson.h"
#include "protectionmontecarlo.h"
#include "report.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace lp;

namespace {

QJsonObject fixture()
{
    QFile f(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open the plan fixture");
    return QJsonDocument::fromJson(f.readAll()).object();
}

Expected<Plan> parseWith(const QJsonArray &protection)
{
    QJsonObject o = fixture();
    o.insert(QStringLiteral("protection"), protection);
    return parsePlan(QJsonDocument(o).toJson(), MarketRegistry::builtIn());
}

// A JSON array from its text (the test's rules as a user writes them).
QJsonArray arr(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

} // namespace

class TestProtectionJson : public QObject {
    Q_OBJECT
private slots:
    void readsEveryKindAndWritesItBack();
    void oldPlansHaveNoRules();
    void errorsNameTheField();
    void reportHasRiskProtection();
};

void TestProtectionJson::readsEveryKindAndWritesItBack()
{
    const QJsonArray rules = arr(R"([
        {"kind": "autoRepay", "triggerHealthFactor": 1.4, "targetHealthFactor": 1.7},
        {"kind": "autoBoost", "triggerHealthFactor": 2.2, "targetHealthFactor": 1.9, "serviceFeeBps": 10,
         "delaySteps": 2},
        {"kind": "stopLoss", "priceUsd": 2500},
        {"kind": "takeProfit", "priceUsd": 5000, "delaySteps": 0},
        {"kind": "trailingStop", "fraction": 0.25},
        {"kind": "preLiquidation", "ltv": 0.7, "closeFactor": 0.3, "incentive": 0.04}])");
    QCOMPARE(rules.size(), 6);
    const Expected<Plan> plan = parseWith(rules);
    QVERIFY2(plan.hasValue(), plan ? "" : qPrintable(formatErrors(plan.errors())));
    QCOMPARE(plan->protection.size(), 6);
    QVERIFY(plan->protection[0].kind == ProtectionKind::AutoRepay);
    QCOMPARE(plan->protection[0].triggerHealthFactor, 1.4);
    QCOMPARE(plan->protection[0].targetHealthFactor, 1.7);
    QCOMPARE(plan->protection[0].serviceFeeBps, kDefaultProtectionFeeBps);
    QCOMPARE(plan->protection[0].delaySteps, 1);
    QCOMPARE(plan->protection[1].serviceFeeBps, 10.0);
    QCOMPARE(plan->protection[1].delaySteps, 2);
    QCOMPARE(plan->protection[2].priceUsd, 2500.0);
    QCOMPARE(plan->protection[3].delaySteps, 0);
    QCOMPARE(plan->protection[4].fraction, 0.25);
    QCOMPARE(plan->protection[5].closeFactor, 0.3);
    QCOMPARE(plan->protection[5].delaySteps, 0); // a liquidator acts at once
    QCOMPARE(plan->protection[5].serviceFeeBps, 0.0);
    QVERIFY(!plan->unknownFields.contains(QStringLiteral("protection")));

    const QJsonObject written = planToJson(*plan, MarketRegistry::builtIn());
    const QJsonArray out = written.value(QStringLiteral("protection")).toArray();
    QCOMPARE(out.size(), rules.size());
    for (qsizetype i = 0; i < out.size(); ++i)
        QCOMPARE(out.at(i).toObject().keys(), rules.at(i).toObject().keys()); // defaults left out
    QCOMPARE(out.at(1).toObject().value(QStringLiteral("serviceFeeBps")).toDouble(), 10.0);
    const Expected<Plan> again = parsePlan(QJsonDocument(written).toJson(), MarketRegistry::builtIn());
    QVERIFY(again.hasValue());
    QCOMPARE(again->protection, plan->protection);
}

void TestProtectionJson::oldPlansHaveNoRules()
{
    const Expected<Plan> plan = parsePlan(QJsonDocument(fixture()).toJson(), MarketRegistry::builtIn());
    QVERIFY(plan.hasValue());
    QVERIFY(plan->protection.isEmpty());
    QVERIFY(!planToJson(*plan, MarketRegistry::builtIn()).contains(QStringLiteral("protection")));
}

void TestProtectionJson::errorsNameTheField()
{
    const auto firstField = [](const QJsonArray &rules) {
        const Expected<Plan> plan = parseWith(rules);
        return plan.hasValue() ? QString() : plan.errors().front().field;
    };
    QCOMPARE(firstField(arr(R"([{"kind": "autoSell"}])")), QStringLiteral("protection[0].kind"));
    QCOMPARE(firstField(arr(R"([{"triggerHealthFactor": 1.4}])")), QStringLiteral("protection[0].kind"));
    QCOMPARE(firstField(arr(R"([{"kind": "stopLoss", "priceUsd": 2500}, {"kind": "stopLoss"}])")),
             QStringLiteral("protection[1].priceUsd"));
    QCOMPARE(firstField(arr(R"([{"kind": "stopLoss", "priceUsd": 2500, "limitPrice": 2400}])")),
             QStringLiteral("protection[0].limitPrice"));
    QCOMPARE(firstField(arr("[3]")), QStringLiteral("protection[0]"));
    // Value checks run through validatePlan: a stop above the plan's price of $3,500.
    QCOMPARE(firstField(arr(R"([{"kind": "stopLoss", "priceUsd": 4000}])")),
             QStringLiteral("protection[0].priceUsd"));
    QCOMPARE(
        firstField(arr(R"([{"kind": "autoRepay", "triggerHealthFactor": 1.7, "targetHealthFactor": 1.4}])")),
        QStringLiteral("protection[0].targetHealthFactor"));
}

void TestProtectionJson::reportHasRiskProtection()
{
    const Expected<Plan> plan = parseWith(arr(R"([
        {"kind": "autoRepay", "triggerHealthFactor": 1.4, "targetHealthFactor": 1.7},
        {"kind": "stopLoss", "priceUsd": 2450, "delaySteps": 0}])"));
    QVERIFY(plan.hasValue());
    const PlanResult result = computePlan(*plan).value();
    OutlookOptions options;
    options.monteCarlo.paths = 2000; // what --paths and --seed set
    options.monteCarlo.seed = 5;
    const QJsonObject risk = reportJson(result, computeOutlook(result, options), MarketRegistry::builtIn())
                                 .value(QStringLiteral("risk"))
                                 .toObject();
    const QJsonObject p = risk.value(QStringLiteral("protection")).toObject();
    for (const char *key :
         {"liquidationProbability", "liquidationProbabilityWithout", "expectedFeesUsd", "p95FeesUsd"})
        QVERIFY2(p.value(QLatin1String(key)).isDouble(), key);
    const QJsonArray rules = p.value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("autoRepay"));
    for (const char *key : {"fireProbability", "expectedExecutions", "expectedFeesUsd", "p95FeesUsd"})
        QVERIFY2(rules.at(1).toObject().value(QLatin1String(key)).isDouble(), key);
    for (const char *group : {"finalEquityUsd", "finalEquityWithoutUsd"})
        for (const char *q : {"p5", "p50", "p95"})
            QVERIFY(p.value(QLatin1String(group)).toObject().value(QLatin1String(q)).isDouble());
    QCOMPARE(p.value(QStringLiteral("paths")).toInt(), 2000);
    QCOMPARE(p.value(QStringLiteral("seed")).toInt(), 5);
    // The report's figures are the simulation's for the same options.
    QCOMPARE(p, protectionJson(simulateProtection(*plan, result.opened, options.monteCarlo).value()));
    // A plan without rules has no risk.protection.
    const PlanResult plain = computePlan(test::fixturePlan()).value();
    QVERIFY(!reportJson(plain, computeOutlook(plain, options), MarketRegistry::builtIn())
                 .value(QStringLiteral("risk"))
                 .toObject()
                 .contains(QStringLiteral("protection")));
}

QTEST_GUILESS_MAIN(TestProtectionJson)
#include "tst_protectionjson.moc"
