// The decoding half of the ABI codec (abi.h): return data into values, with every offset and length
// checked against the data before it is used.
#include "abi.h"

#include <functional>

namespace lp::chain {

namespace {

constexpr qsizetype kWord = 32;

struct Decoder {
    QByteArrayView all;
    int depth = 0;

    ValidationError fail(const QString &path, const QString &why) const { return ValidationError{path, why}; }

    std::optional<UInt256> wordAt(QByteArrayView region, qsizetype at) const
    {
        if (at < 0 || at + kWord > region.size())
            return std::nullopt;
        return UInt256::fromBigEndian(region.sliced(at, kWord));
    }

    Expected<AbiValue> value(const AbiType &type, QByteArrayView region, const QString &path);
    Expected<QList<AbiValue>> sequence(const std::function<const AbiType &(qsizetype)> &typeAt,
                                       qsizetype count, QByteArrayView region, const QString &path);
};

Expected<AbiValue> Decoder::value(const AbiType &type, QByteArrayView region, const QString &path)
{
    using Kind = AbiType::Kind;
    const std::optional<UInt256> first = wordAt(region, 0);
    if (!first && type.kind != Kind::Tuple && type.kind != Kind::FixedArray)
        return fail(path, QStringLiteral("the data ends before this %1").arg(type.canonical()));
    switch (type.kind) {
    case Kind::Uint:
        for (int b = type.size; b < 256; ++b) {
            if (first->bit(b))
                return fail(path, QStringLiteral("a %1 with bits above its size").arg(type.canonical()));
        }
        return AbiValue::uint(*first);
    case Kind::Int:
        return AbiValue::uint(*first);
    case Kind::Address:
        if (first->toBigEndian().left(12) != QByteArray(12, '\0'))
            return fail(path, QStringLiteral("an address with nonzero padding"));
        return AbiValue::uint(*first);
    case Kind::Bool:
        if (*first > UInt256(1))
            return fail(path, QStringLiteral("a bool that is neither 0 nor 1"));
        return AbiValue::uint(*first);
    case Kind::FixedBytes:
        return AbiValue::blob(region.sliced(0, type.size).toByteArray());
    case Kind::Bytes:
    case Kind::String: {
        const qsizetype available = region.size() - kWord;
        if (!first->fitsUint64() || first->low64() > static_cast<quint64>(available))
            return fail(
                path,
                QStringLiteral("a length of %1 bytes with %2 left").arg(first->toDecimal()).arg(available));
        return AbiValue::blob(region.sliced(kWord, static_cast<qsizetype>(first->low64())).toByteArray());
    }
    case Kind::Array: {
        const AbiType &element = type.components.first();
        const qsizetype available = (region.size() - kWord) / std::max<qsizetype>(element.headSize(), 1);
        if (!first->fitsUint64() || first->low64() > static_cast<quint64>(available))
            return fail(path, QStringLiteral("an array of %1 elements with room for %2")
                                  .arg(first->toDecimal())
                                  .arg(available));
        Expected<QList<AbiValue>> items =
            sequence([&](qsizetype) -> const AbiType & { return element; },
                     static_cast<qsizetype>(first->low64()), region.sliced(kWord), path);
        if (!items)
            return items.errors();
        return AbiValue::list(items.value());
    }
    case Kind::FixedArray: {
        const AbiType &element = type.components.first();
        Expected<QList<AbiValue>> items =
            sequence([&](qsizetype) -> const AbiType & { return element; }, type.size, region, path);
        if (!items)
            return items.errors();
        return AbiValue::list(items.value());
    }
    case Kind::Tuple: {
        Expected<QList<AbiValue>> items =
            sequence([&](qsizetype i) -> const AbiType & { return type.components[i]; },
                     type.components.size(), region, path);
        if (!items)
            return items.errors();
        return AbiValue::list(items.value());
    }
    }
    return fail(path, QStringLiteral("unknown type"));
}

Expected<QList<AbiValue>> Decoder::sequence(const std::function<const AbiType &(qsizetype)> &typeAt,
                                            qsizetype count, QByteArrayView region, const QString &path)
{
    if (++depth > 32)
        return fail(path, QStringLiteral("nested too deeply"));
    QList<AbiValue> out;
    qsizetype at = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const AbiType &type = typeAt(i);
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        QByteArrayView itemRegion;
        if (type.isDynamic()) {
            const std::optional<UInt256> offset = wordAt(region, at);
            if (!offset)
                return fail(itemPath, QStringLiteral("the data ends before this value's offset"));
            if (!offset->fitsUint64() || offset->low64() > static_cast<quint64>(region.size()))
                return fail(itemPath, QStringLiteral("an offset of %1 outside the %2 bytes")
                                          .arg(offset->toDecimal())
                                          .arg(region.size()));
            itemRegion = region.sliced(static_cast<qsizetype>(offset->low64()));
        } else {
            if (at + type.headSize() > region.size())
                return fail(itemPath, QStringLiteral("the data ends before this %1").arg(type.canonical()));
            itemRegion = region.sliced(at, type.headSize());
        }
        Expected<AbiValue> v = value(type, itemRegion, itemPath);
        if (!v)
            return v.errors();
        out << v.value();
        at += type.headSize();
    }
    --depth;
    return out;
}

} // namespace

Expected<QList<AbiValue>> abiDecode(const QList<AbiType> &types, QByteArrayView data)
{
    Decoder decoder{data};
    return decoder.sequence([&](qsizetype i) -> const AbiType & { return types[i]; }, types.size(), data,
                            QStringLiteral("result"));
}

} // namespace lp::chain
