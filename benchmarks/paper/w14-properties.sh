#!/usr/bin/env bash
# Study 3: derived properties of the fitted W potentials of study 1 (a0, C11/C12/C44/B, relaxed vacancy
# and (100)/(110)/(111) surface energies, phonons along Gamma-H-P-Gamma-N) with the Java property suite
# on the native kernel, vs DFT; cross-check of a0, E and C11/C12/C44 with LAMMPS on the exported .uf3
# (bin/lmp = our plugin, bin/lmp --reference = official ML-UF3). Writes
# benchmarks/paper/results/w14-properties/ (properties.json/.md, phonons-*.png; LAMMPS work files in work/).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
run_study W14Properties "$@"
