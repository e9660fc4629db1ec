#pragma once

#include "expected.h"
#include "liquidation.h"
#include "plan.h"
#include "protection.h"
#include "timeline.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>

#include <vector>

namespace lp {

// Backtest on historical prices (issue 6 §5).
struct PricePoint {
    QDate date;
    double priceUsd = 0;
    friend bool operator==(const PricePoint &, const PricePoint &) = default;
};

// Parses `date,price` rows: ISO dates (YYYY-MM-DD), prices in the C locale (`.` decimals), comma
// separated, CRLF or LF, cells optionally in double quotes, blank lines and lines starting with "#"
// (comments: `prices fetch` names its source there) ignored, an optional header as the first non-blank line
// (any row whose date cell is not a date and price cell not a number). Errors name the line: "line 7" with a
// bad date, a price that is not a finite number or not above 0, a date not after the one before, a wrong
// number of cells; an empty series is an error too.
[[nodiscard]] Expected<std::vector<PricePoint>> parsePriceCsv(const QByteArray &csv);

struct BacktestLiquidation {
    QDate date;
    int day = 0; // days since the first row
    LiquidationEvent event;
};

// One execution of a protection rule (plan.protection) during the backtest.
struct BacktestExecution {
    QDate date;
    int day = 0;
    ProtectionExecution execution;
};

struct BacktestDay {
    QDate date;
    int day = 0;
    double priceUsd = 0;
    double collateral = 0; // after accrual and any liquidation that day
    double debt = 0;
    double equityUsd = 0;
    double healthFactor = 0; // after liquidations
    double pnlUsd = 0;       // equity - (deposit value at open + opening gas)
    double holdValueUsd = 0; // x0 (1 + nativeYield)^(day/365) x price
    double holdPnlUsd = 0;
    int liquidations = 0; // liquidation calls that day
    int executions = 0;   // protection executions that day
};

struct BacktestResult {
    std::vector<BacktestDay> days;
    std::vector<BacktestLiquidation> liquidations;
    double openPriceUsd = 0; // the first row's price: the position is opened there
    double openedCollateral = 0;
    double openedDebt = 0;
    double costBasisUsd = 0; // deposit x open price + opening gas
    double totalPenaltyUsd = 0;
    double minHealthFactor = 0;
    double finalEquityUsd = 0;
    double pnlUsd = 0;
    double holdPnlUsd = 0;
    std::vector<BacktestExecution> executions; // the plan's protection rules, in order
    double protectionCostUsd = 0;              // the executions' costs, summed
    bool closedByRule = false;                 // a stop-loss, take-profit or trailing stop closed it
};

// Replays the plan through the series: the position is opened as the plan says at the first row's price
// (B held at the plan's price; for a plan whose B tracks A, give the A/B ratio times B's price, as on the
// price sweep's axis). Every following row accrues interest and yield for the days elapsed (gaps in the
// dates accrue their full length), then, when HF < 1 at that day's price, liquidators act at that price
// (lp::liquidateAfterGap: a daily close is a gap, not a continuous path) until HF >= 1 again. Then the
// plan's protection rules act on the day's close (lp::DiscreteProtection): a rule with delaySteps 0 at
// that day's price, one with delay n at the price n rows later (after that row's liquidations).
[[nodiscard]] Expected<BacktestResult> runBacktest(const Plan &plan, const std::vector<PricePoint> &prices);

// `leverage-planner backtest` JSON: {openPriceUsd, openedCollateral, openedDebt, costBasisUsd, days,
// firstDate, lastDate, liquidations[{date, priceUsd, closeFactor, debtRepaid, collateralSeized,
// penaltyUsd}], totalPenaltyUsd, minHealthFactor (null with no debt), finalEquityUsd, pnlUsd, holdPnlUsd,
// executions[{date, rule, kind, priceUsd, healthFactorBefore, healthFactorAfter, collateralSold,
// collateralBought, debtRepaid, debtBorrowed, amountUsd, serviceFeeUsd, swapCostUsd, gasUsd, incentiveUsd,
// costUsd, closed}], protectionCostUsd, closedByRule}.
[[nodiscard]] QJsonObject backtestJson(const BacktestResult &result);

} // namespace lp
