#!/usr/bin/env python3
"""Helpers for run.sh.

compare.py results REF TEST TOL LABEL [FFLOOR]
    REF/TEST are prefixes of LAMMPS outputs: PREFIX.log holds a line
    "RESULT pe pxx pyy pzz pxy pxz pyz" and PREFIX.dump a sorted dump with
    "id fx fy fz c_pe c_st[1..6]".  Relative differences are reported as
    max|test - ref| / max|ref| over each quantity (energy: |dE|/|E|); for forces the
    scale is at least FFLOOR (eV/A; for minimised structures with forces ~ 0).
    Exit status 1 if any exceeds TOL.
compare.py sum PART1 PART2 ... TEST TOL LABEL
    as results, with the reference the sum of the parts (energy, pressure tensor, and per atom
    id forces, energy and virial); a part may hold a subset of the test's atoms.
compare.py nve LOG LOG_HALF_DT MAXDRIFT LABEL
    thermo lines "step pe ke etotal" (after the header "Step PotEng KinEng TotEng");
    passes if max |etotal - etotal_0| per atom <= MAXDRIFT (eV/atom), or if it falls
    at least 3x when the time step is halved (second-order Verlet: 4x).
compare.py thermo LOG_REF LOG_TEST TOL LABEL
    thermo lines "step pe ke etotal" of the same run twice (e.g. serial and MPI): same steps,
    max over steps of |test - ref| / max|ref| for pe, ke and etotal <= TOL; both logs must
    report at least one neighbour-list rebuild ("Neighbor list builds = N").
compare.py fd LOG TOL LABEL
    lines "FD name analytic finite-difference scale": |a - fd| <= TOL * scale.
"""
import os
import re
import sys


def read_result(prefix):
    with open(prefix + ".log") as f:
        for line in f:
            if line.startswith("RESULT"):
                return [float(x) for x in line.split()[1:]]
    raise SystemExit(f"no RESULT line in {prefix}.log")


def read_dump(prefix):
    rows = {}
    with open(prefix + ".dump") as f:
        lines = f.read().split("\n")
    k = lines.index([l for l in lines if l.startswith("ITEM: ATOMS")][0])
    for line in lines[k + 1:]:
        if line.strip():
            w = line.split()
            rows[int(w[0])] = [float(x) for x in w[1:]]
    return rows


def rel(test, ref, floor=0.0):
    scale = max([floor] + [abs(x) for x in ref])
    diff = max(abs(a - b) for a, b in zip(test, ref)) if ref else 0.0
    return diff / scale if scale > 0 else diff


def results(ref, test, tol, label, ffloor=0.0):
    return compare(read_result(ref), read_dump(ref), read_result(test), read_dump(test), tol, label, ffloor)


def summed(parts, tol, label):
    """The reference is the sum of the PARTS (all but the last); each part's atoms are a subset of
    the test's (atoms missing from a part contribute zero to it)."""
    *refs, test = parts
    r1, d1 = read_result(test), read_dump(test)
    r0 = [0.0] * len(r1)
    d0 = {i: [0.0] * len(v) for i, v in d1.items()}
    for ref in refs:
        r, d = read_result(ref), read_dump(ref)
        r0 = [a + b for a, b in zip(r0, r)]
        for i, v in d.items():
            if i not in d0:
                print(f"FAIL {label}: atom {i} of {ref}.dump is not in {test}.dump")
                return 1
            d0[i] = [a + b for a, b in zip(d0[i], v)]
    return compare(r0, d0, r1, d1, tol, label)


def compare(r0, d0, r1, d1, tol, label, ffloor=0.0):
    if sorted(d0) != sorted(d1):
        print(f"FAIL {label}: different atom ids")
        return 1
    ids = sorted(d0)
    col = lambda d, c: [d[i][k] for i in ids for k in c]
    m = {
        "E": abs(r1[0] - r0[0]) / abs(r0[0]),
        "P": rel(r1[1:7], r0[1:7]),
        "F": rel(col(d1, (0, 1, 2)), col(d0, (0, 1, 2)), ffloor),
        "e_i": rel(col(d1, (3,)), col(d0, (3,))),
        "W_i": rel(col(d1, range(4, 10)), col(d0, range(4, 10))),
    }
    worst = max(m.values())
    status = "PASS" if worst <= tol else "FAIL"
    print(f"{status} {label}: rel. diff " + " ".join(f"{k} {v:.1e}" for k, v in m.items()) +
          f" (E = {r0[0]:.10g} eV, {len(ids)} atoms)")
    stats = os.environ.get("UF3_TEST_STATS")
    if stats:
        with open(stats, "a") as f:
            f.write(" ".join(f"{k}={v:.3e}" for k, v in m.items()) + f" {label}\n")
    return 0 if worst <= tol else 1


def drift(log):
    natoms, rows, on = None, [], False
    with open(log) as f:
        for line in f:
            mm = re.search(r"with (\d+) atoms", line)
            if mm:
                natoms = int(mm.group(1))
            w = line.split()
            if w[:4] == ["Step", "PotEng", "KinEng", "TotEng"]:
                on = True
                continue
            if on:
                try:
                    rows.append([float(x) for x in w[:4]])
                except ValueError:
                    on = False
    if not rows or not natoms:
        raise SystemExit(f"no thermo output in {log}")
    e0 = rows[0][3]
    d = max(abs(r[3] - e0) for r in rows) / natoms
    pe_range = (max(r[1] for r in rows) - min(r[1] for r in rows)) / natoms
    return d, pe_range, int(rows[-1][0])


def nve(log1, log2, maxdrift, label):
    """log1: time step dt, log2: dt/2 over the same time.  Conserved if the drift is
    below maxdrift, or if it falls like dt^2 (Verlet with forces = -grad E)."""
    d1, pe1, n1 = drift(log1)
    d2, pe2, n2 = drift(log2)
    ok = d1 <= maxdrift or d2 <= d1 / 3.0
    print(f"{'PASS' if ok else 'FAIL'} {label}: max |Etot - Etot(0)| = {d1:.2e} eV/atom ({n1} steps), "
          f"{d2:.2e} with dt/2 (ratio {d1 / max(d2, 1e-300):.1f}; PE varies by {pe1:.2e} eV/atom)")
    return 0 if ok else 1


def thermo_rows(log):
    rows, on, builds = [], False, None
    with open(log) as f:
        for line in f:
            mm = re.match(r"Neighbor list builds = (\d+)", line)
            if mm:
                builds = int(mm.group(1))
            w = line.split()
            if w[:4] == ["Step", "PotEng", "KinEng", "TotEng"]:
                on = True
                continue
            if on:
                try:
                    rows.append([float(x) for x in w[:4]])
                except ValueError:
                    on = False
    return rows, builds


def thermo(ref, test, tol, label):
    r0, b0 = thermo_rows(ref)
    r1, b1 = thermo_rows(test)
    if not r0 or [r[0] for r in r0] != [r[0] for r in r1]:
        print(f"FAIL {label}: thermo steps differ or are missing ({len(r0)} vs {len(r1)} rows)")
        return 1
    m = {name: rel([r[k] for r in r1], [r[k] for r in r0]) for k, name in ((1, "PE"), (2, "KE"), (3, "Etot"))}
    worst = max(m.values())
    ok = worst <= tol and (b0 or 0) > 0 and (b1 or 0) > 0
    print(f"{'PASS' if ok else 'FAIL'} {label}: max rel. diff over {len(r0)} thermo steps (to step {int(r0[-1][0])}) " +
          " ".join(f"{k} {v:.1e}" for k, v in m.items()) + f"; neighbour-list builds {b0} and {b1}")
    stats = os.environ.get("UF3_TEST_STATS")
    if stats:
        with open(stats, "a") as f:
            f.write(" ".join(f"{k}={v:.3e}" for k, v in m.items()) + f" {label}\n")
    return 0 if ok else 1


def fd(log, tol, label):
    worst, n = 0.0, 0
    with open(log) as f:
        for line in f:
            if line.startswith("FD "):
                w = line.split()
                a, b, s = float(w[2]), float(w[3]), float(w[4])
                worst = max(worst, abs(a - b) / s)
                n += 1
    ok = n > 0 and worst <= tol
    print(f"{'PASS' if ok else 'FAIL'} {label}: {n} components, max |analytic - finite difference| / scale = {worst:.1e}")
    return 0 if ok else 1


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "sum":
        sys.exit(summed(sys.argv[2:-2], float(sys.argv[-2]), sys.argv[-1]))
    if mode == "results":
        sys.exit(results(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5],
                         float(sys.argv[6]) if len(sys.argv) > 6 else 0.0))
    if mode == "nve":
        sys.exit(nve(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]))
    if mode == "thermo":
        sys.exit(thermo(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]))
    if mode == "fd":
        sys.exit(fd(sys.argv[2], float(sys.argv[3]), sys.argv[4]))
    raise SystemExit("unknown mode " + mode)
