#include "marketjson.h"
#include "marketregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace lp;

namespace {

Market fetchedExample()
{
    Market m = MarketRegistry::builtIn().entries().first().market;
    ReserveChainData d;
    d.address = QStringLiteral("0x4ed7c70F96B99c776995fB64377f0d4aB3B0e1C1");
    d.priceUsd = 2000.12345678;
    d.frozen = true;
    d.supplyCap = 2000000;
    d.borrowCap = 1000000;
    d.totalSupply = 1000000;
    d.totalDebt = 400000;
    d.availableLiquidity = 600000;
    d.utilization = 0.4;
    m.reserves[0].onChain = d;
    FetchedRecord f;
    f.chainId = 31337;
    f.blockNumber = 72;
    f.blockTime = QDateTime(QDate(2026, 11, 30), QTime(6, 56, 43), Qt::UTC);
    f.rpcHost = QStringLiteral("http://127.0.0.1:8545");
    f.protocol = QStringLiteral("aave-v3");
    f.version = QStringLiteral("3.0 (pool revision 1)");
    f.contracts = {{QStringLiteral("pool"), QStringLiteral("0xa16E02E87b7454126E5E10d957A927A7F5B5d2be")},
                   {QStringLiteral("poolAddressesProvider"),
                    QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3")}};
    m.fetched = f;
    return m;
}

QByteArray withReserveField(const Market &m, const QString &key, const QJsonValue &value)
{
    QJsonObject root = marketToJson(m);
    QJsonArray reserves = root[QStringLiteral("reserves")].toArray();
    QJsonObject r = reserves[0].toObject();
    if (value.isUndefined())
        r.remove(key);
    else
        r[key] = value;
    reserves[0] = r;
    root[QStringLiteral("reserves")] = reserves;
    return QJsonDocument(root).toJson();
}

} // namespace

class TestFetchedMarket : public QObject {
    Q_OBJECT

private slots:
    void roundTripsThroughTheMarketFile()
    {
        const Market m = fetchedExample();
        const Expected<Market> back = parseMarket(QJsonDocument(marketToJson(m)).toJson());
        QVERIFY2(back.hasValue(), back.hasValue() ? "" : qPrintable(back.errors().first().message));
        QCOMPARE(back->reserves[0].onChain, m.reserves[0].onChain);
        QCOMPARE(back->fetched->blockTime, m.fetched->blockTime);
        QCOMPARE(back->fetched->contracts.size(), qsizetype{2});
        QVERIFY(back->fetched == m.fetched);
        QVERIFY(back.value() == m);
        QCOMPARE(
            marketToJson(m)[QStringLiteral("fetched")].toObject()[QStringLiteral("blockTime")].toString(),
            QStringLiteral("2026-11-30T06:56:43Z"));
    }

    void presetsHaveNoChainData()
    {
        for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries()) {
            QVERIFY(!e.market.fetched.has_value());
            QVERIFY(!marketToJson(e.market).contains(QStringLiteral("fetched")));
            for (const Reserve &r : e.market.reserves)
                QVERIFY(!r.onChain.has_value());
        }
    }

    void chainFieldsAreCheckedWithTheirPaths_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("path");
        QTest::newRow("no caps") << "caps" << QJsonValue(QJsonValue::Undefined) << "reserves[0].caps";
        QTest::newRow("utilization above 1") << "utilization" << QJsonValue(1.5) << "reserves[0].utilization";
        QTest::newRow("price 0") << "priceUsd" << QJsonValue(0.0) << "reserves[0].priceUsd";
        QTest::newRow("unknown status")
            << "status" << QJsonValue(QJsonObject{{QStringLiteral("asleep"), true}})
            << "reserves[0].status.active";
    }
    void chainFieldsAreCheckedWithTheirPaths()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        const Expected<Market> parsed = parseMarket(withReserveField(fetchedExample(), key, value));
        QVERIFY(!parsed.hasValue());
        QVERIFY2(parsed.errors().first().field == path, qPrintable(formatErrors(parsed.errors())));
    }

    void badBlockTimeIsAnError()
    {
        QJsonObject root = marketToJson(fetchedExample());
        QJsonObject f = root[QStringLiteral("fetched")].toObject();
        f[QStringLiteral("blockTime")] = QStringLiteral("yesterday");
        f[QStringLiteral("blockNumber")] = 1.5;
        root[QStringLiteral("fetched")] = f;
        const Expected<Market> parsed = parseMarket(QJsonDocument(root).toJson());
        QVERIFY(!parsed.hasValue());
        const QString all = formatErrors(parsed.errors());
        QVERIFY2(all.contains(u"fetched.blockTime") && all.contains(u"fetched.blockNumber"), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestFetchedMarket)
#include "tst_fetchedmarket.moc"
