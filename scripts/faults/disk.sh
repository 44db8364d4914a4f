#!/usr/bin/env bash
# scripts/faults/disk.sh: `uf3 fit` writing to a full disk and to a read-only directory ends
# with one error line naming the output, leaves nothing half-written and any previous output
# unchanged. Mounts small tmpfs file systems, so it needs root (as CI has); without root it says
# so and does nothing. Prints one PASS/FAIL line per check and exits non-zero on a failure.
set -euo pipefail
log() { echo "[uf3 faults] $*" >&2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ "$(id -u)" != 0 ]]; then log "skipped: mounting a small tmpfs needs root"; exit 0; fi

work="$(mktemp -d /tmp/uf3-faults.XXXXXX)"
mnt="$work/mnt"; mkdir -p "$mnt"
cleanup() { umount "$mnt" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cat > "$work/fit.yaml" <<YAML
elements: [W]
data:
  - path: $root/examples/quickstart/w-eam.xyz
two_body: {r_min: 1.5, r_max: 5.5, resolution: 12}
three_body: {r_min: 2.0, r_max: 3.8, resolution: 4}
kappa: 0.7
regularization: {curvature_2b: 1e-6, curvature_3b: 1e-6}
split: {test_fraction: 0.25, seed: 3}
YAML
failures=0
check() {   # check LABEL CONDITION-COMMAND...
  local label=$1; shift
  if "$@"; then echo "PASS  $label"; else echo "FAIL  $label"; failures=$((failures + 1)); fi
}
one_error_line() {   # stderr has exactly one line "uf3 fit: error: ..." containing $2, no stack trace
  local err=$1 want=$2
  [[ $(grep -c 'error:' "$err") == 1 ]] && grep -q "^uf3 fit: error: .*$want" "$err" && ! grep -q $'\tat ' "$err"
}
no_leftovers() { ! ls -A "$mnt" | grep -qE '\.tmp-|\.old-'; }
previous() { mkdir -p "$mnt/out"; echo '{"previous": true}' > "$mnt/out/model.json"; }
unchanged() { [[ "$(cat "$mnt/out/model.json")" == '{"previous": true}' && $(ls -A "$mnt/out" | wc -l) == 1 ]]; }

"$root/bin/uf3" --version > /dev/null   # builds the command once

# uf3 fit into a fresh tmpfs of SIZE (remounted read-only when RO is "ro") that holds a previous
# output: it must fail with exit 2 and one error line naming the output and CAUSE, and change nothing.
fault() {   # fault LABEL SIZE RO CAUSE LEFTOVERS-LABEL
  local label=$1 size=$2 ro=$3 cause=$4 leftovers=$5
  mount -t tmpfs -o size="$size" tmpfs "$mnt"
  previous
  if [[ $ro == ro ]]; then mount -o remount,ro "$mnt"; fi
  set +e; UF3_JAVA_OPTS=-Xmx1g "$root/bin/uf3" fit "$work/fit.yaml" -o "$mnt/out" > "$work/out.txt" 2> "$work/err.txt"; code=$?; set -e
  check "$label: exit code 2 (was $code)" test "$code" = 2
  check "$label: one error line naming the output and the cause" one_error_line "$work/err.txt" "$mnt/out: cannot write the fit output (.*$cause"
  check "$label: previous output unchanged" unchanged
  check "$label: $leftovers" no_leftovers
  sed -n '/error:/p' "$work/err.txt" | sed 's/^/      /'
  umount "$mnt"
}

# 1. full disk: 300 kB hold the fit's first files but not its plots
fault "full disk" 300k rw "No space left on device" "no half-written directory left"

# 2. read-only directory
fault "read-only" 1m ro "Read-only file system" "nothing written"

# 3. after the faults, the same command on a healthy disk works
mount -t tmpfs -o size=64m tmpfs "$mnt"
previous
set +e; UF3_JAVA_OPTS=-Xmx1g "$root/bin/uf3" fit "$work/fit.yaml" -o "$mnt/out" > "$work/out.txt" 2> "$work/err.txt"; code=$?; set -e
check "healthy disk: the fit completes (exit $code)" test "$code" = 0
check "healthy disk: potential.uf3 written" test -s "$mnt/out/potential.uf3"
check "healthy disk: nothing left beside it" no_leftovers
umount "$mnt"

if ((failures)); then log "$failures disk-fault check(s) failed"; exit 1; fi
log "disk faults: all checks passed"
