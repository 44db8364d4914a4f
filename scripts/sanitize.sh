#!/usr/bin/env bash
# scripts/sanitize.sh: the native code under AddressSanitizer + UndefinedBehaviorSanitizer.
#   1. the plugin proof (lammps-plugin-src/tests/run.sh) with UF3_SANITIZE=1: the kernel unit
#      test compiled with -fsanitize=address,undefined, and every LAMMPS run of ours (serial and
#      MPI) with a sanitized plugin and libasan preloaded; LeakSanitizer on for the serial runs
#      that end normally (LAMMPS frees nothing when it stops on an error; Open MPI keeps its own);
#   2. the JavaCPP kernel (uf3-native) built with the same flags (-Psanitize) and its tests run
#      with libasan preloaded into the test JVM (then rebuilt normally).
# Every report is written to a file; the script prints how many there were (target 0) and
# exits non-zero if there was any or a check failed. Takes 10-20 minutes.
set -uo pipefail
log() { echo "[uf3 sanitize] $*" >&2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reports="$(mktemp -d /tmp/uf3-sanitize.XXXXXX)"
asan_lib="$(g++ -print-file-name=libasan.so)"
[[ -f "$asan_lib" ]] || { log "g++ has no libasan.so ($asan_lib)"; exit 1; }
failed=0

log "1/2 plugin proof with a sanitized kernel test and plugin (reports: $reports)"
UF3_SANITIZE=1 \
ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=1" \
UBSAN_OPTIONS="log_path=$reports/ubsan:print_stacktrace=1:halt_on_error=1" \
  "$root/lammps-plugin-src/tests/run.sh" > "$reports/plugin-proof.log" 2>&1 || failed=1
log "plugin proof: $(tail -1 "$reports/plugin-proof.log")"
grep '^FAIL' "$reports/plugin-proof.log" >&2 || true

log "2/2 JavaCPP kernel (uf3-native) built with -fsanitize=address,undefined, its tests with libasan preloaded"
(cd "$root" && ASAN_OPTIONS="log_path=$reports/asan-jvm:handle_segv=0:allow_user_segv_handler=1:detect_leaks=0" \
   UBSAN_OPTIONS="log_path=$reports/ubsan-jvm:print_stacktrace=1:halt_on_error=1" \
   mvn -B -q -ntp -o -Psanitize -Dasan.preload="$asan_lib $(g++ -print-file-name=libstdc++.so.6)" -pl uf3-native -am verify -Dsurefire.failIfNoSpecifiedTests=false \
   -Dtest='org.uf3j.nativekernel.**' > "$reports/native-tests.log" 2>&1) || { failed=1; log "uf3-native tests failed: $reports/native-tests.log"; }
(cd "$root" && mvn -B -q -ntp -o -pl uf3-native -am process-classes > /dev/null 2>&1) || log "could not rebuild the normal uf3-native library"

n=$(find "$reports" -name 'asan*.*' -o -name 'ubsan*.*' | wc -l)
for f in $(find "$reports" -name 'asan*.*' -o -name 'ubsan*.*'); do log "report: $f"; head -20 "$f" >&2; done
echo "sanitizer reports: $n (plugin proof: $(tail -1 "$reports/plugin-proof.log"))"
if ((n > 0 || failed)); then log "not clean; logs and reports in $reports"; exit 1; fi
log "clean: no AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer report"
rm -rf "$reports"
