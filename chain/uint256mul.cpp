// UInt256's exact arithmetic beyond what the ABI needs: sums, differences and a x b / d, for the
// share-to-asset conversions of Morpho Blue (morphoblue.cpp), which round one way or the other.
#include "uint256.h"

#include <array>

namespace lp::chain {

namespace {

// 32-bit limbs, least significant first: every partial product and carry fits in 64 bits.
template <std::size_t N> using Limbs = std::array<quint32, N>;

Limbs<8> toLimbs(const UInt256 &v)
{
    const QByteArray be = v.toBigEndian();
    Limbs<8> out{};
    for (std::size_t i = 0; i < 32; ++i) {
        const auto byte =
            static_cast<quint32>(static_cast<unsigned char>(be[static_cast<qsizetype>(31 - i)]));
        out[i / 4] |= byte << (8 * (i % 4));
    }
    return out;
}

UInt256 fromLimbs(const Limbs<8> &limbs)
{
    QByteArray be(32, '\0');
    for (std::size_t i = 0; i < 32; ++i)
        be[static_cast<qsizetype>(31 - i)] = static_cast<char>((limbs[i / 4] >> (8 * (i % 4))) & 0xffU);
    return *UInt256::fromBigEndian(be);
}

} // namespace

std::optional<UInt256> UInt256::add(const UInt256 &a, const UInt256 &b)
{
    UInt256 out;
    quint64 carry = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const quint64 s = a.m_limbs[i] + b.m_limbs[i];
        const quint64 c1 = s < a.m_limbs[i] ? 1U : 0U;
        out.m_limbs[i] = s + carry;
        const quint64 c2 = out.m_limbs[i] < s ? 1U : 0U;
        carry = c1 + c2;
    }
    if (carry != 0)
        return std::nullopt;
    return out;
}

std::optional<UInt256> UInt256::subtract(const UInt256 &a, const UInt256 &b)
{
    if (b > a)
        return std::nullopt;
    UInt256 out;
    quint64 borrow = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const quint64 d = a.m_limbs[i] - b.m_limbs[i];
        const quint64 b1 = a.m_limbs[i] < b.m_limbs[i] ? 1U : 0U;
        out.m_limbs[i] = d - borrow;
        const quint64 b2 = d < borrow ? 1U : 0U;
        borrow = b1 + b2;
    }
    return out;
}

std::optional<UInt256> UInt256::mulDiv(const UInt256 &a, const UInt256 &b, const UInt256 &d, bool roundUp)
{
    if (d.isZero())
        return std::nullopt;
    const Limbs<8> x = toLimbs(a);
    const Limbs<8> y = toLimbs(b);
    const Limbs<8> divisor = toLimbs(d);
    // The 512-bit product, schoolbook.
    Limbs<16> product{};
    for (std::size_t i = 0; i < 8; ++i) {
        quint64 carry = 0;
        for (std::size_t j = 0; j < 8; ++j) {
            const quint64 t = quint64{x[i]} * y[j] + product[i + j] + carry;
            product[i + j] = static_cast<quint32>(t & 0xffffffffU);
            carry = t >> 32;
        }
        product[i + 8] = static_cast<quint32>(carry);
    }
    // Long division bit by bit: the remainder stays below the divisor, so 9 limbs hold its shift.
    Limbs<16> quotient{};
    Limbs<9> remainder{};
    const auto remainderAtLeastDivisor = [&] {
        if (remainder[8] != 0)
            return true;
        for (std::size_t k = 8; k-- > 0;) {
            if (remainder[k] != divisor[k])
                return remainder[k] > divisor[k];
        }
        return true;
    };
    for (std::size_t bitIndex = 512; bitIndex-- > 0;) {
        quint32 carry = (product[bitIndex / 32] >> (bitIndex % 32)) & 1U;
        for (quint32 &limb : remainder) {
            const quint32 next = limb >> 31;
            limb = (limb << 1) | carry;
            carry = next;
        }
        if (remainderAtLeastDivisor()) {
            qint64 borrow = 0;
            for (std::size_t k = 0; k < 9; ++k) {
                const qint64 t = qint64{remainder[k]} - (k < 8 ? qint64{divisor[k]} : 0) - borrow;
                borrow = t < 0 ? 1 : 0;
                remainder[k] = static_cast<quint32>(t + (borrow << 32));
            }
            quotient[bitIndex / 32] |= 1U << (bitIndex % 32);
        }
    }
    for (std::size_t k = 8; k < 16; ++k) {
        if (quotient[k] != 0)
            return std::nullopt;
    }
    Limbs<8> low{};
    std::copy_n(quotient.begin(), 8, low.begin());
    UInt256 out = fromLimbs(low);
    const bool exact = remainder == Limbs<9>{};
    if (roundUp && !exact)
        return add(out, UInt256(1));
    return out;
}

} // namespace lp::chain
