#!/usr/bin/env bash
# diff-10k.sh: the "make A look like B" benchmark. Builds two databases from
# ../shared/bench/gen_schema.py (variants A and B of the same seed: B is A plus a realistic change set
# touching ~5% of the tables), then times `converge plan --url A --desired B`, which inspects both
# databases and diffs them, end to end, in a 1 GiB heap, once with the JVM's default flags and once
# with the flags recommended for a short-lived CLI on few cores (C1 only, parallel GC: less time in
# JIT and GC threads that compete with the database for the same cores). Figures go to
# docs/performance.md.
#
# usage (from the project root): cli/bench/diff-10k.sh [TABLES] [RUNS]     (defaults: 10000 3)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), GEN (path to gen_schema.py),
#      REBUILD=1 to rebuild the databases even when they exist.
set -euo pipefail
tables=${1:-10000}
runs=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jar=${CONVERGE_JAR:-cli/target/converge.jar}
[[ -f $jar ]] || mvn -q package -DskipTests

a=bench_${tables}_a
b=bench_${tables}_b
"$(dirname "$0")/variant-db.sh" A "$a" "$tables"
"$(dirname "$0")/variant-db.sh" B "$b" "$tables"

url="postgresql://$PGUSER@$PGHOST:$PGPORT"
for flags in "" "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"; do
  echo "plan: $tables tables, A -> B, java -Xmx1g ${flags:-(default flags)}, $runs runs"
  for i in $(seq 1 "$runs"); do
    # shellcheck disable=SC2086 # flags are words on purpose
    /usr/bin/time -f "run $i: %e s wall, %U s user CPU, %M KiB max RSS" \
      java -Xmx1g $flags -jar "$jar" plan --url "$url/$a" --desired "$url/$b" --format json \
      > /tmp/diff-10k-plan.json
  done
done
python3 - <<'PY'
import json
plan = json.load(open('/tmp/diff-10k-plan.json'))
print("plan:", plan["summary"], "steps:", len(plan["steps"]))
PY
