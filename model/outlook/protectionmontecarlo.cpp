#include "protectionmontecarlo.h"

#include "computable.h"
#include "liquidation.h"
#include "machineformat.h"
#include "protection.h"
#include "timeline.h"

#include <QJsonArray>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>

namespace lp {

namespace {

// Seed offset of the event stream (the first fractional digits of sqrt(2), as in SHA-2): the uniforms that
// decide bridge crossings, apart from the normals that make the path. The runs with and without rules
// each start their own copy of the same stream (common random numbers): while the rules draw nothing,
// both runs see the same crossings.
constexpr std::uint64_t kEventStream = 0x6a09e667f3bcc909ULL;
// Crossing probabilities under exp(-37) ~ 8.5e-17 cannot be told from 0 by a 53-bit uniform.
constexpr double kNegligibleExponent = 37.0;
// Events (liquidation calls, executions) one path may have inside one step before the rest of the step
// is settled at its close.
constexpr int kMaxEventsPerStep = 64;
constexpr double kInf = std::numeric_limits<double>::infinity();

enum class Direction { Down, Up };

// Everything a path needs, the same for all paths.
struct Setup {
    ProtectionCosts costs;
    LiquidationParams liquidation;
    double pa0 = 0;
    double cg = 1; // collateral growth per step
    double dg = 1;
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
    Direction direction = Direction::Down;
    bool continuous = false; // delaySteps 0: watched on the bridge
    bool onBarrier = false;  // level = log barrier + offset (HF rules); else fixed or trailing
    bool trailing = false;   // level = running max + offset
    double offset = 0;
};

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
            l.direction = Direction::Up;
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
            l.direction = Direction::Up;
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

// One path's position under one rule set, stepped along the shared log-price path.
class PathRun {
public:
    PathRun(const Setup &s, const std::vector<RuleLevel> &levels, Xoshiro256 events, int *counts,
            double *fees)
        : m_s(s), m_levels(levels), m_events(events), m_counts(counts), m_fees(fees)
    {
        m_pos.collateral = s.c0;
        m_pos.debt = s.d0;
        m_lb = logBarrier();
        m_pending.assign(levels.size(), -1);
        if (m_pos.debt > 0.0)
            m_minLogHf = -m_lb;
    }

    void step(double xs, double xe)
    {
        double lbs = m_lb;
        m_pos.collateral *= m_s.cg;
        m_pos.debt *= m_s.dg;
        m_lb = logBarrier();
        if (!active())
            return;
        settleCrossings(Direction::Down, xs, xe, lbs);
        if (active())
            settleCrossings(Direction::Up, xs, xe, m_lb);
        m_runMax = std::max(m_runMax, xe);
        if (!active())
            return;
        if (m_pos.debt > 0.0)
            m_minLogHf = std::min(m_minLogHf, xe - m_lb);
        if (m_hasDiscrete)
            settleClose(xe);
    }

    [[nodiscard]] bool liquidated() const { return m_liquidated; }
    [[nodiscard]] bool closed() const { return m_pos.closed; }
    [[nodiscard]] double minLogHealthFactor() const { return m_minLogHf; }
    [[nodiscard]] double equityUsd(double x) const
    {
        return m_pos.equityUsd(m_s.pa0 * std::exp(x), m_s.costs.priceBUsd);
    }
    void setHasDiscrete(bool v) { m_hasDiscrete = v; }

private:
    [[nodiscard]] bool active() const { return !m_pos.closed && m_pos.collateral > 0.0; }
    [[nodiscard]] double logBarrier() const
    {
        if (!(m_pos.debt > 0.0) || !(m_pos.collateral > 0.0))
            return -kInf;
        return std::log(m_pos.debt * m_s.costs.priceBUsd /
                        (m_pos.collateral * m_s.costs.liquidationThreshold * m_s.pa0));
    }
    [[nodiscard]] double levelOf(const RuleLevel &l, double lb) const
    {
        if (l.onBarrier)
            return lb + l.offset;
        return l.trailing ? m_runMax + l.offset : l.offset;
    }
    double uniform() { return m_events.uniformOpen0(); }

    // True when the bridge from xs to xe crosses the level from ls to le in `dir`.
    bool crosses(Direction dir, double xs, double xe, double ls, double le)
    {
        const double ds = dir == Direction::Down ? xs - ls : ls - xs;
        const double de = dir == Direction::Down ? xe - le : le - xe;
        if (!(ds > 0.0) || !(de > 0.0))
            return true;
        const double a = ds * de * m_s.bridgeScale;
        return a < kNegligibleExponent && uniform() < std::exp(-a);
    }

    void record(const ProtectionExecution &e)
    {
        ++m_counts[e.rule];
        m_fees[e.rule] += e.costUsd();
        if (e.healthFactorBefore > 0.0 && std::isfinite(e.healthFactorBefore))
            m_minLogHf = std::min(m_minLogHf, std::log(e.healthFactorBefore));
    }

    // The events inside one step in `dir`: the first level the bridge reaches (highest down, lowest up)
    // acts at its price, then the rest of the step goes on from there.
    void settleCrossings(Direction dir, double xs, double xe, double lbs)
    {
        for (int n = 0; n < kMaxEventsPerStep && active(); ++n) {
            int which = -2; // -1: liquidation; >= 0: a rule
            double ls = 0;
            double le = dir == Direction::Down ? -kInf : kInf;
            if (dir == Direction::Down && m_pos.debt > 0.0) {
                which = -1;
                ls = lbs;
                le = m_lb;
            }
            for (size_t i = 0; i < m_levels.size(); ++i) {
                const RuleLevel &l = m_levels[i];
                if (!l.continuous || l.direction != dir)
                    continue;
                const double end = levelOf(l, m_lb);
                if (dir == Direction::Down ? end >= le : end <= le) {
                    which = static_cast<int>(i);
                    ls = levelOf(l, lbs);
                    le = end;
                }
            }
            if (which == -2 || le == (dir == Direction::Down ? -kInf : kInf) || !crosses(dir, xs, xe, ls, le))
                return;
            // At its level, unless the step began beyond it (a level that moved past the price).
            const bool beyond = dir == Direction::Down ? xs <= ls : xs >= ls;
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
    void settleClose(double xe)
    {
        const double price = m_s.pa0 * std::exp(xe);
        const double runMax = m_s.pa0 * std::exp(m_runMax);
        for (size_t i = 0; i < m_levels.size(); ++i) {
            int &pending = m_pending[i];
            if (pending > 0 && --pending == 0) {
                pending = -1;
                if (const std::optional<ProtectionExecution> e =
                        executeProtection(m_levels[i].rule, static_cast<int>(i), &m_pos, price, m_s.costs))
                    record(*e);
            }
        }
        for (size_t i = 0; i < m_levels.size(); ++i) {
            const RuleLevel &l = m_levels[i];
            if (!l.continuous && m_pending[i] < 0 &&
                protectionTriggered(l.rule, m_pos, price, runMax, m_s.costs))
                m_pending[i] = l.rule.delaySteps;
        }
        m_lb = logBarrier();
    }

    const Setup &m_s;
    const std::vector<RuleLevel> &m_levels;
    Xoshiro256 m_events;
    int *m_counts;
    double *m_fees;
    ProtectedPosition m_pos;
    std::vector<int> m_pending;
    double m_lb = -kInf;
    double m_runMax = 0;
    double m_minLogHf = kInf;
    bool m_liquidated = false;
    bool m_hasDiscrete = false;
};

// 95 % interval of a share p of n paths: normal while both outcomes occur, Wilson's score otherwise.
std::pair<double, double> shareInterval(double p, double n)
{
    const double z = 1.959963984540054;
    if (p > 0.0 && p < 1.0) {
        const double half = z * std::sqrt(p * (1.0 - p) / n);
        return {std::max(0.0, p - half), std::min(1.0, p + half)};
    }
    const double z2n = z * z / n;
    const double centre = (p + z2n / 2.0) / (1.0 + z2n);
    const double half = z / (1.0 + z2n) * std::sqrt(p * (1.0 - p) / n + z2n / (4.0 * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

ProtectionQuantiles quantilesOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return {sortedQuantile(values, 0.05), sortedQuantile(values, 0.5), sortedQuantile(values, 0.95)};
}

} // namespace

double sortedQuantile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0.0;
    const double h = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Expected<ProtectionMonteCarloResult> simulateProtection(const Plan &plan, const OpenedPosition &opened,
                                                        const MonteCarloOptions &options)
{
    ValidationErrors errors;
    const int steps = plan.horizonDays;
    if (options.paths < 1 || options.paths > 100000000)
        errors.append(
            {QStringLiteral("monteCarlo.paths"), QStringLiteral("must be between 1 and 100000000")});
    if (options.threads < 1 || options.threads > 256)
        errors.append({QStringLiteral("monteCarlo.threads"), QStringLiteral("must be between 1 and 256")});
    if (steps < 1)
        errors.append({QStringLiteral("horizonDays"), QStringLiteral("needs at least one day to simulate")});
    if (errors.isEmpty() && static_cast<double>(options.paths) * steps > limits::maxPathSteps)
        errors.append({QStringLiteral("monteCarlo.paths"),
                       QStringLiteral("%1 paths x %2 steps is more than the %3 path-steps one simulation "
                                      "may take")
                           .arg(options.paths)
                           .arg(steps)
                           .arg(formatNumber(limits::maxPathSteps))});
    if (!errors.isEmpty())
        return errors;

    const double dt = 1.0 / 365.0;
    const double vol = plan.risk.annualVolatility;
    Setup s;
    s.pa0 = plan.collateral.priceUsd;
    s.costs = protectionCosts(plan, plan.borrow.priceUsd);
    s.liquidation = liquidationParams(plan, plan.borrow.priceUsd);
    s.cg = std::pow(collateralGrowth(plan), dt);
    s.dg = std::pow(debtGrowth(plan), dt);
    s.mu = (plan.risk.drift - 0.5 * vol * vol) * dt;
    s.sd = vol * std::sqrt(dt);
    s.bridgeScale = 2.0 / (vol * vol * dt); // +inf at zero volatility: no crossing between closes
    s.steps = steps;
    s.c0 = opened.collateral;
    s.d0 = opened.debt;
    s.depositValueUsd = plan.deposit * s.pa0;
    s.costBasisUsd = s.depositValueUsd + opened.costs.gasUsd;
    s.holdUnitsAtEnd = accrue(plan.deposit, 1.0 + plan.collateral.nativeYield, steps);
    const std::vector<RuleLevel> withRules = ruleLevels(plan.protection, s.pa0, s.costs.liquidationThreshold);
    const std::vector<RuleLevel> noRules;
    const bool hasDiscrete =
        std::any_of(withRules.begin(), withRules.end(), [](const RuleLevel &l) { return !l.continuous; });
    const ZigguratNormal normal;

    const auto n = static_cast<size_t>(options.paths);
    const size_t nr = withRules.size();
    std::vector<int> counts(n * nr, 0);
    std::vector<double> fees(n * nr, 0.0);
    std::vector<unsigned char> liqWith(n), liqWithout(n), closedWith(n);
    std::vector<double> eqWith(n), eqWithout(n), pnlWith(n), pnlWithout(n), minHfWith(n), minHfWithout(n);
    int scratchCount = 0;
    double scratchFee = 0;

    const auto simulatePath = [&](std::uint64_t p) {
        const auto i = static_cast<size_t>(p);
        Xoshiro256 rng(options.seed, p);
        PathRun with(s, withRules, Xoshiro256(options.seed ^ kEventStream, p), counts.data() + i * nr,
                     fees.data() + i * nr);
        with.setHasDiscrete(hasDiscrete);
        PathRun without(s, noRules, Xoshiro256(options.seed ^ kEventStream, p), &scratchCount, &scratchFee);
        double x = 0.0;
        for (int k = 0; k < s.steps; ++k) {
            const double xe = x + s.mu + s.sd * normal(rng);
            with.step(x, xe);
            without.step(x, xe);
            x = xe;
        }
        const double holdPnl = s.holdUnitsAtEnd * s.pa0 * std::exp(x) - s.depositValueUsd;
        eqWith[i] = with.equityUsd(x);
        eqWithout[i] = without.equityUsd(x);
        pnlWith[i] = eqWith[i] - s.costBasisUsd - holdPnl;
        pnlWithout[i] = eqWithout[i] - s.costBasisUsd - holdPnl;
        liqWith[i] = with.liquidated() ? 1 : 0;
        liqWithout[i] = without.liquidated() ? 1 : 0;
        closedWith[i] = with.closed() ? 1 : 0;
        minHfWith[i] = with.minLogHealthFactor();
        minHfWithout[i] = without.minLogHealthFactor();
    };

    const std::uint64_t paths = n;
    const std::uint64_t chunks = (paths + kChunkPaths - 1) / kChunkPaths;
    std::atomic<std::uint64_t> nextChunk{0};
    const auto worker = [&] {
        for (std::uint64_t c = nextChunk.fetch_add(1); c < chunks; c = nextChunk.fetch_add(1)) {
            const std::uint64_t end = std::min(paths, (c + 1) * kChunkPaths);
            for (std::uint64_t p = c * kChunkPaths; p < end; ++p)
                simulatePath(p);
        }
    };
    const int threads =
        static_cast<int>(std::min<std::uint64_t>(static_cast<std::uint64_t>(options.threads), chunks));
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(threads));
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();

    ProtectionMonteCarloResult r;
    r.paths = options.paths;
    r.steps = steps;
    r.seed = options.seed;
    r.threads = options.threads;
    const auto dn = static_cast<double>(n);
    const auto outcome = [dn](const std::vector<unsigned char> &liq, const std::vector<double> &eq,
                              const std::vector<double> &pnl, const std::vector<double> &minHf) {
        ProtectionOutcome o;
        double liquidated = 0;
        double equity = 0;
        double minLogHf = kInf;
        for (size_t i = 0; i < liq.size(); ++i) {
            liquidated += liq[i];
            equity += eq[i];
            minLogHf = std::min(minLogHf, minHf[i]);
        }
        o.liquidationProbability = liquidated / dn;
        std::tie(o.ci95Low, o.ci95High) = shareInterval(o.liquidationProbability, dn);
        o.meanFinalEquityUsd = equity / dn;
        o.minHealthFactor = std::exp(minLogHf);
        o.finalEquity = eq;
        std::sort(o.finalEquity.begin(), o.finalEquity.end());
        o.finalEquityUsd = {sortedQuantile(o.finalEquity, 0.05), sortedQuantile(o.finalEquity, 0.5),
                            sortedQuantile(o.finalEquity, 0.95)};
        o.pnlVsHoldUsd = quantilesOf(pnl);
        return o;
    };
    r.with = outcome(liqWith, eqWith, pnlWith, minHfWith);
    r.without = outcome(liqWithout, eqWithout, pnlWithout, minHfWithout);

    std::vector<double> totalFees(n, 0.0);
    for (size_t k = 0; k < nr; ++k) {
        ProtectionRuleStats st;
        st.kind = withRules[k].rule.kind;
        std::vector<double> ruleFees(n);
        double fired = 0;
        double executions = 0;
        double feeSum = 0;
        for (size_t i = 0; i < n; ++i) {
            const int c = counts[i * nr + k];
            fired += c > 0 ? 1.0 : 0.0;
            executions += c;
            ruleFees[i] = fees[i * nr + k];
            feeSum += ruleFees[i];
            totalFees[i] += ruleFees[i];
        }
        st.fireProbability = fired / dn;
        st.expectedExecutions = executions / dn;
        st.expectedFeesUsd = feeSum / dn;
        std::sort(ruleFees.begin(), ruleFees.end());
        st.p95FeesUsd = sortedQuantile(ruleFees, 0.95);
        r.rules.push_back(st);
    }
    double feeSum = 0;
    double closed = 0;
    for (size_t i = 0; i < n; ++i) {
        feeSum += totalFees[i];
        closed += closedWith[i];
    }
    r.expectedFeesUsd = feeSum / dn;
    r.closedProbability = closed / dn;
    std::sort(totalFees.begin(), totalFees.end());
    r.p95FeesUsd = sortedQuantile(totalFees, 0.95);
    return r;
}

QJsonObject protectionJson(const ProtectionMonteCarloResult &r)
{
    using machine::num;
    const auto quantiles = [](const ProtectionQuantiles &q) {
        return QJsonObject{{QStringLiteral("p5"), num(q.p5)},
                           {QStringLiteral("p50"), num(q.p50)},
                           {QStringLiteral("p95"), num(q.p95)}};
    };
    QJsonArray rules;
    for (const ProtectionRuleStats &st : r.rules)
        rules.append(QJsonObject{{QStringLiteral("kind"), toString(st.kind)},
                                 {QStringLiteral("fireProbability"), num(st.fireProbability)},
                                 {QStringLiteral("expectedExecutions"), num(st.expectedExecutions)},
                                 {QStringLiteral("expectedFeesUsd"), num(st.expectedFeesUsd)},
                                 {QStringLiteral("p95FeesUsd"), num(st.p95FeesUsd)}});
    return QJsonObject{
        {QStringLiteral("liquidationProbability"), num(r.with.liquidationProbability)},
        {QStringLiteral("liquidationCi95"), QJsonArray{num(r.with.ci95Low), num(r.with.ci95High)}},
        {QStringLiteral("liquidationProbabilityWithout"), num(r.without.liquidationProbability)},
        {QStringLiteral("liquidationWithoutCi95"),
         QJsonArray{num(r.without.ci95Low), num(r.without.ci95High)}},
        {QStringLiteral("rules"), rules},
        {QStringLiteral("expectedFeesUsd"), num(r.expectedFeesUsd)},
        {QStringLiteral("p95FeesUsd"), num(r.p95FeesUsd)},
        {QStringLiteral("closedProbability"), num(r.closedProbability)},
        {QStringLiteral("finalEquityUsd"), quantiles(r.with.finalEquityUsd)},
        {QStringLiteral("finalEquityWithoutUsd"), quantiles(r.without.finalEquityUsd)},
        {QStringLiteral("pnlVsHoldUsd"), quantiles(r.with.pnlVsHoldUsd)},
        {QStringLiteral("pnlVsHoldWithoutUsd"), quantiles(r.without.pnlVsHoldUsd)},
        {QStringLiteral("paths"), r.paths},
        {QStringLiteral("seed"), static_cast<double>(r.seed)}, // exact below 2^53
        {QStringLiteral("steps"), r.steps},
    };
}

} // namespace lp
