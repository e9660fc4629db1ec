#!/usr/bin/python3
"""An independent check of the plan-level Monte Carlo: the same probability by numerical integration,
with no random numbers.

The model is that of lp::simulateBarrierHit (model/outlook/montecarlo.cpp) and bench/montecarlo_numpy.py:
x = ln(S/S0) moves by mu = (drift - vol^2/2) dt plus vol sqrt(dt) Z per daily step; the path survives a
step from x_j to x_k above the barrier with the Brownian bridge's probability
1 - exp(-2 (x_j - b_(i-1)) (x_k - b_i) / (vol^2 dt)). The density of surviving paths is carried from day
to day on a fine grid (Gaussian transition kernel times the bridge's survival, trapezoidal rule), so the
probability of touching the barrier is 1 - the surviving mass at the end. Its only error is the grid's
(O(h^2)); --check runs a constant barrier against the closed form of first passage to show its size.

    montecarlo_quadrature.py --barrier FILE --vol V --drift D [--points N] [--check]
"""
import argparse
import math
import sys

import numpy as np


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def first_passage(barrier, years, vol, drift):
    """P(GBM from 1 touches a constant barrier < 1 within `years`) (Shreve II, 7.3.3)."""
    v = drift - 0.5 * vol * vol
    h = math.log(barrier)
    s = vol * math.sqrt(years)
    return normal_cdf((h - v * years) / s) + math.exp(2.0 * v * h / (vol * vol)) * normal_cdf((h + v * years) / s)


def hit_probability(log_barrier, vol, drift, dt, points):
    steps = log_barrier.size - 1
    mu = (drift - 0.5 * vol * vol) * dt
    sd = vol * math.sqrt(dt)
    if -log_barrier[0] <= 0.0:
        return 1.0
    finite = log_barrier[np.isfinite(log_barrier)]
    low = float(finite.min()) if finite.size else mu * steps - 10.0 * sd * math.sqrt(steps)
    high = max(0.0, mu * steps) + 10.0 * sd * math.sqrt(steps)
    x, h = np.linspace(low, high, points, retstep=True)
    weights = np.full(points, h)  # trapezoidal rule
    weights[0] = weights[-1] = 0.5 * h
    # Day 0: all mass at x = 0, spread by the first step's kernel directly.
    kernel = np.exp(-0.5 * ((x[:, None] - x[None, :] - mu) / sd) ** 2) / (sd * math.sqrt(2.0 * math.pi))
    scale = 2.0 / (vol * vol * dt)
    y1 = x - log_barrier[1]
    density = np.exp(-0.5 * ((x - mu) / sd) ** 2) / (sd * math.sqrt(2.0 * math.pi))
    density *= np.where(y1 > 0.0, -np.expm1(-scale * (-log_barrier[0]) * np.maximum(y1, 0.0)), 0.0)
    for i in range(2, steps + 1):
        y_prev = x - log_barrier[i - 1]
        y_next = x - log_barrier[i]
        survive = np.where((y_next[:, None] > 0.0) & (y_prev[None, :] > 0.0),
                           -np.expm1(-scale * np.maximum(y_next, 0.0)[:, None] * np.maximum(y_prev, 0.0)[None, :]),
                           0.0)
        density = (kernel * survive) @ (density * weights)
    return 1.0 - float(np.dot(density, weights))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--barrier", help="one barrier value per day, day 0 first (today's price = 1)")
    parser.add_argument("--vol", type=float, required=True)
    parser.add_argument("--drift", type=float, required=True)
    parser.add_argument("--points", type=int, default=2000)
    parser.add_argument("--check", type=float, metavar="LEVEL",
                        help="also integrate a constant barrier at LEVEL and print the closed form next to it")
    args = parser.parse_args()
    dt = 1.0 / 365.0
    if args.check:
        flat = np.full(366, math.log(args.check))
        q = hit_probability(flat, args.vol, args.drift, dt, args.points)
        exact = first_passage(args.check, 1.0, args.vol, args.drift)
        print(f"check: constant barrier {args.check}: quadrature {q:.6f}, closed form {exact:.6f}, "
              f"difference {q - exact:+.6f}")
    if args.barrier:
        barrier = np.loadtxt(args.barrier, dtype=np.float64, ndmin=1)
        with np.errstate(divide="ignore"):
            log_barrier = np.log(barrier)
        p = hit_probability(log_barrier, args.vol, args.drift, dt, args.points)
        print(f"quadrature: {barrier.size - 1} daily steps, {args.points} grid points: probability {p:.6f}")
        print(f"RESULT impl=quadrature probability={p:.6f}")


if __name__ == "__main__":
    sys.exit(main())
