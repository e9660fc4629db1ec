#pragma once

#include "engine.h"

#include <QJsonObject>

namespace lp {

// What opening and closing the plan's position costs in execution, at today's prices: the price impact
// of the opening swaps and of the exit apart (swapimpact.h), what closing right now pays out, and the
// opening plus closing costs as a share of equity.
struct ExecutionFigures {
    double entryImpactUsd = 0;  // every opening swap's impact (OpeningCosts::impactUsd)
    double exitImpactUsd = 0;   // the impact of closing now (a flash close; selling to repay if it fails)
    double openingCostsUsd = 0; // OpeningCosts::totalUsd, the entry impact included
    double closingCostsUsd = 0; // closing now: fees, impact, slippage, premium, gas; NaN if it cannot
    double equityUsd = 0;       // C PA - D PB at the plan's prices
    double proceedsIfClosedNowUsd = 0; // equity - closingCostsUsd: at most the equity
    double costShareOfEquity = 0;      // (opening + closing costs) / equity; NaN if it cannot close
    bool canClose = true;
};

[[nodiscard]] ExecutionFigures executionFigures(const PlanResult &result);

// report JSON `execution`: {entryImpactUsd, exitImpactUsd, openingCostsUsd, closingCostsUsd, equityUsd,
// proceedsIfClosedNowUsd, costShareOfEquity}; null for what closing now cannot give.
[[nodiscard]] QJsonObject executionJson(const ExecutionFigures &figures);

} // namespace lp
