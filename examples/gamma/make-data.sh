#!/usr/bin/env bash
# Makes the extra training data of the γ example: the quickstart data (examples/quickstart/w-eam.xyz)
# has its MD snapshots at the 300 K volume (a = 3.165 Å, NVT), so a crystal heated at zero pressure
# leaves it by ~2,000 K through thermal expansion alone. This adds what a heating run at zero
# pressure visits while solid: 54-atom bcc W cells at zero pressure (NPT) at 1,000-3,500 K,
# labelled, like the quickstart data, by LAMMPS with the Zhou et al. EAM potential.
# Writes w-eam-hot.xyz (extended XYZ, energy in eV, forces in eV/Å) beside this script.
# Usage: examples/gamma/make-data.sh   (uses bin/lmp --reference; builds LAMMPS if needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lammps_root="$("$root/scripts/build-lammps.sh" | tail -1)"
pot="$lammps_root/src/potentials/W_zhou.eam.alloy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$here/w-eam-hot.xyz"
: > "$work/all.xyz"
# NPT at zero pressure, snapshots every 200 fs after 1 ps of equilibration (the first 5 dropped);
# the lattice expands with T (3.17 Å at 300 K to ~3.25 Å at 3,500 K with this EAM)
for t in 1000 1500 2000 2500 3000 3500; do
  cat > "$work/npt_$t.in" <<LMP
units metal
atom_style atomic
boundary p p p
lattice bcc 3.165
region box block 0 3 0 3 0 3
create_box 1 box
create_atoms 1 box
mass 1 183.84
pair_style eam/alloy
pair_coeff * * $pot W
velocity all create $((2 * t)) $t mom yes rot yes dist gaussian
timestep 0.001
fix npt all npt temp $t $t 0.1 iso 0 0 1.0
compute pea all pe/atom
dump d all custom 200 $work/npt_$t.dump id type x y z fx fy fz c_pea
dump_modify d format float %.15g sort id
run 5000
LMP
  (cd "$work" && "$root/bin/lmp" --reference -in "npt_$t.in" -log "npt_$t.log" -screen none)
  awk -v cfg="npt_$t" -v skip=5 '
    /^ITEM: NUMBER OF ATOMS/ { getline; n = $1; next }
    /^ITEM: BOX BOUNDS/ { getline; lx = $2 - $1; x0 = $1; getline; ly = $2 - $1; y0 = $1; getline; lz = $2 - $1; z0 = $1; next }
    /^ITEM: ATOMS/ {
      e = 0
      for (k = 0; k < n; k++) { getline; line[k] = sprintf("W %.12f %.12f %.12f %s %s %s", $3 - x0, $4 - y0, $5 - z0, $6, $7, $8); e += $9 }
      if (frame++ < skip) next
      printf "%d\nLattice=\"%.12g 0 0 0 %.12g 0 0 0 %.12g\" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.10f config_type=%s pbc=\"T T T\"\n", n, lx, ly, lz, e, cfg
      for (k = 0; k < n; k++) print line[k]
    }' "$work/npt_$t.dump" >> "$work/all.xyz"
  echo "[make-data] npt_$t: $(grep -c '^ITEM: TIMESTEP' "$work/npt_$t.dump") frames" >&2
done
mv "$work/all.xyz" "$out"
echo "[make-data] wrote $out: $(grep -c Lattice "$out") configurations" >&2
