#include "abi.h"

#include <QtTest>

using namespace lp::chain;

namespace {

// Concatenated 32-byte words written as hex, as the Solidity ABI specification prints its examples.
QByteArray words(const QStringList &hexWords)
{
    QByteArray out;
    for (const QString &w : hexWords)
        out += QByteArray::fromHex(w.toLatin1()).rightJustified(32, '\0');
    return out;
}

QByteArray leftWord(const char *ascii)
{
    return QByteArray(ascii).leftJustified(32, '\0');
}

AbiValue u(quint64 v)
{
    return AbiValue::uint(UInt256(v));
}

QList<AbiType> types(const char *list)
{
    return AbiType::parseList(QString::fromLatin1(list)).value();
}

} // namespace

class TestAbi : public QObject {
    Q_OBJECT

private slots:
    void keccakIsEthereumsKeccak()
    {
        QCOMPARE(keccak256({}).toHex(),
                 QByteArray("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    }

    void knownSelectors_data()
    {
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QByteArray>("selector");
        QTest::newRow("ERC-20 transfer") << "transfer(address,uint256)" << QByteArray("a9059cbb");
        QTest::newRow("ERC-20 balanceOf") << "balanceOf(address)" << QByteArray("70a08231");
        QTest::newRow("Pool getReserveData") << "getReserveData(address)" << QByteArray("35ea6a75");
        QTest::newRow("Pool getReservesList") << "getReservesList()" << QByteArray("d1946dbc");
        QTest::newRow("spec baz") << "baz(uint32,bool)" << QByteArray("cdcd77c0");
        QTest::newRow("spec bar") << "bar(bytes3[2])" << QByteArray("fce353f6");
        QTest::newRow("spec sam") << "sam(bytes,bool,uint256[])" << QByteArray("a5643bf2");
        QTest::newRow("spec f") << "f(uint256,uint32[],bytes10,bytes)" << QByteArray("8be65246");
        QTest::newRow("spec g") << "g(uint256[][],string[])" << QByteArray("2289b18c");
    }
    void knownSelectors()
    {
        QFETCH(QString, signature);
        QFETCH(QByteArray, selector);
        QCOMPARE(functionSelector(signature).toHex(), selector);
        const AbiFunction f(signature, u"");
        QVERIFY(f.isValid());
        QCOMPARE(f.selector().toHex(), selector);
    }

    void typesParseToTheirCanonicalSpelling()
    {
        QCOMPARE(AbiType::parse(u"uint").value().canonical(), QStringLiteral("uint256"));
        QCOMPARE(AbiType::parse(u"(address, uint)[]").value().canonical(),
                 QStringLiteral("(address,uint256)[]"));
        QCOMPARE(AbiType::parse(u"(string,(bool,bytes32))[2][]").value().canonical(),
                 QStringLiteral("(string,(bool,bytes32))[2][]"));
        QVERIFY(!AbiType::parse(u"uint7").hasValue());
        QVERIFY(!AbiType::parse(u"bytes33").hasValue());
        QVERIFY(!AbiType::parse(u"(uint256").hasValue());
        QVERIFY(!AbiType::parse(u"float").hasValue());
        QVERIFY(AbiType::parse(u"(uint256,string)").value().isDynamic());
        QCOMPARE(AbiType::parse(u"(uint256,bool)[3]").value().headSize(), qsizetype{192});
    }

    void specStaticArguments()
    {
        // baz(69, true) and bar(["abc", "def"]) from the specification.
        const AbiFunction baz(u"baz(uint32,bool)", u"");
        QCOMPARE(baz.encodeCall({u(69), AbiValue::boolean(true)}).value(),
                 QByteArray::fromHex("cdcd77c0") + words({QStringLiteral("45"), QStringLiteral("01")}));
        const AbiFunction bar(u"bar(bytes3[2])", u"");
        const AbiValue abcDef = AbiValue::list({AbiValue::blob("abc"), AbiValue::blob("def")});
        QCOMPARE(bar.encodeCall({abcDef}).value(),
                 QByteArray::fromHex("fce353f6") + leftWord("abc") + leftWord("def"));
        QCOMPARE(abiDecode(types("bytes3[2]"), leftWord("abc") + leftWord("def")).value().first(), abcDef);
    }

    void specDynamicArguments()
    {
        // sam("dave", true, [1, 2, 3]).
        const QByteArray sam =
            words({QStringLiteral("60"), QStringLiteral("01"), QStringLiteral("a0"), QStringLiteral("04")}) +
            leftWord("dave") +
            words({QStringLiteral("03"), QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03")});
        const QList<AbiValue> samValues{AbiValue::blob("dave"), AbiValue::boolean(true),
                                        AbiValue::list({u(1), u(2), u(3)})};
        QCOMPARE(abiEncode(types("bytes,bool,uint256[]"), samValues).value(), sam);
        QCOMPARE(abiDecode(types("bytes,bool,uint256[]"), sam).value(), samValues);

        // f(0x123, [0x456, 0x789], "1234567890", "Hello, world!").
        const QByteArray f = words({QStringLiteral("0123"), QStringLiteral("80")}) + leftWord("1234567890") +
                             words({QStringLiteral("e0"), QStringLiteral("02"), QStringLiteral("0456"),
                                    QStringLiteral("0789"), QStringLiteral("0d")}) +
                             leftWord("Hello, world!");
        const QList<AbiValue> fValues{u(0x123), AbiValue::list({u(0x456), u(0x789)}),
                                      AbiValue::blob("1234567890"), AbiValue::blob("Hello, world!")};
        QCOMPARE(abiEncode(types("uint256,uint32[],bytes10,bytes"), fValues).value(), f);
        QCOMPARE(abiDecode(types("uint256,uint32[],bytes10,bytes"), f).value(), fValues);
    }

    void specNestedDynamicArrays()
    {
        // g([[1, 2], [3]], ["one", "two", "three"]).
        const QByteArray g =
            words({QStringLiteral("40"), QStringLiteral("0140"), QStringLiteral("02"), QStringLiteral("40"),
                   QStringLiteral("a0"), QStringLiteral("02"), QStringLiteral("01"), QStringLiteral("02"),
                   QStringLiteral("01"), QStringLiteral("03"), QStringLiteral("03"), QStringLiteral("60"),
                   QStringLiteral("a0"), QStringLiteral("e0"), QStringLiteral("03")}) +
            leftWord("one") + words({QStringLiteral("03")}) + leftWord("two") +
            words({QStringLiteral("05")}) + leftWord("three");
        const QList<AbiValue> gValues{
            AbiValue::list({AbiValue::list({u(1), u(2)}), AbiValue::list({u(3)})}),
            AbiValue::list({AbiValue::text(QStringLiteral("one")), AbiValue::text(QStringLiteral("two")),
                            AbiValue::text(QStringLiteral("three"))})};
        QCOMPARE(abiEncode(types("uint256[][],string[]"), gValues).value(), g);
        QCOMPARE(abiDecode(types("uint256[][],string[]"), g).value(), gValues);
    }

    void arrayOfTuplesLikeGetAllReservesTokens()
    {
        // (string,address)[] with [("WETH", 0x..01), ("USDC", 0x..02)], laid out by hand: offset of the
        // array, its length, the offsets of the two dynamic tuples (relative to the first of them), then
        // each tuple's head (offset of its string, the address) and tail.
        const QByteArray data =
            words({QStringLiteral("20"), QStringLiteral("02"), QStringLiteral("40"), QStringLiteral("c0"),
                   QStringLiteral("40"), QStringLiteral("01"), QStringLiteral("04")}) +
            leftWord("WETH") + words({QStringLiteral("40"), QStringLiteral("02"), QStringLiteral("04")}) +
            leftWord("USDC");
        const QList<AbiValue> decoded = abiDecode(types("(string,address)[]"), data).value();
        QCOMPARE(decoded.size(), qsizetype{1});
        QCOMPARE(decoded[0].items.size(), qsizetype{2});
        QCOMPARE(decoded[0].items[0].items[0].toText(), QStringLiteral("WETH"));
        QCOMPARE(decoded[0].items[1].items[0].toText(), QStringLiteral("USDC"));
        QCOMPARE(decoded[0].items[1].items[1].addressHex(),
                 QStringLiteral("0x0000000000000000000000000000000000000002"));
        QCOMPARE(abiEncode(types("(string,address)[]"), decoded).value(), data);
    }

    void addressesAreChecksummed()
    {
        // EIP-55's own examples.
        const AbiValue a = AbiValue::address(u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").value();
        QCOMPARE(a.addressHex(), QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
        QCOMPARE(AbiValue::address(u"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359").value().addressHex(),
                 QStringLiteral("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"));
        QVERIFY(!AbiValue::address(u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea").has_value());
        QVERIFY(!AbiValue::address(u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beazz").has_value());
    }

    void malformedDataIsAnError_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("short word") << "uint256" << QByteArray(31, '\0');
        QTest::newRow("uint8 too big") << "uint8" << words({QStringLiteral("0100")});
        QTest::newRow("dirty address") << "address" << words({QStringLiteral("01") + QString(40, u'0')});
        QTest::newRow("bool 2") << "bool" << words({QStringLiteral("02")});
        QTest::newRow("offset outside") << "string" << words({QStringLiteral("ff")});
        QTest::newRow("length beyond data")
            << "string" << words({QStringLiteral("20"), QStringLiteral("40")});
        QTest::newRow("array count beyond data")
            << "uint256[]" << words({QStringLiteral("20"), QStringLiteral("ffffffff")});
        QTest::newRow("huge offset") << "bytes" << words({QString(64, u'f')});
    }
    void malformedDataIsAnError()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, data);
        const lp::Expected<QList<AbiValue>> result = abiDecode(AbiType::parseList(type).value(), data);
        QVERIFY(!result.hasValue());
        QVERIFY(!result.errors().first().message.isEmpty());
    }

    void bytes32TextStopsAtPadding()
    {
        QCOMPARE(AbiValue::blob(leftWord("MKR")).bytes32Text(), QStringLiteral("MKR"));
    }
};

QTEST_GUILESS_MAIN(TestAbi)
#include "tst_abi.moc"
