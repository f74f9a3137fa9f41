#!/usr/bin/env bash
# startup.sh: start-up of the command line (issue 16, item 7). Times, in the same run and beside the
# JVM's own floor (`java -version`) and psql running the inspector's catalog queries on the same
# database (catalog-floor.sh, the queries' own time as it prints it: what a plan with a warm cache asks the server):
#   - `converge --version` as `java -jar converge.jar` (no launcher flags, no archive),
#   - `bin/converge --version` through the launcher (C1 only, SerialGC, its class-data-sharing archive),
#   - `bin/converge plan` of a dozen tables with a warm normalization cache (no shadow at all),
#     the same as `java -jar`, for comparison.
# Each figure is the median of RUNS runs, wall time; the machine's load average is printed with them.
#
# usage (from the project root): cli/bench/startup.sh [RUNS]      (default 5)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), GEN (path to gen_schema.py),
#      BENCH_PREFIX (default bench) for the database name.
set -euo pipefail
runs=${1:-5}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
root=$(cd "$(dirname "$0")/../.." && pwd)
gen=${GEN:-$root/../shared/bench/gen_schema.py}
dist=$(ls "$root"/cli/target/converge-*-bin.tar.gz 2>/dev/null | head -1 || true)
[[ -n $dist ]] || { (cd "$root" && mvn -q package -DskipTests); dist=$(ls "$root"/cli/target/converge-*-bin.tar.gz | head -1); }

work=$(mktemp -d /tmp/converge-startup-bench.XXXXXX)
db=${BENCH_PREFIX:-bench}_startup_12
trap 'rm -rf "$work"; psql -Xq -c "drop database if exists \"$db\"" postgres' EXIT
tar xzf "$dist" -C "$work"
home=$(ls -d "$work"/converge-*)
jar=$home/lib/converge.jar
# The launcher's archive and the normalization cache live here, not in the user's cache.
export CONVERGE_CACHE_DIR=$work/cache

psql -Xq -c "drop database if exists \"$db\"" postgres
psql -Xq -c "create database \"$db\"" postgres
python3 "$gen" --tables 12 --seed 42 --variant A | psql -Xq -v ON_ERROR_STOP=1 -d "$db" >/dev/null
mkdir -p "$work/schema"
python3 "$gen" --tables 12 --seed 42 --variant B --out "$work/schema/b.sql"
url="postgresql://$PGUSER@$PGHOST:$PGPORT/$db"

median() { # label, command...: prints the median wall time of $runs runs
  local label=$1; shift
  local times=()
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%-48s %6.2f s   (load %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Prime: the launcher's first command (a plan) writes its class-data archive and fills the
# normalization cache; the second checks that the plan is a cache hit (no shadow started).
"$home/bin/converge" plan --url "$url" --desired "$work/schema" >/dev/null 2>&1 || true
"$home/bin/converge" plan --url "$url" --desired "$work/schema" --verbose 2>&1 >/dev/null | grep -q "normalization cache.*hit" \
  || { echo "the second plan was not a normalization cache hit"; exit 1; }

# The median of the figure a command prints itself (catalog-floor.sh: the queries' own time, without
# the Python that expands them for psql, which timing the script end to end would count).
median_printed() { # label, command...
  local label=$1; shift
  local figures=()
  for _ in $(seq 1 "$runs"); do
    figures+=("$("$@" 2>/dev/null | tail -1)")
  done
  printf '%-48s %6.2f s   (load %s)\n' "$label" "$(printf '%s\n' "${figures[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

median "java -version (reference: the JVM alone)" java -version
median_printed "psql, the catalog queries (reference)" "$root/cli/bench/catalog-floor.sh" "$db"
median "java -jar converge.jar --version" java -jar "$jar" --version
median "bin/converge --version (launcher, CDS)" "$home/bin/converge" --version
median "java -jar converge.jar plan, 12 tables, warm" java -jar "$jar" plan --url "$url" --desired "$work/schema"
median "bin/converge plan, 12 tables, warm cache" "$home/bin/converge" plan --url "$url" --desired "$work/schema"
