#include "protectionmontecarlo.h"

#include "computable.h"
#include "liquidation.h"
#include "machineformat.h"
#include "protection.h"
#include "protectionpath.h"
#include "riskasset.h"
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
    return {selectQuantile(values, 0.05), selectQuantile(values, 0.5), selectQuantile(values, 0.95)};
}

// Advances both paths over n steps from x = xs to xe. Where neither can meet a level on the bridge
// between them, that is one jump; otherwise the bridge's midpoint is drawn (given both ends it is normal,
// mean on the line between them, variance sd^2 n1 (n - n1) / n whatever the drift) and each half is
// advanced in turn, down to single steps. The path in distribution is the one drawn step by step; the
// with and without paths take the same segments, so they share every draw while no rule acts.
void advance(ProtectionPath &with, ProtectionPath &without, int n, double xs, double xe, double sd,
             Xoshiro256 &rng, const ZigguratNormal &normal)
{
    if (n == 1) {
        with.step(xs, xe);
        without.step(xs, xe);
        return;
    }
    if (with.quiet(n, xs, xe) && without.quiet(n, xs, xe)) {
        with.jump(n, xe);
        without.jump(n, xe);
        return;
    }
    const int n1 = n / 2;
    const double f = static_cast<double>(n1) / n;
    const double mid = xs + (xe - xs) * f + sd * std::sqrt(static_cast<double>(n - n1) * f) * normal(rng);
    advance(with, without, n1, xs, mid, sd, rng, normal);
    advance(with, without, n - n1, mid, xe, sd, rng, normal);
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

double selectQuantile(std::vector<double> &values, double q)
{
    if (values.empty())
        return 0.0;
    const double h = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(h));
    const auto at = values.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(values.begin(), at, values.end());
    if (lo + 1 >= values.size())
        return *at;
    // After nth_element everything past `at` is at least *at: the next order statistic is their least.
    const double next = *std::min_element(at + 1, values.end());
    return *at + (h - static_cast<double>(lo)) * (next - *at);
}

Expected<ProtectionMonteCarloResult> simulateProtection(const Plan &plan, const OpenedPosition &opened,
                                                        const MonteCarloOptions &options, PathDrawing drawing)
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
    const double vol = riskVolatility(plan);
    ProtectionPathSetup s;
    s.pa0 = plan.collateral.priceUsd;
    s.costs = protectionCosts(plan, plan.borrow.priceUsd);
    s.liquidation = liquidationParams(plan, plan.borrow.priceUsd);
    s.cg = std::pow(collateralGrowth(plan), dt);
    s.dg = std::pow(debtGrowth(plan), dt);
    s.dlb = std::log(s.dg / s.cg);
    s.cgPow.reserve(static_cast<size_t>(steps) + 1);
    s.dgPow.reserve(static_cast<size_t>(steps) + 1);
    for (int k = 0; k <= steps; ++k) {
        s.cgPow.push_back(std::pow(s.cg, k));
        s.dgPow.push_back(std::pow(s.dg, k));
    }
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
        ProtectionPath with(s, withRules, Xoshiro256(options.seed ^ kEventStream, p), counts.data() + i * nr,
                            fees.data() + i * nr);
        with.setHasDiscrete(hasDiscrete);
        ProtectionPath without(s, noRules, Xoshiro256(options.seed ^ kEventStream, p), &scratchCount,
                               &scratchFee);
        double x = 0.0;
        if (drawing == PathDrawing::Bridged) {
            // The whole horizon as one Brownian bridge, halved where either path may meet a level, down
            // to single steps (see advance()).
            x = s.mu * s.steps + s.sd * std::sqrt(static_cast<double>(s.steps)) * normal(rng);
            advance(with, without, s.steps, 0.0, x, s.sd, rng, normal);
        } else {
            for (int k = 0; k < s.steps; ++k) {
                const double xe = x + s.mu + s.sd * normal(rng);
                with.step(x, xe);
                without.step(x, xe);
                x = xe;
            }
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
    const auto outcome = [dn](const std::vector<unsigned char> &liq, std::vector<double> &eq,
                              std::vector<double> &pnl, const std::vector<double> &minHf) {
        ProtectionOutcome o;
        double liquidated = 0;
        double equity = 0;
        double minLogHf = std::numeric_limits<double>::infinity();
        for (size_t i = 0; i < liq.size(); ++i) {
            liquidated += liq[i];
            equity += eq[i];
            minLogHf = std::min(minLogHf, minHf[i]);
        }
        o.liquidationProbability = liquidated / dn;
        std::tie(o.ci95Low, o.ci95High) = shareInterval(o.liquidationProbability, dn);
        o.meanFinalEquityUsd = equity / dn;
        o.minHealthFactor = std::exp(minLogHf);
        o.finalEquity = std::move(eq);
        std::sort(o.finalEquity.begin(), o.finalEquity.end());
        o.finalEquityUsd = {sortedQuantile(o.finalEquity, 0.05), sortedQuantile(o.finalEquity, 0.5),
                            sortedQuantile(o.finalEquity, 0.95)};
        o.pnlVsHoldUsd = quantilesOf(std::move(pnl));
        return o;
    };
    // The two sorts of 'paths' values each, side by side when there is a second thread.
    if (threads > 1) {
        std::thread withThread([&] { r.with = outcome(liqWith, eqWith, pnlWith, minHfWith); });
        r.without = outcome(liqWithout, eqWithout, pnlWithout, minHfWithout);
        withThread.join();
    } else {
        r.with = outcome(liqWith, eqWith, pnlWith, minHfWith);
        r.without = outcome(liqWithout, eqWithout, pnlWithout, minHfWithout);
    }

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
        st.p95FeesUsd = selectQuantile(ruleFees, 0.95);
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
    r.p95FeesUsd = selectQuantile(totalFees, 0.95);
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
