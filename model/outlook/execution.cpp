#include "execution.h"

#include "closing.h"
#include "machineformat.h"

#include <limits>

namespace lp {

ExecutionFigures executionFigures(const PlanResult &result)
{
    const Plan &plan = result.plan;
    ExecutionFigures out;
    out.entryImpactUsd = result.opened.costs.impactUsd;
    out.openingCostsUsd = result.opened.costs.totalUsd();
    out.equityUsd = result.position.equityUsd;
    if (result.opened.debt > 0) {
        out.canClose = false;
        CloseOptions options;
        for (CloseMethod method : {CloseMethod::FlashClose, CloseMethod::SellToRepay}) {
            options.method = method;
            const Expected<CloseResult> close =
                unwindPosition(plan, result.opened.collateral, result.opened.debt, plan.collateral.priceUsd,
                               plan.borrow.priceUsd, options);
            if (close) {
                out.canClose = true;
                out.exitImpactUsd = close->costs.impactUsd;
                out.closingCostsUsd = close->costs.totalUsd();
                break;
            }
        }
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (!out.canClose) {
        out.closingCostsUsd = nan;
        out.exitImpactUsd = nan;
    }
    out.proceedsIfClosedNowUsd = out.canClose ? out.equityUsd - out.closingCostsUsd : nan;
    out.costShareOfEquity =
        out.canClose && out.equityUsd > 0 ? (out.openingCostsUsd + out.closingCostsUsd) / out.equityUsd : nan;
    return out;
}

QJsonObject executionJson(const ExecutionFigures &f)
{
    using machine::num;
    return QJsonObject{
        {QStringLiteral("entryImpactUsd"), num(f.entryImpactUsd)},
        {QStringLiteral("exitImpactUsd"), num(f.exitImpactUsd)},
        {QStringLiteral("openingCostsUsd"), num(f.openingCostsUsd)},
        {QStringLiteral("closingCostsUsd"), num(f.closingCostsUsd)},
        {QStringLiteral("equityUsd"), num(f.equityUsd)},
        {QStringLiteral("proceedsIfClosedNowUsd"), num(f.proceedsIfClosedNowUsd)},
        {QStringLiteral("costShareOfEquity"), num(f.costShareOfEquity)},
    };
}

} // namespace lp
