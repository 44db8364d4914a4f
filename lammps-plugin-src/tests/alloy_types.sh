# Sourced by run.sh (uses its work, lmp, run_lmp, record, TOL): our pair_style uf3 against
# the official ML-UF3 style with 3, 4 and 5 element types (issue 11), on random-coefficient
# potentials from make_alloy_potentials.py (a fitted 4- and 5-element file is compared the same way
# by benchmarks/alloys/lammps-check.sh through UF3_ALLOY_POTENTIALS). Random fcc/bcc solid solutions of 32-128 atoms, rattled,
# orthogonal and triclinic; uf3 3 and uf3 2; ours with newton on and off vs official (newton on):
# energy, pressure tensor, forces, per-atom energy and virial, <= TOL relative.
alloy_tests="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"   # this directory (compare.py, the generator)
# UF3_ALLOY_POTENTIALS: a directory with alloy3.uf3, alloy4.uf3 and alloy5.uf3 to use instead (fitted files)
if [[ -z "${UF3_ALLOY_POTENTIALS:-}" ]]; then
  python3 "$alloy_tests/make_alloy_potentials.py" "$work/pot-alloy" || { record 1 "make_alloy_potentials"; return; }
fi
cat > "$work/in.alloy" <<'LMP'
units metal
newton ${newton}
boundary p p p
atom_modify map array
lattice ${lat} ${a}
if "${tri} == 0" then "region box block 0 ${nrep} 0 ${nrep} 0 ${nrep}" &
  else "region box prism 0 ${nrep} 0 ${nrep} 0 ${nrep} 0.4 -0.3 0.2"
create_box ${ntypes} box
create_atoms 1 box
mass * 58.0
variable t loop 2 ${ntypes}
label types
set type 1 type/ratio ${t} $(1.0/(v_ntypes-v_t+2)) $(1000+v_t)
next t
jump SELF types
displace_atoms all random 0.12 0.12 0.12 4242 units box
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
compute pe all pe/atom
compute st all stress/atom NULL
dump d all custom 1 ${out}.dump id fx fy fz c_pe c_st[1] c_st[2] c_st[3] c_st[4] c_st[5] c_st[6]
dump_modify d sort id format float %.17g
run 0
print "RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"
LMP
# compare_alloy NAME FILE NB "ELEMENTS OF TYPES" LATTICE A NREP TRI
compare_alloy() {
  local name=$1 file=$2 nb=$3 els=$4 lat=$5 a=$6 nrep=$7 tri=$8
  local ntypes
  ntypes=$(wc -w <<< "$els")
  local vars=(-var file "$file" -var nb "$nb" -var els "$els" -var ntypes "$ntypes" -var lat "$lat" -var a "$a"
              -var nrep "$nrep" -var tri "$tri")
  local o="$work/$name"
  run_lmp ref on "$o.ref" "$work/in.alloy" "${vars[@]}" || { echo "FAIL $name: reference run failed"; tail -3 "$o.ref.log"; record 1 "$name reference"; return; }
  for nt in on off; do
    if run_lmp ours $nt "$o.$nt" "$work/in.alloy" "${vars[@]}"; then
      python3 "$alloy_tests/compare.py" results "$o.ref" "$o.$nt" $TOL "$name ($ntypes types): ours (newton $nt) vs official"
      record $? "$name newton $nt"
    else
      echo "FAIL $name: our run (newton $nt) failed"; tail -3 "$o.$nt.log"; record 1 "$name newton $nt"
    fi
  done
}
A="${UF3_ALLOY_POTENTIALS:-$work/pot-alloy}"
#             name                 file             nb  types                 lattice a    nrep tri
compare_alloy alloy3_fcc32         "$A/alloy3.uf3"  3   "Cr Fe Ni"            fcc     3.57 2    0
compare_alloy alloy3_uf2_bcc54_tri "$A/alloy3.uf3"  2   "Ni Cr Fe"            bcc     2.87 3    1
compare_alloy alloy4_bcc54_tri     "$A/alloy4.uf3"  3   "Co Cr Fe Ni"         bcc     2.87 3    1
compare_alloy alloy4_5types_fcc108 "$A/alloy4.uf3"  3   "Ni Fe Cr Co Fe"      fcc     3.57 3    0
compare_alloy alloy5_fcc108_tri    "$A/alloy5.uf3"  3   "Al Co Cr Fe Ni"      fcc     3.60 3    1
compare_alloy alloy5_bcc128        "$A/alloy5.uf3"  3   "Ni Al Fe Co Cr"      bcc     2.88 4    0
compare_alloy alloy5_uf2_fcc32     "$A/alloy5.uf3"  2   "Al Co Cr Fe Ni"      fcc     3.60 2    0
