#!/usr/bin/env python3
"""Data plumbing of benchmarks/peers/w14.sh (no model mathematics here); the W-14 twin of inp_data.py.

  w14_data.py prepare W14_XYZ TRAIN_INDICES WORK
      reads the extended XYZ W-14 set in file order (the order uf3 fit numbers it), and writes into
      WORK: one LAMMPS data file per configuration (data/<index>.data, the cell turned into LAMMPS'
      lower-triangular form, forces rotated the same way), reference.json (index, config_type,
      w14_index, atoms, energy, rotated forces, train or test), pod-train/<config_type>.xyz (the
      training configurations as fitpod reads extended XYZ) and indices.txt (every index, for the
      LAMMPS loop). TRAIN_INDICES is the train-indices.txt that uf3 fit wrote for the same split.
  w14_data.py score WORK MODEL SHIFT [ONE_BODY_JSON]
      inp_data.py's scoring (energy RMSE per atom, force RMSE per component, test part, per
      config_type; SHIFT=refit fits the W reference energy on the training part) for element W.
"""
import json
import os
import re
import shlex
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inp_data  # noqa: E402  (lower_triangular and score are shared)

MASS_W = 183.84


def read_xyz(path):
    """Yields (line number of the comment, comment keys, species, positions, forces) per frame."""
    with open(path) as f:
        lineno = 0
        while True:
            head = f.readline()
            lineno += 1
            if not head.strip():
                return
            n = int(head)
            comment = f.readline()
            lineno += 1
            keys = dict(re.match(r"([^=]+)=(.*)", w).groups() for w in shlex.split(comment))
            props = keys["Properties"].split(":")
            if props[:7] != ["species", "S", "1", "pos", "R", "3", "forces"]:
                raise SystemExit("w14_data.py: %s line %d: expected Properties=species:S:1:pos:R:3:forces:R:3, got %s"
                                 % (path, lineno, keys["Properties"]))
            species, rows = [], []
            for _ in range(n):
                w = f.readline().split()
                lineno += 1
                species.append(w[0])
                rows.append([float(x) for x in w[1:7]])
            a = np.array(rows)
            yield lineno - n - 1, keys, species, a[:, 0:3], a[:, 3:6]


def prepare(xyz, train_file, work):
    train = set(int(x) for x in open(train_file).read().split("\n") if x.strip() and not x.startswith("#"))
    os.makedirs(os.path.join(work, "data"), exist_ok=True)
    os.makedirs(os.path.join(work, "pod-train"), exist_ok=True)
    refs, pod = [], {}
    for idx, (line, keys, species, pos, frc) in enumerate(read_xyz(xyz)):
        if set(species) != {"W"}:
            raise SystemExit("w14_data.py: %s line %d: expected only W atoms" % (xyz, line))
        h = np.array([float(v) for v in keys["Lattice"].split()]).reshape(3, 3)
        new, rot = inp_data.lower_triangular(h)
        frac = pos @ np.linalg.inv(h)
        frac -= np.floor(frac)
        p2 = frac @ new
        f2 = frc @ rot.T
        ct = keys["config_type"]
        lines = ["W-14 w14_index=%s %s" % (keys["w14_index"], ct), "", "%d atoms" % len(species), "1 atom types",
                 "0 %.17g xlo xhi" % new[0, 0], "0 %.17g ylo yhi" % new[1, 1], "0 %.17g zlo zhi" % new[2, 2],
                 "%.17g %.17g %.17g xy xz yz" % (new[1, 0], new[2, 0], new[2, 1]), "", "Masses", "",
                 "1 %s" % MASS_W, "", "Atoms # atomic", ""]
        lines += ["%d 1 %.17g %.17g %.17g" % (i + 1, *p2[i]) for i in range(len(species))]
        open(os.path.join(work, "data", "%d.data" % idx), "w").write("\n".join(lines) + "\n")
        energy = float(keys["energy"])
        refs.append({"index": idx, "group": ct, "file": "w14_index=%s" % keys["w14_index"], "atoms": len(species),
                     "counts": [len(species)], "energy": energy, "forces": f2.ravel().tolist(), "train": idx in train})
        if idx in train:
            s = ["%d" % len(species), 'Lattice="%s" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.17g pbc="T T T"'
                 % (" ".join("%.17g" % v for v in h.ravel()), energy)]
            s += ["W %.17g %.17g %.17g %.17g %.17g %.17g" % (*pos[i], *frc[i]) for i in range(len(species))]
            pod.setdefault(ct, []).append("\n".join(s))
    if max(train) >= len(refs):
        raise SystemExit("w14_data.py: %s names configuration %d; %s has %d" % (train_file, max(train), xyz, len(refs)))
    for ct, blocks in pod.items():
        open(os.path.join(work, "pod-train", ct + ".xyz"), "w").write("\n".join(blocks) + "\n")
    json.dump(refs, open(os.path.join(work, "reference.json"), "w"))
    open(os.path.join(work, "indices.txt"), "w").write("\n".join(str(r["index"]) for r in refs) + "\n")
    ntrain = sum(r["train"] for r in refs)
    print("w14_data.py: %d configurations (%d training, %d test), %d training atoms"
          % (len(refs), ntrain, len(refs) - ntrain, sum(r["atoms"] for r in refs if r["train"])), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) in (5, 6) and sys.argv[1] == "score":
        inp_data.score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) == 6 else None,
                       elements=["W"], excludable=[])
    else:
        raise SystemExit(__doc__)
