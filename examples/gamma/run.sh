#!/usr/bin/env bash
# Fits a UF2,3 W potential with its active set (uf3 fit --active-set, examples/gamma/fit.yaml: the
# quickstart data plus zero-pressure hot snapshots), then heats 1,024 atoms of bcc W at zero
# pressure from 300 K towards 7,000 K in LAMMPS; fix halt stops the run when the largest per-atom
# extrapolation grade exceeds GMAX (default 5). About 1-2 minutes on one core.
# Usage: examples/gamma/run.sh [WORKDIR]   (default examples/gamma/out)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$here/out}"
mkdir -p "$work"
[[ -f "$here/w-eam-hot.xyz" ]] || "$here/make-data.sh"
[[ -f "$work/fit/potential.asi" ]] || "$repo/bin/uf3" fit "$here/fit.yaml" -o "$work/fit" --active-set
cd "$work"
"$repo/bin/lmp" -in "$here/in.melt" -var gmax "${GMAX:-5.0}" -log melt.log
