#!/usr/bin/env bash
# parse-10k.sh: the source-model benchmark. Generates a 10,000-table desired state with
# ../shared/bench/gen_schema.py (variant A, seed 42) and times `converge validate --no-shadow` on
# it: JVM start, reading, splitting, parsing every statement (SLL, LL on failure), checking
# annotations and ordering by references; no database. Figures go to docs/performance.md.
#
# usage (from the project root): cli/bench/parse-10k.sh [TABLES] [RUNS]     (defaults: 10000 3)
# env: GEN (path to gen_schema.py), CONVERGE_JAR (default cli/target/converge.jar)
set -euo pipefail
tables=${1:-10000}
runs=${2:-3}
gen=${GEN:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench/gen_schema.py}
jar=${CONVERGE_JAR:-cli/target/converge.jar}
[[ -f $jar ]] || mvn -q package -DskipTests

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$gen" --tables "$tables" --seed 42 --variant A --out "$dir/schema.sql"
echo "desired state: $(wc -l < "$dir/schema.sql") lines, $(grep -c ';$' "$dir/schema.sql") lines ending a statement"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %M KB max RSS" java -Xmx1g -jar "$jar" validate --desired "$dir" --no-shadow
done
