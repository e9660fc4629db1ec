// Reading and writing plan documents (README, "Plan file"): every field, defaults, unknown fields, bad input.
#include "engine.h"
#include "marketregistry.h"
#include "planjson.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

namespace {

QByteArray fixtureBytes()
{
    QFile f(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture");
    return f.readAll();
}

// The fixture with one top-level or nested value replaced by raw JSON text.
QByteArray withValue(const QString &path, const QByteArray &rawJson)
{
    QJsonObject root = QJsonDocument::fromJson(fixtureBytes()).object();
    const QJsonValue value = QJsonDocument::fromJson("[" + rawJson + "]").array().at(0);
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        if (rawJson.isEmpty())
            root.remove(parts[0]);
        else
            root[parts[0]] = value;
    } else {
        QJsonObject inner = root[parts[0]].toObject();
        if (rawJson.isEmpty())
            inner.remove(parts[1]);
        else
            inner[parts[1]] = value;
        root[parts[0]] = inner;
    }
    return QJsonDocument(root).toJson();
}

} // namespace

class TestPlanJson : public QObject {
    Q_OBJECT
private slots:
    void readsEveryField();
    void defaultsForOptionalFields();
    void roundTripIsIdentical();
    void roundTripGivesBitIdenticalFigures();
    void unknownFieldsAreKept();
    void badDocuments_data();
    void badDocuments();
    void newerVersionNamesBothVersions();
    void collectsSeveralErrors();
    void readFileErrors();
    void hugeFileIsRefusedWithoutParsing();
};

void TestPlanJson::readsEveryField()
{
    const Expected<Plan> plan = parsePlan(fixtureBytes(), MarketRegistry::builtIn());
    QVERIFY2(plan, qPrintable(plan ? QString() : formatErrors(plan.errors())));
    Plan expected = test::fixturePlan();
    QCOMPARE(plan->name, expected.name);
    QCOMPARE(plan->market, expected.market);
    QCOMPARE(plan->collateral, expected.collateral);
    QCOMPARE(plan->borrow, expected.borrow);
    QCOMPARE(plan->deposit, 10.0);
    QCOMPARE(toString(plan->strategy.mode), toString(StrategyMode::Loops));
    QCOMPARE(plan->strategy.loops, 3);
    QCOMPARE(plan->strategy.ltvFraction, 0.9);
    QCOMPARE(toString(plan->execution), toString(Execution::Loop));
    QCOMPARE(plan->costs, expected.costs);
    QCOMPARE(plan->horizonDays, 365);
    QCOMPARE(plan->risk.annualVolatility, 0.6);
    QVERIFY(plan->unknownFields.isEmpty());
}

void TestPlanJson::defaultsForOptionalFields()
{
    const QByteArray minimal = R"({"format": "leverage-planner-plan", "version": 1,
        "collateral": {"symbol": "WBTC", "priceUsd": 60000, "ltv": 0.7, "liquidationThreshold": 0.75},
        "borrow": {"symbol": "USDC", "priceUsd": 1},
        "deposit": 0.5, "strategy": {"mode": "targetLeverage", "leverage": 2}})";
    const Expected<Plan> plan = parsePlan(minimal, MarketRegistry::builtIn());
    QVERIFY2(plan, qPrintable(plan ? QString() : formatErrors(plan.errors())));
    QCOMPARE(plan->collateral.liquidationBonus, 0.05);
    QCOMPARE(plan->collateral.supplyApy, 0.0);
    QCOMPARE(toString(plan->borrow.priceModel), toString(PriceModel::Fixed));
    QCOMPARE(plan->strategy.ltvFraction, 1.0);
    QCOMPARE(plan->strategy.leverage, 2.0);
    QCOMPARE(toString(plan->execution), toString(Execution::Loop));
    QCOMPARE(plan->costs, Costs{});
    QCOMPARE(plan->horizonDays, 365);
    QVERIFY(plan->market.isEmpty());
}

void TestPlanJson::roundTripIsIdentical()
{
    Plan p = test::fixturePlan();
    p.strategy.mode = StrategyMode::TargetHealthFactor;
    p.strategy.healthFactor = 1.37;
    p.execution = Execution::FlashLoan;
    p.borrow.priceModel = PriceModel::TracksCollateral;
    p.collateral.priceUsd = 3512.123456789012; // needs all 17 digits
    const Expected<Plan> back = parsePlan(QJsonDocument(planToJson(p, MarketRegistry::builtIn())).toJson(),
                                          MarketRegistry::builtIn());
    QVERIFY(back);
    QCOMPARE(*back, p);
}

void TestPlanJson::roundTripGivesBitIdenticalFigures()
{
    Plan p = test::fixturePlan();
    p.deposit = 7.123456789012345;
    p.collateral.ltv = 0.7512345678901234;
    const Expected<Plan> back =
        parsePlan(QJsonDocument(planToJson(p, MarketRegistry::builtIn())).toJson(QJsonDocument::Compact),
                  MarketRegistry::builtIn());
    QVERIFY(back);
    const auto a = computePlan(p);
    const auto b = computePlan(*back);
    QVERIFY(a && b);
    QCOMPARE(a->position.healthFactor, b->position.healthFactor); // exact, not fuzzy
    QCOMPARE(a->position.liquidationPriceUsd, b->position.liquidationPriceUsd);
    QCOMPARE(a->sweep.breakEvenPriceUsd, b->sweep.breakEvenPriceUsd);
}

void TestPlanJson::unknownFieldsAreKept()
{
    QJsonObject root = QJsonDocument::fromJson(fixtureBytes()).object();
    root[QStringLiteral("notes")] = QStringLiteral("from a newer app");
    QJsonObject coll = root[QStringLiteral("collateral")].toObject();
    coll[QStringLiteral("oracle")] = QStringLiteral("0x785765De");
    root[QStringLiteral("collateral")] = coll;
    const Expected<Plan> plan = parsePlan(QJsonDocument(root).toJson(), MarketRegistry::builtIn());
    QVERIFY(plan);
    QCOMPARE(plan->unknownFields.value(QStringLiteral("notes")).toString(),
             QStringLiteral("from a newer app"));
    const QJsonObject written = planToJson(*plan, MarketRegistry::builtIn());
    QCOMPARE(written.value(QStringLiteral("notes")).toString(), QStringLiteral("from a newer app"));
    QCOMPARE(
        written.value(QStringLiteral("collateral")).toObject().value(QStringLiteral("oracle")).toString(),
        QStringLiteral("0x785765De"));
    QCOMPARE(written.value(QStringLiteral("collateral")).toObject().value(QStringLiteral("ltv")).toDouble(),
             0.75);
    // Known values win over a stale copy in the unknown fields.
    Plan edited = *plan;
    edited.collateral.ltv = 0.7;
    QCOMPARE(planToJson(edited, MarketRegistry::builtIn())
                 .value(QStringLiteral("collateral"))
                 .toObject()
                 .value(QStringLiteral("ltv"))
                 .toDouble(),
             0.7);
}

void TestPlanJson::badDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // first error, "field: message"

    const QByteArray fixture = fixtureBytes();
    QTest::newRow("empty") << QByteArray() << "the file is empty, not a plan";
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << "the file is empty, not a plan";
    QTest::newRow("truncated") << fixture.left(fixture.size() / 2) << "not valid JSON at line ";
    QTest::newRow("not JSON") << QByteArray("format = plan\n") << "not valid JSON at line 1, column ";
    QTest::newRow("array") << QByteArray("[1, 2]") << "a plan is a JSON object, this file holds an array";
    QTest::newRow("NaN literal")
        << withValue(QStringLiteral("deposit"), "1").replace("\"deposit\": 1", "\"deposit\": NaN")
        << "not valid JSON at line";
    QTest::newRow("non-UTF-8 bytes") << QByteArray(fixture).replace("wstETH loop", "wst\xff\xfe loop")
                                     << "not valid JSON at line";
    QTest::newRow("wrong format") << withValue(QStringLiteral("format"), "\"something-else\"")
                                  << "format: must be \"leverage-planner-plan\" (got \"something-else\")";
    QTest::newRow("version missing") << withValue(QStringLiteral("version"), "") << "version: is required";
    QTest::newRow("version string") << withValue(QStringLiteral("version"), "\"1\"")
                                    << "version: expected a number, got a string (\"1\")";
    QTest::newRow("version 0") << withValue(QStringLiteral("version"), "0")
                               << "version: must be at least 1 (got 0)";
    QTest::newRow("version 1.5") << withValue(QStringLiteral("version"), "1.5")
                                 << "version: expected a whole number, got 1.5";
    QTest::newRow("deposit missing") << withValue(QStringLiteral("deposit"), "") << "deposit: is required";
    QTest::newRow("deposit string") << withValue(QStringLiteral("deposit"), "\"10\"")
                                    << "deposit: expected a number, got a string (\"10\")";
    QTest::newRow("NaN spelled in a string")
        << withValue(QStringLiteral("collateral.priceUsd"), "\"NaN\"")
        << "collateral.priceUsd: expected a number, got a string (\"NaN\")";
    QTest::newRow("Infinity in a string") << withValue(QStringLiteral("deposit"), "\"Infinity\"")
                                          << "deposit: expected a number, got a string (\"Infinity\")";
    QTest::newRow("deposit negative")
        << withValue(QStringLiteral("deposit"), "-3") << "deposit: must be above 0 (got -3)";
    QTest::newRow("deposit 1e308") << withValue(QStringLiteral("deposit"), "1e308")
                                   << "deposit: must be at most 1e+12 (got 1e+308)";
    QTest::newRow("price 0") << withValue(QStringLiteral("collateral.priceUsd"), "0")
                             << "collateral.priceUsd: must be above 0 (got 0)";
    QTest::newRow("ltv above lt") << withValue(QStringLiteral("collateral.ltv"), "0.85")
                                  << "collateral.liquidationThreshold: must be above ltv (0.85)";
    QTest::newRow("collateral not object") << withValue(QStringLiteral("collateral"), "\"wstETH\"")
                                           << "collateral: expected an object, got a string (\"wstETH\")";
    QTest::newRow("collateral missing")
        << withValue(QStringLiteral("collateral"), "") << "collateral: is required";
    QTest::newRow("symbol number") << withValue(QStringLiteral("borrow.symbol"), "42")
                                   << "borrow.symbol: expected a string, got a number";
    QTest::newRow("lt missing") << withValue(QStringLiteral("collateral.liquidationThreshold"), "")
                                << "collateral.liquidationThreshold: is required";
    QTest::newRow("unknown mode")
        << withValue(QStringLiteral("strategy.mode"), "\"yolo\"")
        << "strategy.mode: must be one of loops, targetLeverage, targetHealthFactor (got \"yolo\")";
    QTest::newRow("loops missing") << withValue(QStringLiteral("strategy.loops"), "")
                                   << "strategy.loops: is required";
    QTest::newRow("loops fractional") << withValue(QStringLiteral("strategy.loops"), "2.5")
                                      << "strategy.loops: expected a whole number, got 2.5";
    QTest::newRow("loops null") << withValue(QStringLiteral("strategy.loops"), "null")
                                << "strategy.loops: expected a number, got null";
    QTest::newRow("execution unknown") << withValue(QStringLiteral("execution"), "\"teleport\"")
                                       << "execution: must be one of loop, flashLoan (got \"teleport\")";
    QTest::newRow("price model unknown")
        << withValue(QStringLiteral("borrow.priceModel"), "\"floating\"")
        << "borrow.priceModel: must be one of fixed, tracksCollateral (got \"floating\")";
    QTest::newRow("costs array") << withValue(QStringLiteral("costs"), "[5, 10]")
                                 << "costs: expected an object, got an array";
    QTest::newRow("gas bool") << withValue(QStringLiteral("costs.gasUsdPerTx"), "true")
                              << "costs.gasUsdPerTx: expected a number, got a boolean";
    QTest::newRow("horizon negative") << withValue(QStringLiteral("horizonDays"), "-1")
                                      << "horizonDays: must be between 1 and 36500 (got -1)";
}

void TestPlanJson::badDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Expected<Plan> plan = parsePlan(json, MarketRegistry::builtIn());
    QVERIFY(!plan);
    const QString first = plan.errors().first().toString();
    QVERIFY2(first.startsWith(expected), qPrintable(first));
}

void TestPlanJson::newerVersionNamesBothVersions()
{
    const Expected<Plan> plan =
        parsePlan(withValue(QStringLiteral("version"), "2"), MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().size(), 1);
    QCOMPARE(plan.errors().first().toString(),
             QStringLiteral(
                 "version: this plan is format version 2; this Leverage Planner reads version 1 and older. "
                 "Open it with a newer Leverage Planner."));
}

void TestPlanJson::collectsSeveralErrors()
{
    QByteArray json = withValue(QStringLiteral("deposit"), "\"ten\"");
    json = QJsonDocument::fromJson(json).toJson();
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonObject borrow = root[QStringLiteral("borrow")].toObject();
    borrow[QStringLiteral("priceUsd")] = QStringLiteral("3000");
    root[QStringLiteral("borrow")] = borrow;
    const Expected<Plan> plan = parsePlan(QJsonDocument(root).toJson(), MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().size(), 2);
    QCOMPARE(plan.errors()[0].field, QStringLiteral("deposit"));
    QCOMPARE(plan.errors()[1].field, QStringLiteral("borrow.priceUsd"));
}

void TestPlanJson::readFileErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Expected<Plan> missing =
        readPlanFile(dir.filePath(QStringLiteral("nope.json")), MarketRegistry::builtIn());
    QVERIFY(!missing);
    QCOMPARE(missing.errors().first().message, QStringLiteral("no such file"));
    QVERIFY(missing.errors().first().field.endsWith(QStringLiteral("nope.json")));
    const Expected<Plan> directory = readPlanFile(dir.path(), MarketRegistry::builtIn());
    QVERIFY(!directory);
    QCOMPARE(directory.errors().first().message, QStringLiteral("is a directory, not a plan file"));
    QVERIFY(readPlanFile(QStringLiteral(LP_TEST_DATA_DIR "/wsteth-loop.json"), MarketRegistry::builtIn()));
}

void TestPlanJson::hugeFileIsRefusedWithoutParsing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(50LL * 1024 * 1024)); // sparse 50 MB file
    f.close();
    const Expected<Plan> plan = readPlanFile(path, MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(
        plan.errors().first().message,
        QStringLiteral("is 52428800 bytes, larger than a plan file may be (at most 16 MB, 16777216 bytes)"));
}

QTEST_APPLESS_MAIN(TestPlanJson)
#include "tst_planjson.moc"
