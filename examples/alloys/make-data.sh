#!/usr/bin/env bash
# Makes an alloy training set: random solid solutions of CoCrFeNi (4 elements) or AlCoCrFeNi
# (5 elements), labelled by LAMMPS itself with the 2NN MEAM potential shipped in the LAMMPS source
# (potentials/MoCoNiVFeAlCr_2nn.meam with library_2nn.meam; Wang et al., npj Comput. Mater. 9, 60
# (2023)). Every configuration has its own random composition around equiatomic. Families
# (config_type):
#   fcc_strained, bcc_strained  32-atom fcc / 54-atom bcc cells, lattice constant, normal and shear
#                               strains and a rattle drawn at random (triclinic cells)
#   fcc_md_T, bcc_md_T          NVT snapshots (108-atom fcc, 128-atom bcc) at T = 300, 1000, 1600 K
#   vacancy                     fcc 107 atoms and bcc 127 atoms, NVT at 800 K
#   surface                     fcc and bcc (100) slabs (126 and 81 atoms, 6-8 Å vacuum), NVT at 600 K
# and checks the labels: the forces on one thermal configuration equal minus central finite
# differences of the MEAM energy (the script stops if they do not).
# Writes examples/alloys/data/<alloy>-meam.xyz (extended XYZ, eV and eV/Å; the directory is
# git-ignored) on first use and prints its path on the last line; a second call returns at once
# unless this script's commands changed (comments do not count). 372 configurations of 32-128
# atoms (34,434 atoms for CoCrFeNi), about 2 minutes of LAMMPS CPU time (6.5 minutes wall on a
# 2-core machine shared with other jobs).
# Usage: examples/alloys/make-data.sh [cocrfeni|alcocrfeni]   (default cocrfeni; uses
#        bin/lmp --reference, building LAMMPS with the MEAM package if needed)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
alloy="${1:-cocrfeni}"
case "$alloy" in
  cocrfeni) elements=(Co Cr Fe Ni); seed0=4000 ;;
  alcocrfeni) elements=(Al Co Cr Fe Ni); seed0=5000 ;;
  *) echo "[make-data] usage: examples/alloys/make-data.sh [cocrfeni|alcocrfeni], found '$alloy'" >&2; exit 2 ;;
esac
out="$here/data/$alloy-meam.xyz"
stamp="$out.script-sha256"
script_hash="$(grep -v '^[[:space:]]*#' "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1)"
if [[ -f "$out" && -f "$stamp" && "$(cat "$stamp")" == "$script_hash" ]]; then
  echo "$out"
  exit 0
fi
mkdir -p "$here/data"
lammps_root="$("$root/scripts/build-lammps.sh" | tail -1)"
potdir="$lammps_root/src/potentials"
for f in library_2nn.meam MoCoNiVFeAlCr_2nn.meam; do
  [[ -f "$potdir/$f" ]] || { echo "[make-data] $potdir/$f not found (LAMMPS source tree incomplete?)" >&2; exit 1; }
done
declare -A mass=([Al]=26.9815 [Co]=58.9332 [Cr]=51.9961 [Fe]=55.845 [Ni]=58.6934)
ntypes=${#elements[@]}
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

# the lines every LAMMPS block needs after create_box: masses and the MEAM potential
potential_lines() {
  local t=0
  for e in "${elements[@]}"; do t=$((t + 1)); echo "mass $t ${mass[$e]}"; done
  echo "pair_style meam"
  echo "pair_coeff * * $potdir/library_2nn.meam Mo Co Ni V Fe Al Cr $potdir/MoCoNiVFeAlCr_2nn.meam ${elements[*]}"
}

# composition_lines SEED: 'set' lines turning the type-1 atoms into a random solid solution whose
# fractions are drawn uniformly between 0.5 and 1.5 times equiatomic and normalised
composition_lines() {
  awk -v n="$ntypes" -v seed="$1" 'BEGIN {
    srand(seed); s = 0
    for (k = 1; k <= n; k++) { w[k] = 0.5 + rand(); s += w[k] }
    left = 1
    for (k = 2; k <= n; k++) {
      f = w[k] / s
      printf "set type 1 type/ratio %d %.6f %d\n", k, f / left, seed * 10 + k
      left -= f
    }
  }'
}

# cell_lines LATTICE A NX NY NZ: a box of NX x NY x NZ conventional cells, one atom type, triclinic
cell_lines() {
  echo "lattice $1 $2"
  echo "region box prism 0 $3 0 $4 0 $5 0 0 0"
  echo "create_box $ntypes box"
  echo "create_atoms 1 box"
}

# header/footer of a labelled run: per-atom energies and forces dumped with full precision
dump_lines() { # NAME EVERY
  echo "compute pea all pe/atom"
  echo "dump d all custom $2 $work/$1.dump id type x y z fx fy fz c_pea"
  echo "dump_modify d format float %.15g sort id append yes"
}

run_lammps() { # NAME (input in $work/NAME.in)
  (cd "$work" && "$root/bin/lmp" --reference -in "$1.in" -log "$1.log" -screen none) \
    || { echo "[make-data] LAMMPS failed on $1; the end of its log:" >&2; tail -5 "$work/$1.log" >&2; exit 1; }
}

# to_xyz NAME CONFIG_TYPE [SKIP]: dump frames (triclinic boxes) -> extended XYZ, after SKIP frames
to_xyz() {
  awk -v cfg="$2" -v skip="${3:-0}" -v names="${elements[*]}" '
    BEGIN { nel = split(names, el, " ") }
    function min4(a, b, c, d) { m = a; if (b < m) m = b; if (c < m) m = c; if (d < m) m = d; return m }
    function max4(a, b, c, d) { m = a; if (b > m) m = b; if (c > m) m = c; if (d > m) m = d; return m }
    /^ITEM: NUMBER OF ATOMS/ { getline; n = $1; next }
    /^ITEM: BOX BOUNDS/ {
      tri = ($4 == "xy")
      getline; xlb = $1; xhb = $2; xy = tri ? $3 : 0
      getline; ylb = $1; yhb = $2; xz = tri ? $3 : 0
      getline; zlo = $1; zhi = $2; yz = tri ? $3 : 0
      xlo = xlb - min4(0, xy, xz, xy + xz); xhi = xhb - max4(0, xy, xz, xy + xz)
      ylo = ylb - (yz < 0 ? yz : 0); yhi = yhb - (yz > 0 ? yz : 0)
      next
    }
    /^ITEM: ATOMS/ {
      e = 0
      for (k = 0; k < n; k++) {
        getline
        line[k] = sprintf("%s %.12f %.12f %.12f %s %s %s", el[$2], $3 - xlo, $4 - ylo, $5 - zlo, $6, $7, $8); e += $9
      }
      if (frame++ < skip) next
      printf "%d\nLattice=\"%.12g 0 0 %.12g %.12g 0 %.12g %.12g %.12g\" Properties=species:S:1:pos:R:3:forces:R:3 energy=%.10f config_type=%s pbc=\"T T T\"\n", \
        n, xhi - xlo, xy, yhi - ylo, xz, yz, zhi - zlo, e, cfg
      for (k = 0; k < n; k++) print line[k]
    }' "$work/$1.dump" >> "$work/all.xyz"
  echo "[make-data] $2: $(grep -c '^ITEM: TIMESTEP' "$work/$1.dump") frames ($((SECONDS - start)) s)" >&2
}
: > "$work/all.xyz"

# 1. strained and rattled cells, one LAMMPS run with a block per configuration
strained() { # NAME LATTICE A_MIN A_MAX NCELL COUNT SEED
  local name="$1" lat="$2" amin="$3" amax="$4" nc="$5" count="$6" seed="$7"
  : > "$work/$name.in"
  for ((i = 0; i < count; i++)); do
    local s=$((seed + i))
    # a, three normal strains (±4 %), three shears (±4 %), rattle amplitude (0.02-0.12 Å)
    read -r a ex ey ez gxy gxz gyz amp < <(awk -v s="$s" -v lo="$amin" -v hi="$amax" 'BEGIN { srand(s);
      printf "%.5f %.5f %.5f %.5f %.5f %.5f %.5f %.4f\n", lo + (hi - lo) * rand(), 0.96 + 0.08 * rand(), \
        0.96 + 0.08 * rand(), 0.96 + 0.08 * rand(), 0.08 * rand() - 0.04, 0.08 * rand() - 0.04, 0.08 * rand() - 0.04, \
        0.02 + 0.10 * rand() }')
    {
      echo "clear"
      echo "units metal"
      echo "atom_style atomic"
      echo "boundary p p p"
      cell_lines "$lat" "$a" "$nc" "$nc" "$nc"
      composition_lines "$s"
      potential_lines
      echo "change_box all x scale $ex y scale $ey z scale $ez remap"
      echo "change_box all xy final \$(${gxy}*ly) xz final \$(${gxz}*lz) yz final \$(${gyz}*lz) remap"
      echo "displace_atoms all random $amp $amp $amp $((s + 7))"
      dump_lines "$name" 1
      echo "run 0"
    } >> "$work/$name.in"
  done
  run_lammps "$name"
  to_xyz "$name" "$name"
}

# 2.-4. NVT runs: KEEP frames every EVERY steps after EQUIL steps, one run per composition seed
md() { # NAME CONFIG_TYPE T SETUP_LINES SEEDS...
  local name="$1" cfg="$2" t="$3" setup="$4"
  shift 4
  for s in "$@"; do
    {
      echo "units metal"
      echo "atom_style atomic"
      echo "boundary p p p"
      echo "$setup"
      composition_lines "$s"
      potential_lines
      echo "velocity all create $((2 * t)) $s mom yes rot yes dist gaussian"
      echo "timestep 0.002"
      echo "fix nvt all nvt temp $t $t 0.1"
      echo "run 1000"
      dump_lines "$name-$s" 100
      echo "run 1400"
    } > "$work/$name-$s.in"
    run_lammps "$name-$s"
    to_xyz "$name-$s" "$cfg" 1
  done
}

strained fcc_strained fcc 3.45 3.72 2 60 $((seed0 + 100))
strained bcc_strained bcc 2.76 2.98 3 60 $((seed0 + 300))
for t in 300 1000 1600; do
  md "fcc_md_$t" "fcc_md_$t" "$t" "$(cell_lines fcc 3.57 3 3 3)" $((seed0 + t + 1)) $((seed0 + t + 2))
  md "bcc_md_$t" "bcc_md_$t" "$t" "$(cell_lines bcc 2.86 4 4 4)" $((seed0 + t + 3)) $((seed0 + t + 4))
done
md vacancy_fcc vacancy 800 "$(cell_lines fcc 3.57 3 3 3)
group gone id 1
delete_atoms group gone" $((seed0 + 11)) $((seed0 + 12))
md vacancy_bcc vacancy 800 "$(cell_lines bcc 2.86 4 4 4)
group gone id 1
delete_atoms group gone" $((seed0 + 13)) $((seed0 + 14))
md surface_fcc surface 600 "lattice fcc 3.57
region box block 0 3 0 3 0 5.25
region slab block 0 3 0 3 0 3
create_box $ntypes box
create_atoms 1 region slab" $((seed0 + 21))
md surface_bcc surface 600 "lattice bcc 2.86
region box block 0 3 0 3 0 6.8
region slab block 0 3 0 3 0 4
create_box $ntypes box
create_atoms 1 region slab" $((seed0 + 22))

# 5. the labels: forces on one thermal configuration = -dE/dx by central differences (h = 1e-5 Å).
# The difference shrinks in proportion to h (measured 7.9e-4, 7.9e-5, 7.9e-6 eV/Å at h = 1e-3, 1e-4,
# 1e-5 Å on CoCrFeNi), not as h²: the 2NN MEAM energy has kinks in its second derivative, so central
# differences converge only linearly there; the forces are the derivative they converge to.
h=1e-5
{
  echo "units metal"
  echo "atom_style atomic"
  echo "boundary p p p"
  echo "atom_modify map array"
  cell_lines fcc 3.57 2 2 2
  composition_lines $((seed0 + 99))
  potential_lines
  echo "velocity all create 2000 $((seed0 + 99)) mom yes rot yes"
  echo "fix nve all nve"
  echo "timestep 0.002"
  echo "run 200"
  echo "unfix nve"
  echo "run 0"
  for atom in 1 2 3 4; do
    echo "group a$atom id $atom"
    for d in x y z; do
      echo "variable f$atom$d equal f$d[$atom]"
      echo "print \"F $atom $d \${f$atom$d}\""
    done
    for d in x y z; do
      case $d in x) plus="$h 0 0"; minus="-$h 0 0" ;; y) plus="0 $h 0"; minus="0 -$h 0" ;; z) plus="0 0 $h"; minus="0 0 -$h" ;; esac
      echo "displace_atoms a$atom move $plus units box"
      echo "run 0"
      echo "print \"EP $atom $d \$(pe:%.17g)\""
      echo "displace_atoms a$atom move $minus units box"
      echo "displace_atoms a$atom move $minus units box"
      echo "run 0"
      echo "print \"EM $atom $d \$(pe:%.17g)\""
      echo "displace_atoms a$atom move $plus units box"
    done
  done
} > "$work/check.in"
run_lammps check
worst="$(awk -v h="$h" '
  /^F / { f[$2 " " $3] = $4 }
  /^EP / { ep[$2 " " $3] = $4 }
  /^EM / { em[$2 " " $3] = $4 }
  END { w = 0; for (k in f) { d = f[k] + (ep[k] - em[k]) / (2 * h); if (d < 0) d = -d; if (d > w) w = d }
        printf "%.3g %d", w, length(f) }' "$work/check.log")"
read -r err ncomp <<< "$worst"
echo "[make-data] force check on a 32-atom fcc snapshot after 0.4 ps of NVE from 2000 K: max |F + dE/dx| = $err eV/Å over $ncomp components (h = $h Å)" >&2
if ! awk -v e="$err" -v n="$ncomp" 'BEGIN { exit !(n == 12 && e < 5e-5) }'; then
  echo "[make-data] the MEAM forces disagree with the energy (or the check did not run); not writing $out" >&2
  exit 1
fi
mv "$work/all.xyz" "$out"
echo "$script_hash" > "$stamp"
echo "[make-data] wrote $out: $(grep -c Lattice "$out") configurations, $(awk 'NF == 1 { s += $1 } END { print s }' "$out") atoms, $((SECONDS - start)) s" >&2
echo "$out"
