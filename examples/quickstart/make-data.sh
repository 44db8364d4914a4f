#!/usr/bin/env bash
# Makes the quickstart training data: bcc tungsten configurations labelled by LAMMPS itself with
# the Zhou et al. EAM potential (W_zhou.eam.alloy, shipped with LAMMPS): strained and rattled
# 54-atom cells, NVT snapshots at 300-3000 K, a vacancy and a (100) surface slab.
# Writes w-eam.xyz (extended XYZ, energy in eV, forces in eV/Å) beside this script.
# Usage: examples/quickstart/make-data.sh   (uses bin/lmp --reference; builds LAMMPS if needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lammps_root="$("$root/scripts/build-lammps.sh" | tail -1)"
pot="$lammps_root/src/potentials/W_zhou.eam.alloy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$here/w-eam.xyz"
: > "$work/all.xyz"

# run_case NAME SETUP RUN [EVERY] [SKIP]: runs LAMMPS, dumps every EVERY steps, keeps frames after the first SKIP
run_case() {
  local name="$1" setup="$2" run="$3" every="${4:-1}"
  cat > "$work/$name.in" <<LMP
units metal
atom_style atomic
boundary p p p
$setup
mass 1 183.84
pair_style eam/alloy
pair_coeff * * $pot W
compute pea all pe/atom
dump d all custom \${every} $work/$name.dump id type x y z fx fy fz c_pea
dump_modify d format float %.15g sort id
$run
LMP
  (cd "$work" && "$root/bin/lmp" --reference -var every "$every" -in "$name.in" -log "$name.log" -screen none)
  # dump + energies -> extended XYZ (orthogonal boxes only)
  awk -v cfg="${name/strain_*/strained}" -v skip="${5:-0}" -f "$root/examples/dump-to-extxyz.awk" "$work/$name.dump" >> "$work/all.xyz"
  echo "[make-data] $name: $(grep -c '^ITEM: TIMESTEP' "$work/$name.dump") frames" >&2
}

# 1. strained and rattled perfect crystals (lattice constant 3.00-3.40 Å, uniaxial strains)
i=0
for a in 3.00 3.06 3.12 3.165 3.20 3.26 3.32 3.40; do
  for s in 0.97 1.00 1.03; do
    i=$((i+1))
    run_case "strain_$i" "lattice bcc $a
region box block 0 3 0 3 0 3
create_box 1 box
create_atoms 1 box
change_box all x scale $s remap
displace_atoms all random 0.08 0.08 0.08 $((1000 + i))" "run 0"
  done
done
# 2. NVT snapshots at 300, 1000, 2000, 3000 K (every 200 fs after 1 ps)
for t in 300 1000 2000 3000; do
  run_case "md_$t" "lattice bcc 3.165
region box block 0 3 0 3 0 3
create_box 1 box
create_atoms 1 box" "velocity all create $((2 * t)) $t mom yes rot yes dist gaussian
timestep 0.001
fix nvt all nvt temp $t $t 0.1
run 5000" 200 6
done
# 3. vacancy (53 atoms) with MD rattling
run_case "vacancy" "lattice bcc 3.165
region box block 0 3 0 3 0 3
create_box 1 box
create_atoms 1 box
group gone id 1
delete_atoms group gone" "velocity all create 1200 7 mom yes rot yes
timestep 0.001
fix nvt all nvt temp 600 600 0.1
run 2500" 250 3
# 4. (100) surface slab: 3x3x5 cells with 8 Å of vacuum, rattled by MD
run_case "surface" "lattice bcc 3.165
region box block 0 3 0 3 0 7.5
region slab block 0 3 0 3 0 5
create_box 1 box
create_atoms 1 region slab" "velocity all create 1200 11 mom yes rot yes
timestep 0.001
fix nvt all nvt temp 600 600 0.1
run 2500" 250 3
mv "$work/all.xyz" "$out"
echo "[make-data] wrote $out: $(grep -c Lattice "$out") configurations" >&2
