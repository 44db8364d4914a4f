#!/usr/bin/env bash
# uf3-kernel/fuzz/run.sh [--seconds S] [--only NAME]
# libFuzzer targets of the C++ kernel, built with clang (installed from Debian when missing)
# under AddressSanitizer and UndefinedBehaviorSanitizer:
#   native-uf3-file   the .uf3 parser and the Potential built from it   (fuzz_file.cpp)
#   native-kernel     Potential::compute on random periodic geometries  (fuzz_kernel.cpp)
# First replays every stored regression input (uf3-kernel/fuzz/regressions/NAME/: inputs that
# once crashed, kept so they never come back), then fuzzes each target for S seconds (default 10)
# from a corpus kept outside the repository ($UF3_CACHE/fuzz-corpus/NAME, seeded from every .uf3
# of the repository and of LAMMPS' potentials). Prints one line per target, exactly
#   target=NAME execs=N crashes=K
# (K counts crashes, hangs, sanitizer reports and contract violations; a new finding is copied
# into regressions/NAME/). Exit status 1 when any K > 0. A hang is an input that runs 5 s of wall
# time: on a loaded 2-core machine a 1 s limit caught a 15 kB file that takes 0.08 s of CPU.
set -euo pipefail
log() { echo "[uf3 fuzz] $*" >&2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds=10; only=""
while (($#)); do
  case "$1" in
    --seconds) [[ "${2:-}" =~ ^[0-9]+$ ]] || { log "--seconds needs a whole number, found '${2:-}'"; exit 2; }; seconds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) log "usage: uf3-kernel/fuzz/run.sh [--seconds S] [--only NAME]"; exit 2 ;;
  esac
done
cache="${UF3_CACHE:-$HOME/.cache/uf3}"
if ! command -v clang++ > /dev/null; then
  log "installing clang (libFuzzer and the sanitizers) from Debian: apt-get install clang"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang >&2
fi
lroot="$("$repo/scripts/build-lammps.sh" | tail -1)"    # LAMMPS' Nb.uf3 is a seed and a kernel potential
build="$repo/uf3-kernel/target/fuzz"
mkdir -p "$build"
w14="$repo/benchmarks/paper/results/w14-accuracy/uf23/potential.uf3"
export UF3_FUZZ_POTENTIALS="$w14:W;$lroot/src/potentials/Nb.uf3:Nb"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

targets=("native-uf3-file|fuzz_file.cpp|65536" "native-kernel|fuzz_kernel.cpp|512")
status=0
for t in "${targets[@]}"; do
  IFS='|' read -r name src maxlen <<< "$t"
  [[ -n "$only" && "$only" != "$name" ]] && continue
  bin="$build/${src%.cpp}"
  if [[ ! -x "$bin" || -n "$(find "$here/$src" "$repo/uf3-kernel/include" -newer "$bin" -print -quit)" ]]; then
    log "building $name (clang++ -fsanitize=fuzzer,address,undefined)"
    clang++ -std=c++17 -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
      -I"$repo/uf3-kernel/include" "$here/$src" -o "$bin"
  fi
  regress="$here/regressions/$name"
  corpus="$cache/fuzz-corpus/$name"
  findings="$build/findings-$name"
  mkdir -p "$corpus" "$findings"
  crashes=0
  if compgen -G "$regress/*" > /dev/null; then
    if ! "$bin" -runs=1 "$regress"/* > "$build/$name.replay.log" 2>&1; then
      log "$name: a stored regression input fails again (log: $build/$name.replay.log)"
      crashes=1
    fi
  fi
  if [[ "$name" == native-uf3-file && -z "$(ls -A "$corpus")" ]]; then
    find "$repo" -name '*.uf3' -not -path '*/target/*' -exec cp {} "$corpus/" \; 2>/dev/null || true
    cp "$lroot"/src/potentials/*.uf3 "$corpus/" 2>/dev/null || true
  fi
  execs=0
  if ((crashes == 0 && seconds > 0)); then
    set +e
    "$bin" -max_total_time="$seconds" -max_len="$maxlen" -timeout=5 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 "$corpus" > "$build/$name.log" 2>&1
    st=$?
    set -e
    execs=$(grep -oE '^stat::number_of_executed_units: *[0-9]+' "$build/$name.log" | grep -oE '[0-9]+$' || echo 0)
    found=$(find "$findings" -type f | wc -l)
    if ((st != 0 || found > 0)); then
      crashes=$((found > 0 ? found : 1))
      mkdir -p "$regress"
      find "$findings" -type f -exec cp {} "$regress/" \;
      log "$name: finding(s) copied to $regress (log: $build/$name.log)"
      grep -m3 -E 'ERROR: |contract violation|runtime error' "$build/$name.log" >&2 || true
    fi
  fi
  echo "target=$name execs=$execs crashes=$crashes"
  ((crashes == 0)) || status=1
done
exit $status
