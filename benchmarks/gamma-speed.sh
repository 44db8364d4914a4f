#!/usr/bin/env bash
# Cost of the extrapolation grade in LAMMPS (issue 13): ordinary MD steps must keep their speed.
# Usage: benchmarks/gamma-speed.sh FIT_DIR [REPS] [STEPS] [BASELINE_PLUGIN.so]
#   FIT_DIR  a uf3 fit --active-set output (potential.uf3 + potential.asi of a W potential)
# Interleaved runs (rep 1 of every variant, then rep 2, ..., the order rotating from rep to rep) of the same 2,000-atom bcc W box,
# NVE at 300 K, one thread; per variant the median LAMMPS "Loop time" per atom-step:
#   plain        pair_style uf3 3                       (this plugin, no grade)
#   gamma-idle   pair_style uf3 3 gamma FILE.asi        (grade loaded, never asked for)
#   gamma/100    + fix pair 100 uf3 gamma 1, compute reduce max, fix halt (γ on every 100th step)
#   gamma/20     the same every 20th step
#   baseline     (with BASELINE_PLUGIN.so, e.g. the plugin built from the commit before the grade)
#                pair_style uf3 3 from that plugin, loaded with plugin load into bin/lmp --reference
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fit="$(cd "${1:?usage: gamma-speed.sh FIT_DIR [REPS] [STEPS] [BASELINE.so]}" && pwd)"
reps="${2:-5}"; steps="${3:-200}"; base="${4:-}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
variants=(plain gamma-idle gamma/100 gamma/20)
[[ -n "$base" ]] && variants+=(baseline)
input() {  # $1 variant
  local style="pair_style uf3 3" extra=""
  case "$1" in
    gamma-idle) style="pair_style uf3 3 gamma $fit/potential.asi" ;;
    gamma/*) style="pair_style uf3 3 gamma $fit/potential.asi"
             extra="fix g all pair ${1#gamma/} uf3 gamma 1
compute m all reduce max f_g
variable mg equal c_m
fix h all halt ${1#gamma/} v_mg > 1e300 error continue" ;;
    baseline) style="plugin load $base
pair_style uf3 3" ;;
  esac
  cat <<EOF2
units metal
atom_style atomic
lattice bcc 3.165
region box block 0 10 0 10 0 10
create_box 1 box
create_atoms 1 box
mass 1 183.84
$style
pair_coeff * * $fit/potential.uf3 W
velocity all create 300 4 loop geom
fix nve all nve
$extra
thermo $steps
run $steps
EOF2
}
declare -A times
nv=${#variants[@]}
for ((r = 1; r <= reps; r++)); do
  for ((q = 0; q < nv; q++)); do
    v="${variants[$(((q + r - 1) % nv))]}"   # the order rotates from rep to rep
    f="$work/${v//\//_}.in"; input "$v" > "$f"
    if [[ "$v" == baseline ]]; then lmp=("$repo/bin/lmp" --reference); else lmp=("$repo/bin/lmp"); fi
    out="$("${lmp[@]}" -in "$f" -log none -echo none 2>&1)"
    t="$(grep -m1 '^Loop time' <<<"$out" | awk '{print $4}')"
    [[ -n "$t" ]] || { echo "$v failed:"; echo "$out" | tail -5; exit 1; }
    us="$(awk -v t="$t" -v s="$steps" 'BEGIN{printf "%.4f", t*1e6/(2000*s)}')"
    times[$v]+="$us "
    echo "rep $r $v: $us us/atom/step"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ref="$(median <<<"${times[plain]}")"
echo
printf "%-12s %14s %10s   (median of %d interleaved runs, %d steps, 2,000 atoms; load %s)\n" variant "us/atom/step" "vs plain" "$reps" "$steps" "$(cut -d' ' -f1-3 /proc/loadavg)"
for v in "${variants[@]}"; do
  m="$(median <<<"${times[$v]}")"
  printf "%-12s %14s %+9.1f%%\n" "$v" "$m" "$(awk -v m="$m" -v r="$ref" 'BEGIN{print 100*(m/r-1)}')"
done
