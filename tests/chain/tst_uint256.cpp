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

    void addAndSubtractCarryAcrossLimbs()
    {
        const UInt256 low(~0ULL); // 2^64 - 1
        QCOMPARE(UInt256::add(low, UInt256(1)).value().toDecimal(), QStringLiteral("18446744073709551616"));
        QVERIFY(!UInt256::add(UInt256::max(), UInt256(1)).has_value());
        const UInt256 twoTo64 = *UInt256::fromDecimal(QStringLiteral("18446744073709551616"));
        QCOMPARE(UInt256::subtract(twoTo64, UInt256(1)).value(), low);
        QVERIFY(!UInt256::subtract(UInt256(1), UInt256(2)).has_value());
        QCOMPARE(UInt256::subtract(UInt256(5), UInt256(5)).value(), UInt256(0));
    }

    void mulDivRoundsEachWay()
    {
        // 7 x 5 / 3 = 11.67: 11 down, 12 up; an exact quotient is the same both ways.
        QCOMPARE(UInt256::mulDiv(7, 5, 3).value(), UInt256(11));
        QCOMPARE(UInt256::mulDiv(7, 5, 3, true).value(), UInt256(12));
        QCOMPARE(UInt256::mulDiv(6, 5, 3, true).value(), UInt256(10));
        // 1e30 x 1e30 / 1e20 = 1e40: the product (1e60) needs more than 128 bits.
        const UInt256 e30 = *UInt256::fromDecimal(QStringLiteral("1") + QString(30, u'0'));
        const UInt256 e20 = *UInt256::fromDecimal(QStringLiteral("1") + QString(20, u'0'));
        QCOMPARE(UInt256::mulDiv(e30, e30, e20).value().toDecimal(), QStringLiteral("1") + QString(40, u'0'));
        // (2^256 - 1)^2 / (2^256 - 1): the 512-bit product divides back exactly.
        QCOMPARE(UInt256::mulDiv(UInt256::max(), UInt256::max(), UInt256::max()).value(), UInt256::max());
        // (2^256 - 1) x 2 / 1 does not fit; nor does anything over 0.
        QVERIFY(!UInt256::mulDiv(UInt256::max(), 2, 1).has_value());
        QVERIFY(!UInt256::mulDiv(1, 1, 0).has_value());
        // Rounding up at the top: (2^256 - 1) x 3 / 3 is exact, so up adds nothing.
        QCOMPARE(UInt256::mulDiv(UInt256::max(), 3, 3, true).value(), UInt256::max());
    }

    void mulDivPropertyQuotientBracketsTheProduct()
    {
        // For a, b below 2^128 the product fits 256 bits: q = floor(a b / d) must satisfy
        // q d <= a b < (q + 1) d, and the rounded-up quotient is q or q + 1 as the remainder says.
        QRandomGenerator rng(20261130);
        const auto random128 = [&rng] {
            QByteArray bytes(16, '\0');
            for (char &c : bytes)
                c = static_cast<char>(rng.bounded(256));
            return *UInt256::fromBigEndian(bytes);
        };
        for (int i = 0; i < 500; ++i) {
            const UInt256 a = random128();
            const UInt256 b = random128();
            UInt256 d = i % 2 == 0 ? random128() : UInt256(rng.generate64() | 1U);
            if (d.isZero())
                d = 1;
            const UInt256 product = UInt256::mulDiv(a, b, 1).value();
            const UInt256 q = UInt256::mulDiv(a, b, d).value();
            const UInt256 qd = UInt256::mulDiv(q, d, 1).value();
            QVERIFY(qd <= product);
            QVERIFY(UInt256::add(qd, d).value() > product);
            const UInt256 up = UInt256::mulDiv(a, b, d, true).value();
            QCOMPARE(up, qd == product ? q : UInt256::add(q, 1).value());
        }
    }
};

QTEST_GUILESS_MAIN(TestUInt256)
#include "tst_uint256.moc"
