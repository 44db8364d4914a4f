#!/usr/bin/env bash
# Makes the extra training data of the γ example. The quickstart data (examples/quickstart/w-eam.xyz)
# has its MD snapshots at the 300 K volume (a = 3.165 Å, NVT), so a crystal heated at zero pressure
# leaves it by ~2,000 K through thermal expansion alone. This adds what the heating run of in.melt
# visits up to LIQUID_TMAX: cells of W at zero pressure (NPT), labelled, like the quickstart data,
# by LAMMPS with the Zhou et al. EAM potential:
#   solid_T : 128-atom bcc at T = 1,500-3,500 K;
#   liquid_T: 250 atoms melted at 6,000 K, then held at T = 3,500 K ... LIQUID_TMAX (default 4,500 K).
# Nothing hotter: the liquid above LIQUID_TMAX is what in.melt should flag as outside the data.
# Usage: examples/gamma/make-data.sh OUT.xyz   (uses bin/lmp --reference; builds LAMMPS if needed)
# Env: LIQUID_TMAX (K, default 4500)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: make-data.sh OUT.xyz}"
tmax="${LIQUID_TMAX:-4500}"
lammps_root="$("$root/scripts/build-lammps.sh" | tail -1)"
pot="$lammps_root/src/potentials/W_zhou.eam.alloy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/all.xyz"
runs=()
for t in 1500 2000 2500 3000 3500; do runs+=("solid $t"); done
for ((t = 3500; t <= tmax; t += 500)); do runs+=("liquid $t"); done
for run in "${runs[@]}"; do
  read -r phase t <<< "$run"
  name="${phase}_$t"
  if [[ $phase == liquid ]]; then
    n=5 every=40 skip=25
    melt="velocity all create 12000 $t mom yes rot yes dist gaussian
fix melt all npt temp 6000 6000 0.1 iso 0 0 1.0
run 3000
unfix melt
reset_timestep 0"
  else
    n=4 every=100 skip=10
    melt="velocity all create $((2 * t)) $t mom yes rot yes dist gaussian"
  fi
  # NPT at zero pressure for 4 ps, snapshots after the first ps at T: every 100 fs in the solid, every
  # 40 fs in the liquid (its rare close collisions are what a 1,000-atom run meets every few steps)
  cat > "$work/$name.in" <<LMP
units metal
atom_style atomic
boundary p p p
lattice bcc 3.165
region box block 0 $n 0 $n 0 $n
create_box 1 box
create_atoms 1 box
mass 1 183.84
pair_style eam/alloy
pair_coeff * * $pot W
timestep 0.001
$melt
fix npt all npt temp $t $t 0.1 iso 0 0 1.0
compute pea all pe/atom
dump d all custom $every $work/$name.dump id type x y z fx fy fz c_pea
dump_modify d format float %.15g sort id
run 4000
LMP
  (cd "$work" && "$root/bin/lmp" --reference -in "$name.in" -log "$name.log" -screen none)
  awk -v cfg="$name" -v skip=$skip -f "$root/examples/dump-to-extxyz.awk" "$work/$name.dump" >> "$work/all.xyz"
  echo "[make-data] $name: $(grep -c '^ITEM: TIMESTEP' "$work/$name.dump") frames" >&2
done
mv "$work/all.xyz" "$out"
echo "[make-data] wrote $out: $(grep -c Lattice "$out") configurations" >&2
