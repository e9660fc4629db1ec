#pragma once

#include "expected.h"
#include "plan.h"
#include "ratemodel.h"

#include <QJsonObject>
#include <QStringList>

namespace lp {

class MarketRegistry;

// "What if the borrow asset's utilization goes to 95 %?" (issue 5): the borrow APY that the reserve's
// rate strategy gives at that utilization (kink model, APR -> APY per second, model/market/ratemodel.h)
// replaces the plan's, so the report's borrow APY and net APY follow.
struct UtilizationScenario {
    double utilization = 0;
    QString marketId;
    QString borrowSymbol;
    QString strategyField; // "reserves[2].rateStrategy", where the strategy sits in the market file
    RateStrategy strategy;
    double borrowApr = 0;
    double borrowApy = 0;
    double previousBorrowApy = 0; // the plan's value before the scenario
};

struct ScenarioPlan {
    Plan plan; // borrow.borrowApy replaced and marked as the plan's own
    UtilizationScenario scenario;
};

// Errors name what is missing: "utilization" outside [0, 1], "market" when the plan names no known market,
// "borrow.symbol" when the borrow asset is not borrowable there or its reserve has no rate strategy.
[[nodiscard]] Expected<ScenarioPlan> withBorrowUtilization(const Plan &plan, const MarketRegistry &markets,
                                                           double utilization);

// The report's `scenario` section: {"borrowUtilization", "market", "borrowSymbol", "rateStrategy":
// {"field", "optimalUtilization", "baseRate", "slope1", "slope2"}, "borrowApr", "borrowApy",
// "previousBorrowApy"}.
[[nodiscard]] QJsonObject scenarioJson(const UtilizationScenario &scenario);
// The same as text lines for the text report.
[[nodiscard]] QStringList scenarioText(const UtilizationScenario &scenario);

} // namespace lp
