# Sourced by benchmarks/peers/inp.sh, inp-properties.sh and w14.sh: the InP models the first two use,
# fitted (or reused) in one work directory, the LAMMPS pair commands that run them, and the steps
# the head-to-head scripts share (POD fit, run 0 evaluation and scoring, interleaved speed run).
#
#   peers_fit_uf23 WORK       uf3 fit examples/inp/inp.yaml -o WORK/uf23 (skipped when
#                             WORK/uf23/potential.uf3 exists and PEERS_REFIT is not 1)
#   peers_prepare WORK DATA   the split of the InP FitSNAP JSON directory DATA as LAMMPS data files and
#                             fitpod's extended XYZ (inp_data.py prepare)
#   peers_fit_pod WORK DATA   LAMMPS fitpod on the InP training part -> WORK/pod/InP_{param,coefficients}.pod
#                             (skipped when they exist and PEERS_REFIT is not 1)
#   peers_pair MODEL WORK     prints the pair_style/pair_coeff lines of UF2, UF23, POD, SNAP or VASHISHTA
#   peers_fitpod WORK PARAM BASENAME
#                             LAMMPS fitpod with the descriptor file PARAM on the extended XYZ in
#                             WORK/pod-train (energy weight 100, force weight 1, regularisation 1e-12)
#                             -> WORK/pod/BASENAME_coefficients.pod, WORK/pod.time
#   peers_evaluate WORK DATA_PY PAIRS MODEL...
#                             every MODEL evaluated by LAMMPS (run 0, one process per model looping over
#                             WORK/indices.txt, reading WORK/data/IDX.data) into WORK/eval/MODEL, then
#                             scored by DATA_PY score -> WORK/eval/MODEL/score.json: UF2 and UF23 with
#                             their one-body energies (WORK/uf2.onebody.json, WORK/uf23.onebody.json),
#                             POD as it is, every other model with reference energies refitted
#   peers_speed WORK ROUNDS ATOMS BOX PAIRS STEPS MODEL...
#                             one LAMMPS MD run (300 K, NVE, one thread), the models interleaved over
#                             ROUNDS rounds with a fresh box each segment (BOX: the LAMMPS lines that
#                             create its ATOMS atoms and set the masses) -> WORK/speed/log.speed and
#                             WORK/speed/speed.json: per model and round, Loop time / (steps · atoms) in µs
#                             ("us_per_atom_step") and that times LAMMPS' "% CPU use" ("cpu_us_per_atom_step")
#   peers_fit_costs WORK      WORK/fits.json: wall s and peak RSS MB of the UF2, UF23 and POD fits (from
#                             WORK/{uf2,uf23,pod}.time) and the peak live heap uf3 fit logged (WORK/uf2*.log)
#   PAIRS and STEPS name associative arrays of the caller: MODEL -> its pair_style/pair_coeff lines,
#   MODEL -> MD steps per segment. peers_evaluate and peers_speed report through the caller's log.
#
# Sets: here (benchmarks/peers), repo, results, lsrc (LAMMPS source tree); UF3_JAVA_OPTS defaults to
# -Xmx8g. Data locations are the callers' (from UF3_DATA, default <repo>/../shared/data).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
results="$here/results"
export UF3_JAVA_OPTS="${UF3_JAVA_OPTS:--Xmx8g}"
lsrc="$("$repo/scripts/build-lammps.sh" | tail -1)/src"

# timed: WORK NAME CMD...  runs CMD with /usr/bin/time; leaves WORK/NAME.time (wall s, peak RSS kB)
timed() {
  local work="$1" name="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@"
}

peers_fit_uf23() {
  local work="$1"
  if [[ -s "$work/uf23/potential.uf3" && "${PEERS_REFIT:-0}" != 1 ]]; then
    echo "[peers] reusing the UF2,3 fit in $work/uf23" >&2
    return
  fi
  echo "[peers] fitting UF2,3 (examples/inp/inp.yaml, 5-fold CV on the training part)" >&2
  rm -rf "$work/uf23"
  timed "$work" uf23 nice "$repo/bin/uf3" -q fit "$repo/examples/inp/inp.yaml" -o "$work/uf23" > "$work/uf23.log"
}

peers_prepare() {
  local work="$1" data="$2"
  python3 "$here/inp_data.py" prepare "$data" "$work/uf23/train-indices.txt" "$work"
}

peers_fit_pod() {
  local work="$1" data="$2"
  if [[ -s "$work/pod/InP_coefficients.pod" && "${PEERS_REFIT:-0}" != 1 ]]; then
    echo "[peers] reusing the POD fit in $work/pod" >&2
    return
  fi
  [[ -d "$work/pod-train" ]] || peers_prepare "$work" "$data"
  echo "[peers] fitting POD (fitpod, InP_param.pod) on the training configurations" >&2
  peers_fitpod "$work" "$lsrc/examples/PACKAGES/pod/InP/InP_param.pod" InP
}

peers_pair() {
  local model="$1" work="$2"
  case "$model" in
    UF2) printf 'pair_style uf3 2\npair_coeff * * %s In P\n' "$work/uf2/potential.uf3" ;;
    UF23) printf 'pair_style uf3 3\npair_coeff * * %s In P\n' "$work/uf23/potential.uf3" ;;
    POD) printf 'pair_style pod\npair_coeff * * %s %s In P\n' "$work/pod/InP_param.pod" "$work/pod/InP_coefficients.pod" ;;
    # SNAP as potentials/InP_JCPA2020.snap defines it: overlaid on ZBL (switched off between 4.0 and 4.2 Å)
    SNAP) printf '%s\n' "pair_style hybrid/overlay zbl 4.0 4.2 snap" "pair_coeff 1 1 zbl 49 49" \
            "pair_coeff 1 2 zbl 49 15" "pair_coeff 2 2 zbl 15 15" \
            "pair_coeff * * snap $lsrc/potentials/InP_JCPA2020.snapcoeff $lsrc/potentials/InP_JCPA2020.snapparam In P" ;;
    VASHISHTA) printf 'pair_style vashishta\npair_coeff * * %s In P\n' "$lsrc/potentials/InP.vashishta" ;;
    *) echo "[peers] unknown model $model" >&2; exit 2 ;;
  esac
}

peers_fitpod() {
  local work="$1" param="$2" base="$3"
  mkdir -p "$work/pod"
  cp "$param" "$work/pod/"
  cat > "$work/pod/data.pod" <<EOF
file_format extxyz
file_extension xyz
path_to_training_data_set "$work/pod-train"
fitting_weight_energy 100.0
fitting_weight_force 1.0
fitting_regularization_parameter 1e-12
error_analysis_for_training_data_set 1
error_analysis_for_test_data_set 0
basename_for_output_files $base
precision_for_pod_coefficients 14
EOF
  echo "fitpod $(basename "$param") data.pod" > "$work/pod/in.fitpod"
  (cd "$work/pod" && timed "$work" pod "$repo/bin/lmp" --reference -in in.fitpod -log log.fitpod -screen none)
  [[ -s "$work/pod/${base}_coefficients.pod" ]] \
    || { echo "[peers] fitpod wrote no coefficients (see $work/pod/log.fitpod)" >&2; exit 1; }
}

peers_evaluate() {
  local work="$1" data_py="$2" m ev
  local -n pair_of="$3"
  shift 3
  for m in "$@"; do
    ev="$work/eval/$m"
    mkdir -p "$ev/forces"
    rm -f "$ev/energies.txt"
    cat > "$ev/in.eval" <<EOF
variable idx file $work/indices.txt
label next_configuration
clear
units metal
atom_style atomic
boundary p p p
read_data $work/data/\${idx}.data
${pair_of[$m]}
thermo_style custom step pe
run 0 post no
print "\${idx} \$(pe:%.15g)" append energies.txt screen no
write_dump all custom forces/\${idx}.f id fx fy fz modify sort id format float %.15g
next idx
jump SELF next_configuration
EOF
    log "evaluating $m on $(wc -l < "$work/indices.txt") configurations"
    (cd "$ev" && "$repo/bin/lmp" -in in.eval -log none -screen none)
  done
  local args
  for m in "$@"; do
    case "$m" in
      UF2) args=(none "$work/uf2.onebody.json") ;;
      UF23) args=(none "$work/uf23.onebody.json") ;;
      POD) args=(none) ;;
      *) args=(refit) ;;
    esac
    python3 "$data_py" score "$work" "$m" "${args[@]}" > "$work/eval/$m/score.json"
  done
}

peers_speed() {
  local work="$1" rounds="$2" atoms="$3" box="$4" m r
  local -n pair_of="$5" steps_of="$6"
  shift 6
  local speed="$work/speed"
  mkdir -p "$speed"
  : > "$speed/in.speed"
  for ((r = 1; r <= rounds; r++)); do
    for m in "$@"; do
      cat >> "$speed/in.speed" <<EOF
clear
units metal
atom_style atomic
boundary p p p
$box
${pair_of[$m]}
neighbor 1.0 bin
velocity all create 300.0 4928459 loop geom
fix nve all nve
timestep 0.001
thermo 0
print "SEGMENT $m round $r"
run ${steps_of[$m]}
EOF
    done
  done
  log "timing $* on $atoms atoms, $rounds interleaved rounds, one thread"
  (cd "$speed" && OMP_NUM_THREADS=1 "$repo/bin/lmp" -in in.speed -log log.speed -screen none)
  python3 - "$speed/log.speed" "$speed/speed.json" <<'EOF'
import json, re, sys
seg, timed_seg, speed, cpu = None, None, {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"SEGMENT (\S+) round", line)
    if m:
        seg = m.group(1)
    m = re.match(r"Loop time of (\S+) on 1 procs for (\d+) steps with (\d+) atoms", line)
    if m and seg:
        speed.setdefault(seg, []).append(1e6 * float(m.group(1)) / (int(m.group(2)) * int(m.group(3))))
        timed_seg, seg = seg, None
    m = re.match(r"\s*([\d.]+)% CPU use", line)
    if m and timed_seg:
        cpu.setdefault(timed_seg, []).append(speed[timed_seg][-1] * float(m.group(1)) / 100)
        timed_seg = None
json.dump({"us_per_atom_step": speed, "cpu_us_per_atom_step": cpu}, open(sys.argv[2], "w"), indent=1)
EOF
}

peers_fit_costs() {
  python3 - "$1" <<'EOF'
import json, re, sys
work, fits = sys.argv[1], {}
for name, key in (("uf2", "UF2"), ("uf23", "UF23"), ("pod", "POD")):
    wall, rss = open("%s/%s.time" % (work, name)).read().split()[-2:]
    fits[key] = {"wall_s": float(wall), "peak_rss_MB": int(rss) / 1024, "peak_live_heap_MB": None}
    if key != "POD":
        m = re.search(r"peak live heap ([\d,]+) MB", open("%s/%s.log" % (work, name)).read())
        fits[key]["peak_live_heap_MB"] = int(m.group(1).replace(",", "")) if m else None
json.dump(fits, open(work + "/fits.json", "w"), indent=1)
EOF
}
