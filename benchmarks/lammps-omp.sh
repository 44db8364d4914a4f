#!/usr/bin/env bash
# Threads and memory of our pair_style uf3 (issue 15): uf3/omp (-sf omp) with 1 and T threads
# against the serial style, on the lammps-speed.sh box (bcc Nb, Nb.uf3, 300 K, NVE, skin 2 Å).
#
# Usage: benchmarks/lammps-omp.sh [--cells N] [--steps N] [--reps N] [--threads T] [--nb 2|3]
#   defaults: 20 cells (16,000 atoms), 50 steps, 3 interleaved runs, 2 threads, uf3 3
# Prints per run: loop time, LAMMPS' CPU use, memory; then the medians, the speed-up of T threads
# over 1 thread (wall time: what threads are for) and the largest relative difference of the final
# potential energy and pressure between the three variants (same trajectory, summation order aside).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/.." && pwd)"
lmp="$repo/bin/lmp"
cells=20 steps=50 reps=3 threads=2 nb=3
while (($#)); do
  case "$1" in
    --cells) cells="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --nb) nb="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
root="$("$repo/scripts/build-lammps.sh" | tail -1)"
work="$(mktemp -d /tmp/uf3-lammps-omp.XXXXXX)"
trap 'rm -rf "$work"' EXIT
ln -s "$root/src/potentials/Nb.uf3" "$work/Nb.uf3"
cat > "$work/in.omp" <<'IN'
units metal
boundary p p p
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
print "FINAL $(pe:%.17g) $(press:%.17g)"
IN
natoms=$((2 * cells * cells * cells))
echo "[lammps-omp] $natoms atoms, uf3 $nb, $steps steps, $reps interleaved runs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
variants=("serial|" "omp 1 thread|-sf omp -pk omp 1" "omp $threads threads|-sf omp -pk omp $threads")
raw="$work/raw.tsv"
for ((r = 1; r <= reps; r++)); do
  for spec in "${variants[@]}"; do
    IFS='|' read -r name flags <<< "$spec"
    log="$work/run.log"
    # shellcheck disable=SC2086
    (cd "$work" && OMP_NUM_THREADS=1 "$lmp" -in in.omp -log "$log" -screen none -var cells "$cells" -var steps "$steps" \
       -var nb "$nb" $flags) || { echo "LAMMPS failed for $name" >&2; tail -20 "$log" >&2; exit 1; }
    loop=$(awk '/^Loop time of/{print $4}' "$log")
    cpu=$(awk '/% CPU use with/{sub(/%/, "", $1); print $1}' "$log")
    mem=$(awk '/Per MPI rank memory allocation/{print $(NF-1)}' "$log" | tail -1)
    final=$(awk '/^FINAL/{print $2, $3}' "$log")
    echo "[lammps-omp]   run $r: $name loop $loop s, CPU use $cpu %, memory $mem MB"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$loop" "$cpu" "$mem" "$final" >> "$raw"
  done
done
echo "[lammps-omp] load after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
python3 - "$raw" "$natoms" "$steps" <<'PY'
import statistics, sys
raw, natoms, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {}
for line in open(raw):
    name, loop, cpu, mem, final = line.rstrip("\n").split("\t")
    runs.setdefault(name, []).append((float(loop), float(cpu), float(mem), [float(x) for x in final.split()]))
med = {k: statistics.median(x[0] for x in v) for k, v in runs.items()}
names = list(runs)
print("| variant | wall μs/atom/step | CPU use % (median) | memory (MB) |")
print("|---|---|---|---|")
for k in names:
    v = runs[k]
    print(f"| {k} | {med[k] / (natoms * steps) * 1e6:.3f} | {statistics.median(x[1] for x in v):.0f} | {max(x[2] for x in v):.1f} |")
one, many = names[1], names[2]
print(f"speed-up {many} / {one}: {med[one] / med[many]:.2f} x; {one} / serial: {med[names[0]] / med[one]:.2f} x")
ref = runs[names[0]][0][3]
worst = max(abs(x[3][i] - ref[i]) / abs(ref[i]) for v in runs.values() for x in v for i in range(2))
print(f"final energy and pressure, largest relative difference between all runs: {worst:.1e}")
PY
