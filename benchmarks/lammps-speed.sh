#!/usr/bin/env bash
# MD speed of our pair_style uf3 against the official ML-UF3 one and the usual empirical and
# machine-learned potentials, in LAMMPS 4Feb2025 on one thread (issue 4).
#
# Usage: benchmarks/lammps-speed.sh [--reps N] [--steps N] [--cells N] [--large [STEPS]] [--no-save]
#   --reps N        timed runs of every style (default 3; the median is reported)
#   --steps N       MD steps per run (default 100)
#   --cells N       bcc cells per box edge (default 10: 2,000 atoms)
#   --large [STEPS] then a second table for 20^3 cells (16,000 atoms), with STEPS steps (default: the
#                   same steps; 8x the time of the first table, mostly SNAP)
#   --no-save       print only; do not write benchmarks/results/lammps-speed-<atoms>.{json,md}
#   --no-snap       leave SNAP out (for very large boxes: it costs ~200 us/atom/step, 40x ours uf3 3);
#                   e.g. a million atoms: --cells 80 --steps 10 --reps 1 --no-snap
#   --only-uf3      only ours and the official uf3 3 and uf3 2 (a quick check after a plugin change;
#                   printed, not saved)
#   --perf          also count user-space CPU cycles per atom-step of the MD loop with perf stat (a
#                   0-step run of the same input is subtracted): far less sensitive to other
#                   processes than times; a column of the table (needs perf; refused without it)
#
# Every style runs the same input: bcc box of a = 3.3008 Å (the Nb.uf3 lattice), 300 K velocities,
# NVE, default neighbour settings (skin 2 Å), thermo output only at the end. Styles:
#   ours uf3 3 / uf3 2     bin/lmp (our plugin overrides pair_style uf3), Nb.uf3
#   official uf3 3 / uf3 2 bin/lmp --reference (LAMMPS' own ML-UF3), Nb.uf3
#   lj/cut                 8 Å cutoff like Nb.uf3's 2-body term (eps 0.1 eV, sigma 2.55 Å)
#   eam/alloy              W_zhou.eam.alloy
#   snap                   W_2940_2017_2.snap (SNAP 2J=8 + ZBL, as shipped with LAMMPS)
# The runs are interleaved (rep 1 of every style, then rep 2, ...) so that load from other
# processes spreads over all styles. Times are LAMMPS' own: "Loop time" and the "Pair" line of the
# timing breakdown, per atom and step. LAMMPS' "% CPU use" line says how much of the loop the
# process actually ran: on a machine shared with other work it drops well below 100 % and the wall
# times grow by the same factor, so the table also gives the CPU time (loop x CPU use) and ratios
# from it; on an idle machine both agree. Builds what it needs through bin/lmp.
set -euo pipefail
export OMP_NUM_THREADS=1
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/.." && pwd)"
lmp="$repo/bin/lmp"

all_args="$*"
reps=3
steps=100
cell_sizes=(10)
large_steps=""
save=1
snap=1
only_uf3=0
perf=0
while (($#)); do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --cells) cell_sizes=("$2"); shift 2 ;;
    --large)
      cell_sizes+=(20); shift
      if [[ "${1:-}" =~ ^[0-9]+$ ]]; then large_steps="$1"; shift; fi ;;
    --no-save) save=0; shift ;;
    --no-snap) snap=0; shift ;;
    --only-uf3) only_uf3=1; save=0; shift ;;
    --perf) perf=1; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
((reps >= 1)) || { echo "--reps must be at least 1" >&2; exit 2; }
if ((perf)) && ! perf stat -x, -e cycles:u true 2>&1 >/dev/null | grep -qE '^[0-9]+,'; then
  echo "--perf: perf stat cannot count cycles:u on this machine (install linux-perf, or leave out --perf)" >&2; exit 2
fi

echo "[lammps-speed] building LAMMPS and the plugin if needed" >&2
root="$("$repo/scripts/build-lammps.sh" | tail -1)"
"$lmp" -h > /dev/null 2>&1 || { echo "bin/lmp does not run; see its messages: $lmp -h" >&2; exit 1; }
pot="$root/src/potentials"
for f in Nb.uf3 W_zhou.eam.alloy W_2940_2017_2.snap W_2940_2017_2.snapcoeff W_2940_2017_2.snapparam; do
  [[ -f "$pot/$f" ]] || { echo "missing $pot/$f" >&2; exit 1; }
done

work="$(mktemp -d /tmp/uf3-lammps-speed.XXXXXX)"
trap 'rm -rf "$work"' EXIT
for f in Nb.uf3 W_zhou.eam.alloy W_2940_2017_2.snap W_2940_2017_2.snapcoeff W_2940_2017_2.snapparam; do
  ln -s "$pot/$f" "$work/$f"
done
cat > "$work/in.speed" <<'EOF'
units metal
boundary p p p
lattice bcc 3.3008
region box block 0 ${cells} 0 ${cells} 0 ${cells}
create_box 1 box
create_atoms 1 box
mass 1 ${mass}
velocity all create 300 4928459 loop geom
include pair.${style}
fix 1 all nve
thermo ${steps}
run ${steps}
EOF
printf 'pair_style uf3 3\npair_coeff * * Nb.uf3 Nb\n' > "$work/pair.uf3-3"
printf 'pair_style uf3 2\npair_coeff * * Nb.uf3 Nb\n' > "$work/pair.uf3-2"
printf 'pair_style lj/cut 8.0\npair_coeff 1 1 0.1 2.55\n' > "$work/pair.lj"
printf 'pair_style eam/alloy\npair_coeff * * W_zhou.eam.alloy W\n' > "$work/pair.eam"
printf 'include W_2940_2017_2.snap\n' > "$work/pair.snap"

# name | bin/lmp flag | pair file | mass
runs=("ours uf3 3||uf3-3|92.906" "ours uf3 2||uf3-2|92.906"
      "official uf3 3|--reference|uf3-3|92.906" "official uf3 2|--reference|uf3-2|92.906"
      "lj/cut|--reference|lj|92.906" "eam/alloy|--reference|eam|183.84")
((snap && !only_uf3)) && runs+=("snap|--reference|snap|183.84")
((only_uf3)) && runs=("${runs[@]:0:4}")

cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$repo" status --porcelain -- lammps-plugin-src uf3-kernel 2>/dev/null | wc -l)"

ncpu="$(nproc --all)"
# user-space CPU cycles of one whole LAMMPS run (perf stat): cycles FLAG CELLS STEPS STYLE MASS
cycles() {
  (cd "$work" && perf stat -x, -e cycles:u "$lmp" $1 -in in.speed -log none -screen none -var cells "$2" \
     -var steps "$3" -var style "$4" -var mass "$5" 2>&1 >/dev/null | awk -F, '/cycles/{print $1}')
}
for cells in "${cell_sizes[@]}"; do
  natoms=$((2 * cells * cells * cells))
  steps_here="$steps"
  [[ $cells == 20 && ${#cell_sizes[@]} -gt 1 && -n $large_steps ]] && steps_here="$large_steps"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  raw="$work/raw.$cells.tsv"
  : > "$raw"
  echo "[lammps-speed] $natoms atoms, $steps_here steps, $reps runs per style (interleaved)" >&2
  for ((r = 1; r <= reps; r++)); do
    for spec in "${runs[@]}"; do
      IFS='|' read -r name flag style mass <<< "$spec"
      log="$work/$style${flag:+.ref}.$cells.$r.log"
      (cd "$work" && "$lmp" $flag -in in.speed -log "$log" -screen none -var cells "$cells" -var steps "$steps_here" \
         -var style "$style" -var mass "$mass") \
        || { echo "LAMMPS failed for $name; log:" >&2; tail -20 "$log" >&2; exit 1; }
      # the right uf3: ours must say that the plugin overrides the built-in style, official must not
      if [[ $style == uf3-* ]]; then
        if [[ -z $flag ]] && ! grep -q 'Overriding built-in pair style uf3' "$log"; then
          echo "ours: the plugin did not override pair_style uf3 (see $log)" >&2; exit 1
        fi
        if [[ -n $flag ]] && grep -q 'Overriding built-in pair style uf3' "$log"; then
          echo "official: a plugin overrode pair_style uf3 (see $log)" >&2; exit 1
        fi
      fi
      loop=$(awk '/^Loop time of/{print $4}' "$log")
      pair=$(awk '/^Pair +\|/{print $3}' "$log")
      neigh=$(awk '/^Neigh +\|/{print $3}' "$log")
      cpu=$(awk '/% CPU use with/{sub(/%/, "", $1); print $1}' "$log")
      mem=$(awk '/Per MPI rank memory allocation/{print $(NF-1)}' "$log" | sort -g | tail -1)
      cyc=""
      if ((perf)); then
        c1=$(cycles "$flag" "$cells" "$steps_here" "$style" "$mass")
        c0=$(cycles "$flag" "$cells" 0 "$style" "$mass")
        cyc=$(( (c1 - c0) / (natoms * steps_here) ))
      fi
      echo "[lammps-speed]   run $r: $name loop $loop s, pair $pair s, CPU use $cpu %, memory $mem MB${cyc:+, $cyc cycles/atom-step}" >&2
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$r" "$loop" "$pair" "$neigh" "$cpu" "$mem" "$cyc" >> "$raw"
    done
  done
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  python3 - "$raw" "$natoms" "$steps_here" "$reps" "$save" "$repo/benchmarks/results" "$load_before" "$load_after" \
      "$ncpu" "$cpu_model" "$commit" "$dirty" "$all_args" <<'PY'
import json, statistics, sys, datetime, os
raw, natoms, steps, reps, save, outdir, load0, load1, ncpu, cpu_model, commit, dirty, args = sys.argv[1:14]
natoms, steps, reps, save = int(natoms), int(steps), int(reps), int(save)
order = ["ours uf3 3", "ours uf3 2", "official uf3 3", "official uf3 2", "lj/cut", "eam/alloy", "snap"]
runs = {k: [] for k in order}
for line in open(raw):
    name, r, loop, pair, neigh, cpu, mem, cyc = line.rstrip("\n").split("\t")
    runs[name].append({"run": int(r), "loop_s": float(loop), "pair_s": float(pair),
                       "neigh_s": float(neigh or "nan"), "cpu_percent": float(cpu or "nan"),
                       "memory_mb": float(mem or "nan"), "cycles_per_atom_step": float(cyc or "nan")})
order = [k for k in order if runs[k]]    # --no-snap leaves SNAP out
runs = {k: runs[k] for k in order}
us = lambda t: t / (natoms * steps) * 1e6
med = {}
for k in order:
    rs = runs[k]
    med[k] = {"loop_us": us(statistics.median(x["loop_s"] for x in rs)),
              "pair_us": us(statistics.median(x["pair_s"] for x in rs)),
              "cpu_percent": statistics.median(x["cpu_percent"] for x in rs),
              # CPU time of the loop: what the wall time would be on an otherwise idle core
              "loop_cpu_us": us(statistics.median(x["loop_s"] * x["cpu_percent"] / 100 for x in rs)),
              "pair_cpu_us": us(statistics.median(x["pair_s"] * x["cpu_percent"] / 100 for x in rs)),
              "memory_mb": max(x["memory_mb"] for x in rs),
              "cycles_per_atom_step": statistics.median(x["cycles_per_atom_step"] for x in rs)}
perf = all(med[k]["cycles_per_atom_step"] == med[k]["cycles_per_atom_step"] for k in order)   # no NaN
ref = "lj/cut" if "lj/cut" in med else "official uf3 2"   # --only-uf3 has no lj/cut
for k in order:
    for m in ("loop_us", "pair_us", "loop_cpu_us", "pair_cpu_us"):
        med[k]["lj_ratio_" + m.replace("_us", "")] = med[k][m] / med[ref][m] if ref == "lj/cut" else float("nan")
checks = [("ours uf3 3", "official uf3 3", "<=", 0.25, "ours uf3 3 <= 0.25 x official uf3 3", "ours/official"),
          ("ours uf3 2", "lj/cut", "<=", 1.5, "ours uf3 2 <= 1.5 x lj/cut", "ours/lj"),
          ("snap", "ours uf3 3", ">=", 40, "snap >= 40 x ours uf3 3", "snap/ours")]
targets = []
for a, b, op, bound, text, short in checks:
    if a not in med or b not in med:
        continue
    t = {"target": text}
    for m in ("loop_us", "pair_us", "loop_cpu_us", "pair_cpu_us"):
        t[m.replace("_us", "")] = med[a][m] / med[b][m]
    ok = lambda x: x <= bound if op == "<=" else x >= bound
    t["met_wall"] = ok(t["loop"])
    t["met_cpu"] = ok(t["loop_cpu"])
    t["short"], t["bound"] = short, f"{op} {bound}"
    targets.append(t)
beside = {("snap" if t["short"] == "snap/ours" else "ours uf3 3" if t["short"] == "ours/official" else "ours uf3 2"): t
          for t in targets}
def verdict(t):
    if t["met_wall"] and t["met_cpu"]:
        return "met"
    if not t["met_wall"] and not t["met_cpu"]:
        return "NOT met"
    return "met on CPU time only" if t["met_cpu"] else "met on wall time only"
def fmt_target(k):
    t = beside.get(k)
    if t is None:
        return ""
    return f"{t['short']} {t['loop_cpu']:.2f} cpu / {t['loop']:.2f} wall (target {t['bound']}): {verdict(t)}"
head = (f"{natoms} atoms (bcc, a = 3.3008 Å), {steps} steps NVE, 1 thread, median of {reps} runs; "
        f"load average {load0} before, {load1} after, {ncpu} CPUs ({cpu_model})")
cols = ("pair style", "loop cpu us/atom/step", "ratio lj/cut", "loop wall us/atom/step", "ratio lj/cut",
        "pair wall us/atom/step", "CPU use %", "memory MB", "issue-4 target (from loop time)")
if perf:
    cols += ("user cycles/atom-step",)
rows = []
for k in order:
    m = med[k]
    row = (k, f"{m['loop_cpu_us']:.3f}", f"{m['lj_ratio_loop_cpu']:.2f}", f"{m['loop_us']:.3f}",
           f"{m['lj_ratio_loop']:.2f}", f"{m['pair_us']:.3f}", f"{m['cpu_percent']:.0f}", f"{m['memory_mb']:.0f}",
           fmt_target(k))
    rows.append(row + ((f"{m['cycles_per_atom_step']:.0f}",) if perf else ()))
w = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(cols)]
line = lambda r: "  ".join(str(x).ljust(w[i]) if i in (0, 8) else str(x).rjust(w[i]) for i, x in enumerate(r))
print(head)
print(line(cols))
for r in rows:
    print(line(r))
print("loop cpu = LAMMPS Loop time x its CPU use (time the process ran); wall = Loop time; pair = the Pair line; "
      "memory = LAMMPS' Per MPI rank memory allocation (max)")
if save:
    os.makedirs(outdir, exist_ok=True)
    now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    doc = {"date": now, "command": ("benchmarks/lammps-speed.sh " + args).strip(), "atoms": natoms, "steps": steps,
           "runs_per_style": reps, "threads": 1, "lattice": "bcc a=3.3008", "load_average_before": load0,
           "load_average_after": load1, "cpus": int(ncpu), "cpu_model": cpu_model, "git_commit": commit,
           "plugin_sources_modified": int(dirty) > 0, "median": med, "targets": targets, "runs": runs}
    with open(os.path.join(outdir, f"lammps-speed-{natoms}.json"), "w") as f:
        json.dump(doc, f, indent=1)
    with open(os.path.join(outdir, f"lammps-speed-{natoms}.md"), "w") as f:
        f.write(f"LAMMPS 4Feb2025 MD speed, {now}, commit {commit}"
                f"{' (plugin or kernel sources modified)' if int(dirty) > 0 else ''}: {head}.\n"
                f"Command: `{doc['command']}`.\n\n")
        f.write("| " + " | ".join(cols) + " |\n|" + "|".join("---" for _ in cols) + "|\n")
        for r in rows:
            f.write("| " + " | ".join(r) + " |\n")
        f.write("\nloop cpu = LAMMPS Loop time x its CPU use (the time the process ran); wall = Loop time; "
                "pair = the Pair line of the timing breakdown; memory = LAMMPS' Per MPI rank memory allocation "
                "(max over the runs). Targets on the Pair time: " + "; ".join(
                    f"{t['target']}: {t['pair_cpu']:.2f} cpu / {t['pair']:.2f} wall" for t in targets) + ".\n")
PY
done
