#pragma once

#include "liquidationrules.h"
#include "montecarlo.h"
#include "protection.h"

#include <vector>

namespace lp {

// One Monte Carlo path of a position under protection rules: the state machine that
// simulateProtection (protectionmontecarlo.h, where the path model is described) steps along each
// path, once with the rules and once without.

enum class CrossDirection { Down, Up };

// Everything a path needs, the same for all paths.
struct ProtectionPathSetup {
    ProtectionCosts costs;
    LiquidationParams liquidation;
    double pa0 = 0;
    double cg = 1; // collateral growth per step
    double dg = 1;
    double dlb = 0;            // ln(dg / cg): how the log barrier moves each step between events
    std::vector<double> cgPow; // cg^n and dg^n for n = 0 ... steps, for jumps of n steps
    std::vector<double> dgPow;
    double mu = 0;
    double sd = 0;
    double bridgeScale = 0; // 2 / (vol^2 dt)
    int steps = 0;
    double c0 = 0;
    double d0 = 0;
    double costBasisUsd = 0;
    double depositValueUsd = 0;
    double holdUnitsAtEnd = 0;
};

// A rule as the path loop reads it: where its level sits relative to the barrier or the price.
struct RuleLevel {
    ProtectionRule rule;
    CrossDirection direction = CrossDirection::Down;
    bool continuous = false; // delaySteps 0: watched on the bridge
    bool onBarrier = false;  // level = log barrier + offset (HF rules); else fixed or trailing
    bool trailing = false;   // level = running max + offset
    double offset = 0;
};

// The rules as levels, in the plan's order; pa0 is Token A's price at the start, lt the threshold.
[[nodiscard]] std::vector<RuleLevel> ruleLevels(const ProtectionRules &rules, double pa0, double lt);

// One path's position under one rule set, stepped along the shared log-price path x = ln(S / S0).
class ProtectionPath {
public:
    ProtectionPath(const ProtectionPathSetup &s, const std::vector<RuleLevel> &levels, Xoshiro256 events,
                   int *counts, double *fees);

    // One step from x = xs to xe: accrual, the events on the bridge between them, the close's rules.
    void step(double xs, double xe);

    // True when nothing can happen on the Brownian bridge from xs to xe over n steps: no rule is waiting
    // to execute, no trailing stop moves, and the bridge reaches no level (the liquidation barrier, every
    // rule's level, each moving linearly with interest) but with a probability under exp(-37), the
    // smallest that step() can tell from 0. Then n steps are one jump(): the same path in distribution.
    [[nodiscard]] bool quiet(int n, double xs, double xe) const;
    // n steps at once, on a bridge that quiet() passed, ending at xe: interest accrual only.
    void jump(int n, double xe);

    [[nodiscard]] bool liquidated() const { return m_liquidated; }
    [[nodiscard]] bool closed() const { return m_pos.closed; }
    [[nodiscard]] double minLogHealthFactor() const { return m_minLogHf; }
    [[nodiscard]] double equityUsd(double x) const;
    void setHasDiscrete(bool v) { m_hasDiscrete = v; }

private:
    [[nodiscard]] bool active() const { return !m_pos.closed && m_pos.collateral > 0.0; }
    [[nodiscard]] double logBarrier() const;
    [[nodiscard]] double levelOf(const RuleLevel &l, double lb) const;
    bool crosses(CrossDirection dir, double xs, double xe, double ls, double le);
    void record(const ProtectionExecution &e);
    void settleCrossings(CrossDirection dir, double xs, double xe, double lbs);
    void settleClose(double xe);

    const ProtectionPathSetup &m_s;
    const std::vector<RuleLevel> &m_levels;
    Xoshiro256 m_events;
    int *m_counts;
    double *m_fees;
    ProtectedPosition m_pos;
    std::vector<int> m_pending;
    double m_lb = 0;
    double m_runMax = 0;
    double m_minLogHf = 0;
    bool m_liquidated = false;
    bool m_hasDiscrete = false;
};

} // namespace lp
