// libFuzzer harness: any bytes through the market parser. Every rejection must say something, and every
// market it accepts must write back and read again as the same market.
#include "marketjson.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const lp::Expected<lp::Market> market = lp::parseMarket(bytes);
    if (!market) {
        if (market.errors().isEmpty() || market.errors().first().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    const lp::Expected<lp::Market> again = lp::parseMarket(QJsonDocument(lp::marketToJson(*market)).toJson());
    if (!again || !(*again == *market))
        __builtin_trap();
    return 0;
}
