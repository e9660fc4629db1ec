#include "protectionpath.h"

#include "liquidation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

namespace {

// Crossing probabilities under exp(-37) ~ 8.5e-17 cannot be told from 0 by a 53-bit uniform.
constexpr double kNegligibleExponent = 37.0;
// Events (liquidation calls, executions) one path may have inside one step before the rest of the step
// is settled at its close.
constexpr int kMaxEventsPerStep = 64;
constexpr double kInf = std::numeric_limits<double>::infinity();

} // namespace

std::vector<RuleLevel> ruleLevels(const ProtectionRules &rules, double pa0, double lt)
{
    std::vector<RuleLevel> out;
    for (const ProtectionRule &r : rules) {
        RuleLevel l;
        l.rule = r;
        l.continuous = r.delaySteps == 0;
        switch (r.kind) {
        case ProtectionKind::AutoRepay:
            l.onBarrier = true;
            l.offset = std::log(r.triggerHealthFactor);
            break;
        case ProtectionKind::AutoBoost:
            l.direction = CrossDirection::Up;
            l.onBarrier = true;
            l.offset = std::log(r.triggerHealthFactor);
            break;
        case ProtectionKind::PreLiquidation:
            l.onBarrier = true;
            l.offset = std::log(lt / r.ltv); // LTV >= ltv  <=>  HF <= lt / ltv
            break;
        case ProtectionKind::StopLoss:
            l.offset = std::log(r.priceUsd / pa0);
            break;
        case ProtectionKind::TakeProfit:
            l.direction = CrossDirection::Up;
            l.offset = std::log(r.priceUsd / pa0);
            break;
        case ProtectionKind::TrailingStop:
            l.trailing = true;
            l.offset = std::log1p(-r.fraction);
            break;
        }
        out.push_back(l);
    }
    return out;
}

ProtectionPath::ProtectionPath(const ProtectionPathSetup &s, const std::vector<RuleLevel> &levels,
                               Xoshiro256 events, int *counts, double *fees)
    : m_s(s), m_levels(levels), m_events(events), m_counts(counts), m_fees(fees)
{
    m_pos.collateral = s.c0;
    m_pos.debt = s.d0;
    m_lb = logBarrier();
    m_pending.assign(levels.size(), -1);
    m_minLogHf = m_pos.debt > 0.0 ? -m_lb : kInf;
}

void ProtectionPath::step(double xs, double xe)
{
    const double lbs = m_lb;
    m_pos.collateral *= m_s.cg;
    m_pos.debt *= m_s.dg;
    m_lb += m_s.dlb; // -inf stays -inf; events recompute it from the amounts
    if (!active())
        return;
    settleCrossings(CrossDirection::Down, xs, xe, lbs);
    if (active())
        settleCrossings(CrossDirection::Up, xs, xe, m_lb);
    m_runMax = std::max(m_runMax, xe);
    if (!active())
        return;
    if (m_pos.debt > 0.0)
        m_minLogHf = std::min(m_minLogHf, xe - m_lb);
    if (m_hasDiscrete)
        settleClose(xe);
}

bool ProtectionPath::quiet(int n, double xs, double xe) const
{
    if (!active())
        return true;
    const double scale = m_s.bridgeScale / n;
    // Both ends on the level's safe side and the bridge's chance of reaching it negligible.
    const auto clear = [&](CrossDirection dir, double ls, double le) {
        const double ds = dir == CrossDirection::Down ? xs - ls : ls - xs;
        const double de = dir == CrossDirection::Down ? xe - le : le - xe;
        return ds > 0.0 && de > 0.0 && ds * de * scale >= kNegligibleExponent;
    };
    const double lbe = m_lb + n * m_s.dlb;
    if (m_pos.debt > 0.0 && !clear(CrossDirection::Down, m_lb, lbe))
        return false;
    for (size_t i = 0; i < m_levels.size(); ++i) {
        const RuleLevel &l = m_levels[i];
        if (l.trailing || m_pending[i] >= 0)
            return false;
        const bool ok = l.onBarrier ? clear(l.direction, m_lb + l.offset, lbe + l.offset)
                                    : clear(l.direction, l.offset, l.offset);
        if (!ok)
            return false;
    }
    return true;
}

void ProtectionPath::jump(int n, double xe)
{
    m_pos.collateral *= m_s.cgPow[static_cast<size_t>(n)];
    m_pos.debt *= m_s.dgPow[static_cast<size_t>(n)];
    m_lb += n * m_s.dlb;
    if (!active())
        return;
    m_runMax = std::max(m_runMax, xe);
    if (m_pos.debt > 0.0)
        m_minLogHf = std::min(m_minLogHf, xe - m_lb);
}

double ProtectionPath::equityUsd(double x) const
{
    return m_pos.equityUsd(m_s.pa0 * std::exp(x), m_s.costs.priceBUsd);
}

double ProtectionPath::logBarrier() const
{
    if (!(m_pos.debt > 0.0) || !(m_pos.collateral > 0.0))
        return -kInf;
    return std::log(m_pos.debt * m_s.costs.priceBUsd /
                    (m_pos.collateral * m_s.costs.liquidationThreshold * m_s.pa0));
}

double ProtectionPath::levelOf(const RuleLevel &l, double lb) const
{
    if (l.onBarrier)
        return lb + l.offset;
    return l.trailing ? m_runMax + l.offset : l.offset;
}

// True when the bridge from xs to xe crosses the level from ls to le in `dir`.
bool ProtectionPath::crosses(CrossDirection dir, double xs, double xe, double ls, double le)
{
    const double ds = dir == CrossDirection::Down ? xs - ls : ls - xs;
    const double de = dir == CrossDirection::Down ? xe - le : le - xe;
    if (!(ds > 0.0) || !(de > 0.0))
        return true;
    const double a = ds * de * m_s.bridgeScale;
    return a < kNegligibleExponent && m_events.uniformOpen0() < std::exp(-a);
}

void ProtectionPath::record(const ProtectionExecution &e)
{
    ++m_counts[e.rule];
    m_fees[e.rule] += e.costUsd();
    if (e.healthFactorBefore > 0.0 && std::isfinite(e.healthFactorBefore))
        m_minLogHf = std::min(m_minLogHf, std::log(e.healthFactorBefore));
}

// The events inside one step in `dir`: the first level the bridge reaches (highest down, lowest up)
// acts at its price, then the rest of the step goes on from there.
void ProtectionPath::settleCrossings(CrossDirection dir, double xs, double xe, double lbs)
{
    for (int n = 0; n < kMaxEventsPerStep && active(); ++n) {
        int which = -2; // -1: liquidation; >= 0: a rule
        double ls = 0;
        double le = dir == CrossDirection::Down ? -kInf : kInf;
        if (dir == CrossDirection::Down && m_pos.debt > 0.0) {
            which = -1;
            ls = lbs;
            le = m_lb;
        }
        for (size_t i = 0; i < m_levels.size(); ++i) {
            const RuleLevel &l = m_levels[i];
            if (!l.continuous || l.direction != dir)
                continue;
            const double end = levelOf(l, m_lb);
            if (dir == CrossDirection::Down ? end >= le : end <= le) {
                which = static_cast<int>(i);
                ls = levelOf(l, lbs);
                le = end;
            }
        }
        if (which == -2 || le == (dir == CrossDirection::Down ? -kInf : kInf) ||
            !crosses(dir, xs, xe, ls, le))
            return;
        // At its level, unless the step began beyond it (a level that moved past the price).
        const bool beyond = dir == CrossDirection::Down ? xs <= ls : xs >= ls;
        const double eventX = beyond ? xs : le;
        const double price = m_s.pa0 * std::exp(eventX);
        if (which == -1) {
            // Just under the liquidation price, liquidators repay what the rules allow.
            m_liquidated = true;
            m_minLogHf = std::min(m_minLogHf, 0.0);
            liquidateAfterGap(&m_pos.collateral, &m_pos.debt, price * (1.0 - 1e-9), m_s.liquidation);
        } else {
            const RuleLevel &l = m_levels[static_cast<size_t>(which)];
            const std::optional<ProtectionExecution> e =
                executeProtection(l.rule, which, &m_pos, price, m_s.costs);
            if (!e)
                return; // nothing to do at its level (e.g. no debt left): the level does not act
            record(*e);
        }
        xs = eventX;
        lbs = m_lb = logBarrier();
    }
}

// The rules checked at the step's close: pending executions, then new triggers.
void ProtectionPath::settleClose(double xe)
{
    // Triggers compare log prices with the rules' levels (HF <= trigger is x <= lb + ln trigger), so a
    // close where nothing happens costs no exp().
    for (size_t i = 0; i < m_levels.size(); ++i) {
        int &pending = m_pending[i];
        if (pending > 0 && --pending == 0) {
            pending = -1;
            if (const std::optional<ProtectionExecution> e = executeProtection(
                    m_levels[i].rule, static_cast<int>(i), &m_pos, m_s.pa0 * std::exp(xe), m_s.costs)) {
                record(*e);
                m_lb = logBarrier();
            }
        }
    }
    for (size_t i = 0; i < m_levels.size() && active(); ++i) {
        const RuleLevel &l = m_levels[i];
        if (l.continuous || m_pending[i] >= 0)
            continue;
        const double level = levelOf(l, m_lb);
        if (l.direction == CrossDirection::Down ? xe <= level : xe >= level)
            m_pending[i] = l.rule.delaySteps;
    }
}

} // namespace lp
