#pragma once

#include "expected.h"
#include "uint256.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace lp::chain {

// The Solidity contract ABI (docs.soliditylang.org, "Contract ABI Specification"): the types the
// market reads need, their head/tail encoding, and function selectors.

struct AbiType {
    enum class Kind { Uint, Int, Address, Bool, FixedBytes, Bytes, String, Array, FixedArray, Tuple };
    Kind kind = Kind::Uint;
    int size = 256;            // bits of uintN/intN, bytes of bytesN, length of T[k]
    QList<AbiType> components; // the element of T[] and T[k]; the members of a tuple

    // "uint256", "address[]", "(address,uint256)[]", "bytes32[2]", "(string,(bool,uint8))", ...
    [[nodiscard]] static Expected<AbiType> parse(QStringView text);
    [[nodiscard]] static Expected<QList<AbiType>> parseList(QStringView commaSeparated);
    [[nodiscard]] QString canonical() const; // "uint256", "(address,bool)[]": the selector's spelling
    [[nodiscard]] bool isDynamic() const;
    [[nodiscard]] qsizetype headSize() const; // bytes the type takes in its enclosing head
};

// A value of an AbiType. Words (uint, int in two's complement, bool, address) are in `word`; bytesN,
// bytes and string (UTF-8) in `bytes`; arrays' elements and tuples' members in `items`.
struct AbiValue {
    UInt256 word;
    QByteArray bytes;
    QList<AbiValue> items;

    [[nodiscard]] static AbiValue uint(const UInt256 &value);
    [[nodiscard]] static AbiValue boolean(bool value);
    // 20 bytes, or nullopt-like empty value when the text is not "0x" + 40 hex digits.
    [[nodiscard]] static std::optional<AbiValue> address(QStringView hex);
    [[nodiscard]] static AbiValue addressBytes(const QByteArray &twentyBytes);
    [[nodiscard]] static AbiValue blob(const QByteArray &bytes); // bytes, bytesN or string
    [[nodiscard]] static AbiValue text(const QString &utf8);
    [[nodiscard]] static AbiValue list(QList<AbiValue> items); // array or tuple

    [[nodiscard]] bool toBool() const { return !word.isZero(); }
    [[nodiscard]] QByteArray addressRaw() const; // the low 20 bytes of the word
    [[nodiscard]] QString addressHex() const;    // EIP-55 checksummed "0x..."
    [[nodiscard]] QString toText() const { return QString::fromUtf8(bytes); }
    // A bytes32 that holds a short string padded with zeros (old ERC-20 symbols).
    [[nodiscard]] QString bytes32Text() const;
    friend bool operator==(const AbiValue &, const AbiValue &) = default;
};

// keccak256 as Ethereum uses it (the original Keccak padding, not SHA-3's).
[[nodiscard]] QByteArray keccak256(QByteArrayView data);
// The first 4 bytes of keccak256 of a canonical signature, "transfer(address,uint256)".
[[nodiscard]] QByteArray functionSelector(QStringView signature);
// The address with EIP-55 mixed-case checksum.
[[nodiscard]] QString checksumAddress(const QByteArray &twentyBytes);

// Encodes values of `types` as one tuple (a call's arguments). The values must match the types.
[[nodiscard]] Expected<QByteArray> abiEncode(const QList<AbiType> &types, const QList<AbiValue> &values);
// Decodes a tuple of `types` (a call's return data). Offsets and lengths outside the data, dirty
// padding of addresses and bools, and data too short are errors naming the value's position.
[[nodiscard]] Expected<QList<AbiValue>> abiDecode(const QList<AbiType> &types, QByteArrayView data);

// A function: its signature, parsed once. encodeCall() prefixes the selector.
class AbiFunction {
public:
    // "getReserveData(address)" and the outputs, "uint256,uint256,(address,bool)[]".
    AbiFunction(QStringView signature, QStringView outputs);
    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] const QString &signature() const { return m_signature; }
    [[nodiscard]] const QByteArray &selector() const { return m_selector; }
    [[nodiscard]] Expected<QByteArray> encodeCall(const QList<AbiValue> &arguments = {}) const;
    [[nodiscard]] Expected<QList<AbiValue>> decodeResult(QByteArrayView returnData) const;

private:
    QString m_signature;
    QByteArray m_selector;
    QList<AbiType> m_inputs;
    QList<AbiType> m_outputs;
    bool m_valid = false;
};

} // namespace lp::chain
