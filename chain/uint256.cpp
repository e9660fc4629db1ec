#include "uint256.h"

#include <algorithm>
#include <cstdlib>

namespace lp::chain {

std::optional<UInt256> UInt256::fromBigEndian(QByteArrayView bytes)
{
    if (bytes.size() > 32)
        return std::nullopt;
    UInt256 v;
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto byte = static_cast<quint64>(static_cast<unsigned char>(bytes[n - 1 - i]));
        const auto limb = static_cast<std::size_t>(i / 8);
        v.m_limbs[limb] |= byte << (8 * (i % 8));
    }
    return v;
}

std::optional<UInt256> UInt256::fromDecimal(QStringView digits)
{
    if (digits.isEmpty())
        return std::nullopt;
    UInt256 v;
    for (const QChar c : digits) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        if (!v.multiplyAdd(10, static_cast<quint32>(c.unicode() - u'0')))
            return std::nullopt;
    }
    return v;
}

UInt256 UInt256::max()
{
    UInt256 v;
    v.m_limbs.fill(~quint64{0});
    return v;
}

QByteArray UInt256::toBigEndian() const
{
    QByteArray out(32, '\0');
    for (int i = 0; i < 32; ++i) {
        const quint64 limb = m_limbs[static_cast<std::size_t>(i / 8)];
        out[31 - i] = static_cast<char>((limb >> (8 * (i % 8))) & 0xff);
    }
    return out;
}

QString UInt256::toDecimal() const
{
    if (isZero())
        return QStringLiteral("0");
    UInt256 v = *this;
    QString digits;
    while (!v.isZero())
        digits.append(QChar(u'0' + static_cast<char16_t>(v.divideBy(10))));
    std::reverse(digits.begin(), digits.end());
    return digits;
}

double UInt256::toDouble(int decimals) const
{
    QByteArray text = toDecimal().toLatin1();
    if (decimals > 0) {
        if (text.size() <= decimals)
            text.prepend(QByteArray(decimals - text.size() + 1, '0'));
        text.insert(text.size() - decimals, '.');
    }
    return std::strtod(text.constData(), nullptr);
}

bool UInt256::bit(int index) const
{
    if (index < 0 || index >= 256)
        return false;
    return ((m_limbs[static_cast<std::size_t>(index / 64)] >> (index % 64)) & 1U) != 0;
}

quint64 UInt256::bits(int first, int count) const
{
    quint64 out = 0;
    for (int i = std::min(count, 64) - 1; i >= 0; --i)
        out = (out << 1) | (bit(first + i) ? 1U : 0U);
    return out;
}

quint32 UInt256::divideBy(quint32 divisor)
{
    // Long division by 32-bit halves, so that every partial quotient fits in 64 bits.
    quint64 remainder = 0;
    for (int i = 3; i >= 0; --i) {
        quint64 &limb = m_limbs[static_cast<std::size_t>(i)];
        const quint64 high = (remainder << 32) | (limb >> 32);
        const quint64 qHigh = high / divisor;
        remainder = high % divisor;
        const quint64 low = (remainder << 32) | (limb & 0xffffffffU);
        const quint64 qLow = low / divisor;
        remainder = low % divisor;
        limb = (qHigh << 32) | qLow;
    }
    return static_cast<quint32>(remainder);
}

bool UInt256::multiplyAdd(quint32 factor, quint32 addend)
{
    quint64 carry = addend;
    for (quint64 &limb : m_limbs) {
        const quint64 low = (limb & 0xffffffffU) * factor + carry;
        const quint64 high = (limb >> 32) * factor + (low >> 32);
        limb = (high << 32) | (low & 0xffffffffU);
        carry = high >> 32;
    }
    return carry == 0;
}

std::strong_ordering operator<=>(const UInt256 &a, const UInt256 &b)
{
    for (int i = 3; i >= 0; --i) {
        const auto k = static_cast<std::size_t>(i);
        if (a.m_limbs[k] != b.m_limbs[k])
            return a.m_limbs[k] <=> b.m_limbs[k];
    }
    return std::strong_ordering::equal;
}

} // namespace lp::chain
