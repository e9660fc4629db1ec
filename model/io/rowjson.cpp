#include "rowjson.h"

#include "machineformat.h"

#include <cmath>

namespace lp {

using machine::num;

QJsonValue columnJson(const ColumnSpec &column, double value)
{
    if (!std::isfinite(value))
        return QJsonValue(QJsonValue::Null);
    switch (column.unit) {
    case ColumnUnit::Count:
        return static_cast<qint64>(value);
    case ColumnUnit::Flag:
        return value != 0.0;
    default:
        return value;
    }
}

QJsonArray loopStepsJson(const std::vector<LoopStep> &steps)
{
    QJsonArray out;
    for (const LoopStep &s : steps)
        out.append(rowJson(loopStepColumns(), s));
    return out;
}

QJsonObject timelineJson(const Timeline &timeline)
{
    const NetApyBreakdown &n = timeline.netApy;
    QJsonObject time{
        {QStringLiteral("netApy"), num(n.total)},
        {QStringLiteral("netApyParts"), QJsonObject{{QStringLiteral("supply"), num(n.supply)},
                                                    {QStringLiteral("nativeYield"), num(n.nativeYield)},
                                                    {QStringLiteral("borrowCost"), num(n.borrowCost)},
                                                    {QStringLiteral("incentives"), num(n.incentives)}}},
        {QStringLiteral("daysToLiquidation"),
         timeline.daysToLiquidation ? num(*timeline.daysToLiquidation) : QJsonValue(QJsonValue::Null)}};
    if (!timeline.points.empty()) {
        const TimelinePoint &h = timeline.points.back();
        QJsonObject atHorizon = rowJson(timelinePointColumns(), h);
        // The key readers of report version 1 know; the same number as `day`.
        atHorizon.insert(QStringLiteral("horizonDays"), h.day);
        time.insert(QStringLiteral("atHorizon"), atHorizon);
    }
    return time;
}

QJsonArray stressJson(const std::vector<StressResult> &results)
{
    QJsonArray out;
    for (const StressResult &r : results) {
        out.append(QJsonObject{{QStringLiteral("id"), r.scenario.id},
                               {QStringLiteral("kind"), toString(r.scenario.kind)},
                               {QStringLiteral("value"), num(r.scenario.value)},
                               {QStringLiteral("days"), r.scenario.days},
                               {QStringLiteral("liquidated"), r.liquidated},
                               {QStringLiteral("liquidations"), static_cast<int>(r.liquidations.size())},
                               {QStringLiteral("penaltyUsd"), num(r.penaltyUsd)},
                               {QStringLiteral("before"), rowJson(stressFiguresColumns(), r.before)},
                               {QStringLiteral("after"), rowJson(stressFiguresColumns(), r.after)}});
    }
    return out;
}

} // namespace lp
