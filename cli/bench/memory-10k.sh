#!/usr/bin/env bash
# memory-10k.sh: resident memory of a 10,000-table plan with the launcher's default flags (issue 16,
# item 3: under 1 GiB). Unpacks the slim distribution (cli/target/converge-*-bin.tar.gz) and runs
# bin/converge as a user would, with no JAVA_OPTS, under /usr/bin/time -v (maximum resident set size):
#   - from a database: plan --url A --desired postgresql://.../B (two inspections of 10,000 tables);
#   - from files (FILES=1): plan --url A --desired DIR with variant B written as one file (the shadow
#     is loaded with it: minutes for 10,000 tables).
# Beside it, the reference measured in the same run: psql running the inspector's catalog queries on
# A and on B (cli/bench/catalog-floor.sh; their sum is the floor of a database-to-database plan). The databases are built once from
# ../shared/bench/gen_schema.py (seed 42) and kept (REBUILD=1 rebuilds them). Not a test.
#
# usage (from the project root): cli/bench/memory-10k.sh [TABLES] [RUNS]     (defaults: 10000 1)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), BENCH_PREFIX (default bench), GEN, FILES=1
set -euo pipefail
tables=${1:-10000}
runs=${2:-1}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
root=$(cd "$(dirname "$0")/../.." && pwd)
gen=${GEN:-$root/../shared/bench/gen_schema.py}
dist=$(ls "$root"/cli/target/converge-*-bin.tar.gz 2>/dev/null | head -1 || true)
[[ -n $dist ]] || { (cd "$root" && mvn -q -o package -DskipTests -pl cli -am); dist=$(ls "$root"/cli/target/converge-*-bin.tar.gz | head -1); }
work=$(mktemp -d /tmp/converge-memory-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
tar xzf "$dist" -C "$work"
converge=$(ls -d "$work"/*/bin/converge | head -1)
prefix=${BENCH_PREFIX:-bench}

a=${prefix}_${tables}_a
b=${prefix}_${tables}_b
"$root/cli/bench/variant-db.sh" A "$a" "$tables"
"$root/cli/bench/variant-db.sh" B "$b" "$tables"
url="postgresql://$PGUSER@$PGHOST:$PGPORT"

measure() { # label, command...
  local label=$1; shift
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -v "$@" > "$work/out" 2> "$work/time" || { tail -20 "$work/time"; return 1; }
  echo "$label: $(grep 'Elapsed (wall' "$work/time" | sed 's/.*: //') wall," \
    "$(grep 'Maximum resident' "$work/time" | sed 's/.*: //') KiB max RSS"
}
# The floor of a database-to-database plan is both inspections: A's queries, then B's.
measure "reference: psql, the catalog queries on $a" "$root/cli/bench/catalog-floor.sh" "$a"
measure "reference: psql, the catalog queries on $b" "$root/cli/bench/catalog-floor.sh" "$b"
for i in $(seq 1 "$runs"); do
  measure "bin/converge plan, database to database, run $i" "$converge" plan --url "$url/$a" --desired "$url/$b" --format json
done
if [[ ${FILES:-0} == 1 ]]; then
  mkdir -p "$work/desired"
  python3 "$gen" --tables "$tables" --seed 42 --variant B > "$work/desired/schema.sql"
  for i in $(seq 1 "$runs"); do
    measure "bin/converge plan, from files (no cache), run $i" "$converge" plan --url "$url/$a" --desired "$work/desired" \
      --no-cache --format json
  done
fi
