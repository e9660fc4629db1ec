#include "closing.h"

#include "machineformat.h"
#include "position.h"
#include "swapimpact.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>

namespace lp {

namespace {

using machine::num;

// Sells `units` of A at pa for B at pb: returns the B received and books fee, impact and slippage on the
// round.
double sellCollateral(double units, double pa, double pb, const Plan &plan, CloseRound *round)
{
    const CollateralSale sale = sellCollateralUsd(plan, units * pa);
    round->sold = units;
    round->swapFeeUsd = sale.feeUsd;
    round->impactUsd = sale.impactUsd;
    round->slippageUsd = sale.slippageUsd;
    return sale.receivedUsd / pb;
}

// The units of A to sell at pa for `usd` worth of B: usd / (pa k) without impact; with it the input after
// the fee that the pool turns into usd / (1 - q) (impactInputForOutput), grossed up by the fee. +infinity
// when the pool cannot pay that much.
double unitsToReceive(double usd, double pa, const Plan &plan)
{
    if (plan.priceImpact.model == ImpactModel::None)
        return usd / (pa * plan.costs.swapKeep());
    const double afterFee = impactInputForOutput(plan.priceImpact, SwapSide::SellCollateral,
                                                 usd / (1.0 - plan.costs.slippageBps / 1e4));
    return afterFee / (1.0 - plan.costs.swapFeeBps / 1e4) / pa;
}

} // namespace

CollateralSale sellCollateralUsd(const Plan &plan, double valueUsd)
{
    const Costs &costs = plan.costs;
    CollateralSale sale;
    sale.feeUsd = valueUsd * costs.swapFeeBps / 1e4;
    const double afterFee = valueUsd - sale.feeUsd;
    sale.impactUsd = afterFee * impactShare(plan.priceImpact, SwapSide::SellCollateral, afterFee);
    sale.slippageUsd = (afterFee - sale.impactUsd) * costs.slippageBps / 1e4;
    sale.receivedUsd = afterFee - sale.impactUsd - sale.slippageUsd;
    return sale;
}

QString toString(CloseMethod method)
{
    return method == CloseMethod::SellToRepay ? QStringLiteral("sellToRepay") : QStringLiteral("flashClose");
}

Expected<CloseResult> unwindPosition(const Plan &plan, double collateral, double debt, double priceA,
                                     double priceB, const CloseOptions &options)
{
    if (!(priceA > 0.0) || !std::isfinite(priceA))
        return ValidationError{QStringLiteral("close.exitPriceUsd"), QStringLiteral("must be above 0")};
    if (!(priceB > 0.0) || !std::isfinite(priceB))
        return ValidationError{QStringLiteral("close.exitPriceBUsd"), QStringLiteral("must be above 0")};
    const double floor = options.healthFactorFloor;
    if (!(floor >= 1.0) || !std::isfinite(floor))
        return ValidationError{QStringLiteral("close.healthFactorFloor"),
                               QStringLiteral("must be at least 1 (got %1)").arg(formatNumber(floor))};

    const double lt = plan.collateral.liquidationThreshold;
    const double k = plan.costs.swapKeep();
    const double phi = plan.costs.flashPremiumBps / 1e4;
    const bool flash = options.method == CloseMethod::FlashClose;

    CloseResult out;
    out.method = options.method;
    out.exitPriceUsd = priceA;
    out.exitPriceBUsd = priceB;
    out.collateralAtExit = collateral;
    out.debtAtExit = debt;
    out.equityAtExitUsd = collateral * priceA - debt * priceB;
    out.healthFactorAtExit = healthFactor(collateral, debt, priceA, priceB, lt);

    // Selling all the collateral must cover the debt (and the flash premium) after swap costs.
    const double owedUsd = debt * priceB * (flash ? 1.0 + phi : 1.0);
    if (debt > 0.0 && collateral * priceA * k < owedUsd) {
        return ValidationError{QStringLiteral("close.exitPriceUsd"),
                               QStringLiteral("%1 %2 worth %3 USD after swap costs do not repay %4 USD of "
                                              "debt: the position is underwater at this price")
                                   .arg(formatNumber(collateral), plan.collateral.symbol,
                                        formatNumber(collateral * priceA * k), formatNumber(owedUsd))};
    }
    if (debt > 0.0 && !(unitsToReceive(owedUsd, priceA, plan) <= collateral)) {
        return ValidationError{
            QStringLiteral("priceImpact.model"),
            QStringLiteral("selling all %1 %2 into the pool does not repay %3 USD of debt: "
                           "the price impact of the exit is too large for the pool")
                .arg(formatNumber(collateral), plan.collateral.symbol, formatNumber(owedUsd))};
    }

    double c = collateral;
    double d = debt;
    ClosingCosts &costs = out.costs;
    if (flash && d > 0.0) {
        CloseRound r;
        r.round = 1;
        r.withdrawn = c;
        r.received = sellCollateral(unitsToReceive(owedUsd, priceA, plan), priceA, priceB, plan, &r);
        r.repaid = d;
        r.flashPremiumUsd = d * priceB * phi;
        c -= r.sold;
        d = 0.0;
        r.healthFactorAfter = std::numeric_limits<double>::infinity();
        out.rounds.push_back(r);
        costs.transactions = 1;
    } else if (d > 0.0) {
        if (out.healthFactorAtExit <= floor) {
            return ValidationError{
                QStringLiteral("close.healthFactorFloor"),
                QStringLiteral("health factor at exit %1 is not above the floor %2: no "
                               "collateral can be withdrawn; use a flash close")
                    .arg(QString::number(out.healthFactorAtExit, 'f', 4), formatNumber(floor))};
        }
        // Withdrawals grow by h k / lt per round (each repayment frees h/lt of its value), so the loop
        // ends quickly unless swap costs eat more than the floor frees.
        for (int i = 1; d > 0.0; ++i) {
            if (i > options.maxRounds) {
                return ValidationError{QStringLiteral("close.healthFactorFloor"),
                                       QStringLiteral("sell-to-repay needs more than %1 rounds at floor %2; "
                                                      "use a flash close")
                                           .arg(options.maxRounds)
                                           .arg(formatNumber(floor))};
            }
            const double need = unitsToReceive(d * priceB, priceA, plan);
            const double maxWithdraw = c - floor * d * priceB / (priceA * lt);
            const bool last = need <= maxWithdraw;
            CloseRound r;
            r.round = i;
            r.withdrawn = last ? need : maxWithdraw;
            r.received = sellCollateral(r.withdrawn, priceA, priceB, plan, &r);
            r.repaid = last ? d : std::min(d, r.received);
            c -= r.withdrawn;
            d = last ? 0.0 : d - r.repaid;
            r.collateralAfter = c;
            r.debtAfter = d;
            r.healthFactorAfter = healthFactor(c, d, priceA, priceB, lt);
            out.rounds.push_back(r);
            costs.transactions += 3;
        }
    }
    const bool withdrewAll = flash && debt > 0.0;
    if (c > 0.0 && !withdrewAll) {
        // The last withdrawal: what is left goes back to the wallet (without debt, the only step).
        CloseRound r;
        r.round = static_cast<int>(out.rounds.size()) + 1;
        r.withdrawn = c;
        r.healthFactorAfter = std::numeric_limits<double>::infinity();
        out.rounds.push_back(r);
        costs.transactions += 1;
    }
    for (const CloseRound &r : out.rounds) {
        costs.swapFeesUsd += r.swapFeeUsd;
        costs.slippageUsd += r.slippageUsd;
        costs.impactUsd += r.impactUsd;
        costs.flashPremiumUsd += r.flashPremiumUsd;
    }
    costs.gasUsd = costs.transactions * plan.costs.gasUsdPerTx;
    out.walkAwayCollateral = c;
    out.walkAwayUsd = c * priceA;
    return out;
}

Expected<CloseResult> simulateClose(const Plan &plan, const OpenedPosition &opened,
                                    const CloseOptions &options)
{
    const int exitDay = options.exitDay < 0 ? plan.horizonDays : options.exitDay;
    if (exitDay > limits::maxHorizonDays) {
        return ValidationError{
            QStringLiteral("close.exitDay"),
            QStringLiteral("must be at most %1 (got %2)").arg(limits::maxHorizonDays).arg(exitDay)};
    }
    const double pa = std::isnan(options.exitPriceUsd) ? plan.collateral.priceUsd : options.exitPriceUsd;
    const double pb = std::isnan(options.exitPriceBUsd) ? plan.borrow.priceUsd : options.exitPriceBUsd;
    const double gA = collateralGrowth(plan);
    const double gB = debtGrowth(plan);
    const double cT = accrue(opened.collateral, gA, exitDay);
    const double dT = accrue(opened.debt, gB, exitDay);

    Expected<CloseResult> unwound = unwindPosition(plan, cT, dT, pa, pb, options);
    if (!unwound)
        return unwound;
    CloseResult out = std::move(unwound).value();
    out.exitDay = exitDay;
    out.costs.interestPaidUsd = (dT - opened.debt) * pb;
    out.costs.yieldEarnedUsd = (cT - opened.collateral) * pa;
    out.incentivesUsd = options.incentives.supplyApr * opened.collateral * pa * accruedYears(gA, exitDay) +
                        options.incentives.borrowApr * opened.debt * pb * accruedYears(gB, exitDay);
    const double depositValue = plan.deposit * plan.collateral.priceUsd;
    out.openingCostBasisUsd = depositValue + opened.costs.gasUsd;
    out.pnlUsd = out.walkAwayUsd + out.incentivesUsd - out.costs.gasUsd - out.openingCostBasisUsd;
    out.holdValueUsd = accrue(plan.deposit, 1.0 + plan.collateral.nativeYield, exitDay) * pa;
    out.holdPnlUsd = out.holdValueUsd - depositValue;
    return out;
}

QJsonObject closeJson(const CloseResult &close)
{
    const ClosingCosts &c = close.costs;
    QJsonArray rounds;
    for (const CloseRound &r : close.rounds) {
        rounds.append(QJsonObject{{QStringLiteral("round"), r.round},
                                  {QStringLiteral("withdrawn"), num(r.withdrawn)},
                                  {QStringLiteral("sold"), num(r.sold)},
                                  {QStringLiteral("received"), num(r.received)},
                                  {QStringLiteral("repaid"), num(r.repaid)},
                                  {QStringLiteral("collateralAfter"), num(r.collateralAfter)},
                                  {QStringLiteral("debtAfter"), num(r.debtAfter)},
                                  {QStringLiteral("healthFactorAfter"), num(r.healthFactorAfter)}});
    }
    return QJsonObject{
        {QStringLiteral("method"), toString(close.method)},
        {QStringLiteral("exitDay"), close.exitDay},
        {QStringLiteral("exitPriceUsd"), num(close.exitPriceUsd)},
        {QStringLiteral("walkAwayCollateral"), num(close.walkAwayCollateral)},
        {QStringLiteral("walkAwayUsd"), num(close.walkAwayUsd)},
        {QStringLiteral("incentivesUsd"), num(close.incentivesUsd)},
        {QStringLiteral("pnlUsd"), num(close.pnlUsd)},
        {QStringLiteral("holdPnlUsd"), num(close.holdPnlUsd)},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("costs"), QJsonObject{{QStringLiteral("swapFeesUsd"), num(c.swapFeesUsd)},
                                              {QStringLiteral("slippageUsd"), num(c.slippageUsd)},
                                              {QStringLiteral("impactUsd"), num(c.impactUsd)},
                                              {QStringLiteral("flashPremiumUsd"), num(c.flashPremiumUsd)},
                                              {QStringLiteral("gasUsd"), num(c.gasUsd)},
                                              {QStringLiteral("transactions"), c.transactions},
                                              {QStringLiteral("interestPaidUsd"), num(c.interestPaidUsd)},
                                              {QStringLiteral("yieldEarnedUsd"), num(c.yieldEarnedUsd)},
                                              {QStringLiteral("totalUsd"), num(c.totalUsd())}}}};
}

} // namespace lp
