#pragma once

#include "engine.h"

#include <QString>

namespace lp {

// The risk badge beyond the health factor: the chance of liquidation over the plan's horizon (closed form,
// liquidationprobability.h) and the carry (a negative net APY bleeds equity every day). A plan with a
// comfortable HF but a volatile risk asset over a long horizon is not "safe".
enum class RiskLevel { Safe, Caution, Danger };

// Thresholds on the probability of liquidation within the horizon.
inline constexpr double kDangerLiquidationProbability = 0.25;
inline constexpr double kCautionLiquidationProbability = 0.05;

struct RiskAssessment {
    RiskLevel level = RiskLevel::Safe; // the worse of the probability's and the carry's
    double liquidationProbability = 0; // within plan.horizonDays
    double netApy = 0;
    QString reason; // why, in a few words ("38 % chance of liquidation within 365 days")
};

// Danger at P >= 25 %, caution at P >= 5 % or a negative net APY; safe otherwise. The window combines it
// with its health-factor level and shows the worse.
[[nodiscard]] RiskAssessment assessRisk(const PlanResult &result);

} // namespace lp
