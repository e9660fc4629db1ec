#include "abi.h"

#include <QCryptographicHash>

#include <functional>

namespace lp::chain {

namespace {

constexpr qsizetype kWord = 32;

ValidationError typeError(QStringView text, const QString &why)
{
    return ValidationError{QStringLiteral("abi type"),
                           QStringLiteral("\"%1\": %2").arg(text.toString(), why)};
}

// Splits at the commas that are not inside parentheses.
std::optional<QList<QStringView>> splitTopLevel(QStringView text)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'(')
            ++depth;
        else if (text[i] == u')' && --depth < 0)
            return std::nullopt;
        else if (text[i] == u',' && depth == 0) {
            parts << text.mid(start, i - start).trimmed();
            start = i + 1;
        }
    }
    if (depth != 0)
        return std::nullopt;
    if (!text.trimmed().isEmpty())
        parts << text.mid(start).trimmed();
    return parts;
}

std::optional<AbiType> parseElementary(QStringView t)
{
    AbiType type;
    bool ok = true;
    const auto sized = [&](QStringView prefix, AbiType::Kind kind, int defaultSize) {
        type.kind = kind;
        const QStringView digits = t.mid(prefix.size());
        type.size = digits.isEmpty() ? defaultSize : digits.toInt(&ok);
    };
    if (t == u"address")
        type.kind = AbiType::Kind::Address;
    else if (t == u"bool")
        type.kind = AbiType::Kind::Bool;
    else if (t == u"string")
        type.kind = AbiType::Kind::String;
    else if (t == u"bytes")
        type.kind = AbiType::Kind::Bytes;
    else if (t.startsWith(u"uint")) {
        sized(u"uint", AbiType::Kind::Uint, 256);
        ok = ok && type.size >= 8 && type.size <= 256 && type.size % 8 == 0;
    } else if (t.startsWith(u"int")) {
        sized(u"int", AbiType::Kind::Int, 256);
        ok = ok && type.size >= 8 && type.size <= 256 && type.size % 8 == 0;
    } else if (t.startsWith(u"bytes")) {
        sized(u"bytes", AbiType::Kind::FixedBytes, 0);
        ok = ok && type.size >= 1 && type.size <= 32;
    } else
        return std::nullopt;
    if (!ok)
        return std::nullopt;
    return type;
}

} // namespace

Expected<AbiType> AbiType::parse(QStringView text)
{
    text = text.trimmed();
    // Array suffixes bind last: "(a,b)[2][]" is an array of arrays of 2 tuples.
    if (text.endsWith(u']')) {
        const qsizetype open = text.lastIndexOf(u'[');
        if (open <= 0)
            return typeError(text, QStringLiteral("unbalanced brackets"));
        Expected<AbiType> element = parse(text.left(open));
        if (!element)
            return element;
        AbiType array;
        const QStringView length = text.mid(open + 1, text.size() - open - 2);
        if (length.isEmpty()) {
            array.kind = Kind::Array;
            array.size = 0;
        } else {
            bool ok = false;
            array.kind = Kind::FixedArray;
            array.size = length.toInt(&ok);
            if (!ok || array.size <= 0 || array.size > 4096)
                return typeError(text, QStringLiteral("bad array length"));
        }
        array.components = {element.value()};
        return array;
    }
    if (text.startsWith(u'(')) {
        if (!text.endsWith(u')'))
            return typeError(text, QStringLiteral("unbalanced parentheses"));
        Expected<QList<AbiType>> members = parseList(text.mid(1, text.size() - 2));
        if (!members)
            return members.errors();
        AbiType tuple;
        tuple.kind = Kind::Tuple;
        tuple.size = 0;
        tuple.components = members.value();
        return tuple;
    }
    if (std::optional<AbiType> elementary = parseElementary(text))
        return *elementary;
    return typeError(text, QStringLiteral("unknown type"));
}

Expected<QList<AbiType>> AbiType::parseList(QStringView commaSeparated)
{
    const std::optional<QList<QStringView>> parts = splitTopLevel(commaSeparated);
    if (!parts)
        return typeError(commaSeparated, QStringLiteral("unbalanced parentheses"));
    QList<AbiType> types;
    for (const QStringView part : *parts) {
        Expected<AbiType> type = parse(part);
        if (!type)
            return type.errors();
        types << type.value();
    }
    return types;
}

QString AbiType::canonical() const
{
    switch (kind) {
    case Kind::Uint:
        return QStringLiteral("uint%1").arg(size);
    case Kind::Int:
        return QStringLiteral("int%1").arg(size);
    case Kind::Address:
        return QStringLiteral("address");
    case Kind::Bool:
        return QStringLiteral("bool");
    case Kind::FixedBytes:
        return QStringLiteral("bytes%1").arg(size);
    case Kind::Bytes:
        return QStringLiteral("bytes");
    case Kind::String:
        return QStringLiteral("string");
    case Kind::Array:
        return components.first().canonical() + QStringLiteral("[]");
    case Kind::FixedArray:
        return components.first().canonical() + QStringLiteral("[%1]").arg(size);
    case Kind::Tuple: {
        QStringList members;
        for (const AbiType &c : components)
            members << c.canonical();
        return QLatin1Char('(') + members.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    }
    return {};
}

bool AbiType::isDynamic() const
{
    switch (kind) {
    case Kind::Bytes:
    case Kind::String:
    case Kind::Array:
        return true;
    case Kind::FixedArray:
        return components.first().isDynamic();
    case Kind::Tuple:
        return std::any_of(components.begin(), components.end(),
                           [](const AbiType &c) { return c.isDynamic(); });
    default:
        return false;
    }
}

qsizetype AbiType::headSize() const
{
    if (isDynamic())
        return kWord;
    if (kind == Kind::FixedArray)
        return size * components.first().headSize();
    if (kind == Kind::Tuple) {
        qsizetype sum = 0;
        for (const AbiType &c : components)
            sum += c.headSize();
        return sum;
    }
    return kWord;
}

AbiValue AbiValue::uint(const UInt256 &value)
{
    AbiValue v;
    v.word = value;
    return v;
}

AbiValue AbiValue::boolean(bool value)
{
    return uint(value ? 1U : 0U);
}

std::optional<AbiValue> AbiValue::address(QStringView hex)
{
    if (hex.size() != 42 || !hex.startsWith(u"0x", Qt::CaseInsensitive))
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(hex.mid(2).toLatin1());
    if (raw.size() != 20 || raw.toHex() != hex.mid(2).toLatin1().toLower())
        return std::nullopt;
    return addressBytes(raw);
}

AbiValue AbiValue::addressBytes(const QByteArray &twentyBytes)
{
    return uint(UInt256::fromBigEndian(twentyBytes.right(20)).value_or(UInt256{}));
}

AbiValue AbiValue::blob(const QByteArray &data)
{
    AbiValue v;
    v.bytes = data;
    return v;
}

AbiValue AbiValue::text(const QString &utf8)
{
    return blob(utf8.toUtf8());
}

AbiValue AbiValue::list(QList<AbiValue> values)
{
    AbiValue v;
    v.items = std::move(values);
    return v;
}

QByteArray AbiValue::addressRaw() const
{
    return word.toBigEndian().right(20);
}

QString AbiValue::addressHex() const
{
    return checksumAddress(addressRaw());
}

QString AbiValue::bytes32Text() const
{
    const qsizetype end = bytes.indexOf('\0');
    return QString::fromUtf8(end < 0 ? bytes : bytes.left(end));
}

QByteArray keccak256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

QByteArray functionSelector(QStringView signature)
{
    return keccak256(signature.toLatin1()).left(4);
}

QString checksumAddress(const QByteArray &twentyBytes)
{
    const QByteArray lower = twentyBytes.toHex();
    const QByteArray hash = keccak256(lower).toHex();
    QString out = QStringLiteral("0x");
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const char c = lower[i];
        const bool upper = c >= 'a' && c <= 'f' && hash[i] >= '8';
        out += QLatin1Char(upper ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

namespace {

QByteArray padRight(QByteArray data)
{
    const qsizetype rest = data.size() % kWord;
    if (rest != 0)
        data.append(QByteArray(kWord - rest, '\0'));
    return data;
}

QByteArray lengthWord(qsizetype n)
{
    return UInt256(static_cast<quint64>(n)).toBigEndian();
}

Expected<QByteArray> encodeSequence(const std::function<const AbiType &(qsizetype)> &typeAt,
                                    const QList<AbiValue> &values, qsizetype count);

Expected<QByteArray> encodeValue(const AbiType &type, const AbiValue &value)
{
    using Kind = AbiType::Kind;
    switch (type.kind) {
    case Kind::Uint:
    case Kind::Int:
    case Kind::Address:
    case Kind::Bool:
        return value.word.toBigEndian();
    case Kind::FixedBytes:
        if (value.bytes.size() > type.size)
            return ValidationError{QStringLiteral("abi encode"),
                                   QStringLiteral("more bytes than %1 holds").arg(type.canonical())};
        return padRight(value.bytes.leftJustified(kWord, '\0'));
    case Kind::Bytes:
    case Kind::String:
        return lengthWord(value.bytes.size()) + padRight(value.bytes);
    case Kind::Array: {
        const AbiType &element = type.components.first();
        Expected<QByteArray> body = encodeSequence([&](qsizetype) -> const AbiType & { return element; },
                                                   value.items, value.items.size());
        if (!body)
            return body;
        return lengthWord(value.items.size()) + body.value();
    }
    case Kind::FixedArray: {
        const AbiType &element = type.components.first();
        return encodeSequence([&](qsizetype) -> const AbiType & { return element; }, value.items, type.size);
    }
    case Kind::Tuple:
        return encodeSequence([&](qsizetype i) -> const AbiType & { return type.components[i]; }, value.items,
                              type.components.size());
    }
    return QByteArray();
}

Expected<QByteArray> encodeSequence(const std::function<const AbiType &(qsizetype)> &typeAt,
                                    const QList<AbiValue> &values, qsizetype count)
{
    if (values.size() != count)
        return ValidationError{QStringLiteral("abi encode"),
                               QStringLiteral("%1 values for %2 types").arg(values.size()).arg(count)};
    qsizetype headTotal = 0;
    for (qsizetype i = 0; i < count; ++i)
        headTotal += typeAt(i).headSize();
    QByteArray head;
    QByteArray tail;
    for (qsizetype i = 0; i < count; ++i) {
        Expected<QByteArray> encoded = encodeValue(typeAt(i), values[i]);
        if (!encoded)
            return encoded;
        if (typeAt(i).isDynamic()) {
            head += lengthWord(headTotal + tail.size());
            tail += encoded.value();
        } else
            head += encoded.value();
    }
    return head + tail;
}

} // namespace

Expected<QByteArray> abiEncode(const QList<AbiType> &types, const QList<AbiValue> &values)
{
    return encodeSequence([&](qsizetype i) -> const AbiType & { return types[i]; }, values, types.size());
}

} // namespace lp::chain
