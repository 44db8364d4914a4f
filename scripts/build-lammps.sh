#!/usr/bin/env bash
# Builds LAMMPS 4Feb2025 (PLUGIN, ML-UF3, ML-SNAP, MANYBODY, MEAM, ML-POD, OPENMP; serial) from
# Debian's trixie source package into a cache outside the repository, once per machine.
# A cache built with another package set (the marker records it) is rebuilt once. The marker
# is removed before and written after everything else, so a build killed at any point is found
# incomplete and rebuilt; concurrent builds queue on a lock (scripts/faults/lammps-build.sh
# demonstrates both).
# Usage: scripts/build-lammps.sh        (prints the cache root on its last line)
#        scripts/build-lammps.sh --mpi  the same LAMMPS with BUILD_MPI=on (Open MPI, installed
#                                       with apt when mpicxx/mpirun are missing), in its own
#                                       cache root lammps-4Feb2025-mpi; compiled under nice
# Env:   UF3_CACHE (default ~/.cache/uf3)
set -euo pipefail
log() { echo "[uf3 lammps] $*" >&2; }
mpi=0
case "${1:-}" in
  --mpi) mpi=1 ;;
  "") ;;
  *) log "usage: scripts/build-lammps.sh [--mpi]"; exit 2 ;;
esac
cache="${UF3_CACHE:-$HOME/.cache/uf3}"
if ((mpi)); then root="$cache/lammps-4Feb2025-mpi"; else root="$cache/lammps-4Feb2025"; fi
prefix="$root/install"
marker="$root/.complete"
# The packages every LAMMPS of ours has: the plugin's own (PLUGIN), the reference style
# (ML-UF3), peers to measure against (ML-SNAP, MANYBODY: SW, Vashishta; ML-POD: POD and
# fitpod), the labeller of the alloy data sets (MEAM: 2NN MEAM) and the threading layer the
# plugin's uf3/omp styles build on (OPENMP: fix omp, ThrOMP, -sf omp; BUILD_OMP=on).
packages=(PLUGIN ML-UF3 ML-SNAP MANYBODY MEAM ML-POD OPENMP)
want="packages: ${packages[*]}"
cache_ok() { [[ -f "$marker" && -x "$prefix/bin/lmp" && -d "$root/src/src/PLUGIN" ]] && grep -qxF "$want" "$marker"; }
if cache_ok; then echo "$root"; exit 0; fi
if [[ -f "$marker" ]]; then
  log "the LAMMPS cache in $root was built with another package set ($(grep '^packages:' "$marker" || echo 'packages: PLUGIN ML-UF3 ML-SNAP MANYBODY')); rebuilding it once with: ${packages[*]}"
else
  log "no valid LAMMPS cache in $root: building it (once per machine, about 5-10 minutes)"
fi
mkdir -p "$root"
exec 9>"$root/.lock"
if ! flock -n 9; then
  log "another build of LAMMPS into $root holds $root/.lock: waiting for it to finish"
  flock 9
fi
if cache_ok; then echo "$root"; exit 0; fi
rm -f "$marker"

need=()
for tool in cmake g++ make flock tar; do command -v "$tool" >/dev/null || need+=("$tool"); done
if ((${#need[@]})); then
  log "installing build tools: ${need[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmake g++ make util-linux tar xz-utils >&2
fi
# ML-POD links LAPACK; Debian's source package strips LAMMPS' bundled lib/linalg, so the
# system's reference BLAS/LAPACK is used.
if ! ldconfig -p | grep -q 'liblapack\.so ' || ! ldconfig -p | grep -q 'libblas\.so '; then
  log "installing BLAS/LAPACK for ML-POD: apt-get install liblapack-dev libblas-dev"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblapack-dev libblas-dev >&2
fi
if ((mpi)) && ! { command -v mpicxx >/dev/null && command -v mpirun >/dev/null; }; then
  log "installing Open MPI for the MPI build: apt-get install openmpi-bin libopenmpi-dev"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openmpi-bin libopenmpi-dev >&2
fi

# A private apt configuration holding only trixie's source list, so the machine's own
# apt state is untouched. The mirror is the one the machine already uses.
mirror=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
if [[ -z "$mirror" ]]; then
  mirror=$(grep -hE '^\s*deb\s' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
fi
[[ -n "$mirror" ]] || { log "cannot find a Debian mirror in /etc/apt/sources.list*"; exit 1; }
apt_dir="$root/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
echo "deb-src [signed-by=$keyring] $mirror trixie main" > "$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache::Archives=$apt_dir/archives"
          -o "APT::Get::List-Cleanup=0")
log "reading trixie source index from $mirror"
apt-get "${apt_opts[@]}" update -qq >&2
version=$(apt-cache "${apt_opts[@]}" showsrc lammps | awk '/^Version:/{print $2; exit}')
[[ -n "$version" ]] || { log "trixie has no lammps source package"; exit 1; }
log "downloading lammps=$version source"
dl="$root/download"
rm -rf "$dl"; mkdir -p "$dl"
(cd "$dl" && apt-get "${apt_opts[@]}" source --download-only "lammps=$version" >&2) || true
orig=$(ls "$dl"/lammps_*.orig.tar.* 2>/dev/null | head -1 || true)
[[ -n "$orig" ]] || { log "download of the lammps source tarball failed"; exit 1; }
log "unpacking $(basename "$orig")"
rm -rf "$root/src"; mkdir -p "$root/src"
tar -xf "$orig" -C "$root/src" --strip-components=1
grep -q '4 Feb 2025' "$root/src/src/version.h" || { log "unpacked tree is not LAMMPS 4Feb2025: $(cat "$root/src/src/version.h")"; exit 1; }

# The MPI variant differs only in BUILD_MPI and in running the compiler under nice (it is
# built on first use by the tests, possibly while other work runs on the machine).
build_mpi=off; nice_cmd=()
if ((mpi)); then build_mpi=on; nice_cmd=(nice -n 10); fi
pkg_flags=(); for p in "${packages[@]}"; do pkg_flags+=(-D "PKG_$p=on"); done
log "configuring (cmake, BUILD_MPI=$build_mpi) and building with $(nproc) cores"
rm -rf "$root/build"
cmake -S "$root/src/cmake" -B "$root/build" -D CMAKE_BUILD_TYPE=Release -D CMAKE_INSTALL_PREFIX="$prefix" \
  -D BUILD_MPI=$build_mpi -D BUILD_OMP=on "${pkg_flags[@]}" \
  -D BUILD_SHARED_LIBS=on -D LAMMPS_MACHINE= -D WITH_JPEG=off -D WITH_PNG=off -D WITH_FFMPEG=off \
  -D WITH_GZIP=off -D BUILD_TOOLS=off -D BUILD_LAMMPS_GUI=off > "$root/cmake.log" 2>&1 \
  || { log "cmake failed, see $root/cmake.log"; tail -20 "$root/cmake.log" >&2; exit 1; }
"${nice_cmd[@]}" cmake --build "$root/build" -j "$(nproc)" > "$root/build.log" 2>&1 \
  || { log "build failed, see $root/build.log"; tail -30 "$root/build.log" >&2; exit 1; }
cmake --install "$root/build" > "$root/install.log" 2>&1
printf '%s\n%s\n' "$version" "$want" > "$marker"
log "LAMMPS 4Feb2025$( ((mpi)) && echo " (MPI)") installed in $prefix"
echo "$root"
