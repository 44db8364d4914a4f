#!/usr/bin/env python3
"""Data plumbing of benchmarks/peers/inp.sh (no model mathematics here).

  inp_data.py prepare JSON_DIR TRAIN_INDICES WORK
      reads the FitSNAP JSON set in the order uf3 fit reads it (group directories in name order,
      files in name order), and writes into WORK: one LAMMPS data file per configuration
      (data/<index>.data, the cell turned into LAMMPS' lower-triangular form, forces rotated the
      same way), reference.json (index, group, atoms per element, energy, rotated forces, train or
      test), pod-train/<group>.xyz (the training configurations as fitpod reads extended XYZ) and
      indices.txt (every index, for the LAMMPS loop).
  inp_data.py score WORK MODEL SHIFT
      reads WORK/eval/MODEL/energies.txt and forces/<index>.f written by the LAMMPS loop and prints
      a JSON line: energy RMSE (meV/atom) and force RMSE (eV/Å, over components) on the test
      configurations, per group as well; SHIFT=refit fits per-element reference energies on the
      training configurations (least squares of E_DFT - E_model against the element counts) and
      applies them to every configuration; SHIFT=none uses the model's energies as they are.
"""
import json
import math
import os
import sys

import numpy as np

ELEMENTS = ["In", "P"]
MASS = {"In": 114.818, "P": 30.973761998}
# groups whose absence is also scored ("all_but_aP"): two aP test configurations dominate the test errors
EXCLUDABLE = ["aP"]


def read_set(json_dir):
    out = []
    groups = sorted(d for d in os.listdir(json_dir) if os.path.isdir(os.path.join(json_dir, d)))
    for g in groups:
        gdir = os.path.join(json_dir, g)
        for f in sorted(x for x in os.listdir(gdir) if x.lower().endswith(".json") and os.path.isfile(os.path.join(gdir, x))):
            text = open(os.path.join(gdir, f)).read()
            if text.startswith("#"):
                text = text[text.index("\n") + 1:]
            for d in json.loads(text)["Dataset"]["Data"]:
                out.append((g, f, d))
    return out


def lower_triangular(h):
    """Rows a, b, c -> LAMMPS' lower-triangular rows and the rotation R (new = R old)."""
    a, b, c = h
    ax = np.linalg.norm(a)
    ahat = a / ax
    bx = b @ ahat
    by = math.sqrt(b @ b - bx * bx)
    cx = c @ ahat
    cy = (b @ c - bx * cx) / by
    cz = math.sqrt(c @ c - cx * cx - cy * cy)
    new = np.array([[ax, 0, 0], [bx, by, 0], [cx, cy, cz]])
    rot = new.T @ np.linalg.inv(h.T)
    if np.linalg.det(h) < 0 or not np.allclose(rot @ rot.T, np.eye(3), atol=1e-9):
        raise SystemExit("inp_data.py: a left-handed or degenerate cell; expected a right-handed lattice")
    return new, rot


def prepare(json_dir, train_file, work):
    train = set(int(x) for x in open(train_file).read().split("\n") if x.strip() and not x.startswith("#"))
    data = read_set(json_dir)
    os.makedirs(os.path.join(work, "data"), exist_ok=True)
    os.makedirs(os.path.join(work, "pod-train"), exist_ok=True)
    refs = []
    xyz = {}
    for idx, (g, f, d) in enumerate(data):
        h = np.array(d["Lattice"], dtype=float)
        pos = np.array(d["Positions"], dtype=float)
        frc = np.array(d["Forces"], dtype=float)
        types = d["AtomTypes"]
        new, rot = lower_triangular(h)
        frac = pos @ np.linalg.inv(h)
        frac -= np.floor(frac)
        p2 = frac @ new
        f2 = frc @ rot.T
        lines = ["InP %s/%s" % (g, f), "", "%d atoms" % len(types), "2 atom types",
                 "0 %.17g xlo xhi" % new[0, 0], "0 %.17g ylo yhi" % new[1, 1], "0 %.17g zlo zhi" % new[2, 2],
                 "%.17g %.17g %.17g xy xz yz" % (new[1, 0], new[2, 0], new[2, 1]), "", "Masses", "",
                 "1 %s" % MASS["In"], "2 %s" % MASS["P"], "", "Atoms # atomic", ""]
        for i, t in enumerate(types):
            lines.append("%d %d %.17g %.17g %.17g" % (i + 1, ELEMENTS.index(t) + 1, *p2[i]))
        open(os.path.join(work, "data", "%d.data" % idx), "w").write("\n".join(lines) + "\n")
        counts = [types.count(e) for e in ELEMENTS]
        refs.append({"index": idx, "group": g, "file": f, "atoms": len(types), "counts": counts,
                     "energy": float(d["Energy"]), "forces": f2.ravel().tolist(), "train": idx in train})
        if idx in train:
            s = ["%d" % len(types), 'Lattice="%s" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.17g pbc="T T T"'
                 % (" ".join("%.17g" % v for v in h.ravel()), d["Energy"])]
            for i, t in enumerate(types):
                s.append("%s %.17g %.17g %.17g %.17g %.17g %.17g" % (t, *pos[i], *frc[i]))
            xyz.setdefault(g, []).append("\n".join(s))
    for g, blocks in xyz.items():
        open(os.path.join(work, "pod-train", g + ".xyz"), "w").write("\n".join(blocks) + "\n")
    json.dump(refs, open(os.path.join(work, "reference.json"), "w"))
    open(os.path.join(work, "indices.txt"), "w").write("\n".join(str(r["index"]) for r in refs) + "\n")
    ntrain = sum(r["train"] for r in refs)
    print("inp_data.py: %d configurations (%d training, %d test), %d training atoms"
          % (len(refs), ntrain, len(refs) - ntrain, sum(r["atoms"] for r in refs if r["train"])), file=sys.stderr)


def score(work, model, shift, one_body_json=None, elements=ELEMENTS, excludable=EXCLUDABLE):
    """Prints the JSON scores (see the module doc); elements and excludable default to InP's (w14_data.py passes W's)."""
    refs = json.load(open(os.path.join(work, "reference.json")))
    ev = os.path.join(work, "eval", model)
    energies = {}
    for line in open(os.path.join(ev, "energies.txt")):
        w = line.split()
        if len(w) == 2:
            energies[int(w[0])] = float(w[1])
    missing = [r["index"] for r in refs if r["index"] not in energies]
    if missing:
        raise SystemExit("inp_data.py: %s: no energy for %d configurations (first %d)" % (ev, len(missing), missing[0]))
    e = np.array([energies[r["index"]] for r in refs])
    if one_body_json:
        mu = json.load(open(one_body_json))
        e = e + np.array([sum(c * mu.get(el, 0.0) for c, el in zip(r["counts"], elements)) for r in refs])
    mu_fit = [0.0] * len(elements)
    if shift == "refit":
        tr = [k for k, r in enumerate(refs) if r["train"]]
        a = np.array([refs[k]["counts"] for k in tr], dtype=float)
        y = np.array([refs[k]["energy"] - e[k] for k in tr])
        # per-atom weighting: the residual per atom is what the RMSE measures
        n = a.sum(axis=1)
        mu_fit = np.linalg.lstsq(a / n[:, None], y / n, rcond=None)[0].tolist()
        e = e + np.array([sum(c * m for c, m in zip(r["counts"], mu_fit)) for r in refs])
    per = {}
    worst = []
    for k, r in enumerate(refs):
        if r["train"]:
            continue
        f = np.loadtxt(os.path.join(ev, "forces", "%d.f" % r["index"]), skiprows=9, ndmin=2)
        f = f[np.argsort(f[:, 0])][:, 1:4].ravel()
        df = f - np.array(r["forces"])
        de = (e[k] - r["energy"]) / r["atoms"]
        worst.append({"group": r["group"], "file": r["file"], "energy_error_meV": 1000 * de,
                      "force_rmse_eVA": math.sqrt(float(df @ df) / df.size)})
        keys = ["all", r["group"]] + ["all_but_" + g for g in excludable if g != r["group"]]
        for key in keys:
            p = per.setdefault(key, {"configs": 0, "e2": 0.0, "f2": 0.0, "fn": 0})
            p["configs"] += 1
            p["e2"] += de * de
            p["f2"] += float(df @ df)
            p["fn"] += df.size
    worst.sort(key=lambda w: -abs(w["energy_error_meV"]))
    out = {"model": model, "shift": shift, "reference_energies_eV": dict(zip(elements, mu_fit)), "groups": {},
           "worst_test_configurations": worst[:5]}
    for key, p in per.items():
        out["groups"][key] = {"configs": p["configs"], "energy_rmse_meV": 1000 * math.sqrt(p["e2"] / p["configs"]),
                              "force_rmse_eVA": math.sqrt(p["f2"] / p["fn"])}
    print(json.dumps(out))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) in (5, 6) and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) == 6 else None)
    else:
        raise SystemExit(__doc__)
