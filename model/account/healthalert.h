#pragma once

// When a watched account should raise an alert: once per crossing. A reading below the alert level (the
// health factor under H, or the nearest liquidation closer than a set move) alerts the first time; the
// readings after it stay quiet until one is back above the level, and the next fall alerts again. A failed
// reading changes nothing: it is neither a crossing nor a recovery, so it never reads as "safe".
#include <QString>

#include <optional>

namespace lp {

struct HealthAlertLevels {
    std::optional<double> healthFactorBelow; // alert when HF < this
    std::optional<double> distanceBelow;     // alert when the nearest liquidation move < this (0.1 = 10 %)
};

class HealthAlert {
public:
    explicit HealthAlert(HealthAlertLevels levels = {}) : m_levels(levels) {}

    // A successful reading. Returns the alert's message (with the numbers) when this reading crosses the
    // level, nothing otherwise.
    std::optional<QString> reading(double healthFactor, double nearestDistance);
    // A reading that failed: no state change.
    void failedReading() { ++m_failures; }

    [[nodiscard]] bool isBelow() const { return m_below; }
    [[nodiscard]] int alerts() const { return m_alerts; }
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] const HealthAlertLevels &levels() const { return m_levels; }

private:
    HealthAlertLevels m_levels;
    bool m_below = false;
    int m_alerts = 0;
    int m_failures = 0;
};

} // namespace lp
