#pragma once

#include "expected.h"
#include "plan.h"
#include "timeline.h"

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace lp {

// Monte Carlo probability that geometric Brownian motion touches a moving barrier
// ("Probability of liquidation", issue 6): the barrier that rises with interest.
//
// Reproducibility: path p draws from its own xoshiro256** generator, seeded with words 4p+1..4p+4 of a
// splitmix64 stream that starts at `seed` (the seeding Vigna recommends). Paths are summed in fixed
// chunks of kChunkPaths, chunk totals in chunk order, so the result is bit-identical for the same seed
// whatever the thread count.

// SplitMix64 (Steele, Lea, Flood 2014; prng.di.unimi.it/splitmix64.c).
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t state) : m_state(state) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t m_state;
};

// xoshiro256** 1.0 (Blackman, Vigna 2018; prng.di.unimi.it/xoshiro256starstar.c).
class Xoshiro256 {
public:
    // The generator of path `path` for a run seeded with `seed`.
    Xoshiro256(std::uint64_t seed, std::uint64_t path)
    {
        SplitMix64 sm(seed + 4 * path * 0x9e3779b97f4a7c15ULL);
        for (std::uint64_t &word : m_s)
            word = sm.next();
    }
    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }
    // Uniform in (0, 1]: never 0, so its logarithm is finite.
    double uniformOpen0() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }

    // The four state words, so that a hot loop can keep them in registers (see montecarlo.cpp).
    using State = std::array<std::uint64_t, 4>;
    [[nodiscard]] State state() const { return m_s; }
    static Xoshiro256 fromState(const State &state)
    {
        Xoshiro256 rng;
        rng.m_s = state;
        return rng;
    }

    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

private:
    Xoshiro256() = default;
    State m_s{};
};

// Standard normal deviates by the ziggurat method (Marsaglia, Tsang 2000, J. Stat. Softw. 5(8), 128
// layers), with 53-bit magnitudes and the layer and sign taken from separate bits. Tables are built by
// the constructor; one instance is shared read-only by all threads.
class ZigguratNormal {
public:
    ZigguratNormal();
    double operator()(Xoshiro256 &rng) const
    {
        const std::uint64_t u = rng.next();
        double x = 0;
        return fast(u, &x) ? x : slow(rng, u);
    }
    // The two halves of operator(), for loops that draw the 64-bit words themselves: fast() takes the
    // rectangle of the word's layer (about 98.8 % of draws); otherwise slow() finishes from the same word,
    // drawing more from rng.
    bool fast(std::uint64_t u, double *x) const
    {
        const auto layer = static_cast<unsigned>(u & 127U);
        const std::uint64_t mag = u >> 11;
        if (mag >= m_k[layer])
            return false;
        const double v = static_cast<double>(mag) * m_w[layer];
        // The sign from bit 7, without a branch: a random sign is a branch mispredicted half the time.
        *x = std::bit_cast<double>(std::bit_cast<std::uint64_t>(v) ^ ((u & 128U) << 56));
        return true;
    }
    double slow(Xoshiro256 &rng, std::uint64_t u) const;

private:
    std::array<std::uint64_t, 128> m_k{};
    std::array<double, 128> m_w{};
    std::array<double, 128> m_f{};
};

struct MonteCarloOptions {
    int paths = 20000;
    std::uint64_t seed = 1;
    int threads = 1;
    bool brownianBridge = true; // correct for crossings between steps
    friend bool operator==(const MonteCarloOptions &, const MonteCarloOptions &) = default;
};

struct MonteCarloResult {
    double probability = 0;
    double ci95Low = 0;
    double ci95High = 0;
    double standardError = 0;
    int paths = 0;
    std::uint64_t seed = 0;
    int threads = 0;
    int steps = 0;
};

inline constexpr int kChunkPaths = 256;

// P(S touches the barrier by the last step). S_0 = spot; log S moves by (drift - vol^2/2) dt +
// vol sqrt(dt) Z per step; barrier[i] is the barrier at step i (barrier.size() - 1 steps). A path is
// liquidated when S_i <= barrier[i]; between steps, with the bridge, it crosses with probability
// p = exp(-2 ln(S_i/B_i) ln(S_{i+1}/B_{i+1}) / (vol^2 dt)) (exact for a barrier that is log-linear
// between steps, as interest makes it). Each path contributes its conditional hit probability
// 1 - prod(1 - p) rather than a coin flip (same mean, lower variance). CI: normal, mean +- 1.96 standard
// errors; Wilson's score interval when every path gave the same value (all 0 or all 1).
[[nodiscard]] Expected<MonteCarloResult> simulateBarrierHit(double spot, const std::vector<double> &barrier,
                                                            double dtYears, double volatility, double drift,
                                                            const MonteCarloOptions &options);

// The plan's liquidation probability over the timeline's days with the barrier rising with interest:
// barrier(day) / spot = 1 / HF(day) at today's prices (the A/B ratio when B tracks A), daily steps,
// volatility and drift from plan.risk.
[[nodiscard]] Expected<MonteCarloResult> monteCarloLiquidationProbability(const Plan &plan,
                                                                          const Timeline &timeline,
                                                                          const MonteCarloOptions &options);

} // namespace lp
