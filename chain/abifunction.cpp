// AbiFunction (abi.h): a signature parsed once, its selector, and its calls and results.
#include "abi.h"

namespace lp::chain {

AbiFunction::AbiFunction(QStringView signature, QStringView outputs)
{
    const qsizetype open = signature.indexOf(u'(');
    if (open <= 0 || !signature.endsWith(u')'))
        return;
    Expected<QList<AbiType>> inputs =
        AbiType::parseList(signature.mid(open + 1, signature.size() - open - 2));
    Expected<QList<AbiType>> outs = AbiType::parseList(outputs);
    if (!inputs || !outs)
        return;
    m_inputs = inputs.value();
    m_outputs = outs.value();
    QStringList canonical;
    for (const AbiType &t : m_inputs)
        canonical << t.canonical();
    m_signature = signature.left(open).toString() + QLatin1Char('(') + canonical.join(QLatin1Char(',')) +
                  QLatin1Char(')');
    m_selector = functionSelector(m_signature);
    m_valid = true;
}

Expected<QByteArray> AbiFunction::encodeCall(const QList<AbiValue> &arguments) const
{
    Expected<QByteArray> body = abiEncode(m_inputs, arguments);
    if (!body)
        return body;
    return m_selector + body.value();
}

Expected<QList<AbiValue>> AbiFunction::decodeResult(QByteArrayView returnData) const
{
    return abiDecode(m_outputs, returnData);
}

} // namespace lp::chain
