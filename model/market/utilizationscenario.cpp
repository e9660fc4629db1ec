#include "utilizationscenario.h"

#include "machineformat.h"
#include "marketregistry.h"
#include "planmarket.h"

#include <cmath>

namespace lp {

Expected<ScenarioPlan> withBorrowUtilization(const Plan &plan, const MarketRegistry &markets,
                                             double utilization)
{
    if (!std::isfinite(utilization) || utilization < 0.0 || utilization > 1.0)
        return ValidationError{
            QStringLiteral("utilization"),
            QStringLiteral("must be between 0 and 1 (got %1)").arg(formatNumber(utilization))};
    if (plan.market.isEmpty())
        return ValidationError{
            QStringLiteral("market"),
            QStringLiteral("the plan names no market, so there is no rate strategy to follow")};
    const Market *market = markets.find(plan.market);
    if (!market)
        return ValidationError{QStringLiteral("market"),
                               QStringLiteral("\"%1\" is not a known market").arg(plan.market.left(40))};
    const qsizetype i = market->reserveIndex(plan.borrow.symbol);
    if (i < 0 || !market->reserves[i].borrowable)
        return ValidationError{QStringLiteral("borrow.symbol"),
                               QStringLiteral("market \"%1\" has no borrowable asset \"%2\"")
                                   .arg(market->id, plan.borrow.symbol.left(32))};
    const Reserve &r = market->reserves[i];
    if (!r.rateStrategy)
        return ValidationError{
            QStringLiteral("borrow.symbol"),
            QStringLiteral("market \"%1\" states no rate strategy for \"%2\"; edit the market "
                           "to add one")
                .arg(market->id, r.symbol)};
    ScenarioPlan out{plan, {}};
    UtilizationScenario &s = out.scenario;
    s.utilization = utilization;
    s.marketId = market->id;
    s.borrowSymbol = r.symbol;
    s.strategyField = QStringLiteral("reserves[%1].rateStrategy").arg(i);
    s.strategy = *r.rateStrategy;
    s.borrowApr = borrowRate(s.strategy, utilization);
    s.borrowApy = aprToApy(s.borrowApr);
    s.previousBorrowApy = plan.borrow.borrowApy;
    out.plan.borrow.borrowApy = s.borrowApy;
    markOverridden(&out.plan, MarketField::BorrowApy);
    return out;
}

QJsonObject scenarioJson(const UtilizationScenario &s)
{
    return {{QStringLiteral("borrowUtilization"), s.utilization},
            {QStringLiteral("market"), s.marketId},
            {QStringLiteral("borrowSymbol"), s.borrowSymbol},
            {QStringLiteral("rateStrategy"),
             QJsonObject{{QStringLiteral("field"), s.strategyField},
                         {QStringLiteral("optimalUtilization"), s.strategy.optimalUtilization},
                         {QStringLiteral("baseRate"), s.strategy.baseRate},
                         {QStringLiteral("slope1"), s.strategy.slope1},
                         {QStringLiteral("slope2"), s.strategy.slope2}}},
            {QStringLiteral("borrowApr"), s.borrowApr},
            {QStringLiteral("borrowApy"), s.borrowApy},
            {QStringLiteral("previousBorrowApy"), s.previousBorrowApy}};
}

QStringList scenarioText(const UtilizationScenario &s)
{
    const auto pct = [](double v) { return QString::number(v * 100.0, 'f', 2) + QStringLiteral(" %"); };
    return {
        QStringLiteral("Scenario"),
        QStringLiteral("  %1 utilization %2 (rate strategy %3 of %4: Uopt %5, base %6, slope1 %7, slope2 %8)")
            .arg(s.borrowSymbol, pct(s.utilization), s.strategyField, s.marketId,
                 formatNumber(s.strategy.optimalUtilization), formatNumber(s.strategy.baseRate),
                 formatNumber(s.strategy.slope1), formatNumber(s.strategy.slope2)),
        QStringLiteral("  Borrow APR %1 -> APY %2 (was %3)")
            .arg(pct(s.borrowApr), pct(s.borrowApy), pct(s.previousBorrowApy))};
}

} // namespace lp
