#!/usr/bin/env bash
# JMH benchmarks of org.uf3j.bench.jmh: Java vs native evaluation (kernel and whole structure),
# the Java neighbour-list build, and fitting throughput (configurations/s featurised).
#
# Usage: benchmarks/jmh.sh [JMH options...]
#   e.g. benchmarks/jmh.sh                                   everything (about 10 minutes)
#        benchmarks/jmh.sh EvaluatorBenchmark -p potential=Nb  one class, one parameter value
#        benchmarks/jmh.sh --no-save ...                       do not write benchmarks/results/
# Builds benchmarks/target/benchmarks.jar when it is missing or older than any module's sources.
# Settings (overridable with JMH options after ours): 1 fork, 5 x 1 s warm-up, 5 x 1 s measurement,
# 1 thread, and the CpuTimeProfiler (CPU time per op beside the wall time). Five warm-up seconds, not
# three: on this shared 2-core machine C2 needs 3-5 s of wall time to finish compiling the kernels
# and the featuriser, so with three the first measured iterations still ran partly compiled code.
# Results:
#   benchmarks/results/jmh.json  JMH's JSON (-rf json) with a sibling jmh.meta.json (date, load, machine)
#   benchmarks/results/jmh.md    the tables: μs/atom Java vs native, neighbour list, fitting throughput
# Env: UF3_DATA (shared data; default ../shared/data beside the repository), UF3_LAMMPS_SRC (LAMMPS
# source tree with potentials/Nb.uf3; default ~/.cache/uf3/lammps-4Feb2025/src, built on demand).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
repo="$(cd "$here/.." && pwd)"
jar="$repo/benchmarks/target/benchmarks.jar"
results="$repo/benchmarks/results"
save=1
if [[ "${1:-}" == "--no-save" ]]; then save=0; shift; fi

# build the jar when needed
stale=0
if [[ ! -f "$jar" ]]; then
  stale=1
elif [[ -n "$(find "$repo"/pom.xml "$repo"/*/pom.xml "$repo"/*/src/main "$repo"/uf3-kernel/include \
            -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  stale=1
fi
if ((stale)); then
  echo "[jmh] building benchmarks.jar (mvn -pl benchmarks -am package; native kernel -march=native)" >&2
  # timings of this machine: the JavaCPP kernel compiled for its CPU (the default is portable x86-64-v2)
  (cd "$repo" && mvn -q -ntp -pl benchmarks -am package -DskipTests -Duf3.native.march=native)
fi

# inputs
if [[ -z "${UF3_DATA:-}" ]]; then
  for d in "$repo/../shared/data" "$repo/shared/data"; do
    if [[ -d "$d/tungsten" ]]; then export UF3_DATA="$(cd "$d" && pwd)"; break; fi
  done
fi
[[ -n "${UF3_DATA:-}" && -d "$UF3_DATA" ]] || { echo "[jmh] set UF3_DATA to the shared data directory" >&2; exit 1; }
if [[ -z "${UF3_LAMMPS_SRC:-}" ]]; then
  root="$("$repo/scripts/build-lammps.sh" | tail -1)"   # returns at once when LAMMPS is cached
  export UF3_LAMMPS_SRC="$root/src"
fi

out=()
if ((save)); then
  mkdir -p "$results"
  out=(-rf json -rff "$results/jmh.json")
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start="$(date -Iseconds)"
java -jar "$jar" -f 1 -wi 5 -w 1s -i 5 -r 1s -t 1 -prof org.uf3j.bench.jmh.CpuTimeProfiler "${out[@]}" \
  "${@:-org.uf3j.bench.jmh.}"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
((save)) || exit 0

python3 - "$results/jmh.json" "$results" "$start" "$load_before" "$load_after" "$(nproc --all)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$(java -version 2>&1 | head -1)" "benchmarks/jmh.sh $*" <<'PY'
import json, os, statistics, sys
path, outdir, start, load0, load1, ncpu, cpu_model, commit, jvm, command = sys.argv[1:11]
data = json.load(open(path))
meta = {"date": start, "command": command.strip(), "load_average_before": load0, "load_average_after": load1,
        "cpus": int(ncpu), "cpu_model": cpu_model, "git_commit": commit, "jvm": jvm,
        "settings": "1 fork, warm-up 5 x 1 s, measurement 5 x 1 s, 1 thread"}
json.dump(meta, open(os.path.join(outdir, "jmh.meta.json"), "w"), indent=1)

def values(metric):
    return [x for fork in metric["rawData"] for x in fork]

res = {}
for b in data:
    name = b["benchmark"].rsplit(".", 2)
    key = (name[-2], name[-1]) + tuple(sorted(b.get("params", {}).items()))
    wall = values(b["primaryMetric"])
    higher_better = b["mode"] == "thrpt"
    cpu = b["secondaryMetrics"].get("·cpu")
    atoms = b["secondaryMetrics"].get("atoms")
    res[key] = {"median": statistics.median(wall), "best": max(wall) if higher_better else min(wall),
                "cpu": statistics.median(values(cpu)) if cpu else None,
                "atoms": statistics.median(values(atoms)) if atoms else None}

def get(cls, method, **params):
    return res.get((cls, method) + tuple(sorted((k, str(v)) for k, v in params.items())))

f3 = lambda x: "–" if x is None else f"{x:.3f}"
f2 = lambda x: "–" if x is None else f"{x:.2f}"
div = lambda a, b: None if a is None or b is None else a / b
lines = [f"JMH, {start}, commit {commit}, {jvm}; {meta['settings']}; load average {load0} before, {load1} after, "
         f"{ncpu} CPUs ({cpu_model}).", f"Command: `{meta['command']}`.",
         "Times are the median of the 5 one-second measurement iterations; 'best' is the fastest iteration "
         "(the least disturbed by other processes on this shared machine). CPU time per op "
         "(CpuTimeProfiler) is in jmh.json.", ""]

if any(k[0] == "EvaluatorBenchmark" for k in res):
    lines += ["Java vs native (the C++ kernel of the plugin through JavaCPP), μs per atom. kernel: energy, forces "
              "and virial from a prebuilt neighbour list; structure: Evaluator.evaluate(Structure), Java "
              "neighbour list included (both back ends use it).", "",
              "| potential | body | atoms | kernel Java | kernel native | Java/native (best) | structure Java | "
              "structure native | Java/native (best) |", "|---|---|---|---|---|---|---|---|---|"]
    for pot in ("Nb", "W"):
        for body in ("2", "3"):
            for atoms in ("128", "2000"):
                row, any_value = [pot, "2" if body == "2" else "2+3", atoms], False
                for method in ("kernel", "structure"):
                    j = get("EvaluatorBenchmark", method, potential=pot, body=body, atoms=atoms, impl="java")
                    n = get("EvaluatorBenchmark", method, potential=pot, body=body, atoms=atoms, impl="native")
                    per = lambda r, k: None if r is None else r[k] / int(atoms)
                    any_value |= j is not None or n is not None
                    row += [f3(per(j, "median")), f3(per(n, "median")),
                            f"{f2(div(per(j, 'median'), per(n, 'median')))} ({f2(div(per(j, 'best'), per(n, 'best')))})"]
                if any_value:
                    lines.append("| " + " | ".join(row) + " |")
    lines += ["", "The triplet kernel alone, kernel(2+3-body) − kernel(2-body), μs per atom (medians):", "",
              "| potential | atoms | Java | native | Java/native |", "|---|---|---|---|---|"]
    for pot in ("Nb", "W"):
        for atoms in ("128", "2000"):
            v = {}
            for impl in ("java", "native"):
                r3 = get("EvaluatorBenchmark", "kernel", potential=pot, body="3", atoms=atoms, impl=impl)
                r2 = get("EvaluatorBenchmark", "kernel", potential=pot, body="2", atoms=atoms, impl=impl)
                v[impl] = None if r3 is None or r2 is None else (r3["median"] - r2["median"]) / int(atoms)
            if v["java"] is not None or v["native"] is not None:
                lines.append(f"| {pot} | {atoms} | {f3(v['java'])} | {f3(v['native'])} | "
                             f"{f2(div(v['java'], v['native']))} |")
    lines.append("")

if any(k[0] == "NeighborListBenchmark" for k in res):
    lines += ["Java neighbour-list build (full list with periodic images), μs per atom:", "",
              "| potential (cutoff) | atoms | median | best |", "|---|---|---|---|"]
    for pot, cut in (("Nb", "8 Å"), ("W", "5.5 Å")):
        for atoms in ("128", "2000"):
            r = get("NeighborListBenchmark", "build", potential=pot, atoms=atoms)
            if r:
                lines.append(f"| {pot} ({cut}) | {atoms} | {f3(r['median'] / int(atoms))} | "
                             f"{f3(r['best'] / int(atoms))} |")
    lines.append("")

if any(k[0] == "FeaturizeBenchmark" for k in res):
    lines += ["Fitting throughput on W-14 (300 frames: every 32nd of w14.xyz, 1-128 atoms), one thread: "
              "configurations per second, median (best); atoms per second, median. featurize: energy and force "
              "rows; accumulate: rows added into the normal equations (what a fit does per configuration).", "",
              "| body | featurize configs/s | featurize atoms/s | accumulate configs/s | accumulate atoms/s |",
              "|---|---|---|---|---|"]
    c = lambda r, k: "–" if r is None or r[k] is None else f"{r[k]:,.0f}"
    for body in ("2", "3"):
        f = get("FeaturizeBenchmark", "featurize", body=body)
        a = get("FeaturizeBenchmark", "accumulate", body=body)
        lines.append(f"| {'2' if body == '2' else '2+3'} | {c(f, 'median')} ({c(f, 'best')}) | {c(f, 'atoms')} | "
                     f"{c(a, 'median')} ({c(a, 'best')}) | {c(a, 'atoms')} |")
    lines.append("")

text = "\n".join(lines)
open(os.path.join(outdir, "jmh.md"), "w").write(text + "\n")
print(text)
PY
