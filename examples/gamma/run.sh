#!/usr/bin/env bash
# The γ example: makes EAM-labelled hot solid and liquid W (make-data.sh), fits a UF2,3 W potential
# with its active set (uf3 fit --active-set, examples/gamma/fit.yaml), then in LAMMPS (in.melt)
# heats a half-solid, half-liquid box of 832 atoms at zero pressure from 3,500 K towards 7,000 K;
# the crystal half melts, and fix halt stops the run when the largest per-atom extrapolation grade
# exceeds GMAX (default 5) once the liquid is hotter than the training data.
# About 1-1.5 minutes of one core (docs/gamma.md, "The melting example").
# Usage: examples/gamma/run.sh [WORKDIR]   (default examples/gamma/out; everything is written there)
# Env: GMAX (default 5.0), SEED (default 4242: the random liquid and the velocities)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$here/out}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
[[ -f "$work/w-eam-hot.xyz" ]] || "$here/make-data.sh" "$work/w-eam-hot.xyz"
sed -e "s#path: \.\./quickstart/w-eam.xyz#path: $repo/examples/quickstart/w-eam.xyz#" \
    -e "s#path: out/w-eam-hot.xyz#path: $work/w-eam-hot.xyz#" "$here/fit.yaml" > "$work/fit.yaml"
[[ -f "$work/fit/potential.asi" ]] || "$repo/bin/uf3" fit "$work/fit.yaml" -o "$work/fit" --active-set
cd "$work"
"$repo/bin/lmp" -in "$here/in.melt" -var gmax "${GMAX:-5.0}" -var seed "${SEED:-4242}" -log melt.log
