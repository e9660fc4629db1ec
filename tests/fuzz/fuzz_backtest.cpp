// libFuzzer harness: any bytes through the backtest price CSV parser, and every series it accepts
// through the backtest of the default plan. Every rejection must say something; every accepted series
// has finite prices above 0 and strictly increasing dates (what parsePriceCsv promises).
#include "backtest.h"

#include <QByteArray>

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const lp::Expected<std::vector<lp::PricePoint>> series = lp::parsePriceCsv(bytes);
    if (!series) {
        if (series.errors().isEmpty() || series.errors().first().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    if (series->empty())
        __builtin_trap();
    for (size_t i = 0; i < series->size(); ++i) {
        const lp::PricePoint &p = (*series)[i];
        if (!p.date.isValid() || !std::isfinite(p.priceUsd) || p.priceUsd <= 0)
            __builtin_trap();
        if (i > 0 && !((*series)[i - 1].date < p.date))
            __builtin_trap();
    }
    // Long gaps between dates make long accruals: keep the replay to short series so one input stays fast.
    if (series->size() <= 400 &&
        series->back().date.toJulianDay() - series->front().date.toJulianDay() < 20000)
        (void)lp::runBacktest(lp::defaultPlan(), *series);
    return 0;
}
