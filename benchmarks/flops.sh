#!/usr/bin/env bash
# How close to the hardware limit is our `pair_style uf3 3` (issue 15)? Counts the floating-point
# work of a step, times the step in LAMMPS and measures the core's FMA peak:
#   1. flops: benchmarks/flops/count_flops.cpp runs the kernel's own source on a counting number
#      type (per pair, per triplet, per atom and step, plus the plugin's arithmetic around it) on
#      the frames of a LAMMPS run of the speed box (bcc Nb, Nb.uf3, 2,000 atoms, every 10 steps)
#      and of the same box of bcc W (a = 3.1652 Å) with the uf3 examples' model_unary.json (.uf3);
#   2. time: ours `uf3 3` on the same boxes, LAMMPS' Pair time per atom and step (1 thread,
#      median of the runs, W and Nb interleaved; CPU time = Pair x LAMMPS' "% CPU use");
#   3. peak: benchmarks/flops/fma_peak.cpp, independent FMA chains (AVX-512, AVX2, scalar) and
#      the clock from dependent integer adds, in CPU time;
#   4. where the time goes: benchmarks/flops/kernel_time.cpp times the shipped kernel (built as
#      the plugin is, -O3 -march=native) outside LAMMPS on the same frames: the pair sweeps, the
#      triplet sweeps, and the 4x4x4 contraction alone on the same triplets;
#   then GFLOP/s = flops per atom-step / Pair time per atom-step, and the fraction of the peaks.
#
# Usage: benchmarks/flops.sh [--reps N] [--steps N] [--no-save]
#   --reps N    timed LAMMPS runs per potential (default 5, the median is reported)
#   --steps N   MD steps per timed run (default 100)
#   --no-save   print only; do not write benchmarks/results/flops.{md,json}
# Needs g++, python3 and what bin/lmp and bin/uf3 build on first use. About 2 minutes.
set -euo pipefail
export OMP_NUM_THREADS=1
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/.." && pwd)"
lmp="$repo/bin/lmp"

all_args="$*"
reps=5
steps=100
save=1
while (($#)); do
  case "$1" in
    --reps) reps="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --no-save) save=0; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$reps" =~ ^[1-9][0-9]*$ ]] || { echo "--reps must be a positive integer, got '$reps'" >&2; exit 2; }
[[ "$steps" =~ ^[1-9][0-9]*$ ]] || { echo "--steps must be a positive integer, got '$steps'" >&2; exit 2; }

work="$(mktemp -d /tmp/uf3-flops.XXXXXX)"
trap 'rm -rf "$work"' EXIT
log() { echo "[flops] $*" >&2; }

log "building the counting tool and the FMA benchmark"
g++ -std=c++17 -O2 -Wall -Wextra -I "$repo/uf3-kernel/include" -I "$here/flops" "$here/flops/count_flops.cpp" \
  -o "$work/count_flops"
g++ -std=c++17 -O2 -Wall -Wextra "$here/flops/fma_peak.cpp" -o "$work/fma_peak"
# the plugin's flags (lammps-plugin-src/CMakeLists.txt: -O3 -fno-math-errno -march=native)
g++ -std=c++17 -O3 -fno-math-errno -march=native -Wall -Wextra -I "$repo/uf3-kernel/include" -I "$here/flops" \
  "$here/flops/kernel_time.cpp" -o "$work/kernel_time"

log "building LAMMPS and the plugin if needed"
root="$("$repo/scripts/build-lammps.sh" | tail -1)"
"$lmp" -h > /dev/null 2>&1 || { echo "bin/lmp does not run; see its messages: $lmp -h" >&2; exit 1; }
nb="$root/src/potentials/Nb.uf3"
[[ -f "$nb" ]] || { echo "missing $nb" >&2; exit 1; }
data="${UF3_DATA:-$(cd "$repo/.." && pwd)/shared/data}"
wjson="$data/uf3-models/model_unary.json"
[[ -f "$wjson" ]] || { echo "missing $wjson (set UF3_DATA to the shared data directory)" >&2; exit 1; }
"$repo/bin/uf3" export -q -p "$wjson" --to uf3 -o "$work/W.uf3" 2> "$work/export.log" \
  || { cat "$work/export.log" >&2; exit 1; }
ln -s "$nb" "$work/Nb.uf3"

# the speed box of lammps-speed.sh, with an optional dump of the positions
cat > "$work/in.flops" <<'EOF'
units metal
boundary p p p
lattice bcc ${a}
region box block 0 10 0 10 0 10
create_box 1 box
create_atoms 1 box
mass 1 ${mass}
velocity all create 300 4928459 loop geom
pair_style uf3 3
pair_coeff * * ${pot} ${el}
fix 1 all nve
if "${dump} > 0" then "dump 1 all custom ${dump} dump.${el} id x y z" "dump_modify 1 sort id format float %.17g"
thermo ${steps}
run ${steps}
EOF
# name | lattice | mass | potential file | element
specs=("Nb|3.3008|92.906|Nb.uf3|Nb" "W|3.1652|183.84|W.uf3|W")
lrun() {    # lrun SPEC STEPS DUMP LOG
  IFS='|' read -r _ a mass pot el <<< "$1"
  (cd "$work" && "$lmp" -in in.flops -log "$4" -screen none -var a "$a" -var mass "$mass" -var pot "$pot" \
     -var el "$el" -var steps "$2" -var dump "$3") || { echo "LAMMPS failed; log:" >&2; tail -20 "$4" >&2; exit 1; }
  grep -q 'Overriding built-in pair style uf3' "$4" || { echo "the plugin did not override pair_style uf3 ($4)" >&2; exit 1; }
}

log "counting: MD frames (every 10 of 100 steps) of the Nb and W boxes"
lrun "${specs[0]}" 100 10 "$work/dump-nb.log"
"$work/count_flops" "$work/Nb.uf3" Nb dump "$work/dump.Nb" > "$work/count.Nb"
lrun "${specs[1]}" 100 10 "$work/dump-w.log"
"$work/count_flops" "$work/W.uf3" W dump "$work/dump.W" > "$work/count.W"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
log "timing ours uf3 3: $reps runs of $steps steps per potential (interleaved); load $load_before"
: > "$work/times.tsv"
for ((r = 1; r <= reps; r++)); do
  for spec in "${specs[@]}"; do
    name="${spec%%|*}"
    log="$work/time.$name.$r.log"
    lrun "$spec" "$steps" 0 "$log"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$r" "$(awk '/^Loop time of/{print $4}' "$log")" \
      "$(awk '/^Pair +\|/{print $3}' "$log")" "$(awk '/% CPU use with/{sub(/%/, "", $1); print $1}' "$log")" \
      >> "$work/times.tsv"
  done
done
load_mid="$(cut -d' ' -f1-3 /proc/loadavg)"
log "FMA peak (CPU time, best of 7); load $load_mid"
"$work/fma_peak" 7 > "$work/peak.txt"
log "the kernel outside LAMMPS (CPU time, best of 5)"
"$work/kernel_time" "$work/Nb.uf3" Nb "$work/dump.Nb" 5 > "$work/ktime.Nb"
"$work/kernel_time" "$work/W.uf3" W "$work/dump.W" 5 > "$work/ktime.W"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
python3 - "$work" "$steps" "$reps" "$save" "$repo/benchmarks/results" "$load_before" "$load_mid" "$load_after" \
    "$cpu_model" "$commit" "$all_args" <<'PY'
import datetime, json, os, statistics, sys
work, steps, reps, save, outdir, load0, load1, load2, cpu_model, commit, args = sys.argv[1:12]
steps, reps, save = int(steps), int(reps), int(save)
natoms = 2000

def kv(path):
    out = {}
    for line in open(path):
        k, _, v = line.partition(" = ")
        v = v.strip()
        try:
            out[k.strip()] = float(v)
        except ValueError:
            out[k.strip()] = v
    return out

peak = kv(os.path.join(work, "peak.txt"))
times = {}
for line in open(os.path.join(work, "times.tsv")):
    name, r, loop, pair, cpu = line.split("\t")
    times.setdefault(name, []).append({"run": int(r), "loop_s": float(loop), "pair_s": float(pair),
                                       "cpu_percent": float(cpu)})
us = lambda t: t / (natoms * steps) * 1e6
res = {}
for name in ("Nb", "W"):
    c = kv(os.path.join(work, "count." + name))
    kt = kv(os.path.join(work, "ktime." + name))
    rs = times[name]
    pair_cpu = us(statistics.median(x["pair_s"] * x["cpu_percent"] / 100 for x in rs))
    pair_wall = us(statistics.median(x["pair_s"] for x in rs))
    loop_cpu = us(statistics.median(x["loop_s"] * x["cpu_percent"] / 100 for x in rs))
    fl = c["per_atom_step.total.flops"]
    useful = c["per_atom_step.total.useful"]
    gf = fl / (pair_cpu * 1e3)    # flops per microsecond / 1000 = GFLOP/s
    ghz = peak["clock_ghz.add_chain"]
    parts = {}
    for part, ns, fl_part in (("pairs", kt["ns_per_atom.pairs"], c["per_atom_step.kernel_2body.flops"]),
                              ("triplets", kt["ns_per_atom.triplets"], c["per_atom_step.kernel_3body.flops"]),
                              ("contract", kt["ns_per_atom.contract"], c["kernel.contract"] * c["per_atom.triplets"])):
        parts[part] = {"ns_per_atom": ns, "cycles_per_atom": ns * ghz, "flops_per_atom": fl_part,
                       "flops_per_cycle": fl_part / (ns * ghz)}
    res[name] = {"count": c, "kernel_time": kt, "parts": parts, "runs": rs, "pair_cpu_us": pair_cpu,
                 "pair_wall_us": pair_wall, "loop_cpu_us": loop_cpu, "gflops_loop": fl / (loop_cpu * 1e3),
                 "cpu_percent": statistics.median(x["cpu_percent"] for x in rs),
                 "gflops": gf, "gflops_useful": useful / (pair_cpu * 1e3),
                 "flops_per_cycle": fl / (pair_cpu * 1e-6 * peak["clock_ghz.add_chain"] * 1e9),
                 "cycles_per_atom_step": pair_cpu * 1e-6 * peak["clock_ghz.add_chain"] * 1e9,
                 "fraction_avx512_peak": gf / peak["avx512.gflops"], "fraction_avx2_peak": gf / peak["avx2.gflops"]}

lines = []
p = lines.append
now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
p(f"How close to the hardware limit, {now}, commit {commit}, {cpu_model}. Command: `benchmarks/flops.sh {args}`.")
p(f"Load average: {load0} before the timed runs, {load1} after them, {load2} after the FMA benchmark.")
p("")
p("**Work per step** (count_flops: the kernel's source on a counting number type; an FMA is 2 flops; "
  "'useful' leaves out the padding lane 3 of the 4-wide 3-vectors):")
p("")
p("| | Nb.uf3 (bcc a = 3.3008 Å) | W, model_unary.json (bcc a = 3.1652 Å) |")
p("|---|---|---|")
rows = [("flops per pair (kernel)", "kernel.per_pair"), ("flops per triplet (kernel)", "kernel.per_triplet"),
        ("  of which useful", "kernel.per_triplet_useful"), ("flops per 3-body leg (kernel)", "kernel.per_leg"),
        ("plugin: per half-list entry / per pair", ("glue.per_half_list_entry", "glue.per_pair")),
        ("plugin: per 3-body candidate / per leg", ("glue.per_three_body_candidate", "glue.per_leg")),
        ("pairs per atom", "per_atom.pairs"), ("half-list entries per atom", "per_atom.half_list_entries"),
        ("3-body legs per atom", "per_atom.legs"), ("triplets per atom", "per_atom.triplets"),
        ("flops per atom-step, 2-body kernel", "per_atom_step.kernel_2body.flops"),
        ("flops per atom-step, 3-body kernel", "per_atom_step.kernel_3body.flops"),
        ("flops per atom-step, plugin", "per_atom_step.glue.flops"),
        ("**flops per atom-step, total**", "per_atom_step.total.flops"),
        ("  useful", "per_atom_step.total.useful"),
        ("  adds / muls / divs / sqrts", ("per_atom_step.total.add", "per_atom_step.total.mul",
                                          "per_atom_step.total.div", "per_atom_step.total.sqrt"))]
fmt = lambda v: f"{v:,.0f}" if v == int(v) else f"{v:,.1f}"
for label, key in rows:
    keys = key if isinstance(key, tuple) else (key,)
    p(f"| {label} | " + " | ".join(" / ".join(fmt(res[n]["count"][k]) for k in keys) for n in ("Nb", "W")) + " |")
p(f"| energy: counting build vs shipped kernel | {res['Nb']['count']['energy_rel_diff']:.1e} | "
  f"{res['W']['count']['energy_rel_diff']:.1e} |")
p("")
p(f"**Speed and peak** (ours `uf3 3`, 2,000 atoms, {steps} steps, median of {reps} interleaved runs, one thread; "
  "Pair time x LAMMPS' CPU use):")
p("")
p("| | Nb.uf3 | W |")
p("|---|---|---|")
p("| Pair time, CPU μs/atom/step (wall) | " + " | ".join(
    f"{res[n]['pair_cpu_us']:.3f} ({res[n]['pair_wall_us']:.3f}, CPU use {res[n]['cpu_percent']:.0f} %)" for n in ("Nb", "W")) + " |")
p("| whole MD step (Loop time), CPU μs/atom/step | " + " | ".join(
    f"{res[n]['loop_cpu_us']:.3f} (GFLOP/s on it: {res[n]['gflops_loop']:.2f})" for n in ("Nb", "W")) + " |")
p("| cycles per atom-step (at the measured clock) | " + " | ".join(f"{res[n]['cycles_per_atom_step']:,.0f}" for n in ("Nb", "W")) + " |")
p("| **achieved GFLOP/s** (useful) | " + " | ".join(f"**{res[n]['gflops']:.2f}** ({res[n]['gflops_useful']:.2f})" for n in ("Nb", "W")) + " |")
p("| flops per cycle | " + " | ".join(f"{res[n]['flops_per_cycle']:.2f}" for n in ("Nb", "W")) + " |")
p("| fraction of the measured AVX-512 FMA peak | " + " | ".join(f"{100 * res[n]['fraction_avx512_peak']:.1f} %" for n in ("Nb", "W")) + " |")
p("| fraction of the measured AVX2 (256-bit) FMA peak | " + " | ".join(f"{100 * res[n]['fraction_avx2_peak']:.1f} %" for n in ("Nb", "W")) + " |")
p("")
p(f"FMA peak of the core (fma_peak, CPU time, best of 7): clock {peak['clock_ghz.add_chain']:.2f} GHz from dependent "
  f"adds ({peak['clock_ghz.imul_chain']:.2f} GHz from dependent imuls), FMA latency {peak['fma_latency_cycles']:.2f} cycles; "
  f"AVX-512 {peak['avx512.gflops']:.1f} GFLOP/s = {peak['avx512.flops_per_cycle']:.2f} flops/cycle, "
  f"AVX2 {peak['avx2.gflops']:.1f} GFLOP/s = {peak['avx2.flops_per_cycle']:.2f} flops/cycle, "
  f"scalar {peak['scalar.gflops']:.1f} GFLOP/s = {peak['scalar.flops_per_cycle']:.2f} flops/cycle.")
p("")
p("**Where the time goes** (kernel_time: the shipped kernel outside LAMMPS, -O3 -march=native, the same frames, "
  "CPU time, best of 5; cycles at the measured clock):")
p("")
p("| part | Nb: ns/atom-step | cycles | flops/cycle | W: ns/atom-step | cycles | flops/cycle |")
p("|---|---|---|---|---|---|---|")
labels = {"pairs": "pair sweeps (2-body terms)", "triplets": "triplet sweeps (3-body terms, all of evaluate_centre)",
          "contract": "of which the 4x4x4 contractions alone"}
for part in ("pairs", "triplets", "contract"):
    p(f"| {labels[part]} | " + " | ".join(
        f"{res[n]['parts'][part]['ns_per_atom']:.0f} | {res[n]['parts'][part]['cycles_per_atom']:,.0f} | "
        f"{res[n]['parts'][part]['flops_per_cycle']:.2f}" for n in ("Nb", "W")) + " |")
p("| LAMMPS Pair time (above) | " + " | ".join(
    f"{1000 * res[n]['pair_cpu_us']:.0f} | {res[n]['cycles_per_atom_step']:,.0f} | {res[n]['flops_per_cycle']:.2f}"
    for n in ("Nb", "W")) + " |")
p("")
p(f"Per triplet: the whole triplet sweep {res['Nb']['kernel_time']['ns_per_triplet.triplets']:.1f} ns "
  f"({res['Nb']['kernel_time']['ns_per_triplet.triplets'] * peak['clock_ghz.add_chain']:.0f} cycles) on Nb, "
  f"the contraction alone {res['Nb']['kernel_time']['ns_per_triplet.contract']:.1f} ns "
  f"({res['Nb']['kernel_time']['ns_per_triplet.contract'] * peak['clock_ghz.add_chain']:.0f} cycles) for its "
  f"{res['Nb']['count']['kernel.contract']:.0f} flops.")
text = "\n".join(lines) + "\n"
print(text)
if save:
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "flops.md"), "w") as f:
        f.write(text)
    doc = {"date": now, "command": ("benchmarks/flops.sh " + args).strip(), "git_commit": commit,
           "cpu_model": cpu_model, "load_average": {"before": load0, "after_timing": load1, "after_peak": load2},
           "atoms": natoms, "steps": steps, "runs": reps, "peak": peak, "potentials": res}
    with open(os.path.join(outdir, "flops.json"), "w") as f:
        json.dump(doc, f, indent=1)
PY
