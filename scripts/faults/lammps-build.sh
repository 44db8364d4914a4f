#!/usr/bin/env bash
# scripts/faults/lammps-build.sh [--complete]
# Shows that an interrupted first-use LAMMPS build is never used, and that two first-use builds
# started at once do not corrupt each other. Works on a throw-away cache (UF3_CACHE in /tmp), so
# the real one is untouched:
#   1. two builds start at once: one must wait on the lock, the other builds;
#   2. both are killed with SIGKILL (the whole process group, compiler included) while downloading;
#      then fresh builds are killed while unpacking/configuring and while compiling;
#   3. after every kill the cache must have no completion marker, and the next run of
#      scripts/build-lammps.sh must say it is (re)building instead of handing out the cache.
# With --complete the last build is left to finish (10-20 minutes) and the result must run.
# Prints one PASS/FAIL line per check; exits non-zero on a failure.
set -euo pipefail
log() { echo "[uf3 faults] $*" >&2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
complete=0; [[ "${1:-}" == --complete ]] && complete=1
cache="$(mktemp -d /tmp/uf3-build-faults.XXXXXX)"
lroot="$cache/lammps-4Feb2025"
pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 -- "-$p" 2>/dev/null || true; done; rm -rf "$cache"; }
trap cleanup EXIT
failures=0
check() { local label=$1; shift; if "$@"; then echo "PASS  $label"; else echo "FAIL  $label"; failures=$((failures + 1)); fi; }

start_build() {   # start_build LOGFILE: a build in its own process group; prints the group id
  setsid env UF3_CACHE="$cache" "$root/scripts/build-lammps.sh" > "$1.out" 2> "$1" & echo $!
}
wait_for() {      # wait_for SECONDS TEST...: polls until the test holds
  local limit=$1; shift; local t=0
  until "$@"; do sleep 1; t=$((t + 1)); ((t < limit)) || return 1; done
}
kill_group() { kill -9 -- "-$1" 2>/dev/null || true; while kill -0 -- "-$1" 2>/dev/null; do sleep 0.2; done; }
incomplete() { [[ ! -f "$lroot/.complete" ]]; }
says_rebuild() { grep -q "no valid LAMMPS cache in $lroot: building it" "$1"; }
compiling() {     # at least 40 objects compiled
  local n=0
  [[ -f "$lroot/build.log" ]] || return 1
  n=$(grep -c 'Building CXX' "$lroot/build.log" 2>/dev/null) || true
  ((${n:-0} >= 40))
}

# 1. two first-use builds at once
a=$(start_build "$cache/a.log"); pids+=("$a")
b=$(start_build "$cache/b.log"); pids+=("$b")
check "two builds at once: one waits on the lock" wait_for 60 grep -q "holds $lroot/.lock: waiting" "$cache/a.log" "$cache/b.log"
check "two builds at once: the other downloads" wait_for 120 test -d "$lroot/download"
# 2a. kill both while downloading
kill_group "$a"; kill_group "$b"
check "killed while downloading: no completion marker" incomplete
# 2b. next build is a rebuild; kill it once unpacked (configuring)
c=$(start_build "$cache/c.log"); pids+=("$c")
check "after the kill, the next run rebuilds" wait_for 30 says_rebuild "$cache/c.log"
check "reaches the unpacked tree" wait_for 600 test -f "$lroot/cmake.log"
kill_group "$c"
check "killed while configuring: no completion marker" incomplete
# 2c. next build; kill it while compiling
d=$(start_build "$cache/d.log"); pids+=("$d")
check "after the kill, the next run rebuilds" wait_for 30 says_rebuild "$cache/d.log"
check "reaches compilation" wait_for 1200 compiling
kill_group "$d"
check "killed while compiling: no completion marker" incomplete
# the half-built tree is not handed out: the script does not print the cache root at once
e=$(start_build "$cache/e.log"); pids+=("$e")
check "a half-built cache is rebuilt, not used" wait_for 30 says_rebuild "$cache/e.log"
if ((complete)); then
  log "letting the last build finish (10-20 minutes)"
  while kill -0 "$e" 2>/dev/null; do sleep 5; done
  check "the rebuilt LAMMPS has its marker" test -f "$lroot/.complete"
  check "the rebuilt LAMMPS runs" "$lroot/install/bin/lmp" -h > /dev/null
  check "the next run uses it at once" bash -c "UF3_CACHE='$cache' '$root/scripts/build-lammps.sh' 2>&1 | tail -1 | grep -qx '$lroot'"
else
  kill_group "$e"
fi
if ((failures)); then log "$failures build-fault check(s) failed"; exit 1; fi
log "LAMMPS build faults: all checks passed"
