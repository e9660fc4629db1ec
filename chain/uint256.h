#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <array>
#include <compare>
#include <optional>

namespace lp::chain {

// An unsigned 256-bit integer, as the EVM's words are: exact, so that a token amount or a RAY rate is
// never rounded before the caller chooses a precision (toDouble() says which).
class UInt256 {
public:
    constexpr UInt256() = default;
    constexpr UInt256(quint64 value) : m_limbs{value, 0, 0, 0} {} // NOLINT: implicit by design

    // 32 bytes, most significant first (an ABI word). Shorter input is left-padded with zeros; longer
    // input is nullopt.
    [[nodiscard]] static std::optional<UInt256> fromBigEndian(QByteArrayView bytes);
    // Decimal digits only (no sign, no separators); nullopt when empty, not digits or above 2^256 - 1.
    [[nodiscard]] static std::optional<UInt256> fromDecimal(QStringView digits);
    [[nodiscard]] static UInt256 max();

    [[nodiscard]] QByteArray toBigEndian() const; // 32 bytes
    [[nodiscard]] QString toDecimal() const;
    [[nodiscard]] bool isZero() const { return m_limbs == std::array<quint64, 4>{}; }
    [[nodiscard]] bool fitsUint64() const { return m_limbs[1] == 0 && m_limbs[2] == 0 && m_limbs[3] == 0; }
    [[nodiscard]] quint64 low64() const { return m_limbs[0]; }
    // The value divided by 10^decimals, rounded once to the nearest double (relative error at most
    // 2^-53): the decimal digits are parsed by strtod, which rounds correctly.
    [[nodiscard]] double toDouble(int decimals = 0) const;
    // The value of bit `index` (0 = least significant), and the `count` bits from `first` as an integer
    // (count <= 64): what an Aave configuration bitmap is read with.
    [[nodiscard]] bool bit(int index) const;
    [[nodiscard]] quint64 bits(int first, int count) const;

    // Divides in place by `divisor` (nonzero) and returns the remainder.
    quint32 divideBy(quint32 divisor);
    // Multiplies in place by `factor` and adds `addend`; false when the result overflowed 256 bits.
    bool multiplyAdd(quint32 factor, quint32 addend);

    // a + b; nullopt when the sum is above 2^256 - 1.
    [[nodiscard]] static std::optional<UInt256> add(const UInt256 &a, const UInt256 &b);
    // a - b; nullopt when b > a.
    [[nodiscard]] static std::optional<UInt256> subtract(const UInt256 &a, const UInt256 &b);
    // a x b / d rounded down (or up), exact: the product is kept in 512 bits, as Solidity's mulDiv
    // libraries do. Nullopt when d is 0 or the quotient is above 2^256 - 1 (uint256mul.cpp).
    [[nodiscard]] static std::optional<UInt256> mulDiv(const UInt256 &a, const UInt256 &b, const UInt256 &d,
                                                       bool roundUp = false);

    friend bool operator==(const UInt256 &, const UInt256 &) = default;
    friend std::strong_ordering operator<=>(const UInt256 &a, const UInt256 &b);

private:
    std::array<quint64, 4> m_limbs{}; // least significant first
};

} // namespace lp::chain
