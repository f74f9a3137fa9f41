#!/usr/bin/env bash
# shadow-start.sh: the embedded PostgreSQL shadow's start on the critical path of a cold plan (issue 16,
# item 2). Plans a one-table desired file against an empty database with --no-cache --verbose, so
# nearly all of the plan is the JVM and the shadow, and prints for each jar the median, over RUNS runs
# taken in turn, of the `shadow start` stage and of the wall time, with the machine's load average.
# Give the build before a change and the build after it to compare them in the same run. The first
# plan of each jar is not counted: it primes the data directory template (shadow-templates/ in
# Converge's cache) and the extracted binaries.
#
# usage (from the project root): cli/bench/shadow-start.sh [RUNS] [JAR...]   (default 5 cli/target/converge.jar)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), BENCH_PREFIX (default bench) for the
#      database name, JAVA_OPTS for the JVM (e.g. -Dconverge.shadow.dir=/dev/shm).
set -euo pipefail
runs=${1:-5}
shift || true
jars=("$@")
[[ ${#jars[@]} -gt 0 ]] || jars=(cli/target/converge.jar)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=$(mktemp -d /tmp/converge-shadow-start-bench.XXXXXX)
db=${BENCH_PREFIX:-bench}_shadow_start
trap 'rm -rf "$work"; psql -Xq -c "drop database if exists \"$db\"" postgres' EXIT
psql -Xq -c "drop database if exists \"$db\"" postgres
psql -Xq -c "create database \"$db\"" postgres
mkdir -p "$work/schema"
echo 'CREATE TABLE "t" ("id" int PRIMARY KEY);' > "$work/schema/t.sql"
url="postgresql://$PGUSER@$PGHOST:$PGPORT/$db"

run() { # jar index, jar: one plan; appends "stage wall" to $work/times-INDEX
  local start end stage
  start=$(date +%s.%N)
  java ${JAVA_OPTS:-} -jar "$2" plan --url "$url" --desired "$work/schema" --no-cache --verbose \
    > /dev/null 2> "$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s.%N)
  stage=$(sed -n 's/^converge: shadow start \([0-9.]*\) s$/\1/p' "$work/stderr")
  echo "$stage $(echo "$end - $start" | bc)" >> "$work/times-$1"
}
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

for i in "${!jars[@]}"; do run "$i" "${jars[$i]}"; rm -f "$work/times-$i"; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$runs"); do
  for i in "${!jars[@]}"; do run "$i" "${jars[$i]}"; done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!jars[@]}"; do
  printf '%-40s shadow start %5.2f s   plan wall %5.2f s   (median of %s)\n' "${jars[$i]}" \
    "$(cut -d' ' -f1 "$work/times-$i" | median)" "$(cut -d' ' -f2 "$work/times-$i" | median)" "$runs"
done
