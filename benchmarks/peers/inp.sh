#!/usr/bin/env bash
# InP head to head on one split (issue 12): UF2, UF2,3, POD, SNAP and Vashishta judged on the same
# held-out configurations of the FitSNAP InP set (Cusentino et al. 2020) and timed in the same LAMMPS.
#
#   benchmarks/peers/inp.sh              (about 5 minutes on 2 cores)
#   benchmarks/peers/inp.sh --plot-only  (redraws results/inp-cost.png from the committed inp.json)
#
# 1. uf3 fit examples/inp/inp.yaml (UF2,3) and the same configuration without three_body (UF2):
#    one stratified 80/20 split, seed 0 (train-indices.txt, the same for both: checked), the
#    hyper-parameters chosen by 5-fold cross-validation on the training part only.
# 2. POD: LAMMPS fitpod with examples/PACKAGES/pod/InP/InP_param.pod (unchanged) and the data
#    settings of InP_data.pod (energy weight 100, force weight 1, regularisation 1e-12) on the same
#    training configurations, written as extended XYZ.
# 3. SNAP (potentials/InP_JCPA2020.snap: SNAP overlaid on ZBL, trained on all 1,894 configurations, test part included)
#    and Vashishta (potentials/InP.vashishta, not fitted to this set) as LAMMPS ships them.
# 4. Every model evaluated by LAMMPS (run 0) on every configuration; errors on the 378 test
#    configurations: energy RMSE per atom (meV/atom), force RMSE per Cartesian component (eV/Å).
#    UF2 and UF2,3 carry their fitted one-body energies (added to the .uf3 energy) and POD its
#    one-body term; SNAP and Vashishta have another energy zero, so each gets two per-element
#    reference energies fitted (least squares per atom) on the training configurations only.
# 5. Speed: one LAMMPS process, a 4,096-atom zincblende box (a = 5.83 Å) at 300 K, NVE, one
#    thread; the models interleaved over ROUNDS rounds (fresh box each segment); the median of
#    Loop time / (steps · atoms) in µs (and that times LAMMPS' "% CPU use", the CPU time: the
#    machine is shared, see benchmarks/README.md).
# 6. results/inp-cost.png: error against cost, log axes, energy and force panels, drawn by
#    org.uf3j.bench.peers.CostAccuracyPlot from inp.json.
#
# Prints one line per model: MODEL energy_rmse_meV=X force_rmse_eVA=Y us_per_atom_step=Z
# and writes benchmarks/peers/results/inp.{json,md,png} (+ the split, inp-train-indices.txt).
# Env: UF3_DATA (default <repo>/../shared/data), PEERS_WORK (scratch directory; default a temporary
#      one, removed at the end; with PEERS_WORK the fits are kept and an existing UF2,3 or POD fit there
#      is reused unless PEERS_REFIT=1), ROUNDS (default 3), UF3_JAVA_OPTS (default -Xmx8g for the fits).
# The model fits, pair commands, evaluation and speed run are shared with inp-properties.sh and w14.sh (lib.sh).
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lib.sh"
data="${UF3_DATA:-$repo/../shared/data}/inp-cusentino2020/JSON"
rounds="${ROUNDS:-3}"
log() { echo "[peers inp] $*" >&2; }

# plot: draws results/inp-cost.png from results/inp.json
plot() {
  source "$repo/benchmarks/paper/lib.sh"
  build_jar
  java -Xmx256m -cp "$jar" org.uf3j.bench.peers.CostAccuracyPlot "$results/inp.json" "$results/inp-cost.png" \
    "InP (held-out 20 %): test error against MD cost"
}
if [[ "${1:-}" == "--plot-only" ]]; then plot; exit 0; fi
[[ -d "$data" ]] || { log "no InP FitSNAP data at $data (set UF3_DATA to the shared data directory)"; exit 2; }
if [[ -n "${PEERS_WORK:-}" ]]; then work="$PEERS_WORK"; mkdir -p "$work"; else work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$results"

# --- 1. UF2,3 and UF2 -------------------------------------------------------------------------
peers_fit_uf23 "$work"
python3 - "$repo/examples/inp/inp.yaml" "$data" "$work/uf2.yaml" <<'EOF'
import sys
src, data, dst = sys.argv[1:]
out, skip = [], False
for line in open(src):
    if line.startswith("three_body:"):
        skip = True
        continue
    if skip and line.startswith((" ", "\t")):
        continue
    skip = False
    if "curvature_3b" in line or "ridge_3b" in line:
        continue
    if line.lstrip().startswith("- path:"):
        line = "  - path: %s\n" % data
    out.append(line)
open(dst, "w").write("".join(out))
EOF
log "fitting UF2 (the same configuration without three_body)"
timed "$work" uf2 "$repo/bin/uf3" -q fit "$work/uf2.yaml" -o "$work/uf2" > "$work/uf2.log"
cmp -s "$work/uf2/train-indices.txt" "$work/uf23/train-indices.txt" \
  || { log "UF2 and UF2,3 were fitted on different splits"; exit 1; }
cp "$work/uf23/train-indices.txt" "$results/inp-train-indices.txt"
for m in uf2 uf23; do
  python3 -c "import json,sys; json.dump(json.load(open(sys.argv[1]))['one_body_energies'], open(sys.argv[2],'w'))" \
    "$work/$m/model.json" "$work/$m.onebody.json"
done

# --- 2. the same split as LAMMPS data files and fitpod's extended XYZ --------------------------
peers_prepare "$work" "$data"
peers_fit_pod "$work" "$data"
peers_fit_costs "$work"

# --- 3./4. every model on every configuration ---------------------------------------------------
declare -A pair
for m in UF2 UF23 POD SNAP VASHISHTA; do pair[$m]="$(peers_pair "$m" "$work")"; done
models=(UF2 UF23 POD SNAP VASHISHTA)
peers_evaluate "$work" "$here/inp_data.py" pair "${models[@]}"

# --- 5. speed: one LAMMPS run, models interleaved ---------------------------------------------
declare -A steps=([UF2]=400 [UF23]=100 [POD]=20 [SNAP]=20 [VASHISHTA]=200)
peers_speed "$work" "$rounds" 4,096 "lattice diamond 5.83
region box block 0 8 0 8 0 8
create_box 2 box
create_atoms 1 box basis 5 2 basis 6 2 basis 7 2 basis 8 2
mass 1 114.818
mass 2 30.973761998" pair steps "${models[@]}"

python3 - "$work" "$results" "$rounds" "${models[@]}" <<'EOF'
import json, statistics, sys
work, results, rounds, models = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
timing, fits = json.load(open(work + "/speed/speed.json")), json.load(open(work + "/fits.json"))
speed, cpu = timing["us_per_atom_step"], timing["cpu_us_per_atom_step"]
notes = {"UF2": "fitted here, 5-fold CV on the training part",
         "UF23": "fitted here (examples/inp/inp.yaml), 5-fold CV on the training part",
         "POD": "fitted here by LAMMPS fitpod, InP_param.pod, training part",
         "SNAP": "shipped InP_JCPA2020, trained on all 1,894 configurations (test part included); reference energies fitted on the training part",
         "VASHISHTA": "shipped InP.vashishta, not fitted to this set; reference energies fitted on the training part"}
table = {"split": "stratified 80/20, seed 0 (inp-train-indices.txt)", "speed_box": "4,096-atom zincblende, a = 5.83 A, 300 K NVE, 1 thread, %d interleaved rounds, median" % rounds, "models": {}}
lines, md = [], ["# InP head to head (benchmarks/peers/inp.sh)", "",
                 "Held-out: the 378 test configurations of one stratified 80/20 split (seed 0); energy RMSE per atom, "
                 "force RMSE per Cartesian component; speed: LAMMPS MD, 4,096-atom zincblende box at 300 K, one thread, "
                 "all models interleaved in one run (median of %d rounds)." % rounds, "",
                 "| model | E RMSE (meV/atom) | F RMSE (eV/Å) | µs/atom-step (wall) | µs/atom-step (CPU) | fit wall (s) | fit peak RSS (MB) | fit peak live heap (MB) | note |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
scores = {}
for mname in models:
    s = json.load(open("%s/eval/%s/score.json" % (work, mname)))
    scores[mname] = s
    a = s["groups"]["all"]
    us = statistics.median(speed[mname])
    table["models"][mname] = {"energy_rmse_meV": a["energy_rmse_meV"], "force_rmse_eVA": a["force_rmse_eVA"],
                              "us_per_atom_step": us, "us_per_atom_step_rounds": speed[mname],
                              "cpu_us_per_atom_step": statistics.median(cpu[mname]),
                              "reference_energies_eV": s["reference_energies_eV"] if s["shift"] == "refit" else None,
                              "fit": fits.get(mname), "note": notes[mname], "groups": s["groups"]}
    lines.append("%s energy_rmse_meV=%.3f force_rmse_eVA=%.4f us_per_atom_step=%.3f" % (mname, a["energy_rmse_meV"], a["force_rmse_eVA"], us))
    f = fits.get(mname)
    md.append("| %s | %.3f | %.4f | %.3f | %.3f | %s | %s | %s | %s |" % (mname, a["energy_rmse_meV"], a["force_rmse_eVA"], us,
              statistics.median(cpu[mname]),
              "%.1f" % f["wall_s"] if f else "—", "%.0f" % f["peak_rss_MB"] if f else "—",
              "%d" % f["peak_live_heap_MB"] if f and f["peak_live_heap_MB"] else "—", notes[mname]))
md += ["", "Without the aP group (4 test configurations; two of them, aP_0_C3vfar_tdC_*_d0lda1/2, carry most of the "
       "UF2,3 and POD test error):", "", "| model | E RMSE (meV/atom) | F RMSE (eV/Å) |", "|---|---:|---:|"]
for mname in models:
    b = scores[mname]["groups"]["all_but_aP"]
    table["models"][mname]["all_but_aP"] = b
    md.append("| %s | %.3f | %.4f |" % (mname, b["energy_rmse_meV"], b["force_rmse_eVA"]))
md += ["", "## The five test configurations with the largest energy error, per model", ""]
for mname in models:
    table["models"][mname]["worst_test_configurations"] = scores[mname]["worst_test_configurations"]
    md.append("- %s: " % mname + "; ".join("%s/%s %+.1f meV/atom, F RMSE %.3f eV/Å" % (w["group"], w["file"], w["energy_error_meV"],
              w["force_rmse_eVA"]) for w in scores[mname]["worst_test_configurations"]))
groups = [g for g in scores[models[0]]["groups"] if g != "all" and not g.startswith("all_but_")]
md += ["", "## Per config_type (test part): E RMSE meV/atom / F RMSE eV/Å", "",
       "| config_type | configs | " + " | ".join(models) + " |", "|---|---:|" + "---:|" * len(models)]
for g in sorted(groups):
    md.append("| %s | %d | " % (g, scores[models[0]]["groups"][g]["configs"]) + " | ".join(
        "%.2f / %.4f" % (scores[m]["groups"][g]["energy_rmse_meV"], scores[m]["groups"][g]["force_rmse_eVA"]) for m in models) + " |")
md += ["", "Fit peak RSS is the process' (the JVM sizes its heap up to -Xmx8g); the live heap is what uf3 fit "
       "measured it needed.", "", "![error against cost](inp-cost.png)"]
json.dump(table, open(results + "/inp.json", "w"), indent=1)
open(results + "/inp.md", "w").write("\n".join(md) + "\n")
print("\n".join(lines))
EOF
plot
