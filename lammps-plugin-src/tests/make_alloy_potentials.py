#!/usr/bin/env python3
"""Writes random-coefficient UF2,3 potentials with 3, 4 and 5 elements for alloy_types.sh.

usage: make_alloy_potentials.py OUTDIR

  alloy3.uf3  Cr Fe Ni         alloy4.uf3  Co Cr Fe Ni         alloy5.uf3  Al Co Cr Fe Ni

Every 2B block (all unordered pairs) and every 3B block (each centre with every unordered
neighbour pair) in the form the official ML-UF3 style accepts: uniform knots ("uk"), lead 0,
trail 3 (the last three coefficients along every axis are zero), r_ij = r_ik, r_jk = 2 r_ij.
The pair terms are a smooth repulsive-attractive shape scaled per pair with a random
perturbation; the 3B tensors are smooth random functions (symmetric in the two legs when both
neighbours are the same element). Seeded: the same files every run. Not a physical model: the
files exist to exercise 3-5 atom types, not to run long MD.
"""
import math
import os
import random
import sys

R_MIN = 1.0          # first knot, Å (far below any distance in the test boxes)
R2, N2 = 5.0, 12     # pair cutoff and intervals
R3, N3 = 3.6, 5      # 3-body legs ij, ik: cutoff and intervals; jk: 2 R3 with 2 N3 intervals


def knots(lo, hi, n):
    inner = [lo + (hi - lo) * i / n for i in range(n + 1)]
    return [lo] * 3 + inner + [hi] * 3


def num(v):
    return repr(float(v))


def pair_block(a, b, rng):
    k = knots(R_MIN, R2, N2)
    nc = len(k) - 4
    s = 0.8 + 0.4 * rng.random()
    c = []
    for i in range(nc):
        r = k[i + 2]  # near the centre of basis function i
        c.append(s * (8.0 * math.exp(-2.2 * (r - 1.8)) - 0.6 * math.exp(-0.9 * (r - 2.4))) + 0.02 * rng.uniform(-1, 1))
    c[-3:] = [0.0, 0.0, 0.0]
    return [f"2B {a} {b} 0 3 uk", f"{num(R2)} {len(k)}", " ".join(num(x) for x in k), str(nc),
            " ".join(num(x) for x in c)]


def triplet_block(centre, j, k_el, rng):
    kij = knots(R_MIN, R3, N3)
    kjk = knots(R_MIN, 2 * R3, 2 * N3)
    L = M = len(kij) - 4
    N = len(kjk) - 4
    amp = 0.02 * (0.5 + rng.random())
    ph = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    c = [[[0.0] * N for _ in range(M)] for _ in range(L)]
    for l in range(L - 3):
        for m in range(M - 3):
            for n in range(N - 3):
                c[l][m][n] = amp * (1.0 + 0.6 * math.cos(0.9 * l + ph[0]) * math.cos(0.9 * m + ph[1])
                                    + 0.4 * math.sin(0.5 * n + ph[2]))
    if j == k_el:
        c = [[[0.5 * (c[l][m][n] + c[m][l][n]) for n in range(N)] for m in range(M)] for l in range(L)]
    out = [f"3B {centre} {j} {k_el} 0 3 uk", f"{num(2 * R3)} {num(R3)} {num(R3)} {len(kjk)} {len(kij)} {len(kij)}",
           " ".join(num(x) for x in kjk), " ".join(num(x) for x in kij), " ".join(num(x) for x in kij), f"{L} {M} {N}"]
    for l in range(L):
        for m in range(M):
            out.append(" ".join(num(x) for x in c[l][m]))
    return out


def potential(elements, seed):
    rng = random.Random(seed)
    lines = []
    header = "#UF3 POT UNITS: metal DATE: 2025-01-01 AUTHOR: uf3-j tests (random coefficients) CITATION:"
    for i, a in enumerate(elements):
        for b in elements[i:]:
            lines += [header] + pair_block(a, b, rng) + ["#"]
    for centre in elements:
        for i, j in enumerate(elements):
            for k_el in elements[i:]:
                lines += [header] + triplet_block(centre, j, k_el, rng) + ["#"]
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, els, seed in (("alloy3.uf3", ["Cr", "Fe", "Ni"], 3), ("alloy4.uf3", ["Co", "Cr", "Fe", "Ni"], 4),
                            ("alloy5.uf3", ["Al", "Co", "Cr", "Fe", "Ni"], 5)):
        with open(os.path.join(out, name), "w") as f:
            f.write(potential(els, seed))


if __name__ == "__main__":
    main()
