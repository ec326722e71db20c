#!/usr/bin/python3
"""simulate_numpy.py — the reference company of bench/simulate.sh, simulated
with the monthly model of docs/model.md vectorised over trials in numpy, for a
speed comparison with aibiz.simulate().

The inputs are those of bench/simulate.sh (written out below by hand, since
numpy has no parser of the value grammar):

  revenue  subscription(price=pert(40,50,70), seats=5, cost=4, cost_decline=20%, expansion=1%)
         + usage(price=0.002, units=normal(20000,5000), growth=2%, price_decline=30%,
                 cost=0.0008, cost_decline=40%)
  risk     competition(freq=2, price=triangular(0,5%,15%), churn=uniform(0,5%))
         + regulation(freq=0.5, loss=lognormal(200k,100k), cost=5k)
         + privacy(freq=0.3, loss=pert(50k,150k,1M), churn=3%,
                   strategy=transfer(premium=2k, cover=60%))
  plan     cash(amount=3M) + team(headcount=12, cost=15k, growth=5%)
         + product(launch=3, churn=triangular(1%,2%,4%))
         + marketing(budget=50k, cac=800, organic=2%, growth=10%)
         + round(month=18, amount=5M, p=60%) + valuation(discount=25%, multiple=6)
  market   accounts 200000, adoption 0.02, bass_p 0.03, bass_q 0.4, growth 0.1

Usage: simulate_numpy.py TRIALS HORIZON  -> prints seconds, trial-months/s
and the NPV mean, survival and mean ARR (to check it is the same model).
"""
import sys
import time

import numpy as np


def pert(rng, lo, mode, hi, n):
    """PERT (lambda 4) draws."""
    a = 1 + 4 * (mode - lo) / (hi - lo)
    b = 1 + 4 * (hi - mode) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, n)


def lognormal(rng, mean, sd, n):
    """lognormal draws with the mean and sd of the variable itself."""
    s2 = np.log1p((sd / mean) ** 2)
    return rng.lognormal(np.log(mean) - s2 / 2, np.sqrt(s2), n)


def per_event(counts, draws):
    """trial index of every event, for counts events per trial."""
    return np.repeat(np.arange(counts.size), counts)


def simulate(N, H, seed=0):
    rng = np.random.default_rng(seed)
    # market: M_t and the Bass adopters A_t
    accounts, adoption, p, q, mg = 200000.0, 0.02, 0.03, 0.4, 0.1
    tau0 = np.log((1 + (q / p) * adoption) / (1 - adoption)) / (p + q)
    t = np.arange(1, H + 1)
    F = lambda tau: (1 - np.exp(-(p + q) * tau)) / (1 + (q / p) * np.exp(-(p + q) * tau))
    M = accounts * (1 + mg) ** (t / 12)
    A = M * (F(tau0 + t / 12) - F(tau0 + (t - 1) / 12))
    launch = 3
    # keys sampled once per trial (clamped to their domains)
    price = np.maximum(pert(rng, 40, 50, 70, N), 0)
    units = np.maximum(rng.normal(20000, 5000, N), 0)
    churn = np.clip(rng.triangular(0.01, 0.02, 0.04, N), 0, 1)
    rounds = np.where(rng.random(N) < 0.6, 5e6, 0.0)
    # state
    K = np.full(N, 3e6)
    C = np.zeros(N)
    S = np.zeros(N)
    pi = np.ones(N)
    E = np.zeros(N)
    alive = np.ones(N, bool)
    npv = np.zeros(N)
    R = np.zeros(N)
    breakeven = np.zeros(N, np.int32)
    death = np.zeros(N, np.int32)
    g_sub = (1 - churn) * 1.01
    kr_sub, kc_sub = 5 * price, 5 * 4.0
    kr_use, kc_use = units * 0.002, units * 0.0008
    v = 1 / (1.25 ** (1 / 12))
    disc = 1.0
    for m in range(1, H + 1):
        disc *= v
        # 1. risk events: competition, regulation, privacy
        L = np.zeros(N)
        n = rng.poisson(2 / 12, N)
        if n.any():
            idx = per_event(n, None)
            x = rng.triangular(0, 0.05, 0.15, idx.size)
            y = rng.uniform(0, 0.05, idx.size)
            fc = np.exp(np.bincount(idx, np.log1p(-y), N))
            fp = np.exp(np.bincount(idx, np.log1p(-x), N))
            C *= fc
            pi *= fp
            S *= fc * fp
        n = rng.poisson(0.5 / 12, N)
        if n.any():
            idx = per_event(n, None)
            L += np.bincount(idx, lognormal(rng, 200e3, 100e3, idx.size), N)
            E += 5e3 * n
        n = rng.poisson(0.3 / 12, N)
        if n.any():
            idx = per_event(n, None)
            L += np.bincount(idx, pert(rng, 50e3, 150e3, 1e6, idx.size), N) * 0.4
            f = 0.97 ** n
            C *= f
            S *= f
        # 2-3. acquisition, churn, revenue
        B = 0.0
        if m >= launch:
            Mt = M[m - 1]
            B = 50e3 * 1.1 ** ((m - launch) / 12)
            b = np.where(C < Mt, B * (1 - C / Mt) / 800, 0.0)
            new = np.minimum(0.02 * A[m - 1] + b, np.maximum(Mt - C, 0))
            C = C * (1 - churn) + new
            S = S * g_sub + kr_sub * new * pi
            gf = 1.02 ** (m - launch)
            R = S + kr_use * C * gf * 0.7 ** (m / 12) * pi
            cor = kc_sub * C * 0.8 ** (m / 12) + kc_use * C * gf * 0.6 ** (m / 12)
        else:
            R = np.zeros(N)
            cor = 0.0
        # 4-6. costs, funding, cash
        opex = 12 * 15e3 * 1.05 ** (m / 12) + E
        Fm = R - (cor + opex + B + L + 2e3)
        Fm = np.where(alive, Fm, 0.0)
        fund = rounds if m == 18 else 0.0
        K = np.where(alive, K + Fm + fund, K)
        npv += Fm * disc
        breakeven = np.where((breakeven == 0) & alive & (m >= launch) & (Fm >= 0), m, breakeven)
        died = alive & (K < 0)
        death = np.where(died, m, death)
        alive &= ~died
    npv += np.where(alive, 6 * 12 * R * disc, 0.0)
    arr = np.where(alive, 12 * R, 0.0)
    return npv, alive, arr, breakeven


def main():
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    H = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    t0 = time.perf_counter()
    npv, alive, arr, be = simulate(N, H)
    dt = time.perf_counter() - t0
    print(f"numpy {N} trials x {H} months: {dt:.3f} s, {N * H / dt / 1e6:.2f} M trial-months/s; "
          f"npv_mean {npv.mean():.6g}, survival {alive.mean():.4f}, arr_mean {arr.mean():.6g}, "
          f"breakeven {np.mean(be > 0):.4f}")


if __name__ == "__main__":
    main()
