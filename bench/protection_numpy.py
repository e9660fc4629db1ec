#!/usr/bin/python3
"""bench_protection's simulation vectorised with NumPy, for a side-by-side timing and a check of the figures.

The same model as lp::simulateProtection (model/outlook/protectionmontecarlo.h) for bench_protection's two
rules: an auto-repay at HF 1.4 back to 1.7, seen at a daily close and executed at the next close's price,
and a stop-loss at 70 % of today's price executed at its level (a resting order). Log price moves by
(drift - vol^2/2) dt + vol sqrt(dt) Z per day; collateral and debt accrue daily; between two closes the
Brownian bridge crosses a level L with probability exp(-2 (x_s - L)(x_e - L) / (vol^2 dt)): the highest
level down is crossed first (the stop, or the liquidation price, where liquidators repay half the debt,
all of it under HF 0.95, and seize repaid x (1 + bonus)). Each path runs with the rules and without on the
same normals. Random numbers: NumPy's Generator, so figures agree within their intervals, not bit for bit.

    protection_numpy.py --c0 C --d0 D --pa PA --pb PB --lt LT --bonus B --vol V --drift D --cg G --dg G
                        --keep K --gas G [--paths N] [--runs R] [--seed S]
"""
import argparse
import statistics
import time

import numpy as np

FEE = 0.0005  # the default service fee, 5 bps


def liquidate(c, d, price, a, lt, bonus, pb):
    """Aave v3.0 calls just under the liquidation price (HF in (0.95, 1)): half the debt per call."""
    repay = 0.5 * d
    seize = repay * pb * (1.0 + bonus) / price
    over = seize > c
    seize = np.where(over, c, seize)
    repay = np.where(over, c * price / (pb * (1.0 + bonus)), repay)
    c[a] -= seize[a]
    d[a] -= repay[a]


def simulate(args, rules, seed):
    rng = np.random.default_rng(seed)  # the normals: the same with and without the rules
    events = np.random.default_rng(seed + 1000003)  # the uniforms that decide crossings
    n, dt = args.paths, 1.0 / 365.0
    mu = (args.drift - 0.5 * args.vol ** 2) * dt
    sd = args.vol * np.sqrt(dt)
    scale = 2.0 / (args.vol ** 2 * dt)
    kf = args.keep - FEE
    c = np.full(n, args.c0)
    d = np.full(n, args.d0)
    closed = np.zeros(n, bool)
    cash = np.zeros(n)
    liquidated = np.zeros(n, bool)
    pending = np.zeros(n, bool)
    repays = np.zeros(n)
    stops = np.zeros(n, bool)
    fees = np.zeros(n)
    stop_level = np.log(0.7)
    x = np.zeros(n)
    lb = np.log(d * args.pb / (c * args.lt * args.pa))
    for _ in range(365):
        xe = x + mu + sd * rng.standard_normal(n)
        lbs = lb
        c *= args.cg
        d *= args.dg
        with np.errstate(divide="ignore", invalid="ignore"):
            lb = np.where((d > 0) & (c > 0), np.log(d * args.pb / (c * args.lt * args.pa)), -np.inf)
        xs = x.copy()
        for _ in range(3):  # events inside one step: a liquidation or the stop, then what follows
            active = ~closed & (c > 0)
            use_stop = rules & (stop_level >= lb)
            ls = np.where(use_stop, stop_level, lbs)
            le = np.where(use_stop, stop_level, lb)
            ds, de = xs - ls, xe - le
            with np.errstate(over="ignore", invalid="ignore"):
                p = np.where((ds > 0) & (de > 0), np.exp(-scale * np.maximum(ds, 0) * np.maximum(de, 0)), 1.0)
            cross = active & np.isfinite(le) & (events.random(n) < p)
            if not cross.any():
                break
            price = args.pa * np.exp(np.where(ds > 0, le, xs))
            stop_now = cross & use_stop
            cv = c * price
            fees += np.where(stop_now, cv * (1 - kf) + args.gas, 0.0)
            cash = np.where(stop_now, np.maximum(0.0, cv * kf - args.gas - d * args.pb), cash)
            closed |= stop_now
            stops |= stop_now
            liq_now = cross & ~use_stop
            liquidated |= liq_now
            liquidate(c, d, price * (1 - 1e-9), liq_now, args.lt, args.bonus, args.pb)
            c[stop_now] = 0.0
            d[stop_now] = 0.0
            xs = np.where(cross, np.log(price / args.pa), xs)
            with np.errstate(divide="ignore", invalid="ignore"):
                lb = np.where((d > 0) & (c > 0), np.log(d * args.pb / (c * args.lt * args.pa)), -np.inf)
            lbs = lb
        if rules:
            active = ~closed & (c > 0)
            price = args.pa * np.exp(xe)
            cv, dv = c * price, d * args.pb
            h = 1.7
            v = (h * (dv + args.gas) - args.lt * cv) / (h * kf - args.lt)
            v = np.minimum(np.minimum(v, (dv + args.gas) / kf), cv)
            repaid = np.minimum(dv, v * kf - args.gas)
            with np.errstate(divide="ignore", invalid="ignore"):
                hf = np.where(d > 0, cv * args.lt / dv, np.inf)
            go = pending & active & (d > 0) & (hf < h) & (v > 0) & (repaid > 0)
            c = np.where(go, np.maximum(0.0, c - v / price), c)
            d = np.where(go, np.where(repaid >= dv, 0.0, np.maximum(0.0, d - repaid / args.pb)), d)
            fees += np.where(go, v * (1 - kf) + args.gas, 0.0)
            repays += go
            with np.errstate(divide="ignore", invalid="ignore"):
                hf = np.where(d > 0, c * price * args.lt / (d * args.pb), np.inf)
            pending = active & (d > 0) & (hf <= 1.4)
            with np.errstate(divide="ignore", invalid="ignore"):
                lb = np.where((d > 0) & (c > 0), np.log(d * args.pb / (c * args.lt * args.pa)), -np.inf)
        x = xe
    equity = np.where(closed, cash, np.maximum(0.0, c * args.pa * np.exp(x) - d * args.pb))
    return liquidated.mean(), (repays > 0).mean(), stops.mean(), fees.mean(), float(np.median(equity))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("c0", "d0", "pa", "pb", "lt", "bonus", "vol", "drift", "cg", "dg", "keep", "gas"):
        parser.add_argument("--" + name, type=float, required=True)
    parser.add_argument("--paths", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seconds = []
    for _ in range(max(1, args.runs)):
        start = time.perf_counter()
        with_rules = simulate(args, True, args.seed)
        without = simulate(args, False, args.seed)
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print(f"protection_numpy: {args.paths} paths x 365 daily steps, with and without 2 rules, "
          f"NumPy {np.__version__}, {len(seconds)} runs")
    print(f"  median {median:.3f} s   min {min(seconds):.3f} s")
    print(f"  liquidation {with_rules[0]:.5f} with the rules, {without[0]:.5f} without; auto-repay fires on "
          f"{with_rules[1]:.4f}, stop on {with_rules[2]:.4f}; fees {with_rules[3]:.2f} USD expected")
    print(f"RESULT impl=numpy median_s={median:.6f} with={with_rules[0]:.6f} without={without[0]:.6f} "
          f"repay_fires={with_rules[1]:.6f} stop_fires={with_rules[2]:.6f} fees={with_rules[3]:.6f} "
          f"p50_with={with_rules[4]:.6f} p50_without={without[4]:.6f}")


if __name__ == "__main__":
    main()
