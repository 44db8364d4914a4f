#!/usr/bin/env bash
# benchmarks/long-nve.sh [--ps T] [--potential FILE]
# Long NVE stability of our pair_style uf3: 2,000 W atoms (bcc 10x10x10), velocities for 300 K,
# 1 fs steps, T ps (default 100 = 100,000 steps), the W-14 UF2,3 of benchmarks/paper unless
# --potential names another W .uf3. Reports the energy drift per atom (slope of a straight-line
# fit of the total energy over the run, times the run length) and the largest excursion from
# the start, and writes benchmarks/results/long-nve.{json,md}. Target: |drift| < 1e-5 eV/atom.
set -euo pipefail
log() { echo "[uf3 long-nve] $*" >&2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ps=100
pot="$root/benchmarks/paper/results/w14-accuracy/uf23/potential.uf3"
while (($#)); do
  case "$1" in
    --ps) ps=$2; shift 2 ;;
    --potential) pot=$(readlink -f "$2"); shift 2 ;;
    *) log "usage: benchmarks/long-nve.sh [--ps T] [--potential FILE]"; exit 2 ;;
  esac
done
[[ -f "$pot" ]] || { log "$pot: potential file not found"; exit 2; }
steps=$(awk -v p="$ps" 'BEGIN { printf "%d", p * 1000 }')
work="$(mktemp -d /tmp/uf3-long-nve.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cat > "$work/in.nve" <<LMP
units metal
boundary p p p
lattice bcc 3.1849
region box block 0 10 0 10 0 10
create_box 1 box
create_atoms 1 box
mass 1 183.84
pair_style uf3 3
pair_coeff * * $pot W
velocity all create 600.0 4928459 mom yes rot yes dist gaussian
timestep 0.001
fix 1 all nve
thermo_style custom step time temp pe ke etotal
thermo_modify format float %.10f
thermo $(( steps >= 10000 ? steps / 1000 : 10 ))
run $steps
LMP
log "2,000 W atoms, 300 K (600 K initial kinetic), $steps steps of 1 fs with $(basename "$pot")"
start=$SECONDS
"$root/bin/lmp" -in "$work/in.nve" -log "$work/log.lammps" -screen none
wall=$((SECONDS - start))
mkdir -p "$root/benchmarks/results"
python3 - "$work/log.lammps" "$ps" "$wall" "$pot" "$root/benchmarks/results" <<'PY'
import json, sys
log, ps, wall, pot, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows, on = [], False
for line in open(log):
    w = line.split()
    if w[:2] == ['Step', 'Time']:
        on = True
        continue
    if on:
        try:
            rows.append([float(x) for x in w[:6]])
        except ValueError:
            on = False
n = 2000
t = [r[1] for r in rows]; e = [r[5] / n for r in rows]; temp = [r[2] for r in rows]
k = len(t); mt = sum(t) / k; me = sum(e) / k
slope = sum((a - mt) * (b - me) for a, b in zip(t, e)) / sum((a - mt) ** 2 for a in t)
drift = slope * (t[-1] - t[0])
excursion = max(abs(x - e[0]) for x in e)
tavg = sum(temp[k // 10:]) / len(temp[k // 10:])
res = {"atoms": n, "ps": ps, "steps": int(ps * 1000), "timestep_fs": 1.0, "potential": pot.split('/benchmarks/')[-1],
       "mean_temperature_K": round(tavg, 1), "drift_eV_per_atom": drift, "max_excursion_eV_per_atom": excursion,
       "wall_s": wall, "target_eV_per_atom": 1e-5, "met": abs(drift) < 1e-5}
json.dump(res, open(out + "/long-nve.json", "w"), indent=2)
open(out + "/long-nve.md", "w").write(
    "# Long NVE (benchmarks/long-nve.sh)\n\n"
    f"{n} W atoms, bcc, {ps:g} ps of NVE with 1 fs steps, mean temperature {tavg:.0f} K, potential `{res['potential']}`.\n\n"
    "| drift (eV/atom, linear fit × run length) | largest excursion (eV/atom) | target | wall (s) |\n|---:|---:|---|---:|\n"
    f"| {drift:.2e} | {excursion:.2e} | < 1e-5: {'met' if res['met'] else 'NOT met'} | {wall} |\n")
print(f"long-nve atoms={n} ps={ps:g} mean_T_K={tavg:.0f} drift_eV_per_atom={drift:.2e} max_excursion_eV_per_atom={excursion:.2e} wall_s={wall}")
PY
