#!/usr/bin/env bash
# Timing of our pair_style uf3 vs the official ML-UF3 one (one thread, same box, same run):
# bcc Nb, 2000 atoms (10x10x10), 300 K, NVE, 100 steps, for uf3 3 and uf3 2.
# Usage: lammps-plugin-src/tests/bench.sh [repeats=3] [steps=100] [cells=10]
# Reports the fastest of the repeats (this machine is shared and noisy): LAMMPS loop
# wall time, Pair time, microseconds per atom-step, and our/official ratios.  With
# perf available it also reports user-space CPU cycles per atom-step of the MD loop
# (a 0-step run is subtracted), which is far less sensitive to other processes.
set -uo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
lmp="$repo/bin/lmp"
reps=${1:-3}
steps=${2:-100}
cells=${3:-10}
work="$(mktemp -d /tmp/uf3-bench.XXXXXX)"
root="$("$repo/scripts/build-lammps.sh" | tail -1)"
cp "$root/src/potentials/Nb.uf3" "$work/"
"$lmp" -h > /dev/null 2>&1 || true
cat > "$work/in.bench" <<'EOF'
units metal
lattice bcc 3.3008
region box block 0 ${cells} 0 ${cells} 0 ${cells}
create_box 1 box
create_atoms 1 box
mass 1 92.906
velocity all create 300 4928459 loop geom
pair_style uf3 ${nb}
pair_coeff * * Nb.uf3 Nb
fix 1 all nve
thermo ${steps}
run ${steps}
EOF
have_perf=0
perf stat -e cycles:u true > /dev/null 2>&1 && have_perf=1
natoms=$((2 * cells * cells * cells))

cycles() {    # cycles MODEFLAG NB STEPS
  (cd "$work" && perf stat -x, -e cycles:u "$lmp" $1 -in in.bench -log none -screen none -var nb "$2" \
     -var steps "$3" -var cells "$cells" 2>&1 >/dev/null | grep cycles | cut -d, -f1)
}

for nb in 3 2; do
  declare -A best_loop=() best_pair=() best_cyc=()
  for ((r = 0; r < reps; r++)); do
    for mode in ours ref; do
      flag=""
      [[ $mode == ref ]] && flag="--reference"
      (cd "$work" && "$lmp" $flag -in in.bench -log "$work/$mode.$nb.log" -screen none -var nb "$nb" \
         -var steps "$steps" -var cells "$cells")
      loop=$(awk '/^Loop time of/{print $4}' "$work/$mode.$nb.log")
      pair=$(awk '/^Pair  *\|/{print $3}' "$work/$mode.$nb.log")
      if [[ -z "${best_loop[$mode]:-}" ]] || python3 -c "import sys; sys.exit(0 if $loop < ${best_loop[$mode]} else 1)"; then
        best_loop[$mode]=$loop
        best_pair[$mode]=$pair
      fi
      if ((have_perf)); then
        c0=$(cycles "$flag" "$nb" 0)
        c1=$(cycles "$flag" "$nb" "$steps")
        c=$(( (c1 - c0) / (natoms * steps) ))
        if [[ -z "${best_cyc[$mode]:-}" ]] || ((c < best_cyc[$mode])); then best_cyc[$mode]=$c; fi
      fi
    done
  done
  python3 - "$nb" "$natoms" "$steps" "${best_loop[ours]}" "${best_pair[ours]}" "${best_loop[ref]}" "${best_pair[ref]}" \
    "${best_cyc[ours]:-0}" "${best_cyc[ref]:-0}" <<'EOF'
import sys
nb, n, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lo, po, lr, pr = map(float, sys.argv[4:8])
co, cr = int(sys.argv[8]), int(sys.argv[9])
us = lambda t: t / (n * steps) * 1e6
print(f"uf3 {nb}, {n} atoms, {steps} steps: ours loop {lo:.3f} s (pair {po:.3f} s, {us(lo):.2f} us/atom/step), "
      f"official loop {lr:.3f} s (pair {pr:.3f} s, {us(lr):.2f} us/atom/step); ratio loop {lo / lr:.3f}, pair {po / pr:.3f}")
if co and cr:
    print(f"uf3 {nb}: user CPU cycles per atom-step: ours {co}, official {cr}; ratio {co / cr:.3f}")
EOF
  unset best_loop best_pair best_cyc
done
rm -rf "$work"
