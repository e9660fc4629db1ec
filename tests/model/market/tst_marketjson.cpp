// Market JSON (resources/markets/*.json schema): a table of broken files, each failing with its field
// path, and the write / read round trip.
#include "marketjson.h"
#include "testutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

namespace {

// A minimal valid market file: two stables in one e-mode category and WETH.
const char kValidMarket[] = R"({
  "format": "leverage-planner-market", "version": 1,
  "id": "test-market", "name": "Test market", "chain": "Testnet", "chainId": 324,
  "asOf": "2025-01-15", "source": "hand-made for tests", "notes": "",
  "liquidationRules": "aave-v3.0", "flashLoanPremium": 0.0005, "estimates": ["flashLoanPremium"],
  "reserves": [
    {"symbol": "USDC", "name": "USD Coin", "decimals": 6, "ltv": 0.8, "liquidationThreshold": 0.85,
     "liquidationBonus": 0.05, "liquidationProtocolFee": 0.1, "reserveFactor": 0.1,
     "usableAsCollateral": true, "borrowable": true,
     "rateStrategy": {"optimalUtilization": 0.9, "baseRate": 0, "slope1": 0.04, "slope2": 0.6},
     "supplyApy": 0.02, "borrowApy": 0.03, "nativeYield": 0, "defaultPriceUsd": 1,
     "estimates": ["supplyApy", "borrowApy"]},
    {"symbol": "USDT", "name": "Tether USD", "decimals": 6, "ltv": 0.75, "liquidationThreshold": 0.8,
     "liquidationBonus": 0.05, "liquidationProtocolFee": 0.1, "reserveFactor": 0.1,
     "usableAsCollateral": true, "borrowable": true, "defaultPriceUsd": 1},
    {"symbol": "WETH", "name": "Wrapped Ether", "decimals": 18, "ltv": 0.8, "liquidationThreshold": 0.825,
     "liquidationBonus": 0.05, "liquidationProtocolFee": 0.1, "reserveFactor": 0.1,
     "usableAsCollateral": true, "borrowable": true, "defaultPriceUsd": 3000, "notes": "ETH"}
  ],
  "eModes": [
    {"id": 1, "label": "Stablecoins", "ltv": 0.97, "liquidationThreshold": 0.975, "liquidationBonus": 0.01,
     "members": ["USDC", "USDT"]}
  ]
})";

QJsonObject validObject()
{
    return QJsonDocument::fromJson(kValidMarket).object();
}

// Sets (or with an undefined value removes) the value at a path such as "reserves[1].ltv".
QJsonValue withValue(QJsonValue node, QStringList parts, const QJsonValue &value)
{
    if (parts.isEmpty())
        return value;
    const QString head = parts.takeFirst();
    static const QRegularExpression indexed(QStringLiteral("^(\\w+)\\[(\\d+)\\]$"));
    const QRegularExpressionMatch m = indexed.match(head);
    QJsonObject object = node.toObject();
    if (!m.hasMatch()) {
        if (parts.isEmpty() && value.isUndefined())
            object.remove(head);
        else
            object[head] = withValue(object.value(head), parts, value);
        return object;
    }
    QJsonArray array = object.value(m.captured(1)).toArray();
    const auto i = m.captured(2).toLongLong();
    array[i] = withValue(array.at(i), parts, value);
    object[m.captured(1)] = array;
    return object;
}

QByteArray mutated(const QString &path, const QJsonValue &value)
{
    const QJsonObject o = withValue(validObject(), path.split(QLatin1Char('.')), value).toObject();
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestMarketJson : public QObject {
    Q_OBJECT
private slots:
    void validFileParses();
    void brokenFiles_data();
    void brokenFiles();
    void syntaxErrors_data();
    void syntaxErrors();
    void newerVersionIsAClearError();
    void roundTrip();
    void writeAndReadFile();
    void missingOrOversizedFile();
};

void TestMarketJson::validFileParses()
{
    const Expected<Market> m = parseMarket(kValidMarket);
    QVERIFY2(m, qPrintable(m ? QString() : formatErrors(m.errors())));
    QCOMPARE(m->id, QStringLiteral("test-market"));
    QCOMPARE(m->asOf, QDate(2025, 1, 15));
    QCOMPARE(m->chainId, 324);
    QCOMPARE(m->reserves.size(), 3);
    QCOMPARE(m->reserves[0].decimals, 6);
    QVERIFY(m->reserves[0].rateStrategy);
    QCOMPARE(m->reserves[0].rateStrategy->slope2, 0.6);
    QVERIFY(!m->reserves[1].rateStrategy);
    QVERIFY(m->reserves[0].isEstimate(QStringLiteral("borrowApy")));
    QVERIFY(!m->reserves[0].isEstimate(QStringLiteral("ltv")));
    QVERIFY(m->isEstimate(QStringLiteral("flashLoanPremium")));
    QCOMPARE(m->eModes.size(), 1);
    QCOMPARE(m->eModes[0].members, QStringList({QStringLiteral("USDC"), QStringLiteral("USDT")}));
    // Optional reserve fields take their defaults.
    QCOMPARE(m->reserves[1].supplyApy, 0.0);
}

void TestMarketJson::brokenFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    const QJsonValue removed(QJsonValue::Undefined);
    const auto row = [](const char *name, const char *path, const QJsonValue &value, const char *field) {
        QTest::newRow(name) << QString::fromLatin1(path) << value << QString::fromLatin1(field);
    };
    // Impossible values (validateMarket).
    row("ltv > lt", "reserves[2].ltv", 0.9, "reserves[2].liquidationThreshold");
    row("lt > 1", "reserves[1].liquidationThreshold", 1.01, "reserves[1].liquidationThreshold");
    // 0.85 x (1 + 0.2) = 1.02 > 1.
    row("lt x (1 + bonus) > 1", "reserves[0].liquidationBonus", 0.2, "reserves[0].liquidationBonus");
    row("negative decimals", "reserves[2].decimals", -18, "reserves[2].decimals");
    row("duplicate symbol", "reserves[2].symbol", QStringLiteral("usdc"), "reserves[2].symbol");
    row("e-mode member that does not exist", "eModes[0].members",
        QJsonArray{QStringLiteral("USDC"), QStringLiteral("DAI")}, "eModes[0].members[1]");
    row("e-mode ltv > lt", "eModes[0].ltv", 0.99, "eModes[0].liquidationThreshold");
    row("rate kink at 0", "reserves[0].rateStrategy.optimalUtilization", 0,
        "reserves[0].rateStrategy.optimalUtilization");
    row("bad id", "id", QStringLiteral("My Market"), "id");
    row("bad date", "asOf", QStringLiteral("15/01/2025"), "asOf");
    row("empty source", "source", QStringLiteral(" "), "source");
    // Wrong types.
    row("ltv as a string", "reserves[0].ltv", QStringLiteral("0.8"), "reserves[0].ltv");
    row("decimals not whole", "reserves[0].decimals", 6.5, "reserves[0].decimals");
    row("borrowable as a number", "reserves[1].borrowable", 1, "reserves[1].borrowable");
    row("reserves as an object", "reserves", QJsonObject{}, "reserves");
    row("reserve as a string", "reserves[1]", QStringLiteral("USDT"), "reserves[1]");
    row("member as a number", "eModes[0].members", QJsonArray{1}, "eModes[0].members[0]");
    row("rate strategy as an array", "reserves[0].rateStrategy", QJsonArray{}, "reserves[0].rateStrategy");
    row("unknown rule set", "liquidationRules", QStringLiteral("aave-v9"), "liquidationRules");
    row("wrong format", "format", QStringLiteral("leverage-planner-plan"), "format");
    // Missing and unknown fields: a typo must not fall back to a default.
    row("missing asOf", "asOf", removed, "asOf");
    row("missing source", "source", removed, "source");
    row("missing ltv", "reserves[1].ltv", removed, "reserves[1].ltv");
    row("missing rate slope", "reserves[0].rateStrategy.slope2", removed, "reserves[0].rateStrategy.slope2");
    row("unknown reserve field", "reserves[0].liquidationTreshold", 0.85, "reserves[0].liquidationTreshold");
    row("unknown top-level field", "reservez", QJsonArray{}, "reservez");
    row("version 0", "version", 0, "version");
}

void TestMarketJson::brokenFiles()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    const Expected<Market> m = parseMarket(mutated(path, value));
    QVERIFY2(!m, "a broken file was accepted");
    QStringList fields;
    for (const ValidationError &e : m.errors())
        fields << e.field;
    QVERIFY2(fields.contains(field), qPrintable(formatErrors(m.errors())));
}

void TestMarketJson::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QByteArray truncated(kValidMarket);
    truncated.truncate(truncated.size() / 2);
    QTest::newRow("truncated") << truncated << QStringLiteral("not valid JSON at line");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("an array");
    QTest::newRow("trailing comma") << QByteArray(R"({"format": "leverage-planner-market",})")
                                    << QStringLiteral("not valid JSON at line 1");
}

void TestMarketJson::syntaxErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Expected<Market> m = parseMarket(json);
    QVERIFY(!m);
    QCOMPARE(m.errors().size(), 1);
    QVERIFY2(m.errors().first().message.contains(message), qPrintable(m.errors().first().message));
}

void TestMarketJson::newerVersionIsAClearError()
{
    const Expected<Market> m = parseMarket(mutated(QStringLiteral("version"), 2));
    QVERIFY(!m);
    QCOMPARE(m.errors().size(), 1);
    QCOMPARE(m.errors().first().field, QStringLiteral("version"));
    QVERIFY(m.errors().first().message.contains(QStringLiteral("version 2")));
}

void TestMarketJson::roundTrip()
{
    const Expected<Market> m = parseMarket(kValidMarket);
    QVERIFY(m);
    const QByteArray written = QJsonDocument(marketToJson(*m)).toJson();
    const Expected<Market> again = parseMarket(written);
    QVERIFY2(again, qPrintable(again ? QString() : formatErrors(again.errors())));
    QCOMPARE(*again, *m);
    // And stable: writing the re-read market gives the same bytes.
    QCOMPARE(QJsonDocument(marketToJson(*again)).toJson(), written);
}

void TestMarketJson::writeAndReadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Expected<Market> m = parseMarket(kValidMarket);
    QVERIFY(m);
    const QString path = dir.filePath(QStringLiteral("test-market.json"));
    QVERIFY(writeMarketFile(*m, path).isEmpty());
    const Expected<Market> read = readMarketFile(path);
    QVERIFY(read);
    QCOMPARE(*read, *m);
    // A directory that does not exist: the error names the path.
    const QString bad = dir.filePath(QStringLiteral("no/such/dir/x.json"));
    const ValidationErrors errors = writeMarketFile(*m, bad);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, bad);
}

void TestMarketJson::missingOrOversizedFile()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    const Expected<Market> m = readMarketFile(missing);
    QVERIFY(!m);
    QCOMPARE(m.errors().first().field, missing);
    const Expected<Market> d = readMarketFile(dir.path());
    QVERIFY(!d);
    QVERIFY(d.errors().first().message.contains(QStringLiteral("directory")));
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile f(big);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(kMaxMarketFileBytes + 1));
    f.close();
    const Expected<Market> b = readMarketFile(big);
    QVERIFY(!b);
    QVERIFY(b.errors().first().message.contains(QStringLiteral("larger")));
}

QTEST_APPLESS_MAIN(TestMarketJson)
#include "tst_marketjson.moc"
