// Duplicate keys in plan and market files: JSON parsers keep the last value without a word, so a shared
// file could show one value to a reader and compute with another. Each duplicate is an error naming it.
#include "jsonreader.h"
#include "marketjson.h"
#include "marketregistry.h"
#include "planjson.h"

#include <QFile>
#include <QTest>

using namespace lp;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(LP_TEST_DATA_DIR "/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList fields(const ValidationErrors &errors)
{
    QStringList out;
    for (const ValidationError &e : errors)
        out << e.field;
    return out;
}

} // namespace

class TestJsonReader : public QObject {
    Q_OBJECT
private slots:
    void findsDuplicatesByPath_data();
    void findsDuplicatesByPath();
    void planWithADuplicateKeyIsRefused();
    void marketWithADuplicateKeyIsRefused();
};

void TestJsonReader::findsDuplicatesByPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("duplicates");
    QTest::newRow("none") << QByteArray(R"({"a": 1, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]})")
                          << QStringList();
    QTest::newRow("top level") << QByteArray(R"({"deposit": 1, "x": 2, "deposit": 1e9})")
                               << QStringList{QStringLiteral("deposit")};
    QTest::newRow("nested") << QByteArray(R"({"collateral": {"priceUsd": 1, "priceUsd": 2}})")
                            << QStringList{QStringLiteral("collateral.priceUsd")};
    QTest::newRow("in an array") << QByteArray(
                                        R"({"reserves": [{"ltv": 1}, {"ltv": 1, "s": "}", "ltv": 2}]})")
                                 << QStringList{QStringLiteral("reserves[1].ltv")};
    QTest::newRow("escaped spelling")
        << QByteArray(R"({"ab": 1, "a\u0062": 2})") << QStringList{QStringLiteral("ab")};
    QTest::newRow("string values are not keys")
        << QByteArray(R"({"a": "a", "b": ["a", "a"], "c": "\"a\": 1"})") << QStringList();
}

void TestJsonReader::findsDuplicatesByPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, duplicates);
    QCOMPARE(fields(findDuplicateKeys(json)), duplicates);
}

void TestJsonReader::planWithADuplicateKeyIsRefused()
{
    QByteArray doc = fixture("wsteth-loop.json");
    QVERIFY(parsePlan(doc, MarketRegistry::builtIn()));
    const qsizetype brace = doc.indexOf('{');
    doc.insert(brace + 1, R"("deposit": 1000000, )");
    const Expected<Plan> plan = parsePlan(doc, MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().size(), 1);
    QCOMPARE(plan.errors().first().field, QStringLiteral("deposit"));
    QVERIFY(plan.errors().first().message.startsWith(QLatin1String("appears more than once")));
}

void TestJsonReader::marketWithADuplicateKeyIsRefused()
{
    const Expected<Market> market =
        parseMarket(R"({"format": "leverage-planner-market", "id": "a", "id": "b"})");
    QVERIFY(!market);
    QCOMPARE(fields(market.errors()), QStringList{QStringLiteral("id")});
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
