#!/usr/bin/env bash
# fleet-apply.sh: `converge apply --env prod` that changes every tenant of a schema-per-tenant fleet.
# Builds one database with TENANTS tenant schemas (the template of examples/saas, as fleet-1000.sh
# does), applies the template once (untimed: every tenant recorded in history), then for each run adds
# one column to app.users in the desired files, so that every tenant has exactly one pending step, and
# times `converge apply --env prod --auto-approve` end to end: JVM start, normalization, one bulk
# inspection and TENANTS plans, then per tenant the lock, the stale check, the step, its checkpoint and
# the history row, and the convergence check. The reference, measured in the same run: psql running
# the same ALTER TABLE for every tenant from one file (one round trip per statement, no checks at
# all); its columns are dropped again, untimed. Each run leaves the fleet converged, so runs chain.
# Figures go to docs/performance.md. Not a test: nothing is asserted about time.
#
# usage (from the project root): cli/bench/fleet-apply.sh [TENANTS] [RUNS] [PARALLELISM]   (defaults: 1000 2 4)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), REBUILD=1 to rebuild the database,
#      BENCH_PREFIX (default bench) for the database name, JAVA_OPTS (default: none, the launcher's).
set -euo pipefail
# shellcheck source=tenant-fleet.sh
source "$(dirname "$0")/tenant-fleet.sh"
start_fleet_bench 2 "$@"
db=${BENCH_PREFIX:-bench}_fleet_apply_$tenants
build_tenant_fleet "$db" "$tenants" "CREATE TABLE public.bench_columns (n int NOT NULL);
INSERT INTO public.bench_columns VALUES (0);"
write_fleet_project "$work" "$db" "$parallelism"
# The desired files with columns note_1..note_N on app.users (N = columns the fleet has now).
with_columns() {
  cp examples/saas/schema/10_accounts.sql "$work/schema/10_accounts.sql"
  local i
  for ((i = $1; i >= 1; i--)); do
    sed -i "s/    created_at timestamptz NOT NULL DEFAULT now()/&,\n    note_$i text/" "$work/schema/10_accounts.sql"
  done
}
# shellcheck disable=SC2086
converge() { java ${JAVA_OPTS:-} -jar "$jar" "$@" --config "$work/converge.yaml"; }

n=$(psql -XtAc "select n from public.bench_columns" "$db")
with_columns "$n"
if ! psql -XtAc "select to_regclass('public.bench_applied') is not null" "$db" | grep -q t; then
  echo "apply --env prod once, untimed (records every tenant in history)"
  converge apply --env prod --auto-approve > "$work/out.txt" 2>&1 || { tail -20 "$work/out.txt"; exit 1; }
  psql -Xq -c "CREATE TABLE public.bench_applied ()" "$db"
fi

echo "apply --env prod: $tenants tenant schemas, one new column each, parallelism $parallelism, $runs runs ($(nproc) cores)"
for run in $(seq 1 "$runs"); do
  for ((t = 1; t <= tenants; t++)); do
    printf 'ALTER TABLE tenant_c%05d.users ADD COLUMN bench_ref text;\n' "$t"
  done > "$work/ref.sql"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "run $run: reference psql -f ($tenants ALTER TABLE): %e s wall" \
    psql -Xq -v ON_ERROR_STOP=1 -d "$db" -f "$work/ref.sql"
  sed 's/ADD COLUMN bench_ref text/DROP COLUMN bench_ref/' "$work/ref.sql" | psql -Xq -v ON_ERROR_STOP=1 -d "$db"
  n=$((n + 1))
  with_columns "$n"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -o "$work/time.txt" -f "run $run: converge apply: %e s wall, %U s user CPU, %M KiB max RSS" \
    java ${JAVA_OPTS:-} -jar "$jar" apply --env prod --auto-approve --config "$work/converge.yaml" \
    > "$work/out.txt" 2> "$work/err.txt" || { tail -20 "$work/out.txt" "$work/err.txt"; exit 1; }
  cat "$work/time.txt"
  psql -Xq -c "UPDATE public.bench_columns SET n = $n" "$db"
  grep -E '^(applied|Applied|[0-9]+ (applied|targets))' "$work/out.txt" | tail -3 || tail -3 "$work/out.txt"
  echo "run $run: tenants with note_$n: $(psql -XtAc "select count(*) from information_schema.columns
    where table_schema like 'tenant\_%' and table_name = 'users' and column_name = 'note_$n'" "$db")"
done
