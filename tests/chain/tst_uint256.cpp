#include "uint256.h"

#include <QtTest>

using lp::chain::UInt256;

class TestUInt256 : public QObject {
    Q_OBJECT

private slots:
    void decimalRoundTripsAtTheLimits()
    {
        const QString max = QStringLiteral(
            "115792089237316195423570985008687907853269984665640564039457584007913129639935"); // 2^256 - 1
        QCOMPARE(UInt256::max().toDecimal(), max);
        QCOMPARE(UInt256::fromDecimal(max).value(), UInt256::max());
        QVERIFY(!UInt256::fromDecimal(
                     QStringLiteral(
                         "115792089237316195423570985008687907853269984665640564039457584007913129639936"))
                     .has_value()); // 2^256 overflows
        QCOMPARE(UInt256().toDecimal(), QStringLiteral("0"));
        QCOMPARE(UInt256(18446744073709551615ULL).toDecimal(), QStringLiteral("18446744073709551615"));
        QVERIFY(!UInt256::fromDecimal(QStringLiteral("12a")).has_value());
        QVERIFY(!UInt256::fromDecimal(QString()).has_value());
    }

    void bigEndianBytes()
    {
        const UInt256 v = UInt256::fromBigEndian(QByteArray::fromHex("0102")).value();
        QCOMPARE(v, UInt256(258));
        QCOMPARE(v.toBigEndian(), QByteArray(30, '\0') + QByteArray::fromHex("0102"));
        QVERIFY(!UInt256::fromBigEndian(QByteArray(33, '\1')).has_value());
        // 2^64 = 18446744073709551616: the second limb.
        const UInt256 twoTo64 = UInt256::fromBigEndian(QByteArray::fromHex("010000000000000000")).value();
        QCOMPARE(twoTo64.toDecimal(), QStringLiteral("18446744073709551616"));
        QVERIFY(!twoTo64.fitsUint64());
        QVERIFY(twoTo64 > UInt256(~0ULL));
    }

    void toDoubleScalesByDecimals()
    {
        // A RAY rate: 0.035 * 1e27. The result is the double nearest to the exact quotient.
        const UInt256 ray = UInt256::fromDecimal(QStringLiteral("35000000000000000000000000")).value();
        QCOMPARE(ray.toDouble(27), 0.035);
        // An 8-decimal oracle price: 2000.12345678 USD.
        QCOMPARE(UInt256(200012345678ULL).toDouble(8), 2000.12345678);
        QCOMPARE(UInt256(5).toDouble(3), 0.005);
        QCOMPARE(UInt256(7).toDouble(0), 7.0);
    }

    void bitsReadAConfigurationBitmap()
    {
        // Aave's ReserveConfiguration: bits 0-15 LTV, 16-31 threshold, 32-47 bonus, 56 active.
        UInt256 v = UInt256::fromBigEndian(QByteArray::fromHex("0100002904206c1f40")).value();
        QCOMPARE(v.bits(0, 16), quint64{8000});   // 0x1f40
        QCOMPARE(v.bits(16, 16), quint64{8300});  // 0x206c
        QCOMPARE(v.bits(32, 16), quint64{10500}); // 0x2904
        QVERIFY(v.bit(64));
        QVERIFY(!v.bit(63));
    }

    void divideAndMultiply()
    {
        UInt256 v = UInt256::max();
        QCOMPARE(v.divideBy(10), 5U);
        QVERIFY(v.multiplyAdd(10, 5));
        QCOMPARE(v, UInt256::max());
        QVERIFY(!v.multiplyAdd(2, 0));
    }
};

QTEST_GUILESS_MAIN(TestUInt256)
#include "tst_uint256.moc"
