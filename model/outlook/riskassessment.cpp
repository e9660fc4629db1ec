#include "riskassessment.h"

#include "liquidationprobability.h"

#include <algorithm>
#include <cmath>

namespace lp {

RiskAssessment assessRisk(const PlanResult &result)
{
    RiskAssessment a;
    a.liquidationProbability = liquidationProbability(result.plan, result.opened);
    a.netApy = result.position.netApy;
    const int days = result.plan.horizonDays;
    const QString chance = QStringLiteral("%1 % chance of liquidation within %2 days")
                               .arg(QString::number(std::round(a.liquidationProbability * 1000.0) / 10.0))
                               .arg(days);
    if (a.liquidationProbability >= kDangerLiquidationProbability) {
        a.level = RiskLevel::Danger;
        a.reason = chance;
    } else if (a.liquidationProbability >= kCautionLiquidationProbability) {
        a.level = RiskLevel::Caution;
        a.reason = chance;
    } else if (std::isfinite(a.netApy) && a.netApy < 0.0) {
        a.level = RiskLevel::Caution;
        a.reason = QStringLiteral("negative carry: the borrow rate costs more than the collateral earns");
    } else {
        a.reason = chance;
    }
    return a;
}

} // namespace lp
