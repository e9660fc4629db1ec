#include "protection.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace lp {

namespace {

double healthFactorOf(const ProtectedPosition &p, double pa, const ProtectionCosts &c)
{
    if (!(p.debt > 0.0))
        return std::numeric_limits<double>::infinity();
    return p.collateral * pa * c.liquidationThreshold / (p.debt * c.priceBUsd);
}

// A swap of `amountUsd` through an automation: fee, swap cost and gas booked on the execution.
void bookAutomationCosts(ProtectionExecution *e, const ProtectionRule &rule, double amountUsd,
                         const ProtectionCosts &c)
{
    e->amountUsd = amountUsd;
    e->serviceFeeUsd = amountUsd * rule.serviceFeeBps / 10000.0;
    e->swapCostUsd = amountUsd * (1.0 - c.swapKeep);
    e->gasUsd = c.gasUsd;
}

} // namespace

ProtectionCosts protectionCosts(const Plan &plan, double priceBUsd)
{
    return {priceBUsd, plan.collateral.liquidationThreshold, plan.costs.swapKeep(), plan.costs.gasUsdPerTx};
}

double ProtectedPosition::equityUsd(double priceAUsd, double priceBUsd) const
{
    if (closed)
        return cashUsd;
    // Debt left with no collateral is the protocol's bad debt, not the user's.
    return std::max(0.0, collateral * priceAUsd - debt * priceBUsd);
}

bool protectionTriggered(const ProtectionRule &rule, const ProtectedPosition &position, double priceAUsd,
                         double runningMaxUsd, const ProtectionCosts &costs)
{
    if (position.closed || !(position.collateral > 0.0))
        return false;
    switch (rule.kind) {
    case ProtectionKind::AutoRepay:
        return position.debt > 0.0 && healthFactorOf(position, priceAUsd, costs) <= rule.triggerHealthFactor;
    case ProtectionKind::AutoBoost:
        return healthFactorOf(position, priceAUsd, costs) >= rule.triggerHealthFactor;
    case ProtectionKind::StopLoss:
        return priceAUsd <= rule.priceUsd;
    case ProtectionKind::TakeProfit:
        return priceAUsd >= rule.priceUsd;
    case ProtectionKind::TrailingStop:
        return priceAUsd <= (1.0 - rule.fraction) * runningMaxUsd;
    case ProtectionKind::PreLiquidation:
        return position.debt > 0.0 &&
               position.debt * costs.priceBUsd >= rule.ltv * position.collateral * priceAUsd;
    }
    return false;
}

std::optional<ProtectionExecution> executeProtection(const ProtectionRule &rule, int ruleIndex,
                                                     ProtectedPosition *position, double priceAUsd,
                                                     const ProtectionCosts &costs)
{
    ProtectedPosition &p = *position;
    if (p.closed || !(p.collateral > 0.0) || !(priceAUsd > 0.0))
        return std::nullopt;
    const double pa = priceAUsd;
    const double pb = costs.priceBUsd;
    const double lt = costs.liquidationThreshold;
    const double k = costs.swapKeep;
    const double f = rule.serviceFeeBps / 10000.0;
    const double kf = k - f; // share of a swapped amount that arrives, fee paid
    const double g = costs.gasUsd;
    const double cv = p.collateral * pa;
    const double dv = p.debt * pb;
    ProtectionExecution e;
    e.rule = ruleIndex;
    e.kind = rule.kind;
    e.priceUsd = pa;
    e.healthFactorBefore = healthFactorOf(p, pa, costs);

    switch (rule.kind) {
    case ProtectionKind::AutoRepay: {
        const double h = rule.targetHealthFactor;
        if (!(p.debt > 0.0) || e.healthFactorBefore >= h)
            return std::nullopt;
        const double denominator = h * kf - lt;
        double v = denominator > 0.0 ? (h * (dv + g) - lt * cv) / denominator : cv;
        v = std::min(v, (dv + g) / kf); // never more than repays all of the debt
        v = std::min(v, cv);            // never more than the collateral
        const double repaidUsd = std::min(dv, v * kf - g);
        if (!(v > 0.0) || !(repaidUsd > 0.0))
            return std::nullopt;
        bookAutomationCosts(&e, rule, v, costs);
        e.collateralSold = v / pa;
        e.debtRepaid = repaidUsd / pb;
        p.collateral = std::max(0.0, p.collateral - e.collateralSold);
        p.debt = repaidUsd >= dv ? 0.0 : std::max(0.0, p.debt - e.debtRepaid);
        break;
    }
    case ProtectionKind::AutoBoost: {
        const double h = rule.targetHealthFactor;
        if (e.healthFactorBefore <= h)
            return std::nullopt;
        const double w = (lt * (cv - g) - h * dv) / (h - lt * kf);
        const double boughtUsd = w * kf - g;
        if (!(w > 0.0) || !(boughtUsd > 0.0))
            return std::nullopt;
        bookAutomationCosts(&e, rule, w, costs);
        e.debtBorrowed = w / pb;
        e.collateralBought = boughtUsd / pa;
        p.collateral += e.collateralBought;
        p.debt += e.debtBorrowed;
        break;
    }
    case ProtectionKind::StopLoss:
    case ProtectionKind::TakeProfit:
    case ProtectionKind::TrailingStop:
        bookAutomationCosts(&e, rule, cv, costs);
        e.collateralSold = p.collateral;
        e.debtRepaid = p.debt;
        p.cashUsd = std::max(0.0, cv * kf - g - dv);
        p.collateral = 0.0;
        p.debt = 0.0;
        p.closed = true;
        e.closed = true;
        break;
    case ProtectionKind::PreLiquidation: {
        if (!(p.debt > 0.0))
            return std::nullopt;
        double repaid = rule.closeFactor * p.debt;
        double seized = repaid * pb * (1.0 + rule.incentive) / pa;
        if (seized > p.collateral) {
            seized = p.collateral;
            repaid = seized * pa / (pb * (1.0 + rule.incentive));
        }
        e.amountUsd = repaid * pb;
        e.incentiveUsd = repaid * pb * rule.incentive;
        e.collateralSold = seized;
        e.debtRepaid = repaid;
        p.collateral = std::max(0.0, p.collateral - seized);
        p.debt = std::max(0.0, p.debt - repaid);
        break;
    }
    }
    e.healthFactorAfter = p.closed ? std::numeric_limits<double>::infinity() : healthFactorOf(p, pa, costs);
    return e;
}

DiscreteProtection::DiscreteProtection(ProtectionRules rules, ProtectionCosts costs)
    : m_rules(std::move(rules)), m_costs(costs), m_pending(static_cast<size_t>(m_rules.size()), -1)
{
}

std::vector<ProtectionExecution> DiscreteProtection::step(ProtectedPosition *position, double priceAUsd)
{
    std::vector<ProtectionExecution> out;
    m_runningMax = std::max(m_runningMax, priceAUsd);
    const auto run = [&](qsizetype i) {
        if (std::optional<ProtectionExecution> e =
                executeProtection(m_rules.at(i), static_cast<int>(i), position, priceAUsd, m_costs))
            out.push_back(*e);
    };
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        int &pending = m_pending[static_cast<size_t>(i)];
        if (pending > 0 && --pending == 0) {
            pending = -1;
            run(i);
        }
    }
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        int &pending = m_pending[static_cast<size_t>(i)];
        if (pending >= 0 || !protectionTriggered(m_rules.at(i), *position, priceAUsd, m_runningMax, m_costs))
            continue;
        if (m_rules.at(i).delaySteps == 0)
            run(i);
        else
            pending = m_rules.at(i).delaySteps;
    }
    return out;
}

} // namespace lp
