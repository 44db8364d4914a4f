#!/usr/bin/env python3
"""Writes the test potentials used by run.sh, derived from LAMMPS' potentials/Nb.uf3.

usage: make_potentials.py Nb.uf3 OUTDIR

Good files (compared against the official ML-UF3 style unless noted):
  Nb.uf3            copy of the original (uniform knots, 2B + 3B)
  Nb_2b.uf3         2B block only
  Nb_nonuniform.uf3 interior knots moved (non-uniform), same coefficients
  NbTa.uf3          two elements: Nb plus a fake "Ta" with scaled coefficients, all
                    2B and 3B blocks; the 3B Nb Nb Ta / Ta Nb Ta tensors are not
                    symmetric in their two legs (they need not be)
  NbTa_partial.uf3  NbTa.uf3 with the 3B Ta Nb Nb and Nb Nb Ta blocks all zero (a partial
                    3-body set: terms left out)
  NbTa_general.uf3  ours only: 3B legs with independent cutoffs and knot counts
                    (ij != ik, jk shorter than ij + ik) and non-uniform knots
Bad files (each must give a clean error): bad_*.uf3
"""
import math
import os
import sys


def fmt(v):
    return repr(float(v))


class Pot:
    def __init__(self):
        self.blocks = []  # (kind, data)

    def text(self, units="metal"):
        out = []
        for kind, d in self.blocks:
            out.append(f"#UF3 POT UNITS: {units} DATE: 2025-01-01 AUTHOR: uf3-j tests CITATION:")
            if kind == "2B":
                out.append(f"2B {d['el'][0]} {d['el'][1]} {d.get('lead', 0)} {d.get('trail', 3)} {d.get('sp', 'nk')}")
                out.append(f"{fmt(d['rcut'])} {len(d['knots'])}")
                out.append(" ".join(fmt(x) for x in d["knots"]))
                out.append(str(len(d["coeff"])))
                out.append(" ".join(fmt(x) for x in d["coeff"]))
            else:
                e = d["el"]
                out.append(f"3B {e[0]} {e[1]} {e[2]} {d.get('lead', 0)} {d.get('trail', 3)} {d.get('sp', 'nk')}")
                out.append(" ".join(fmt(x) for x in (d["rjk"], d["rik"], d["rij"])) + " " +
                           f"{len(d['kjk'])} {len(d['kik'])} {len(d['kij'])}")
                out.append(" ".join(fmt(x) for x in d["kjk"]))
                out.append(" ".join(fmt(x) for x in d["kik"]))
                out.append(" ".join(fmt(x) for x in d["kij"]))
                L, M, N = len(d["kij"]) - 4, len(d["kik"]) - 4, len(d["kjk"]) - 4
                out.append(f"{L} {M} {N}")
                c = d["coeff"]
                for l in range(L):
                    for m in range(M):
                        out.append(" ".join(fmt(c[l][m][n]) for n in range(N)))
            out.append("#")
        return "\n".join(out) + "\n"


def read(path):
    lines = open(path).read().split("\n")
    pot = Pot()
    i = 0
    while i < len(lines):
        if lines[i].startswith("#UF3 POT"):
            w = lines[i + 1].split()
            if w[0] == "2B":
                rcut, nk = lines[i + 2].split()
                knots = [float(x) for x in lines[i + 3].split()]
                coeff = [float(x) for x in lines[i + 5].split()]
                pot.blocks.append(("2B", dict(el=w[1:3], rcut=float(rcut), knots=knots, coeff=coeff, sp=w[5])))
                i += 6
            else:
                h = lines[i + 2].split()
                kjk = [float(x) for x in lines[i + 3].split()]
                kik = [float(x) for x in lines[i + 4].split()]
                kij = [float(x) for x in lines[i + 5].split()]
                L, M, N = map(int, lines[i + 6].split())
                rows = [[float(x) for x in lines[i + 7 + k].split()] for k in range(L * M)]
                c = [[rows[l * M + m] for m in range(M)] for l in range(L)]
                pot.blocks.append(("3B", dict(el=w[1:4], rjk=float(h[0]), rik=float(h[1]), rij=float(h[2]),
                                              kjk=kjk, kik=kik, kij=kij, coeff=c, sp=w[6])))
                i += 7 + L * M
        else:
            i += 1
    return pot


def clamped(lo, hi, interior):
    return [lo] * 4 + list(interior) + [hi] * 4


def nonuniform(lo, hi, n_int, seed):
    """n_int interior knots strictly between lo and hi, irregular spacing."""
    pts = []
    for k in range(1, n_int + 1):
        x = k / (n_int + 1)
        x += 0.3 / (n_int + 1) * math.sin(7.3 * k + seed)
        pts.append(lo + (hi - lo) * x)
    return sorted(pts)


def scaled3(c, f):
    return [[[f(l, m, n) * v for n, v in enumerate(row)] for m, row in enumerate(plane)] for l, plane in enumerate(c)]


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    nb = read(src)
    b2 = [d for k, d in nb.blocks if k == "2B"][0]
    b3 = [d for k, d in nb.blocks if k == "3B"][0]

    def write(name, pot, units="metal"):
        with open(os.path.join(out, name), "w") as f:
            f.write(pot.text(units))

    with open(os.path.join(out, "Nb.uf3"), "w") as f:
        f.write(open(src).read())

    p = Pot()
    p.blocks.append(("2B", b2))
    write("Nb_2b.uf3", p)

    # non-uniform knots, same coefficients (legal for the official style: rij = rik, rjk = 2 rij)
    p = Pot()
    k2 = clamped(b2["knots"][0], b2["knots"][-1], nonuniform(b2["knots"][0], b2["knots"][-1], len(b2["knots"]) - 8, 1.0))
    p.blocks.append(("2B", dict(b2, knots=k2)))
    kl = clamped(b3["kij"][0], b3["kij"][-1], nonuniform(b3["kij"][0], b3["kij"][-1], len(b3["kij"]) - 8, 2.0))
    kj = clamped(b3["kjk"][0], b3["kjk"][-1], nonuniform(b3["kjk"][0], b3["kjk"][-1], len(b3["kjk"]) - 8, 3.0))
    p.blocks.append(("3B", dict(b3, kij=kl, kik=kl, kjk=kj)))
    write("Nb_nonuniform.uf3", p)

    # two elements
    p = Pot()
    p.blocks.append(("2B", dict(b2, el=["Nb", "Nb"])))
    p.blocks.append(("2B", dict(b2, el=["Nb", "Ta"], coeff=[0.9 * x for x in b2["coeff"]])))
    p.blocks.append(("2B", dict(b2, el=["Ta", "Ta"], coeff=[1.1 * x for x in b2["coeff"]])))
    asym = lambda l, m, n: 1.0 + 0.08 * l - 0.05 * m + 0.01 * n
    for centre, j, k, fac in (("Nb", "Nb", "Nb", None), ("Nb", "Nb", "Ta", 0.8), ("Nb", "Ta", "Ta", 1.2),
                              ("Ta", "Nb", "Nb", 0.7), ("Ta", "Nb", "Ta", 1.3), ("Ta", "Ta", "Ta", 0.9)):
        if fac is None:
            c = b3["coeff"]
        elif j != k:
            c = scaled3(b3["coeff"], lambda l, m, n, fac=fac: fac * asym(l, m, n))
        else:
            c = scaled3(b3["coeff"], lambda l, m, n, fac=fac: fac)
        p.blocks.append(("3B", dict(b3, el=[centre, j, k], coeff=c)))
    p_blocks_nbta = list(p.blocks)
    write("NbTa.uf3", p)

    # a partial 3-body set: the blocks of two left-out terms hold zeros (the official
    # style needs a block for every triplet; ours skips all-zero blocks; -0.0 included)
    p = Pot()
    for kind, d in p_blocks_nbta:
        if kind == "3B" and d["el"] in (["Ta", "Nb", "Nb"], ["Nb", "Nb", "Ta"]):
            d = dict(d, coeff=scaled3(d["coeff"], lambda l, m, n: 0.0))
        p.blocks.append((kind, d))
    write("NbTa_partial.uf3", p)

    # general legs (ours only): for the mixed blocks ij, ik and jk have their own
    # cutoffs, knot counts and non-uniform knots; smooth coefficients, 3 trailing zeros
    def smooth3(L, M, N, amp, phase):
        c = [[[0.0] * N for _ in range(M)] for _ in range(L)]
        for l in range(L - 3):
            for m in range(M - 3):
                for n in range(N - 3):
                    c[l][m][n] = amp * (1.0 + 0.5 * math.cos(0.7 * l + 1.1 * m + 0.4 * n + phase)) / (1 + 0.3 * (l + m))
        return c

    p = Pot()
    for el in (["Nb", "Nb"], ["Nb", "Ta"], ["Ta", "Ta"]):
        scale = {"NbNb": 1.0, "NbTa": 0.9, "TaTa": 1.1}["".join(el)]
        p.blocks.append(("2B", dict(b2, el=el, coeff=[scale * x for x in b2["coeff"]])))
    legs = {  # (rij, nk_ij, rik, nk_ik, rjk, nk_jk)
        ("Nb", "Nb", "Nb"): (4.0, 15, 4.0, 15, 8.0, 23),
        ("Nb", "Nb", "Ta"): (4.2, 14, 3.7, 12, 6.5, 18),
        ("Nb", "Ta", "Ta"): (3.9, 13, 3.9, 13, 7.0, 20),
        ("Ta", "Nb", "Nb"): (4.1, 14, 4.1, 14, 7.5, 19),
        ("Ta", "Nb", "Ta"): (3.8, 13, 4.3, 15, 6.0, 17),
        ("Ta", "Ta", "Ta"): (4.0, 15, 4.0, 15, 8.0, 23),
    }
    for s, (key, (rij, nij, rik, nik, rjk, njk)) in enumerate(legs.items()):
        lo = 1.5
        kij = clamped(lo, rij, nonuniform(lo, rij, nij - 8, 10 + s))
        kik = kij if (key[1] == key[2]) else clamped(lo, rik, nonuniform(lo, rik, nik - 8, 20 + s))
        kjk = clamped(lo, rjk, nonuniform(lo, rjk, njk - 8, 30 + s))
        L, M, N = len(kij) - 4, len(kik) - 4, len(kjk) - 4
        c = smooth3(L, M, N, 0.004 * (1 + 0.1 * s), 0.3 * s)
        if key[1] == key[2]:
            c = [[[0.5 * (c[l][m][n] + c[m][l][n]) for n in range(N)] for m in range(M)] for l in range(L)]
        p.blocks.append(("3B", dict(el=list(key), rij=kij[-1], rik=kik[-1], rjk=kjk[-1], kij=kij, kik=kik,
                                    kjk=kjk, coeff=c, sp="nk")))
    write("NbTa_general.uf3", p)

    # ---- bad files
    text = open(src).read()
    lines = text.split("\n")

    def bad(name, new_lines):
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(new_lines))

    l = list(lines)
    w = l[3].split()
    w[5] = "0.6x"
    l[3] = " ".join(w)
    bad("bad_number.uf3", l)                                  # malformed number in the knots
    bad("bad_truncated.uf3", lines[:40])                      # ends inside the 3B coefficients
    l = list(lines)
    l[1] = "2B Nb Nb 1 3 nk"
    bad("bad_lead.uf3", l)                                    # leading trim 1
    l = list(lines)
    l[1] = "2B Nb Nb 0 2 nk"
    bad("bad_trail.uf3", l)                                   # trailing trim 2
    l = list(lines)
    l[4] = "26"
    l[5] = " ".join(l[5].split()[:26])
    bad("bad_nknots.uf3", l)                                  # 31 knots, 26 coefficients
    l = list(lines)
    l[2] = "7.0 31"
    bad("bad_cutoff.uf3", l)                                  # knots reach 8.0 > declared 7.0
    l = list(lines)
    l.insert(6, l[5])
    bad("bad_extra_line.uf3", l)                              # one line too many in the 2B block
    l = list(lines)
    i3 = [k for k, x in enumerate(l) if x.startswith("3B")][0]
    l[i3 + 5] = "11 11 18"
    bad("bad_shape.uf3", l)                                   # L M N inconsistent with the knots
    l = list(lines)
    blk = l[0:7]
    bad("bad_duplicate.uf3", blk + l)                         # 2B Nb Nb twice
    l = list(lines)
    l[1] = "4B Nb Nb 0 3 nk"
    bad("bad_kind.uf3", l)
    bad("bad_empty.uf3", [])                                  # empty file
    l = list(lines)
    w = l[5].split()
    w[3] = "nan"
    l[5] = " ".join(w)
    bad("bad_nan.uf3", l)                                     # non-finite coefficient
    l = list(lines)
    w = l[3].split()
    w[6], w[7] = w[7], w[6]
    l[3] = " ".join(w)
    bad("bad_decreasing.uf3", l)                              # knots out of order
    # two-element files with a missing block
    two = open(os.path.join(out, "NbTa.uf3")).read().split("\n")

    def drop(header):
        res, skip = [], False
        for k, x in enumerate(two):
            if x.startswith("#UF3 POT") and k + 1 < len(two) and two[k + 1].startswith(header):
                skip = True
            if not skip:
                res.append(x)
            if skip and x == "#":
                skip = False
        return res

    bad("bad_missing_pair.uf3", drop("2B Nb Ta"))
    bad("bad_missing_triplet.uf3", drop("3B Ta Nb Ta"))
    with open(os.path.join(out, "bad_units.uf3"), "w") as f:
        f.write(text.replace("UNITS: metal", "UNITS: real"))
    with open(os.path.join(out, "bad_units_mixed.uf3"), "w") as f:       # second block in other units
        k = text.index("UNITS: metal", text.index("UNITS: metal") + 1)
        f.write(text[:k] + "UNITS: real" + text[k + len("UNITS: metal"):])


if __name__ == "__main__":
    main()
