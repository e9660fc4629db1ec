#!/usr/bin/python3
"""The plan-level Monte Carlo of bench_montecarlo, vectorised with NumPy, for a side-by-side timing.

Same model as lp::simulateBarrierHit (model/outlook/montecarlo.cpp): log S moves by (drift - vol^2/2) dt +
vol sqrt(dt) Z per daily step; a path is liquidated when S_i <= B_i; between steps, without a touch at
either end, the Brownian bridge crosses with probability exp(-2 ln(S_i/B_i) ln(S_i+1/B_i+1) / (vol^2 dt)),
and each path contributes its conditional hit probability 1 - prod(1 - p). The barrier (in units of
today's price, one value per day) is read from the file bench_montecarlo --barrier-out writes, so both
simulate exactly the same barrier. Random numbers: NumPy's Generator (PCG64, ziggurat normals), so the
probabilities agree within their confidence intervals, not bit for bit.

Paths go through in blocks (default 10,000 x 365 doubles, about 29 MB per array) to stay in memory;
every operation inside a block is a whole-array NumPy call. NumPy runs these on one core.

    montecarlo_numpy.py --barrier FILE --vol V --drift D [--paths N] [--runs R] [--block B] [--seed S]
"""
import argparse
import statistics
import sys
import time

import numpy as np


def simulate(log_barrier, vol, drift, dt, paths, block, seed):
    """Returns (mean, standard error) of the per-path hit probability."""
    rng = np.random.default_rng(seed)
    steps = log_barrier.size - 1
    mu = (drift - 0.5 * vol * vol) * dt
    sd = vol * np.sqrt(dt)
    y0 = -log_barrier[0]
    if y0 <= 0.0:
        return 1.0, 0.0
    bridge_scale = 2.0 / (vol * vol * dt)
    total = 0.0
    total_sq = 0.0
    done = 0
    while done < paths:
        n = min(block, paths - done)
        y = rng.standard_normal((n, steps))
        y *= sd
        y += mu
        np.cumsum(y, axis=1, out=y)  # x_i = ln(S_i / S_0)
        y -= log_barrier[1:]  # y_i = ln(S_i / B_i)
        hit = (y <= 0.0).any(axis=1)
        # a_i = y_(i-1) y_i 2 / (vol^2 dt); the survival factor 1 - exp(-a) is 1 to double precision
        # once a >= 40, as in the C++ (and the hit paths are overwritten below).
        a = np.empty_like(y)
        a[:, 0] = y0 * y[:, 0]
        np.multiply(y[:, :-1], y[:, 1:], out=a[:, 1:])
        a *= -bridge_scale
        np.maximum(a, -40.0, out=a)
        np.expm1(a, out=a)
        np.negative(a, out=a)
        value = 1.0 - np.prod(a, axis=1)
        value[hit] = 1.0
        total += float(value.sum())
        total_sq += float(np.dot(value, value))
        done += n
    mean = min(max(total / paths, 0.0), 1.0)
    var = max(0.0, (total_sq - paths * mean * mean) / (paths - 1)) if paths > 1 else 0.0
    return mean, float(np.sqrt(var / paths))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--barrier", required=True, help="one barrier value per day, day 0 first")
    parser.add_argument("--vol", type=float, required=True)
    parser.add_argument("--drift", type=float, required=True)
    parser.add_argument("--paths", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--block", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    barrier = np.loadtxt(args.barrier, dtype=np.float64, ndmin=1)
    if barrier.size < 2:
        sys.exit("montecarlo_numpy.py: the barrier needs at least two days")
    with np.errstate(divide="ignore"):
        log_barrier = np.log(barrier)  # today's price is 1; a zero barrier is never touched
    dt = 1.0 / 365.0

    simulate(log_barrier, args.vol, args.drift, dt, min(args.paths, args.block), args.block, args.seed)  # warm up
    seconds = []
    for _ in range(max(1, args.runs)):
        start = time.perf_counter()
        with np.errstate(invalid="ignore", over="ignore"):
            p, se = simulate(log_barrier, args.vol, args.drift, dt, args.paths, args.block, args.seed)
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    low, high = max(0.0, p - 1.959963984540054 * se), min(1.0, p + 1.959963984540054 * se)
    print(f"montecarlo_numpy: {args.paths} paths x {barrier.size - 1} daily steps, NumPy {np.__version__}, "
          f"{len(seconds)} runs")
    print(f"  median {median:.3f} s   min {min(seconds):.3f} s")
    print(f"  probability {p:.5f}   95 % CI {low:.5f}..{high:.5f}")
    print(f"RESULT impl=numpy median_s={median:.6f} min_s={min(seconds):.6f} probability={p:.6f} "
          f"ci95_low={low:.6f} ci95_high={high:.6f}")


if __name__ == "__main__":
    main()
