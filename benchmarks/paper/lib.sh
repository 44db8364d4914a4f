# Sourced by the study scripts in benchmarks/paper/: builds target/benchmarks.jar when it is
# missing or older than any source it contains, then runs one study main class.
# Env: PAPER_JAVA_OPTS (default -Xmx8g), UF3_DATA (default <repo>/../shared/data).
set -euo pipefail
paper_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$paper_dir/../.." && pwd)"
jar="$repo/benchmarks/target/benchmarks.jar"

build_jar() {
  local stale=0
  if [[ ! -f "$jar" ]]; then
    stale=1
  elif [[ -n "$(find "$repo/pom.xml" "$repo"/uf3-core "$repo"/uf3-fit "$repo"/uf3-properties "$repo"/uf3-plot "$repo"/uf3-native \
          "$repo"/benchmarks/pom.xml "$repo"/benchmarks/src/main "$repo"/lammps-plugin-src "$repo"/uf3-kernel \
          \( -path '*/target' -o -path '*/build' \) -prune -o \
          \( -name '*.java' -o -name 'pom.xml' -o -name '*.h' -o -name '*.hpp' -o -name '*.cpp' \) \
          -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    stale=1
  fi
  if (( stale )); then
    echo "[paper] building benchmarks.jar (mvn -pl benchmarks -am package, native kernel -march=native)" >&2
    # one retry: another build in the same checkout can race with this one over target/
    (cd "$repo" && mvn -q -ntp -DskipTests -Duf3.native.march=native -pl benchmarks -am package >&2) \
      || { echo "[paper] build failed; retrying once in 20 s" >&2; sleep 20; \
           (cd "$repo" && mvn -q -ntp -DskipTests -Duf3.native.march=native -pl benchmarks -am package >&2); } \
      || { echo "[paper] build failed" >&2; exit 2; }
  fi
}

# Runs from a private copy of the jar: other work in this checkout may rebuild benchmarks.jar
# while a long study is running, and a JVM must not see its class path change underneath it.
run_study() {
  local main="$1"; shift
  build_jar
  paper_jar_copy="$(mktemp "${TMPDIR:-/tmp}/paper-benchmarks-XXXXXX.jar")"
  cp "$jar" "$paper_jar_copy"
  trap 'rm -f "$paper_jar_copy"' EXIT
  cd "$repo"
  java ${PAPER_JAVA_OPTS:--Xmx8g} -Dpaper.repo="$repo" -cp "$paper_jar_copy" "org.uf3j.bench.paper.$main" "$@"
}
