// libFuzzer harness: any bytes through the plan parser, and every plan it accepts through the engine,
// the report and the CSV tables. A crash, a sanitizer report or a hang here is a bug.
#include "csvexport.h"
#include "engine.h"
#include "marketregistry.h"
#include "planjson.h"
#include "report.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const lp::Expected<lp::Plan> plan = lp::parsePlan(bytes, lp::MarketRegistry::builtIn());
    if (!plan) {
        // Every rejection must say something.
        if (plan.errors().isEmpty() || plan.errors().first().message.isEmpty())
            __builtin_trap();
        return 0;
    }
    // At the CLI's scale (the default 2,001-point sweep): a scaled-down sweep once hid a runaway.
    const lp::Expected<lp::PlanResult> result = lp::computePlan(*plan);
    if (!result)
        return 0;
    // A few Monte Carlo paths: horizons up to 100 years would make the default 10,000 too slow per input.
    lp::OutlookOptions outlookOptions;
    outlookOptions.monteCarlo.paths = 16;
    outlookOptions.monteCarlo.threads = 1;
    const lp::Outlook outlook = lp::computeOutlook(*result, outlookOptions);
    (void)lp::reportJson(*result, outlook, lp::MarketRegistry::builtIn());
    (void)lp::reportText(*result, outlook, lp::MarketRegistry::builtIn());
    for (const lp::CsvTable table :
         {lp::CsvTable::Loops, lp::CsvTable::Prices, lp::CsvTable::Timeline, lp::CsvTable::Summary})
        (void)lp::exportCsv(*result, table);
    // A written plan must read back as the same plan.
    const lp::Expected<lp::Plan> again =
        lp::parsePlan(QJsonDocument(lp::planToJson(*plan, lp::MarketRegistry::builtIn())).toJson(),
                      lp::MarketRegistry::builtIn());
    if (!again || !(*again == *plan))
        __builtin_trap();
    return 0;
}
