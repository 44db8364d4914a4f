#!/usr/bin/env bash
# Fuzzes every reader and parser for S seconds each (issue 14) and prints one line per target:
#   target=NAME execs=N crashes=K
# K counts crashes, hangs (> 1 s per input), out-of-memory and contract violations of that run.
# Every input that broke a target is saved where the regression tests replay it
# (<module>/src/test/resources/fuzz/NAME/findings/), so plain `mvn test` fails until it is fixed.
#
#   scripts/fuzz.sh --seconds S [--only NAME[,NAME...]] [--list]
#
# Java targets run under Jazzer (com.code-intelligence:jazzer, test scope of uf3-cli, from ~/.m2);
# the seed corpora are made here, at fuzz time, from small excerpts of ../shared/data (or
# $UF3_DATA), the repository's own test files and the seeds our writers made
# (src/test/resources/fuzz/NAME/seeds), into target/fuzz/NAME/ (never into the repository).
# Exit status: 0 when every target reports crashes=0, 1 otherwise, 2 for a usage error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# One entry per target: NAME KIND ARGS... The runner for KIND is the function run_KIND, called as
#   run_KIND NAME SECONDS WORKDIR ARGS...
# and it must print "execs=N crashes=K" on its last line of stdout. The native (libFuzzer, ASan +
# UBSan) targets of the C++ kernel are run by uf3-kernel/fuzz/run.sh (run_native below), which
# builds them with clang, replays their stored findings and keeps their corpora; seeds for any
# other target come from seeds_NAME when such a function exists.
TARGETS=(
  "extxyz        java uf3-core org.uf3j.core.fuzz.ExtXyzFuzz"
  "uf3-file      java uf3-core org.uf3j.core.fuzz.Uf3FileFuzz"
  "uf3-json      java uf3-core org.uf3j.core.fuzz.Uf3JsonFuzz"
  "project-json  java uf3-core org.uf3j.core.fuzz.ProjectJsonFuzz"
  "vasprun       java uf3-core org.uf3j.core.fuzz.VasprunFuzz"
  "outcar        java uf3-core org.uf3j.core.fuzz.OutcarFuzz"
  "lammps-dump   java uf3-core org.uf3j.core.fuzz.LammpsDumpFuzz"
  "lammps-log    java uf3-core org.uf3j.core.fuzz.LammpsLogFuzz"
  "fitsnap-json  java uf3-core org.uf3j.core.io.fitsnap.FitsnapJsonFuzz"
  "fit-config    java uf3-cli  org.uf3j.cli.fuzz.FitConfigFuzz"
  "uf3-settings  java uf3-cli  org.uf3j.cli.fuzz.Uf3SettingsFuzz"
  "native-uf3-file native"
  "native-kernel   native"
)

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

seconds=""
only=""
list=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="${2:-}"; shift 2 ;;
    --only) only="${2:-}"; shift 2 ;;
    --list) list=1; shift ;;
    -h|--help) usage ;;
    *) echo "fuzz.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
if [[ $list == 1 ]]; then
  for t in "${TARGETS[@]}"; do read -r name _ <<< "$t"; echo "$name"; done
  exit 0
fi
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -gt 0 ]] || { echo "fuzz.sh: --seconds needs a positive whole number" >&2; usage; }
if [[ -n "$only" ]]; then
  for o in ${only//,/ }; do
    found=0
    for t in "${TARGETS[@]}"; do read -r name _ <<< "$t"; [[ "$name" == "$o" ]] && found=1; done
    [[ $found == 1 ]] || { echo "fuzz.sh: no target '$o' (scripts/fuzz.sh --list)" >&2; exit 2; }
  done
fi
selected() { [[ -z "$only" || ",$only," == *",$1,"* ]]; }

data="${UF3_DATA:-$root/../shared/data}"
lammps_src="$HOME/.cache/uf3/lammps-4Feb2025/src"

# --- seeds: small excerpts of real files, made at fuzz time ------------------------------------
# first_frames FILE K: the first K frames of an extended XYZ file (each frame is whole)
first_frames() {
  awk -v k="$2" 'n == 0 { if (frames == k) exit; n = $1 + 2; frames++ } { print; n-- }' "$1"
}
seed_copy() { # seed_copy DIR FILE...: copy existing files of at most 64 kB
  local dir="$1"; shift
  for f in "$@"; do
    if [[ -f "$f" && $(stat -c %s "$f") -le 65536 ]]; then cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"; fi
  done
}
seeds_extxyz() {
  local d="$1" f
  for f in "$data/tungsten/w14.xyz" "$data/mlearn-zuo2020/ZuoEtAl2020/Ni_test.xyz" \
           "$data/mlearn-zuo2020/ZuoEtAl2020/Li_test.xyz" "$root/examples/quickstart/w-eam.xyz"; do
    [[ -f "$f" ]] && first_frames "$f" 1 > "$d/$(basename "$f" .xyz)-1.xyz"
  done
  local si=("$data"/silicon-sw/Si_training_set/varying_alat/*.xyz)
  [[ -f "${si[0]}" ]] && first_frames "${si[0]}" 1 > "$d/silicon-sw-1.xyz"
  [[ -f "$data/tungsten/w14.xyz" ]] && sed -n '1,5p' "$data/tungsten/w14.xyz" > "$d/w14-truncated.xyz"
  return 0
}
seeds_uf3-file() { seed_copy "$1" "$lammps_src/potentials/Nb.uf3"; }
seeds_uf3-json() { seed_copy "$1" "$data"/uf3-models/*.json; }
seeds_vasprun() { seed_copy "$1" "$root/uf3-core/src/test/resources/io/vasp/vasprun.xml"; }
seeds_outcar() { seed_copy "$1" "$root/uf3-core/src/test/resources/io/vasp/OUTCAR"; }
seeds_lammps-log() { seed_copy "$1" "$root"/uf3-core/src/test/resources/io/lammps/log.*; }
seeds_lammps-dump() {
  local d="$1" io="$root/uf3-core/src/test/resources/io/lammps"
  seed_copy "$d" "$io"/*.dump
  for pair in "nb_tri.dump log.nb_tri" "nb_general.dump log.nb_general"; do
    read -r dump log <<< "$pair"
    [[ -f "$io/$dump" ]] && { cat "$io/$dump"; echo "%%LOG%%"; cat "$io/$log"; } > "$d/$dump-with-log"
  done
  return 0
}
seeds_fitsnap-json() {
  local d="$1" g
  for g in "$data"/inp-cusentino2020/JSON/*/; do
    local first=("$g"*.json)
    seed_copy "$d" "${first[0]}"
  done
  seed_copy "$d" "$root"/uf3-core/src/test/resources/io/fitsnap/set/*/*.json
}
seeds_fit-config() { seed_copy "$1" "$root"/examples/*/*.yaml; }
seeds_uf3-settings() { seed_copy "$1" "$data/uf3-models/uf3_default_options.yaml" "$root/examples/w14/uf3-settings.yaml"; }

make_seeds() { # make_seeds NAME DIR
  rm -rf "$2"; mkdir -p "$2"
  if declare -F "seeds_$1" > /dev/null; then "seeds_$1" "$2"; fi
}

# --- Java targets under Jazzer ---------------------------------------------------------------
classpath=""
java_classpath() {
  [[ -n "$classpath" ]] && return 0
  echo "[fuzz] compiling the fuzz targets and resolving Jazzer (mvn test-compile, uf3-cli and what it needs)" >&2
  mvn -B -ntp -q -pl uf3-cli -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test > target/fuzz-mvn.log 2>&1 \
    || { tail -20 target/fuzz-mvn.log >&2; echo "[fuzz] mvn failed (log: target/fuzz-mvn.log)" >&2; exit 1; }
  classpath="$root/uf3-cli/target/test-classes:$root/uf3-cli/target/classes:$(cat "$root/uf3-cli/target/fuzz-classpath.txt")"
}

# run_java NAME SECONDS WORKDIR MODULE CLASS
# A hang (> 1 s) or running out of memory ends Jazzer's process even with --keep_going; the run
# then starts again (from the corpus it grew) until the seconds are used up, so every target gets
# its full time. execs is the sum over the restarts.
run_java() {
  local name="$1" secs="$2" work="$3" module="$4" class="$5"
  local findings="$root/$module/src/test/resources/fuzz/$name/findings"
  local own_seeds="$root/$module/src/test/resources/fuzz/$name/seeds"
  mkdir -p "$findings" "$work/corpus" "$work/reproducers"
  local before; before="$(ls "$findings" | wc -l)"
  local dirs=("$work/corpus" "$work/seeds")
  [[ -d "$own_seeds" ]] && dirs+=("$own_seeds")
  [[ $(ls "$findings" | wc -l) -gt 0 ]] && dirs+=("$findings")
  local end=$(( SECONDS + secs )) execs=0 abnormal=0 runs=0 status n
  : > "$work/log.txt"
  while (( end - SECONDS >= 3 && runs < 30 )); do
    runs=$(( runs + 1 ))
    status=0
    # -timeout=1: a second per input at most; --keep_going: go on after a Java finding (one
    # artifact per distinct stack trace).
    java -Xmx768m -XX:+UseSerialGC -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
      --target_class="$class" --instrumentation_includes='org.uf3j.**' --keep_going=100 \
      --reproducer_path="$work/reproducers" \
      -max_total_time="$(( end - SECONDS ))" -timeout=1 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$findings/" "${dirs[@]}" > "$work/run.txt" 2>&1 || status=$?
    cat "$work/run.txt" >> "$work/log.txt"
    # executions of this run: the largest count libFuzzer printed (status lines "#N", "Done N runs", final stats)
    n="$(grep -aoE '^#[0-9]+|^Done [0-9]+ runs|number_of_executed_units: *[0-9]+' "$work/run.txt" \
      | grep -oE '[0-9]+' | sort -n | tail -1 || true)"
    execs=$(( execs + ${n:-0} ))
    [[ $status -eq 0 ]] && break
    if ! grep -aqE 'Test unit written to|artifact_prefix=.*(crash|timeout|oom)-' "$work/run.txt"; then
      abnormal=$(( abnormal + 1 )) # ended abnormally without saving an input: counted, the log says why
      echo "[fuzz] $name: Jazzer exited with status $status without an artifact; see $work/log.txt" >&2
      break
    fi
  done
  local after; after="$(ls "$findings" | wc -l)"
  echo "execs=$execs crashes=$(( after - before + abnormal ))"
}

# --- native targets: uf3-kernel/fuzz/run.sh -----------------------------------------------------
run_native() { # run_native NAME SECONDS WORKDIR
  local line
  line="$("$root/uf3-kernel/fuzz/run.sh" --seconds "$2" --only "$1" | tail -1)" || true
  [[ "$line" == "target=$1 "* ]] || { echo "execs=0 crashes=1"; return; }
  echo "${line#target=$1 }"
}

# --- the loop over targets --------------------------------------------------------------------
mkdir -p target/fuzz
failed=0
for t in "${TARGETS[@]}"; do
  read -r name kind args <<< "$t"
  selected "$name" || continue
  [[ "$kind" == java ]] && java_classpath
  work="$root/target/fuzz/$name"
  mkdir -p "$work"
  make_seeds "$name" "$work/seeds"
  # shellcheck disable=SC2086
  result="$("run_$kind" "$name" "$seconds" "$work" $args | tail -1)"
  echo "target=$name $result"
  [[ "$result" == *" crashes=0" ]] || failed=1
done
exit $failed
