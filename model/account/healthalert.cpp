#include "healthalert.h"

#include "machineformat.h"

#include <QStringList>

#include <cmath>

namespace lp {

std::optional<QString> HealthAlert::reading(double healthFactor, double nearestDistance)
{
    QStringList reasons;
    if (m_levels.healthFactorBelow && healthFactor < *m_levels.healthFactorBelow)
        reasons << QStringLiteral("health factor %1 is below %2")
                       .arg(machine::fixed(healthFactor, 4), machine::fixed(*m_levels.healthFactorBelow, 4));
    if (m_levels.distanceBelow && !std::isnan(nearestDistance) && nearestDistance < *m_levels.distanceBelow)
        reasons << QStringLiteral("a %1 move would liquidate (alert below %2)")
                       .arg(machine::percent(nearestDistance), machine::percent(*m_levels.distanceBelow));
    const bool below = !reasons.isEmpty();
    const bool crossed = below && !m_below;
    m_below = below;
    if (!crossed)
        return std::nullopt;
    ++m_alerts;
    return reasons.join(QStringLiteral("; "));
}

} // namespace lp
