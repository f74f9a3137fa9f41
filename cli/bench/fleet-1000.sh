#!/usr/bin/env bash
# fleet-1000.sh: `converge plan --env prod` over a schema-per-tenant fleet. Builds one database with
# TENANTS tenant schemas (each the template of examples/saas: an enum, 2 tables with identity, a
# foreign key, a check, an index and a view), listed in public.customers and discovered from it.
# Then, once: `apply --env prod` records every tenant as converged in history (with its desired
# snapshot), five tenants are changed by hand (drift), and the desired state gains a column (so
# every tenant has one pending step). Then it times `converge plan --env prod` end to end: the
# desired state is normalized once, the tenant schemas are inspected in one bulk inspection, each
# tenant's history is read over a bounded pool, plans are made and grouped. Expected output:
# 995 targets: plan A (1 step); 5 targets: plan B (2 steps), 5 drifted. Before the runs it prints the
# reference: psql running the inspector's own catalog queries over the same tenant schemas in one pass
# (cli/bench/catalog-floor.sh), the floor of the one bulk inspection. Figures go to
# docs/performance.md. Not a test: nothing is asserted about time.
#
# usage (from the project root): cli/bench/fleet-1000.sh [TENANTS] [RUNS] [PARALLELISM]   (defaults: 1000 3 4)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), REBUILD=1 to rebuild the database,
#      BENCH_PREFIX (default bench) for the database name, NO_HISTORY=1 to plan without the apply
#      before (no history, no drift check, every tenant in sync: an apply of 10,000 tenants takes minutes).
set -euo pipefail
# shellcheck source=tenant-fleet.sh
source "$(dirname "$0")/tenant-fleet.sh"
start_fleet_bench 3 "$@"
db=${BENCH_PREFIX:-bench}_fleet_$tenants
build_tenant_fleet "$db" "$tenants"
write_fleet_project "$work" "$db" "$parallelism"

java_opts="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
if [[ ${NO_HISTORY:-0} != 1 ]] && ! psql -XtAc "select to_regclass('public.bench_applied') is not null" "$db" | grep -q t; then
  echo "apply --env prod once (every tenant already converged: recorded in history with its snapshot)"
  # shellcheck disable=SC2086
  /usr/bin/time -f "apply: %e s wall, %U s user CPU, %M KiB max RSS" \
    java $java_opts -jar "$jar" apply --env prod --auto-approve --config "$work/converge.yaml" | tail -4
  psql -Xq -v ON_ERROR_STOP=1 -d "$db" <<SQL
ALTER TABLE tenant_c00010.users ALTER COLUMN plan SET DEFAULT 'team';
ALTER TABLE tenant_c00020.users ALTER COLUMN plan SET DEFAULT 'team';
ALTER TABLE tenant_c00030.users ALTER COLUMN plan SET DEFAULT 'team';
ALTER TABLE tenant_c00040.users ALTER COLUMN plan SET DEFAULT 'team';
ALTER TABLE tenant_c00050.users ALTER COLUMN plan SET DEFAULT 'team';
CREATE TABLE public.bench_applied ();
SQL
fi
sed -i 's/    created_at timestamptz NOT NULL DEFAULT now()/    created_at timestamptz NOT NULL DEFAULT now(),\n    note text/' "$work/schema/10_accounts.sql"

tenant_schemas="select 'tenant_' || slug from public.customers where active order by slug"
echo "reference, load $(cut -d' ' -f1 /proc/loadavg): psql runs the catalog queries over the $tenants tenant schemas in one pass:" \
  "$("$(dirname "$0")/catalog-floor.sh" "$db" "$tenant_schemas") s"
echo "plan --env prod: $tenants tenant schemas, parallelism $parallelism, $runs runs ($(nproc) cores)"
for i in $(seq 1 "$runs"); do
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "run $i: %e s wall, %U s user CPU, %M KiB max RSS" \
    java $java_opts -jar "$jar" plan --env prod \
    --config "$work/converge.yaml" > "$work/plan.txt" 2> "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  tail -1 "$work/err.txt"
done
head -4 "$work/plan.txt"
