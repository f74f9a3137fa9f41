#!/usr/bin/env bash
# cache-1k.sh: the normalization cache benchmark. Builds a database of variant A of
# ../shared/bench/gen_schema.py and writes variant B (same seed) as a desired file, then times, end to
# end: the reference `psql -f` loading B into an empty database, then psql running the inspector's
# catalog queries on what it loaded (catalog-floor.sh: one inspection); `converge plan --url A --desired DIR`
# cold (--no-cache: the embedded shadow is started, loaded and inspected); the same filling an empty
# cache directory; and the same again, warm (a cache hit: no shadow at all). The cold plan is printed
# as a ratio of the reference (psql -f plus one inspection: issue 16, item 2, asks for 1.2x at most).
# Figures go to docs/performance.md, with the machine's load average printed before each measurement.
#
# usage (from the project root): cli/bench/cache-1k.sh [TABLES] [RUNS]     (defaults: 1000 2)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), GEN (path to gen_schema.py),
#      SHADOW (embedded, the default, or server), REBUILD=1 to rebuild the database A,
#      BENCH_PREFIX (default bench) for the database names, COLD_ONLY=1 for the reference and the
#      cold plan only (the shadow's load, without the cache), VERBOSE=1 to print each plan's stages
#      (--verbose: also where the shadow's data directory went, tmpfs or disk, and why), JAVA_OPTS for
#      the JVM (e.g. -Dconverge.shadow.tmpfs=off to keep the shadow's data directory on disk, or
#      -Dconverge.shadow.dir=/dev/shm to force a directory), JVM_FLAGS for the JVM flags under JAVA_OPTS:
#      by default the launcher's (bin/converge: -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, what a user's
#      `converge plan` runs with, without its class-data-sharing archive); JVM_FLAGS= for java's own
#      defaults (C2 and G1: the figures in docs/performance.md before session 9). Before each cold plan the script says whether the embedded shadow's data directory
#      template (shadow-templates/ in Converge's cache) is there; the first run of a binaries version
#      builds it, so run once before measuring a steady state.
set -euo pipefail
tables=${1:-1000}
runs=${2:-2}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
gen=${GEN:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench/gen_schema.py}
jar=${CONVERGE_JAR:-cli/target/converge.jar}
shadow=${SHADOW:-embedded}
jvm_flags=${JVM_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
echo "JVM flags: ${jvm_flags:-none, the defaults of java} ${JAVA_OPTS:-}"
[[ -f $jar ]] || mvn -q package -DskipTests

work=$(mktemp -d /tmp/converge-cache-bench.XXXXXX)
trap 'rm -rf "$work"; psql -Xq -c "drop database if exists \"$ref\"" postgres' EXIT
prefix=${BENCH_PREFIX:-bench}
a=${prefix}_${tables}_a
ref=${prefix}_${tables}_psql_ref
if [[ ${REBUILD:-0} == 1 ]] || ! psql -XtAc "select 1 from pg_database where datname = '$a'" postgres | grep -q 1; then
  echo "building $a ($tables tables, variant A)"
  psql -Xq -c "drop database if exists \"$a\"" postgres
  psql -Xq -c "create database \"$a\"" postgres
  python3 "$gen" --tables "$tables" --seed 42 --variant A | psql -Xq -v ON_ERROR_STOP=1 -d "$a" >/dev/null
fi
mkdir -p "$work/schema"
python3 "$gen" --tables "$tables" --seed 42 --variant B --out "$work/schema/b.sql"

url="postgresql://$PGUSER@$PGHOST:$PGPORT/$a"
cache_dir=${CONVERGE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/converge}
plan() { # label, converge options...
  local label=$1; shift
  local verbose=()
  [[ ${VERBOSE:-0} == 1 ]] && verbose=(--verbose)
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  if ! /usr/bin/time -o "$work/time" -f "%e %M" \
    java $jvm_flags ${JAVA_OPTS:-} -jar "$jar" plan --url "$url" --desired "$work/schema" --shadow "$shadow" --format json "${verbose[@]}" "$@" \
    > "$work/plan-$label.json" 2> "$work/stderr-$label"; then
    cat "$work/stderr-$label" >&2
    exit 1
  fi
  read -r wall rss < "$work/time"
  echo "$label: $wall s wall, $rss KiB max RSS"
  [[ ${VERBOSE:-0} == 1 ]] && grep -E '^converge: [a-z -]+ [0-9.]+ s$|template|data directory under' "$work/stderr-$label" | sed 's/^/  /'
  return 0
}
for i in $(seq 1 "$runs"); do
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  psql -Xq -c "drop database if exists \"$ref\"" postgres
  psql -Xq -c "create database \"$ref\"" postgres
  /usr/bin/time -o "$work/time" -f "%e" psql -Xq -v ON_ERROR_STOP=1 -d "$ref" -f "$work/schema/b.sql" >/dev/null
  psql_f=$(cat "$work/time")
  echo "psql -f (reference) run $i: $psql_f s wall"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  floor=$("$(dirname "$0")/catalog-floor.sh" "$ref")
  echo "psql, the inspector's catalog queries on it (reference: one inspection) run $i: $floor s"
  # No template yet is no error (ls fails, and pipefail would end the script here).
  templates=$(ls -d "$cache_dir"/shadow-templates/postgres-* 2>/dev/null | tr '\n' ' ' || true)
  echo "embedded shadow's data directory template: ${templates:-none (this plan builds it)}"
  plan "cold-$i" --no-cache
  printf 'cold-%s: %.2fx the reference (psql -f + one inspection, %.2f s)\n' "$i" \
    "$(echo "scale=4; $wall / ($psql_f + $floor)" | bc)" "$(echo "$psql_f + $floor" | bc)"
  [[ ${COLD_ONLY:-0} == 1 ]] && continue
  rm -rf "$work/cache"
  plan "fill-$i" --cache-dir "$work/cache"
  plan "warm-$i" --cache-dir "$work/cache"
  cmp -s "$work/plan-cold-$i.json" "$work/plan-warm-$i.json" && echo "run $i: warm plan identical to cold plan" \
    || { echo "run $i: warm plan DIFFERS from cold plan"; exit 1; }
done
