#!/usr/bin/env bash
# LAMMPS with fitted 4- and 5-element UF2,3 files (issue 11):
#  1. makes the CoCrFeNi and AlCoCrFeNi MEAM data (examples/alloys/make-data.sh, cached) and fits a
#     small UF2,3 potential to every 4th configuration of each with bin/uf3 fit (3-body legs to
#     3.4 Å with 3 intervals, one λ, no cross-validation: a real fitted file, kept small);
#  2. ours (newton on and off) vs the official ML-UF3 style on those files, with 3 (3 of the 4
#     fitted elements), 4 and 5 types: the cases of lammps-plugin-src/tests/alloy_types.sh
#     (energy, pressure, forces, per-atom energy and virial <= 1e-9 relative);
#  3. NVE with our style on the fitted CoCrFeNi file: 256-atom random fcc solid solution started
#     at 600 K on the perfect lattice, 2,000 steps to equipartition (about 300 K), then 10,000
#     measured steps of 1 fs: prints max_t |E(t) - E(0)| / N over the measured run, the slope of a
#     straight-line fit times the run length, and the same with 0.5 fs steps (a Verlet error
#     falls about 4x, a real drift would not).
# Usage: benchmarks/alloys/lammps-check.sh [OUTDIR]   (default benchmarks/alloys/results, git-ignored;
#        prints "N passed, N failed" and the NVE line last)
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$here/results}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
tests="$repo/lammps-plugin-src/tests"
lmp="$repo/bin/lmp"
start=$SECONDS

# 1. data and fits (UF3_ALLOY_FITS="COCRFENI.uf3 ALCOCRFENI.uf3": use these fitted files instead,
#    e.g. the potential.uf3 of bin/uf3 fit examples/alloys/cocrfeni.yaml and alcocrfeni.yaml)
mkdir -p "$out/pot"
if [[ -n "${UF3_ALLOY_FITS:-}" ]]; then
  read -r fit4 fit5 <<< "$UF3_ALLOY_FITS"
  [[ -f "$fit4" && -f "$fit5" ]] || { echo "[alloys] UF3_ALLOY_FITS must name two .uf3 files (4 and 5 elements), got '$UF3_ALLOY_FITS'"; exit 2; }
  cp "$fit4" "$out/pot/alloy3.uf3"; cp "$fit4" "$out/pot/alloy4.uf3"; cp "$fit5" "$out/pot/alloy5.uf3"
else
for alloy in cocrfeni alcocrfeni; do
  data="$("$repo/examples/alloys/make-data.sh" "$alloy" | tail -1)" || exit 1
  # every 4th configuration (extended XYZ: count line, comment, atoms)
  awk 'NF == 1 && $1 ~ /^[0-9]+$/ && !inframe { n = $1; k++; left = n + 1; keep = (k % 4 == 1); if (keep) print; inframe = 1; next }
       inframe { if (keep) print; if (--left == 0) inframe = 0 }' "$data" > "$out/$alloy-subset.xyz"
  case $alloy in cocrfeni) els="[Co, Cr, Fe, Ni]" ;; alcocrfeni) els="[Al, Co, Cr, Fe, Ni]" ;; esac
  cat > "$out/$alloy-small.yaml" <<YAML
elements: $els
data: [{path: $alloy-subset.xyz}]
two_body: {r_min: 1.5, r_max: 5.2, resolution: 12}
three_body: {r_min: 1.5, r_max: 3.4, resolution: 3}
kappa: 0.5
regularization: {curvature_2b: 1e-6, curvature_3b: 1e-6}
split: {test_fraction: 0.2, seed: 0, stratified: true}
YAML
  t0=$SECONDS
  "$repo/bin/uf3" fit "$out/$alloy-small.yaml" -o "$out/$alloy-small-fit" > "$out/$alloy-small-fit.txt" 2>&1 \
    || { echo "[alloys] fit of $alloy failed:"; tail -3 "$out/$alloy-small-fit.txt"; exit 1; }
  echo "[alloys] fitted $alloy: $(grep -c Lattice "$out/$alloy-subset.xyz") configurations, $(grep -m1 -o '[0-9,]* coefficients' "$out/$alloy-small-fit.txt"), $((SECONDS - t0)) s"
done
cp "$out/cocrfeni-small-fit/potential.uf3" "$out/pot/alloy3.uf3"   # 3 of its 4 elements
cp "$out/cocrfeni-small-fit/potential.uf3" "$out/pot/alloy4.uf3"
cp "$out/alcocrfeni-small-fit/potential.uf3" "$out/pot/alloy5.uf3"
fi

# 2. ours vs official on the fitted files (the helpers run.sh gives alloy_types.sh)
work="$out/agreement"
rm -rf "$work" && mkdir -p "$work"
TOL=1e-9
passed=0
failed=0
record() { if [[ "$1" == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }
run_lmp() {
  local mode=$1 newton=$2 o=$3 input=$4
  shift 4
  local flag=()
  [[ "$mode" == ref ]] && flag=(--reference)
  timeout 900 "$lmp" "${flag[@]}" -in "$input" -log "$o.log" -screen none -var newton "$newton" -var out "$o" "$@"
}
UF3_ALLOY_POTENTIALS="$out/pot"
# shellcheck source=../../lammps-plugin-src/tests/alloy_types.sh
source "$tests/alloy_types.sh"
echo "[alloys] fitted files, ours vs official: $passed passed, $failed failed"

# 3. NVE on the fitted 4-element file
cat > "$out/in.nve" <<'LMP'
units metal
atom_style atomic
boundary p p p
lattice fcc 3.57
region box block 0 4 0 4 0 4
create_box 4 box
create_atoms 1 box
mass 1 58.9332
mass 2 51.9961
mass 3 55.845
mass 4 58.6934
set type 1 type/ratio 2 0.25 11
set type 1 type/ratio 3 0.333333333333 12
set type 1 type/ratio 4 0.5 13
pair_style uf3 3
pair_coeff * * ${pot} Co Cr Fe Ni
velocity all create 600 4928459 mom yes rot yes dist gaussian
fix 1 all nve
timestep ${dt}
thermo_style custom step temp pe ke etotal
thermo_modify format float %.15g
thermo 0
run $(round(2.0/v_dt))
reset_timestep 0
thermo $(round(0.1/v_dt))
run $(round(10.0/v_dt))
LMP
for dt in 0.001 0.0005; do
  t0=$SECONDS
  "$lmp" -in "$out/in.nve" -var pot "$out/pot/alloy4.uf3" -var dt $dt -log "$out/nve-$dt.log" -screen none \
    || { echo "[alloys] NVE run failed"; tail -3 "$out/nve-$dt.log"; exit 1; }
  awk -v secs=$((SECONDS - t0)) -v dt=$dt '
    /^Created [0-9]+ atoms/ { atoms = $2 }
    /^ *Step/ { runs++; on = (runs == 2); next } /^Loop time/ { on = 0 }
    on && NF == 5 { if (!n) e0 = $5; d = $5 - e0; if (d < 0) d = -d; if (d > m) m = d
                    t = $1 * dt; n++; st += t; se += $5; stt += t * t; ste += t * $5; sT += $2 }
    END { slope = (n * ste - st * se) / (n * stt - st * st)
          printf "NVE CoCrFeNi fitted UF2,3, %d atoms, 10 ps in steps of %g fs, mean T %.0f K: max |E(t)-E(0)| = %.2e eV/atom, fitted drift %.2e eV/atom over 10 ps (%d s)\n", \
            atoms, dt * 1000, sT / n, m / atoms, slope * 10 / atoms, secs }' "$out/nve-$dt.log"
done
echo "[alloys] done in $((SECONDS - start)) s; $passed passed, $failed failed"
((failed == 0))
