#!/usr/bin/env bash
# Proof that our pair_style uf3 (plugin) is right:
#  - kernel unit test (uf3-kernel/tests/kernel_test.cpp: B-splines vs Cox-de Boor, energies
#    vs direct sums, forces and virial vs finite differences) on every test potential;
#  - bin/lmp vs bin/lmp --reference (official ML-UF3) on bcc Nb boxes from 2 to 2000
#    atoms, orthogonal and triclinic, one and two elements (3 atom types on 2
#    elements), uniform and non-uniform knots, uf3 3 and uf3 2: energy, pressure
#    tensor, forces, per-atom energy and per-atom virial, ours with newton on AND off
#    (reference: newton on), agreement <= 1e-9 relative;
#  - general 3-body legs (independent ij/ik/jk cutoffs, ours only): newton on vs off,
#    forces and pressure vs finite differences of the LAMMPS energy;
#  - pair_style hybrid/overlay with zbl (ours vs official) and hybrid with a NULL type left to
#    lj/cut (ours vs the sum of an official uf3 run without those atoms and an lj/cut run);
#  - uf3 2 single() (compute pair/local), minimisation and NVE energy conservation;
#  - every class of bad input ends in a clean LAMMPS error (no crash, no hang), and so does MD
#    that drives two atoms closer than the first knot (a fast head-on collision);
#  - MPI (bin/lmp --np N: LAMMPS built with MPI, built on first use): ours on 2 and 3 ranks,
#    newton on and off, vs ours serial and vs official on as many ranks (same quantities and
#    tolerance); 200 NVE steps on 2 ranks vs serial (neighbour rebuilds, atoms changing
#    rank); atoms too close and bad files end in our error, not a hang;
#  - uf3/omp (-sf omp -pk omp T): serial LAMMPS with 2 threads and 2 or 3 MPI ranks with 2
#    threads, newton on and off, vs ours serial without threads to 1e-12 relative; NVE on 2
#    ranks x 2 threads vs serial; too-close atoms found by a thread end in our error.
# Usage: lammps-plugin-src/tests/run.sh [-k]   (-k keeps the work directory)
# Prints "N passed, N failed" last; exit status 1 if anything failed.
set -uo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
lmp="$repo/bin/lmp"
keep=0
[[ "${1:-}" == "-k" ]] && keep=1
work="$(mktemp -d /tmp/uf3-plugin-tests.XXXXXX)"
export UF3_TEST_STATS="$work/stats.txt"
TOL=1e-9
passed=0
failed=0
failures=()

record() {    # record STATUS LABEL
  if [[ "$1" == 0 ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$2")
  fi
}

echo "[tests] work directory: $work"
root="$("$repo/scripts/build-lammps.sh" | tail -1)" || { echo "cannot build LAMMPS"; exit 1; }
"$lmp" -h > /dev/null 2>&1 || true    # builds the plugin on first use
python3 "$here/make_potentials.py" "$root/src/potentials/Nb.uf3" "$work/pot" || exit 1
P="$work/pot"

# ---------------------------------------------------------------- kernel unit test
echo "[tests] kernel unit test (code paths: default flags, -march=native, portable scalar)"
# UF3_SANITIZE=1 (scripts/sanitize.sh): the kernel test and the plugin under ASan + UBSan
# (LeakSanitizer is left on only for runs that end normally: LAMMPS frees nothing when it stops
# on an error, and Open MPI keeps its own allocations; noleak runs a command without it)
sanflags=""
[[ "${UF3_SANITIZE:-0}" == 1 ]] && sanflags="-g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
noleak() { ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0" "$@"; }
for variant in "default|" "native|-march=native" "scalar|-DUF3_VECTOR=0"; do
  IFS='|' read -r vname vflags <<< "$variant"
  kt="$work/kernel_test_$vname"
  # shellcheck disable=SC2086
  if g++ -std=c++17 -O2 -Wall -Wextra -Werror $vflags $sanflags -I"$repo/uf3-kernel/include" "$repo/uf3-kernel/tests/kernel_test.cpp" \
       -o "$kt" 2> "$kt.build"; then
    for f in Nb.uf3 Nb_nonuniform.uf3 NbTa.uf3 NbTa_partial.uf3 NbTa_general.uf3; do
      [[ $vname != default && $f != NbTa_general.uf3 ]] && continue
      "$kt" check "$P/$f" > "$kt.$f.txt" 2>&1
      st=$?
      echo "$([[ $st == 0 ]] && echo PASS || echo FAIL) kernel_test ($vname) $f: $(tail -1 "$kt.$f.txt")"
      [[ $st == 0 ]] || sed 's/^/    /' "$kt.$f.txt" | grep -i fail
      record $st "kernel_test $vname $f"
    done
  else
    echo "FAIL kernel_test ($vname) does not compile without warnings:"; cat "$kt.build"
    record 1 "kernel_test build $vname"
  fi
done

# ---------------------------------------------------------------- LAMMPS inputs
cat > "$work/in.case" <<'EOF'
units metal
newton ${newton}
boundary p p p
atom_modify map array
lattice bcc ${a}
if "${tri} == 0" then "region box block 0 ${nrep} 0 ${nrep} 0 ${nrep}" &
  else "region box prism 0 ${nrep} 0 ${nrep} 0 ${nrep} 0.5 -0.3 0.2"
create_box ${ntypes} box
create_atoms 1 box
mass * 92.906
if "${ntypes} >= 2" then "set type 1 type/ratio 2 0.5 ${seed}"
if "${ntypes} >= 3" then "set type 1 type/ratio 3 0.4 $(v_seed+1)"
displace_atoms all random ${disp} ${disp} ${disp} ${seed} units box
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
compute pe all pe/atom
compute st all stress/atom NULL
if "${twice} == 1" then "run 0" "displace_atoms all random 0.4 0.4 0.4 777 units box"
dump d all custom 1 ${out}.dump id fx fy fz c_pe c_st[1] c_st[2] c_st[3] c_st[4] c_st[5] c_st[6]
dump_modify d sort id format float %.17g
run 0
print "RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"
EOF

cat > "$work/in.min" <<'EOF'
units metal
newton ${newton}
lattice bcc 3.3008
region box block 0 4 0 4 0 4
create_box ${ntypes} box
create_atoms 1 box
mass * 92.906
if "${ntypes} >= 2" then "set type 1 type/ratio 2 0.5 77"
displace_atoms all random 0.2 0.2 0.2 4711 units box
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
compute pe all pe/atom
compute st all stress/atom NULL
thermo 100
min_style cg
minimize 0.0 1.0e-10 ${maxiter} 100000
dump d all custom 1 ${out}.dump id fx fy fz c_pe c_st[1] c_st[2] c_st[3] c_st[4] c_st[5] c_st[6]
dump_modify d sort id format float %.17g
run 0
print "RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"
EOF

cat > "$work/in.nve" <<'EOF'
units metal
newton ${newton}
lattice bcc 3.3008
region box block 0 4 0 4 0 4
create_box ${ntypes} box
create_atoms 1 box
mass * 92.906
if "${ntypes} >= 2" then "set type 1 type/ratio 2 0.5 77"
velocity all create ${T} 4928459 loop geom
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
fix 1 all nve
timestep ${dt}
thermo 20
thermo_style custom step pe ke etotal
thermo_modify format float %.15g
run ${steps}
EOF

# run_lmp MODE NEWTON OUT INPUT [-var ...]: MODE ours|ref; output in OUT.log (+ OUT.dump)
run_lmp() {
  local mode=$1 newton=$2 out=$3 input=$4
  shift 4
  local flag=()
  [[ "$mode" == ref ]] && flag=(--reference)
  timeout 900 "$lmp" "${flag[@]}" -in "$input" -log "$out.log" -screen none -var newton "$newton" -var out "$out" "$@"
}

# compare_case NAME FILE NB ELEMENTS NTYPES NREP DISP TRI [TWICE]
# (TWICE=1: a first run 0, then all atoms displaced (re-sorted) before the compared run 0)
compare_case() {
  local name=$1 file=$2 nb=$3 els=$4 ntypes=$5 nrep=$6 disp=$7 tri=$8 twice=${9:-0}
  local vars=(-var file "$P/$file" -var nb "$nb" -var els "$els" -var ntypes "$ntypes" -var nrep "$nrep"
              -var a 3.3008 -var disp "$disp" -var seed 8191 -var tri "$tri" -var twice "$twice")
  local o="$work/$name"
  run_lmp ref on "$o.ref" "$work/in.case" "${vars[@]}" || { echo "FAIL $name: reference run failed"; tail -3 "$o.ref.log"; record 1 "$name reference"; return; }
  for nt in on off; do
    if run_lmp ours $nt "$o.$nt" "$work/in.case" "${vars[@]}"; then
      python3 "$here/compare.py" results "$o.ref" "$o.$nt" $TOL "$name: ours (newton $nt) vs official"
      record $? "$name newton $nt"
    else
      echo "FAIL $name: our run (newton $nt) failed"; tail -3 "$o.$nt.log"; record 1 "$name newton $nt"
    fi
  done
}

echo "[tests] ours vs official ML-UF3 (tolerance $TOL relative)"
#            name             file               nb  elements     ntypes nrep disp tri
compare_case nb3_2atoms       Nb.uf3             3   "Nb"         1      1    0.1  0
compare_case nb3_16_tri       Nb.uf3             3   "Nb"         1      2    0.15 1
compare_case nb3_128          Nb.uf3             3   "Nb"         1      4    0.1  0
compare_case nb3_128_rerun    Nb.uf3             3   "Nb"         1      4    0.1  0   1
compare_case nb3_2000         Nb.uf3             3   "Nb"         1      10   0.05 0
compare_case nb3_nonuniform   Nb_nonuniform.uf3  3   "Nb"         1      4    0.1  0
compare_case nb2_2atoms       Nb.uf3             2   "Nb"         1      1    0.1  0
compare_case nb2_128          Nb.uf3             2   "Nb"         1      4    0.1  0
compare_case nb2_2000_2bfile  Nb_2b.uf3          2   "Nb"         1      10   0.05 0
compare_case nb2_nonuniform   Nb_nonuniform.uf3  2   "Nb"         1      3    0.1  1
compare_case nbta3_128        NbTa.uf3           3   "Nb Ta"      2      4    0.1  0
compare_case nbta3_3types_tri NbTa.uf3           3   "Ta Nb Ta"   3      3    0.1  1
compare_case nbta2_3types     NbTa.uf3           2   "Nb Ta Nb"   3      4    0.1  0
compare_case nbta3_rerun      NbTa.uf3           3   "Nb Ta"      2      3    0.1  1   1
compare_case nbta3_partial    NbTa_partial.uf3   3   "Nb Ta"      2      4    0.1  0

# ---------------------------------------------------------------- 3-5 element types (issue 11)
echo "[tests] 3, 4 and 5 element types: ours vs official ML-UF3 (random-coefficient alloy potentials)"
source "$here/alloy_types.sh"

# ---------------------------------------------------------------- general legs (ours only)
echo "[tests] general 3-body legs (ours only)"
gvars=(-var file "$P/NbTa_general.uf3" -var nb 3 -var els "Nb Ta" -var ntypes 2 -var nrep 3 -var a 3.3008
       -var disp 0.15 -var seed 99 -var tri 1 -var twice 0)
o="$work/general"
if run_lmp ours on "$o.on" "$work/in.case" "${gvars[@]}" && run_lmp ours off "$o.off" "$work/in.case" "${gvars[@]}"; then
  python3 "$here/compare.py" results "$o.on" "$o.off" $TOL "general legs: newton off vs newton on"
  record $? "general newton"
else
  echo "FAIL general legs: run failed"; tail -3 "$o.on.log" "$o.off.log"; record 1 "general run"
fi

# finite differences of the LAMMPS energy (forces, pzz, pxy) for the general file
{
  cat <<'EOF'
units metal
newton ${newton}
atom_modify map array
lattice bcc 3.3008
region box prism 0 2 0 2 0 2 0.4 0 0
create_box 2 box
create_atoms 1 box
mass * 92.906
set type 1 type/ratio 2 0.5 31
displace_atoms all random 0.15 0.15 0.15 5 units box
pair_style uf3 3
pair_coeff * * ${file} Nb Ta
variable h equal 1e-5
run 0
variable V0 equal $(vol:%.17g)
variable P0zz equal $(pzz:%.17g)
variable P0xy equal $(pxy:%.17g)
EOF
  # analytic forces of the undisplaced configuration first
  for a in 1 6 13; do
    echo "group g$a id $a"
    for d in x y z; do echo "variable F$d$a equal \$(f$d[$a]:%.17g)"; done
  done
  for a in 1 6 13; do
    for d in x y z; do
      case $d in x) mv='${h} 0 0'; mv2='$(-2*v_h) 0 0';; y) mv='0 ${h} 0'; mv2='0 $(-2*v_h) 0';; z) mv='0 0 ${h}'; mv2='0 0 $(-2*v_h)';; esac
      cat <<EOF
displace_atoms g$a move $mv units box
run 0
variable ep equal \$(pe:%.17g)
displace_atoms g$a move $mv2 units box
run 0
variable em equal \$(pe:%.17g)
displace_atoms g$a move $mv units box
print "FD f${d}[$a] \${F$d$a} \$((v_em-v_ep)/(2*v_h):%.17g) 1.0"
EOF
    done
  done
  cat <<'EOF'
change_box all z scale $(1+v_h) remap
run 0
variable ep equal $(pe:%.17g)
change_box all z scale $((1-v_h)/(1+v_h)) remap
run 0
variable em equal $(pe:%.17g)
change_box all z scale $(1/(1-v_h)) remap
print "FD pzz ${P0zz} $(-(v_ep-v_em)/(2*v_h)/v_V0*1.6021765e6:%.17g) 1.0e4"
change_box all xy delta $(v_h*ly) remap units box
run 0
variable ep equal $(pe:%.17g)
change_box all xy delta $(-2*v_h*ly) remap units box
run 0
variable em equal $(pe:%.17g)
print "FD pxy ${P0xy} $(-(v_ep-v_em)/(2*v_h)/v_V0*1.6021765e6:%.17g) 1.0e4"
EOF
} > "$work/in.fd"
for nt in on off; do
  if run_lmp ours $nt "$work/fd.$nt" "$work/in.fd" -var file "$P/NbTa_general.uf3"; then
    python3 "$here/compare.py" fd "$work/fd.$nt.log" 1e-6 "general legs (newton $nt): forces and pzz, pxy vs finite differences"
    record $? "general fd $nt"
  else
    echo "FAIL general legs finite differences (newton $nt): run failed"; tail -3 "$work/fd.$nt.log"; record 1 "fd run $nt"
  fi
done

# ---------------------------------------------------------------- pair_style hybrid
# One system (128 atoms, triclinic, types 1 Nb, 2 Ta, 3 a third element) written once and read by
# every run below, serial and MPI.  With hybrid/overlay and zbl on all types, ours is compared
# with the official style; with type 3 NULL for uf3 and handled by lj/cut (which the official
# style cannot do), ours is compared with the sum of two runs: the official uf3 on the same box
# with the type-3 atoms deleted, and lj/cut alone with zero epsilon between types 1 and 2.
echo "[tests] pair_style hybrid: overlay with zbl (vs official); NULL types (vs official uf3 + lj/cut runs)"
cat > "$work/in.hybprep" <<'EOF'
units metal
atom_modify map array
lattice bcc 3.3008
region box prism 0 4 0 4 0 4 0.3 -0.2 0.1
create_box 3 box
create_atoms 1 box
mass 1*2 92.906
mass 3 58.69
variable is2 atom "id % 3 == 1"
variable is3 atom "id % 4 == 0"
group g2 variable is2
group g3 variable is3
set group g2 type 2
set group g3 type 3
displace_atoms all random 0.1 0.1 0.1 8191 units box
write_data ${data}
EOF
cat > "$work/in.hyb" <<'EOF'
units metal
newton ${newton}
atom_modify map array
variable grid index "* * *"
processors ${grid}
read_data ${data}
group g3 type 3
if "${drop} == 1" then "delete_atoms group g3 compress no"
include ${pairs}
compute pe all pe/atom
compute st all stress/atom NULL
dump d all custom 1 ${out}.dump id fx fy fz c_pe c_st[1] c_st[2] c_st[3] c_st[4] c_st[5] c_st[6]
dump_modify d sort id format float %.17g
run 0
print "RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"
EOF
cat > "$work/pairs.zbl" <<'EOF'
pair_style hybrid/overlay uf3 ${nb} zbl 2.3 3.0
pair_coeff * * uf3 ${pot}/NbTa.uf3 Nb Ta Nb
pair_coeff 1 1 zbl 41 41
pair_coeff 1 2 zbl 41 73
pair_coeff 1 3 zbl 41 41
pair_coeff 2 2 zbl 73 73
pair_coeff 2 3 zbl 73 41
pair_coeff 3 3 zbl 41 41
EOF
for hs in hybrid hybrid/overlay; do
  printf '%s\n' "pair_style $hs uf3 \${nb} lj/cut 6.0" "pair_coeff * * uf3 \${pot}/NbTa.uf3 Nb Ta NULL" \
    "pair_coeff 1*2 3 lj/cut 0.05 2.6" "pair_coeff 3 3 lj/cut 0.05 2.6" > "$work/pairs.null_${hs#*/}"
done
printf '%s\n' 'pair_style uf3 ${nb}' 'pair_coeff * * ${pot}/NbTa.uf3 Nb Ta Ta' > "$work/pairs.uf3_only"
printf '%s\n' 'pair_style lj/cut 6.0' 'pair_coeff * * 0.0 2.6' 'pair_coeff * 3 0.05 2.6' > "$work/pairs.lj_only"
hyb_data="$work/hybrid.data"
if ! timeout 300 "$lmp" --reference -in "$work/in.hybprep" -log none -screen none -var data "$hyb_data" > "$work/hybprep.out" 2>&1; then
  echo "FAIL hybrid: cannot write the data file"; tail -3 "$work/hybprep.out"; record 1 "hybrid data"
else
  for nb in 3 2; do
    hv=(-var data "$hyb_data" -var nb $nb -var pot "$P")
    o="$work/hyb_zbl_$nb"
    if run_lmp ref on "$o.ref" "$work/in.hyb" "${hv[@]}" -var drop 0 -var pairs "$work/pairs.zbl"; then
      for nt in on off; do
        if run_lmp ours $nt "$o.$nt" "$work/in.hyb" "${hv[@]}" -var drop 0 -var pairs "$work/pairs.zbl"; then
          python3 "$here/compare.py" results "$o.ref" "$o.$nt" $TOL "hybrid/overlay uf3 $nb + zbl: ours (newton $nt) vs official"
          record $? "hybrid zbl $nb $nt"
        else
          echo "FAIL hybrid/overlay uf3 $nb + zbl: our run (newton $nt) failed"; tail -3 "$o.$nt.log"; record 1 "hybrid zbl $nb $nt"
        fi
      done
    else
      echo "FAIL hybrid/overlay uf3 $nb + zbl: reference run failed"; tail -3 "$o.ref.log"; record 1 "hybrid zbl ref $nb"
    fi
    o="$work/hyb_null_$nb"
    if run_lmp ref on "$o.uf3" "$work/in.hyb" "${hv[@]}" -var drop 1 -var pairs "$work/pairs.uf3_only" &&
       run_lmp ref on "$o.lj" "$work/in.hyb" "${hv[@]}" -var drop 0 -var pairs "$work/pairs.lj_only"; then
      for spec in "hybrid|on" "hybrid|off" "overlay|on"; do
        IFS='|' read -r hs nt <<< "$spec"
        if run_lmp ours $nt "$o.$hs.$nt" "$work/in.hyb" "${hv[@]}" -var drop 0 -var pairs "$work/pairs.null_$hs"; then
          python3 "$here/compare.py" sum "$o.uf3" "$o.lj" "$o.$hs.$nt" $TOL \
            "$hs uf3 $nb (type 3 NULL) + lj/cut: ours (newton $nt) vs official uf3 without type 3 + lj/cut"
          record $? "hybrid null $nb $hs $nt"
        else
          echo "FAIL $hs uf3 $nb with NULL: our run (newton $nt) failed"; tail -3 "$o.$hs.$nt.log"; record 1 "hybrid null $nb $hs $nt"
        fi
      done
    else
      echo "FAIL hybrid NULL uf3 $nb: reference runs failed"; tail -3 "$o.uf3.log" "$o.lj.log"; record 1 "hybrid null ref $nb"
    fi
  done
fi

# ---------------------------------------------------------------- single() (uf3 2)
echo "[tests] uf3 2 single(): compute pair/local energies sum to the potential energy"
cat > "$work/in.single" <<'EOF'
units metal
newton ${newton}
lattice bcc 3.3008
region box block 0 3 0 3 0 3
create_box 2 box
create_atoms 1 box
mass * 92.906
set type 1 type/ratio 2 0.5 12
displace_atoms all random 0.1 0.1 0.1 3 units box
pair_style uf3 2
pair_coeff * * ${file} Nb Ta
compute pl all pair/local eng
compute se all reduce sum c_pl inputs local
run 0
print "SINGLE $(pe:%.17g) $(c_se:%.17g)"
EOF
for nt in on off; do
  if run_lmp ours $nt "$work/single.$nt" "$work/in.single" -var file "$P/NbTa.uf3"; then
    read -r e s <<< "$(awk '/^SINGLE/{print $2, $3}' "$work/single.$nt.log")"
    if python3 -c "import sys; sys.exit(0 if abs($e - $s) <= 1e-12 * abs($e) else 1)"; then
      echo "PASS single() newton $nt: sum of pair/local energies $s = pe $e"; record 0 "single $nt"
    else
      echo "FAIL single() newton $nt: sum of pair/local energies $s != pe $e"; record 1 "single $nt"
    fi
  else
    echo "FAIL single() newton $nt: run failed"; tail -3 "$work/single.$nt.log"; record 1 "single run"
  fi
done

# ---------------------------------------------------------------- minimisation
echo "[tests] minimisation (cg; uf3 3 to convergence, uf3 2 for 40 iterations)"
for spec in "Nb.uf3|3|Nb|1|5000" "NbTa.uf3|3|Nb Ta|2|5000" "Nb.uf3|2|Nb|1|40"; do
  IFS='|' read -r file nb els ntypes maxiter <<< "$spec"
  mvars=(-var file "$P/$file" -var nb "$nb" -var els "$els" -var ntypes "$ntypes" -var maxiter "$maxiter")
  o="$work/min_${file%.uf3}_$nb"
  run_lmp ref on "$o.ref" "$work/in.min" "${mvars[@]}" || { echo "FAIL min reference $file"; record 1 "min ref"; continue; }
  for nt in on off; do
    if run_lmp ours $nt "$o.$nt" "$work/in.min" "${mvars[@]}"; then
      python3 "$here/compare.py" results "$o.ref" "$o.$nt" $TOL "minimize $file uf3 $nb: ours (newton $nt) vs official" 1.0
      record $? "min $file $nb $nt"
    else
      echo "FAIL minimize $file (newton $nt): run failed"; tail -3 "$o.$nt.log"; record 1 "min $file $nt"
    fi
  done
done

# ---------------------------------------------------------------- NVE
echo "[tests] NVE energy conservation (128 atoms, 1 ps with dt = 1 fs and 0.5 fs)"
for spec in "ours|on|Nb.uf3|3|Nb|1|600" "ours|off|Nb.uf3|3|Nb|1|600" "ref|on|Nb.uf3|3|Nb|1|600" \
            "ours|on|Nb.uf3|2|Nb|1|300" "ours|off|Nb.uf3|2|Nb|1|300" "ref|on|Nb.uf3|2|Nb|1|300" \
            "ours|on|NbTa_general.uf3|3|Nb Ta|2|300" "ours|off|NbTa_general.uf3|3|Nb Ta|2|300"; do
  IFS='|' read -r mode nt file nb els ntypes temp <<< "$spec"
  o="$work/nve_${mode}_${nt}_${file%.uf3}_$nb"
  nvars=(-var file "$P/$file" -var nb "$nb" -var els "$els" -var ntypes "$ntypes" -var T "$temp")
  if run_lmp "$mode" "$nt" "$o.dt1" "$work/in.nve" "${nvars[@]}" -var dt 0.001 -var steps 1000 &&
     run_lmp "$mode" "$nt" "$o.dt2" "$work/in.nve" "${nvars[@]}" -var dt 0.0005 -var steps 2000; then
    python3 "$here/compare.py" nve "$o.dt1.log" "$o.dt2.log" 2e-5 "NVE $mode newton $nt $file uf3 $nb, $temp K"
    record $? "nve $mode $nt $file $nb"
  else
    echo "FAIL NVE $mode $file: run failed"; tail -3 "$o.dt1.log"; record 1 "nve run"
  fi
done

# ---------------------------------------------------------------- bad input
echo "[tests] bad input gives a clean error"
cat > "$work/in.bad" <<'EOF'
units ${units}
newton ${newton}
lattice bcc 3.3008
region box block 0 2 0 2 0 2
create_box ${ntypes} box
create_atoms 1 box
mass * 92.906
if "${ntypes} >= 2" then "set type 1 type/ratio 2 0.5 77"
if "${close} == 1" then "create_atoms 1 single 0.0005 0 0 units box"
if "${close} == 2" then "create_atoms 1 single 1.2 0 0 units box"
if "${close} == 3" then "create_atoms 1 single 4.9517 4.9512 4.9512 units box"
pair_style ${style}
pair_coeff ${coeff}
run 0
EOF
# expect_error LABEL "EXPECTED TEXT" STYLE COEFF [NTYPES] [CLOSE] [NEWTON] [UNITS] [NP]
# (CLOSE 3: an atom too close to one at the high corner; NP > 0: on NP MPI ranks, where any
# non-zero exit status of mpirun but timeout's 124 counts)
expect_error() {
  local label=$1 expected=$2 style=$3 coeff=$4 ntypes=${5:-1} close=${6:-0} newton=${7:-on} units=${8:-metal}
  local np=${9:-0} extra=${10:-}    # extra: more LAMMPS arguments (e.g. -sf omp -pk omp 2)
  local o="$work/bad_$(echo "$label" | tr -c 'A-Za-z0-9' _)"
  local npflag=()
  ((np)) && npflag=(--np "$np")
  ( cd "$P" && noleak timeout 120 "$lmp" "${npflag[@]}" -in "$work/in.bad" -log none -var style "$style" -var coeff "$coeff" \
      -var ntypes "$ntypes" -var close "$close" -var newton "$newton" -var units "$units" $extra ) > "$o.out" 2>&1
  local st=$?
  local err stok=0
  err="$(grep -m1 '^ERROR' "$o.out")"
  if ((np)); then
    [[ $st -ne 0 && $st -ne 124 ]] && stok=1
  else
    [[ $st -ge 1 && $st -le 2 ]] && stok=1
  fi
  if ((stok)) && [[ -n "$err" && "$err" == *"$expected"* ]]; then
    echo "PASS bad input, $label: $err"
    record 0 "$label"
  else
    echo "FAIL bad input, $label: exit status $st, expected an ERROR containing '$expected'"
    tail -5 "$o.out" | sed 's/^/    /'
    record 1 "$label"
  fi
}
expect_error "malformed number"           "found '0.6x'"                     "uf3 3" "* * bad_number.uf3 Nb"
expect_error "truncated file"             "file ends inside the block"       "uf3 3" "* * bad_truncated.uf3 Nb"
expect_error "leading trim 1"             "expected leading trim 0"          "uf3 3" "* * bad_lead.uf3 Nb"
expect_error "trailing trim 2"            "expected trailing trim 3"         "uf3 2" "* * bad_trail.uf3 Nb"
expect_error "nknots != ncoeff + 4"       "NCOEFF = NKNOTS - 4"              "uf3 3" "* * bad_nknots.uf3 Nb"
expect_error "knots beyond the cutoff"    "beyond the neighbour-list cutoff" "uf3 3" "* * bad_cutoff.uf3 Nb"
expect_error "extra line in a block"      "expected '#' closing the block"   "uf3 3" "* * bad_extra_line.uf3 Nb"
expect_error "wrong 3B tensor shape"      "expected L M N"                   "uf3 3" "* * bad_shape.uf3 Nb"
expect_error "duplicate block"            "duplicate 2B block"               "uf3 3" "* * bad_duplicate.uf3 Nb"
expect_error "unknown block kind"         "expected '2B' or '3B'"            "uf3 3" "* * bad_kind.uf3 Nb"
expect_error "empty file"                 "expected at least one '#UF3 POT' block" "uf3 3" "* * bad_empty.uf3 Nb"
expect_error "non-finite coefficient"     "found 'nan'"                      "uf3 2" "* * bad_nan.uf3 Nb"
expect_error "knots out of order"         "knots must be non-decreasing"     "uf3 3" "* * bad_decreasing.uf3 Nb"
expect_error "units mismatch in file"     "requires real units"              "uf3 3" "* * bad_units.uf3 Nb"
expect_error "units differ between blocks" "expected the same units as line 1" "uf3 3" "* * bad_units_mixed.uf3 Nb"
expect_error "units mismatch in input"    "requires metal units"             "uf3 3" "* * Nb.uf3 Nb" 1 0 on real
expect_error "missing element pair"       "missing 2B block for Nb Ta"       "uf3 3" "* * bad_missing_pair.uf3 Nb Ta" 2
expect_error "missing triplet"            "missing 3B block for centre Ta"   "uf3 3" "* * bad_missing_triplet.uf3 Nb Ta" 2
expect_error "unknown element"            "unknown element 'Xx'"             "uf3 3" "* * Nb.uf3 Xx"
expect_error "NULL without hybrid"         "atom type 2 is NULL, but no other style" "uf3 3" "* * NbTa.uf3 Nb NULL" 2
expect_error "every type NULL (hybrid)"   "every atom type is NULL"          "hybrid uf3 3 lj/cut 5.0" "* * uf3 NbTa.uf3 NULL NULL" 2
expect_error "too many pair_coeff words"  "expected 4 words"                 "uf3 3" "* * Nb.uf3 Nb Nb"
expect_error "too few pair_coeff words"   "expected 5 words"                 "uf3 3" "* * Nb.uf3 Nb" 2
expect_error "pair_coeff not * *"         "must start with * *"              "uf3 3" "1 1 Nb.uf3 Nb"
expect_error "missing file"               "cannot open potential file"       "uf3 3" "* * nonexistent.uf3 Nb"
expect_error "pair_style uf3 4"           "expected one argument"            "uf3 4" "* * Nb.uf3 Nb"
expect_error "pair_style uf3"             "expected one argument"            "uf3"   "* * Nb.uf3 Nb"
expect_error "atoms too close (uf3 3)"    "closer than the first knot"       "uf3 3" "* * Nb.uf3 Nb" 1 1
expect_error "atoms too close (uf3 3, newton off)" "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 1 off
expect_error "atoms too close (uf3 2)"    "closer than the first knot"       "uf3 2" "* * Nb.uf3 Nb" 1 1
expect_error "3-body leg below its first knot" "leg of the 3-body spline"    "uf3 3" "* * NbTa_general.uf3 Nb Ta" 2 2

# A fast head-on collision in MD (two W atoms at 40 Å/ps each, the W-14 UF2,3 with its first
# 2-body knot at 1.5 Å) must stop with our error once they come closer than the first knot:
# no NaN, no hang, no crash.
cat > "$work/in.collide" <<'EOF'
units metal
boundary p p p
atom_modify map array
newton ${newton}
region box block 0 20 0 20 0 20
create_box 1 box
mass 1 183.84
create_atoms 1 single 8.0 10.0 10.0 units box
create_atoms 1 single 12.0 10.0 10.0 units box
pair_style ${style}
pair_coeff * * ${pot} W
group a id 1
group b id 2
velocity a set 40 0 0 units box
velocity b set -40 0 0 units box
timestep 0.001
fix 1 all nve
thermo_style custom step pe ke etotal
thermo 1
run 1000
EOF
for c in "uf3 3|on" "uf3 3|off" "uf3 2|on"; do
  IFS='|' read -r cstyle cnewton <<< "$c"
  o="$work/collide_${cstyle// /_}_$cnewton"
  noleak timeout 120 "$lmp" -in "$work/in.collide" -log none -var style "$cstyle" -var newton "$cnewton" \
    -var pot "$repo/benchmarks/paper/results/w14-accuracy/uf23/potential.uf3" > "$o.out" 2>&1
  st=$?
  err="$(grep -m1 '^ERROR' "$o.out")"
  if [[ $st -ge 1 && $st -le 2 && "$err" == *"closer than the first knot 1.5"* ]] && ! grep -qiwE 'nan|inf' "$o.out"; then
    echo "PASS head-on collision in MD ($cstyle, newton $cnewton): $err"
    record 0 "collision $cstyle $cnewton"
  else
    echo "FAIL head-on collision in MD ($cstyle, newton $cnewton): exit status $st, expected our first-knot ERROR and no NaN"
    tail -5 "$o.out" | sed 's/^/    /'
    record 1 "collision $cstyle $cnewton"
  fi
done

# ---------------------------------------------------------------- MPI
# Same systems on 2 and 3 MPI ranks (processors auto; two split along x or y).  set type/ratio depends on the number
# of ranks, so each system is created once (serial, as in compare_case) and written with
# write_data; every run below, serial included, reads that file.
[[ "${UF3_SANITIZE:-0}" == 1 ]] && export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=0"
echo "[tests] MPI: LAMMPS built with MPI (scripts/build-lammps.sh --mpi; the first time builds it, about 10 minutes, under nice)"
if ! "$repo/scripts/build-lammps.sh" --mpi > "$work/mpi_build.out" 2>&1 || ! "$lmp" --np 1 -h > /dev/null 2>> "$work/mpi_build.out"; then
  echo "FAIL MPI: cannot build LAMMPS with MPI or the plugin for it:"; tail -20 "$work/mpi_build.out"
  record 1 "MPI build"
else
  # (DISPYZ: random displacement along y and z, by default DISP as along x)
  sed -n '/^units/,/^displace_atoms/p' "$work/in.case" | grep -v '^newton' |
    sed 's/^displace_atoms all random ${disp} ${disp} ${disp}/variable dispyz index ${disp}\n&/;
         s/random ${disp} ${disp} ${disp}/random ${disp} ${dispyz} ${dispyz}/' > "$work/in.mpiprep"
  grep -q 'random ${disp} ${dispyz} ${dispyz}' "$work/in.mpiprep" ||
    { echo "FAIL MPI: in.mpiprep lacks the displacement line"; record 1 "mpi prep"; }
  echo 'write_data ${data}' >> "$work/in.mpiprep"
  cat > "$work/in.mpicase" <<'EOF'
units metal
newton ${newton}
atom_modify map array
variable grid index "* * *"
processors ${grid}
read_data ${data}
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
compute pe all pe/atom
compute st all stress/atom NULL
if "${twice} == 1" then "run 0" "displace_atoms all random 0.4 0.4 0.4 777 units box"
dump d all custom 1 ${out}.dump id fx fy fz c_pe c_st[1] c_st[2] c_st[3] c_st[4] c_st[5] c_st[6]
dump_modify d sort id format float %.17g
run 0
print "RESULT $(pe:%.17g) $(pxx:%.17g) $(pyy:%.17g) $(pzz:%.17g) $(pxy:%.17g) $(pxz:%.17g) $(pyz:%.17g)"
EOF

  # run_np NP MODE NEWTON OUT INPUT [-var ...]: as run_lmp, on NP MPI ranks (NP 0: serial LAMMPS)
  run_np() {
    local np=$1 mode=$2 newton=$3 out=$4 input=$5
    shift 5
    local flag=()
    ((np)) && flag=(--np "$np")
    [[ "$mode" == ref ]] && flag+=(--reference)
    timeout 900 "$lmp" "${flag[@]}" -in "$input" -log "$out.log" -screen none -var newton "$newton" \
      -var out "$out" "$@" > "$out.out" 2>&1
  }
  # mpi_log_ok OUT NP MODE: the log shows NP ranks and the intended pair style (ours / official)
  mpi_log_ok() {
    local out=$1 np=$2 mode=$3 grid
    grid="$(awk '/MPI processor grid/{print $1 * $3 * $5; exit}' "$out.log")"
    [[ "$grid" == "$np" ]] || { echo "    $out.log: expected a grid of $np MPI ranks, found '$grid'"; return 1; }
    if [[ "$mode" == ours ]]; then
      grep -q 'Overriding built-in pair style uf3 from plugin' "$out.log" || { echo "    $out.log: our plugin was not loaded"; return 1; }
    else
      ! grep -q 'from plugin' "$out.log" || { echo "    $out.log: the reference run loaded a plugin"; return 1; }
    fi
  }
  # mpi_data OUT NTYPES NREP DISP TRI: writes OUT.data (serial LAMMPS, created as in compare_case;
  # DISP "X/YZ": random displacements up to X along x, YZ along y and z)
  mpi_data() {
    local dx=${4%/*} dyz=${4#*/}
    timeout 300 "$lmp" --reference -in "$work/in.mpiprep" -log none -screen none -var data "$1.data" \
      -var ntypes "$2" -var nrep "$3" -var a 3.3008 -var disp "$dx" -var dispyz "$dyz" -var seed 8191 -var tri "$5" \
      > "$1.prep.out" 2>&1
  }

  # mpi_case NAME FILE NB ELEMENTS NTYPES NREP DISP TRI [TWICE] [GRID]
  # (arguments as compare_case; GRID auto (processors * * *), x (NP 1 1) or y (1 NP 1))
  mpi_case() {
    local name=$1 file=$2 nb=$3 els=$4 ntypes=$5 nrep=$6 disp=$7 tri=$8 twice=${9:-0} grid=${10:-auto}
    local o="$work/mpi_$name"
    mpi_data "$o" "$ntypes" "$nrep" "$disp" "$tri" ||
      { echo "FAIL MPI $name: cannot write the data file"; tail -3 "$o.prep.out"; record 1 "mpi $name data"; return; }
    local vars=(-var data "$o.data" -var file "$P/$file" -var nb "$nb" -var els "$els" -var twice "$twice")
    local nt np
    for nt in on off; do
      run_np 0 ours $nt "$o.serial.$nt" "$work/in.mpicase" "${vars[@]}" ||
        { echo "FAIL MPI $name: serial run (newton $nt) failed"; tail -3 "$o.serial.$nt.out"; record 1 "mpi $name serial $nt"; return; }
    done
    for np in 2 3; do
      local gvar=() want=""
      case $grid in
        x) gvar=(-var grid "$np 1 1"); want="$np by 1 by 1" ;;
        y) gvar=(-var grid "1 $np 1"); want="1 by $np by 1" ;;
      esac
      if ! run_np $np ref on "$o.np$np.ref" "$work/in.mpicase" "${vars[@]}" "${gvar[@]}" || ! mpi_log_ok "$o.np$np.ref" $np ref ||
         ! grep -q "$want MPI processor grid" "$o.np$np.ref.log"; then
        echo "FAIL MPI $name: official run on $np ranks failed"; tail -5 "$o.np$np.ref.out"; record 1 "mpi $name ref np$np"; continue
      fi
      for nt in on off; do
        if run_np $np ours $nt "$o.np$np.$nt" "$work/in.mpicase" "${vars[@]}" "${gvar[@]}" && mpi_log_ok "$o.np$np.$nt" $np ours; then
          python3 "$here/compare.py" results "$o.np$np.ref" "$o.np$np.$nt" $TOL "MPI $name: ours $np ranks (newton $nt) vs official $np ranks"
          record $? "mpi $name np$np $nt vs official"
          python3 "$here/compare.py" results "$o.serial.$nt" "$o.np$np.$nt" $TOL "MPI $name: ours $np ranks (newton $nt) vs ours serial"
          record $? "mpi $name np$np $nt vs serial"
        else
          echo "FAIL MPI $name: our run on $np ranks (newton $nt) failed"; tail -5 "$o.np$np.$nt.out"; record 1 "mpi $name np$np $nt"
        fi
      done
    done
  }

  echo "[tests] MPI: ours on 2 and 3 ranks (newton on, off) vs ours serial and vs official on as many ranks (tolerance $TOL)"
  #        name             file        nb  elements     ntypes nrep disp tri twice
  mpi_case nb3_2000         Nb.uf3      3   "Nb"         1      10   0.05 0
  mpi_case nb3_2atoms       Nb.uf3      3   "Nb"         1      1    0.1  0
  mpi_case nb3_16_tri       Nb.uf3      3   "Nb"         1      2    0.15 1
  mpi_case nb2_2000_2bfile  Nb_2b.uf3   2   "Nb"         1      10   0.05 0
  mpi_case nbta3_3types_tri NbTa.uf3    3   "Ta Nb Ta"   3      3    0.1  1
  mpi_case nbta2_3types     NbTa.uf3    2   "Nb Ta Nb"   3      4    0.1  0
  mpi_case nbta3_rerun      NbTa.uf3    3   "Nb Ta"      2      5    0.1  1   1
  # atoms displaced along x only, ranks split along x or y: many pairs across ranks have equal
  # z (and y), so the rule that gives each pair term to exactly one side decides on y or x
  mpi_case nb3_xonly_splitx Nb.uf3      3   "Nb"         1      6    0.1/0 0  0     x
  mpi_case nbta3_xonly_splity NbTa.uf3  3   "Ta Nb Ta"   3      5    0.1/0 1  0     y

  # pair_style hybrid with type 3 NULL (the system and references of the serial hybrid checks)
  if [[ -f "$hyb_data" ]]; then
    echo "[tests] MPI: hybrid uf3 (type 3 NULL) + lj/cut on 2 and 3 ranks vs official uf3 without type 3 + lj/cut (serial)"
    for nb in 3 2; do
      o="$work/hyb_null_$nb"
      for np in 2 3; do
        for nt in on off; do
          if run_np $np ours $nt "$o.np$np.$nt" "$work/in.hyb" -var data "$hyb_data" -var nb $nb -var pot "$P" -var drop 0 \
               -var pairs "$work/pairs.null_hybrid" && mpi_log_ok "$o.np$np.$nt" $np ours; then
            python3 "$here/compare.py" sum "$o.uf3" "$o.lj" "$o.np$np.$nt" $TOL \
              "MPI hybrid uf3 $nb (type 3 NULL) + lj/cut: ours $np ranks (newton $nt) vs official uf3 + lj/cut"
            record $? "mpi hybrid null $nb np$np $nt"
          else
            echo "FAIL MPI hybrid uf3 $nb with NULL on $np ranks (newton $nt): run failed"; tail -5 "$o.np$np.$nt.out"
            record 1 "mpi hybrid null $nb np$np $nt"
          fi
        done
      done
    done
  fi

  # NVE: 200 steps on 2 ranks vs serial; a short skin and a hot start so that the neighbour
  # lists are rebuilt often (atoms change rank at rebuilds) and our candidate lists with them
  echo "[tests] MPI: NVE, 200 steps on 2 ranks vs serial (1024 atoms, 1500 K, skin 0.3 A)"
  cat > "$work/in.mpinve" <<'EOF'
units metal
newton ${newton}
atom_modify map array
read_data ${data}
velocity all create 1500 4928459 loop geom
pair_style uf3 ${nb}
pair_coeff * * ${file} ${els}
neighbor 0.3 bin
neigh_modify every 1 delay 0 check yes
fix 1 all nve
timestep 0.002
thermo 10
thermo_style custom step pe ke etotal
thermo_modify format float %.15g
run 200
EOF
  for spec in "NbTa.uf3|3|Nb Ta|2" "Nb.uf3|2|Nb|1"; do
    IFS='|' read -r file nb els ntypes <<< "$spec"
    o="$work/mpinve_${file%.uf3}_$nb"
    mpi_data "$o" "$ntypes" 8 0.0 0 ||
      { echo "FAIL MPI NVE $file: cannot write the data file"; tail -3 "$o.prep.out"; record 1 "mpi nve data"; continue; }
    nvars=(-var data "$o.data" -var file "$P/$file" -var nb "$nb" -var els "$els")
    for nt in on off; do
      if run_np 0 ours $nt "$o.serial.$nt" "$work/in.mpinve" "${nvars[@]}" &&
         run_np 2 ours $nt "$o.np2.$nt" "$work/in.mpinve" "${nvars[@]}" && mpi_log_ok "$o.np2.$nt" 2 ours; then
        python3 "$here/compare.py" thermo "$o.serial.$nt.log" "$o.np2.$nt.log" $TOL \
          "MPI NVE $file uf3 $nb (newton $nt): 2 ranks vs serial"
        record $? "mpi nve $file $nb $nt"
      else
        echo "FAIL MPI NVE $file uf3 $nb (newton $nt): run failed"; tail -5 "$o.np2.$nt.out"; record 1 "mpi nve $file $nt"
      fi
    done
  done

  # ---------------------------------------------------------------- uf3/omp (issue 15)
  # The MPI systems again with -sf omp -pk omp T (pair_style uf3/omp, OpenMP neighbour lists):
  # serial LAMMPS with 2 threads, 2 ranks x 2 threads and 3 ranks x 2 threads, newton on and
  # off, against ours serial without threads; the log must show uf3/omp and T threads.
  # Threads wait passively: 6 threads on 2 cores would otherwise spin against each other.
  export OMP_WAIT_POLICY=PASSIVE
  TOL_OMP=1e-12
  # omp_log_ok OUT THREADS: the log shows the threaded style and the number of threads
  omp_log_ok() {
    grep -qE "(set|using) $2 OpenMP thread\(s\) per MPI task" "$1.log" || { echo "    $1.log: expected $2 OpenMP threads"; return 1; }
    grep -q 'pair uf3/omp' "$1.log" || { echo "    $1.log: pair_style uf3/omp was not used"; return 1; }
  }
  echo "[tests] uf3/omp: -sf omp with 2 threads, serial and on 2 and 3 ranks (newton on, off) vs ours serial without threads (tolerance $TOL_OMP)"
  for spec in "nb3_2000|Nb.uf3|3|Nb" "nb3_16_tri|Nb.uf3|3|Nb" "nb2_2000_2bfile|Nb_2b.uf3|2|Nb" \
              "nbta3_3types_tri|NbTa.uf3|3|Ta Nb Ta" "nbta2_3types|NbTa.uf3|2|Nb Ta Nb" "nbta3_rerun|NbTa.uf3|3|Nb Ta"; do
    IFS='|' read -r name file nb els <<< "$spec"
    o="$work/mpi_$name"
    [[ -f "$o.data" && -f "$o.serial.on.dump" ]] || { echo "FAIL uf3/omp $name: no MPI case to compare with"; record 1 "omp $name"; continue; }
    twice=0; [[ $name == *rerun ]] && twice=1
    ovars=(-var data "$o.data" -var file "$P/$file" -var nb "$nb" -var els "$els" -var twice "$twice" -sf omp -pk omp 2)
    for np in 0 2 3; do
      for nt in on off; do
        if run_np $np ours $nt "$o.omp$np.$nt" "$work/in.mpicase" "${ovars[@]}" && omp_log_ok "$o.omp$np.$nt" 2 &&
           { ((np == 0)) || mpi_log_ok "$o.omp$np.$nt" $np ours; }; then
          python3 "$here/compare.py" results "$o.serial.$nt" "$o.omp$np.$nt" $TOL_OMP \
            "uf3/omp $name: $( ((np)) && echo "$np ranks" || echo serial) x 2 threads (newton $nt) vs ours serial"
          record $? "omp $name np$np $nt"
        else
          echo "FAIL uf3/omp $name: run with $np ranks x 2 threads (newton $nt) failed"; tail -5 "$o.omp$np.$nt.out"
          record 1 "omp $name np$np $nt"
        fi
      done
    done
  done
  echo "[tests] uf3/omp: NVE, 200 steps on 2 ranks x 2 threads vs serial (tolerance $TOL)"
  for spec in "NbTa.uf3|3|Nb Ta|2" "Nb.uf3|2|Nb|1"; do
    IFS='|' read -r file nb els ntypes <<< "$spec"
    o="$work/mpinve_${file%.uf3}_$nb"
    [[ -f "$o.serial.on.log" ]] || continue
    nvars=(-var data "$o.data" -var file "$P/$file" -var nb "$nb" -var els "$els" -sf omp -pk omp 2)
    for nt in on off; do
      if run_np 2 ours $nt "$o.omp2.$nt" "$work/in.mpinve" "${nvars[@]}" && omp_log_ok "$o.omp2.$nt" 2; then
        python3 "$here/compare.py" thermo "$o.serial.$nt.log" "$o.omp2.$nt.log" $TOL \
          "uf3/omp NVE $file uf3 $nb (newton $nt): 2 ranks x 2 threads vs serial"
        record $? "omp nve $file $nb $nt"
      else
        echo "FAIL uf3/omp NVE $file uf3 $nb (newton $nt): run failed"; tail -5 "$o.omp2.$nt.out"; record 1 "omp nve $file $nt"
      fi
    done
  done
  expect_error "uf3/omp 2 threads: atoms too close (uf3 3)" "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 1 on metal 0 "-sf omp -pk omp 2"
  expect_error "uf3/omp 2 threads: atoms too close (uf3 2, newton off)" "closer than the first knot" "uf3 2" "* * Nb.uf3 Nb" 1 1 off metal 0 "-sf omp -pk omp 2"
  expect_error "uf3/omp 2 ranks x 2 threads: atoms too close (uf3 3, newton off)" "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 1 off metal 2 "-sf omp -pk omp 2"

  echo "[tests] MPI: bad input ends in our error on 2 and 3 ranks (no hang)"
  expect_error "MPI 2 ranks: atoms too close (uf3 3)"             "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 1 on  metal 2
  expect_error "MPI 2 ranks: atoms too close (uf3 3, newton off)" "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 1 off metal 2
  expect_error "MPI 3 ranks: atoms too close, last rank (uf3 3)"  "closer than the first knot" "uf3 3" "* * Nb.uf3 Nb" 1 3 on  metal 3
  expect_error "MPI 3 ranks: atoms too close, last rank (uf3 2, newton off)" "closer than the first knot" "uf3 2" "* * Nb.uf3 Nb" 1 3 off metal 3
  expect_error "MPI 2 ranks: 3-body leg below its first knot"     "leg of the 3-body spline"   "uf3 3" "* * NbTa_general.uf3 Nb Ta" 2 2 on metal 2
  expect_error "MPI 2 ranks: malformed number"                    "found '0.6x'"               "uf3 3" "* * bad_number.uf3 Nb" 1 0 on metal 2
  expect_error "MPI 3 ranks: missing file"                        "cannot open potential file" "uf3 3" "* * nonexistent.uf3 Nb" 1 0 on metal 3
fi

# ---------------------------------------------------------------- summary
if [[ -f "$UF3_TEST_STATS" ]]; then
  python3 - "$UF3_TEST_STATS" <<'EOF'
import sys
worst, mpi = {}, {}
for line in open(sys.argv[1]):
    label = " ".join(w for w in line.split() if "=" not in w)
    for w in line.split():
        if "=" in w:
            k, v = w.split("=")
            worst[k] = max(worst.get(k, 0.0), float(v))
            if label.startswith("MPI"):
                mpi[k] = max(mpi.get(k, 0.0), float(v))
print("[tests] worst relative differences over all comparisons: " + " ".join(f"{k} {v:.1e}" for k, v in worst.items()))
if mpi:
    print("[tests] of which MPI comparisons: " + " ".join(f"{k} {v:.1e}" for k, v in mpi.items()))
EOF
fi
if ((failed)); then
  echo "[tests] failed: ${failures[*]}"
  echo "[tests] outputs kept in $work"
elif ((keep)); then
  echo "[tests] outputs kept in $work"
else
  rm -rf "$work"
fi
echo "$passed passed, $failed failed"
((failed == 0))
