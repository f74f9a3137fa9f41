#!/usr/bin/env bash
# report-1000.sh: `converge report --env prod` over a schema-per-tenant fleet, end to end (JVM start,
# planning every tenant, reading each tenant's recent history, rendering and writing the HTML). It
# uses the database fleet-1000.sh builds (TENANTS tenant schemas, applied once, five drifted) and
# builds it first when missing; the desired state gains a column, as there, so every tenant is
# pending. Prints each run's time, the report's own breakdown (planning, history, rendering) and the
# file's size. Figures go to docs/report.md. Not a test: nothing is asserted about time.
#
# usage (from the project root): cli/bench/report-1000.sh [TENANTS] [RUNS]   (defaults: 1000 3)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres)
set -euo pipefail
tenants=${1:-1000}
runs=${2:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
jar=${CONVERGE_JAR:-cli/target/converge.jar}
[[ -f $jar ]] || mvn -q -o package -DskipTests -pl cli -am
db=bench_fleet_$tenants
if ! psql -XtAc "select to_regclass('public.bench_applied') is not null" "$db" 2>/dev/null | grep -q t; then
  cli/bench/fleet-1000.sh "$tenants" 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/schema"
cp examples/saas/schema/*.sql "$work/schema/"
sed -i 's/    created_at timestamptz NOT NULL DEFAULT now()/    created_at timestamptz NOT NULL DEFAULT now(),\n    note text/' "$work/schema/10_accounts.sql"
cat > "$work/converge.yaml" <<YAML
desired: schema
shadow: server
environments:
  prod:
    url: postgresql://$PGUSER@$PGHOST:$PGPORT/$db
    tenants:
      mode: schema
      schema: tenant_{tenant}
      template_schema: app
      discover: SELECT slug FROM public.customers WHERE active ORDER BY slug
      parallelism: 4
YAML

java_opts="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
echo "report --env prod: $tenants tenant schemas, $runs runs ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
for i in $(seq 1 "$runs"); do
  # exit 1 would mean a target could not be read; the report is still written
  # shellcheck disable=SC2086
  /usr/bin/time -f "run $i: %e s wall, %U s user CPU, %M KiB max RSS" \
    java $java_opts -jar "$jar" report --env prod --config "$work/converge.yaml" --out "$work/report.html" \
    > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  grep -E " in [0-9.]+ s|^run " "$work/err.txt"
done
head -1 "$work/out.txt"
echo "report: $(stat -c %s "$work/report.html") bytes"
