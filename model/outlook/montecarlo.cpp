#include "montecarlo.h"

#include "computable.h"
#include "machineformat.h"
#include "riskasset.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace lp {

namespace {

// Right edge of the base layer and the common area of each layer for 128 layers (Marsaglia, Tsang).
constexpr double kR = 3.442619855899;
constexpr double kV = 9.91256303526217e-3;
constexpr double kScale = 9007199254740992.0; // 2^53: magnitudes are 53-bit integers

struct ChunkSum {
    double sum = 0;
    double sumSquares = 0;
};

// 95 % Wilson score interval for a share p of n trials.
std::pair<double, double> wilson(double p, double n)
{
    const double z = 1.959963984540054;
    const double z2n = z * z / n;
    const double centre = (p + z2n / 2.0) / (1.0 + z2n);
    const double half = z / (1.0 + z2n) * std::sqrt(p * (1.0 - p) / n + z2n / (4.0 * n));
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

// One path's conditional probability of touching the barrier (see simulateBarrierHit in the header). The
// hot loop of the Monte Carlo: a free function with everything by value and the generator's state in
// four locals, so that nothing it reads each step lives behind a reference or in memory (the compiler
// must otherwise reload captured references and spill the state around the out-of-line slow path). The
// draws and the arithmetic are those of Xoshiro256::next and ZigguratNormal::operator(), in the same
// order: results are bit-identical to the straightforward loop.
template <bool Bridge>
double pathHitProbability(const ZigguratNormal &normal, std::uint64_t seed, std::uint64_t path,
                          const double *logBarrier, size_t points, double mu, double sd, double bridgeScale)
{
    double yPrev = -logBarrier[0]; // ln(S_0 / B_0)
    if (yPrev <= 0.0)
        return 1.0;
    const Xoshiro256::State start = Xoshiro256(seed, path).state();
    std::uint64_t s0 = start[0];
    std::uint64_t s1 = start[1];
    std::uint64_t s2 = start[2];
    std::uint64_t s3 = start[3];
    double x = 0.0;
    double survive = 1.0;
    for (size_t i = 1; i < points; ++i) {
        // xoshiro256** next(), inline.
        const std::uint64_t u = Xoshiro256::rotl(s1 * 5, 7) * 9;
        const std::uint64_t t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Xoshiro256::rotl(s3, 45);
        double z = 0;
        if (!normal.fast(u, &z)) [[unlikely]] {
            Xoshiro256 rng = Xoshiro256::fromState({s0, s1, s2, s3});
            z = normal.slow(rng, u);
            const Xoshiro256::State after = rng.state();
            s0 = after[0];
            s1 = after[1];
            s2 = after[2];
            s3 = after[3];
        }
        x += mu + sd * z;
        const double y = x - logBarrier[i];
        if (y <= 0.0)
            return 1.0;
        if constexpr (Bridge) {
            // Below exp(-40) ~ 4e-18 the crossing probability no longer changes a double.
            const double a = yPrev * y * bridgeScale;
            if (a < 40.0)
                survive *= -std::expm1(-a);
        }
        yPrev = y;
    }
    return 1.0 - survive;
}

} // namespace

ZigguratNormal::ZigguratNormal()
{
    // zigset() of the paper with m1 = 2^53.
    double dn = kR;
    double tn = dn;
    const double q = kV / std::exp(-0.5 * dn * dn);
    m_k[0] = static_cast<std::uint64_t>(dn / q * kScale);
    m_k[1] = 0;
    m_w[0] = q / kScale;
    m_w[127] = dn / kScale;
    m_f[0] = 1.0;
    m_f[127] = std::exp(-0.5 * dn * dn);
    for (int i = 126; i >= 1; --i) {
        const auto ui = static_cast<size_t>(i);
        dn = std::sqrt(-2.0 * std::log(kV / dn + std::exp(-0.5 * dn * dn)));
        m_k[ui + 1] = static_cast<std::uint64_t>(dn / tn * kScale);
        tn = dn;
        m_f[ui] = std::exp(-0.5 * dn * dn);
        m_w[ui] = dn / kScale;
    }
}

double ZigguratNormal::slow(Xoshiro256 &rng, std::uint64_t u) const
{
    // nfix() of the paper: the tail beyond kR for the base layer, the wedge test for the others.
    for (;;) {
        const auto layer = static_cast<unsigned>(u & 127U);
        const bool negative = (u & 128U) != 0;
        const std::uint64_t mag = u >> 11;
        const double x = static_cast<double>(mag) * m_w[layer];
        if (mag < m_k[layer])
            return negative ? -x : x;
        if (layer == 0) {
            double t = 0;
            double y = 0;
            do {
                t = -std::log(rng.uniformOpen0()) / kR;
                y = -std::log(rng.uniformOpen0());
            } while (y + y < t * t);
            return negative ? -(kR + t) : kR + t;
        }
        const double f0 = m_f[layer];
        const double f1 = m_f[layer - 1];
        if (f0 + rng.uniformOpen0() * (f1 - f0) < std::exp(-0.5 * x * x))
            return negative ? -x : x;
        u = rng.next();
    }
}

Expected<MonteCarloResult> simulateBarrierHit(double spot, const std::vector<double> &barrier, double dtYears,
                                              double volatility, double drift,
                                              const MonteCarloOptions &options)
{
    ValidationErrors errors;
    if (options.paths < 1 || options.paths > 100000000)
        errors.append(
            {QStringLiteral("monteCarlo.paths"), QStringLiteral("must be between 1 and 100000000")});
    if (options.threads < 1 || options.threads > 256)
        errors.append({QStringLiteral("monteCarlo.threads"), QStringLiteral("must be between 1 and 256")});
    if (barrier.size() < 2)
        errors.append({QStringLiteral("monteCarlo.barrier"), QStringLiteral("needs at least one step")});
    if (!(spot > 0.0) || !std::isfinite(spot))
        errors.append({QStringLiteral("monteCarlo.spot"), QStringLiteral("must be above 0")});
    if (!(dtYears > 0.0) || !std::isfinite(dtYears))
        errors.append({QStringLiteral("monteCarlo.dtYears"), QStringLiteral("must be above 0")});
    if (!(volatility >= 0.0) || !std::isfinite(volatility) || !std::isfinite(drift))
        errors.append(
            {QStringLiteral("risk.annualVolatility"), QStringLiteral("must be finite, at least 0")});
    for (double b : barrier) {
        if (!(b >= 0.0) || std::isinf(b)) {
            errors.append(
                {QStringLiteral("monteCarlo.barrier"), QStringLiteral("must be finite, at least 0")});
            break;
        }
    }
    if (errors.isEmpty() &&
        static_cast<double>(options.paths) * static_cast<double>(barrier.size() - 1) > limits::maxPathSteps)
        errors.append(
            {QStringLiteral("monteCarlo.paths"),
             QStringLiteral("%1 paths x %2 steps is more than the %3 path-steps one simulation may take; "
                            "use at most %4 paths")
                 .arg(options.paths)
                 .arg(barrier.size() - 1)
                 .arg(formatNumber(limits::maxPathSteps))
                 .arg(static_cast<long long>(limits::maxPathSteps /
                                             static_cast<double>(barrier.size() - 1)))});
    if (!errors.isEmpty())
        return errors;

    const int steps = static_cast<int>(barrier.size()) - 1;
    // Work in x = ln(S/S0) against lb[i] = ln(B_i/S0); a zero barrier is -infinity: never touched.
    std::vector<double> logBarrier(barrier.size());
    std::transform(barrier.begin(), barrier.end(), logBarrier.begin(),
                   [spot](double b) { return std::log(b / spot); });
    const double mu = (drift - 0.5 * volatility * volatility) * dtYears;
    const double sd = volatility * std::sqrt(dtYears);
    const double bridgeScale = 2.0 / (volatility * volatility * dtYears); // +inf at zero volatility
    const bool bridge = options.brownianBridge;
    const ZigguratNormal normal;
    const auto simulatePath = [&](std::uint64_t path) {
        return bridge ? pathHitProbability<true>(normal, options.seed, path, logBarrier.data(),
                                                 logBarrier.size(), mu, sd, bridgeScale)
                      : pathHitProbability<false>(normal, options.seed, path, logBarrier.data(),
                                                  logBarrier.size(), mu, sd, bridgeScale);
    };

    const auto paths = static_cast<std::uint64_t>(options.paths);
    const std::uint64_t chunks = (paths + kChunkPaths - 1) / kChunkPaths;
    std::vector<ChunkSum> sums(static_cast<size_t>(chunks));
    std::atomic<std::uint64_t> nextChunk{0};
    const auto worker = [&] {
        for (std::uint64_t c = nextChunk.fetch_add(1); c < chunks; c = nextChunk.fetch_add(1)) {
            ChunkSum s;
            const std::uint64_t end = std::min(paths, (c + 1) * kChunkPaths);
            for (std::uint64_t p = c * kChunkPaths; p < end; ++p) {
                const double v = simulatePath(p);
                s.sum += v;
                s.sumSquares += v * v;
            }
            sums[static_cast<size_t>(c)] = s;
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

    ChunkSum total;
    for (const ChunkSum &s : sums) {
        total.sum += s.sum;
        total.sumSquares += s.sumSquares;
    }
    const auto n = static_cast<double>(paths);
    MonteCarloResult r;
    r.paths = options.paths;
    r.seed = options.seed;
    r.threads = options.threads;
    r.steps = steps;
    r.probability = std::clamp(total.sum / n, 0.0, 1.0);
    const double variance =
        options.paths > 1 ? std::max(0.0, (total.sumSquares - n * r.probability * r.probability) / (n - 1.0))
                          : 0.0;
    r.standardError = std::sqrt(variance / n);
    if (r.standardError > 0.0) {
        r.ci95Low = std::max(0.0, r.probability - 1.959963984540054 * r.standardError);
        r.ci95High = std::min(1.0, r.probability + 1.959963984540054 * r.standardError);
    } else {
        std::tie(r.ci95Low, r.ci95High) = wilson(r.probability, n);
    }
    return r;
}

Expected<MonteCarloResult> monteCarloLiquidationProbability(const Plan &plan, const Timeline &timeline,
                                                            const MonteCarloOptions &options)
{
    // In units of today's price (or ratio) the barrier is 1 / HF: the same for both price models.
    std::vector<double> barrier;
    barrier.reserve(timeline.points.size());
    for (const TimelinePoint &p : timeline.points)
        barrier.push_back(std::isinf(p.healthFactor) ? 0.0 : 1.0 / p.healthFactor);
    return simulateBarrierHit(1.0, barrier, 1.0 / 365.0, riskVolatility(plan), plan.risk.drift, options);
}

} // namespace lp
