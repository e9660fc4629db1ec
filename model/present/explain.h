#pragma once

#include <QString>

namespace lp {

struct PlanResult;

// "Explain this number" (teaching mode): each headline figure of a plan as its formula with the plan's
// own numbers substituted, and one line on what it means. The figures are those of the PlanResult;
// the formula only shows how they are made, it does not compute them again.
enum class Figure {
    HealthFactor,
    Ltv,
    LiquidationPrice,
    Distance,
    Leverage,
    Equity,
    Collateral,
    Debt,
    OpeningCosts,
    NetApy,
    MaxLeverage,
};

struct Explanation {
    QString formula; // "HF = C × PA × LT / (D × PB) = 24.3441 wstETH × $3,500.00 × 0.80 / (...) = 1.36"
    QString meaning; // one plain sentence
};

// Numbers are formatted for people, in the user's locale (model/present/displayformat.h).
[[nodiscard]] Explanation explain(const PlanResult &result, Figure figure);

} // namespace lp
