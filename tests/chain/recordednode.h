#pragma once

// A node that answers eth_calls from recorded answers: "to|calldata" -> return data, each encoded with the
// ABI codec from values the test states; any other call reverts. Served by FakeRpcServer on 127.0.0.1.
#include "abi.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

// The values the recorded tests state: the address of a small number n (0x000...0n), a uint256 word, and
// one written in decimal (for values above 64 bits).
namespace recorded {

inline QString addr(int n)
{
    return QStringLiteral("0x%1").arg(n, 40, 16, QLatin1Char('0'));
}
inline lp::chain::AbiValue a(int n)
{
    return *lp::chain::AbiValue::address(addr(n));
}
inline lp::chain::AbiValue w(quint64 v)
{
    return lp::chain::AbiValue::uint(lp::chain::UInt256(v));
}
inline lp::chain::AbiValue big(const QString &decimal)
{
    return lp::chain::AbiValue::uint(*lp::chain::UInt256::fromDecimal(decimal));
}
inline lp::chain::AbiValue big(const char *decimal)
{
    return big(QString::fromLatin1(decimal));
}

} // namespace recorded

class RecordedNode {
public:
    QString chainIdHex = QStringLiteral("0x1");
    QString blockNumberHex = QStringLiteral("0x1406f40");
    QString blockTimeHex = QStringLiteral("0x692b8e40"); // 2025-11-30T00:00:00Z

    void on(const QString &to, const QString &signature, const QList<lp::chain::AbiValue> &args,
            const QString &outputs, const QList<lp::chain::AbiValue> &values)
    {
        const lp::chain::AbiFunction f(signature, u"");
        const QByteArray data = f.encodeCall(args).value();
        const QByteArray result =
            lp::chain::abiEncode(lp::chain::AbiType::parseList(outputs).value(), values).value();
        m_answers.insert(to.toLower() + QLatin1Char('|') + QString::fromLatin1(data.toHex()),
                         QStringLiteral("0x") + QString::fromLatin1(result.toHex()));
    }
    // Forgets the answer to a call, which then reverts.
    void drop(const QString &to, const QString &signature, const QList<lp::chain::AbiValue> &args)
    {
        const lp::chain::AbiFunction f(signature, u"");
        m_answers.remove(to.toLower() + QLatin1Char('|') +
                         QString::fromLatin1(f.encodeCall(args).value().toHex()));
    }

    [[nodiscard]] QJsonObject answer(const QString &method, const QJsonArray &params) const
    {
        if (method == u"eth_chainId")
            return {{QStringLiteral("result"), chainIdHex}};
        if (method == u"eth_getBlockByNumber")
            return {{QStringLiteral("result"), QJsonObject{{QStringLiteral("number"), blockNumberHex},
                                                           {QStringLiteral("timestamp"), blockTimeHex}}}};
        const QJsonObject tx = params.at(0).toObject();
        const QString key = tx.value(QStringLiteral("to")).toString().toLower() + QLatin1Char('|') +
                            tx.value(QStringLiteral("data")).toString().mid(2).toLower();
        if (m_answers.contains(key))
            return {{QStringLiteral("result"), m_answers.value(key)}};
        return {{QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), 3},
                             {QStringLiteral("message"), QStringLiteral("execution reverted")}}}};
    }

private:
    QHash<QString, QString> m_answers;
};
