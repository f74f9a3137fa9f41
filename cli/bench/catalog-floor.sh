#!/usr/bin/env bash
# catalog-floor.sh: the reference the inspection benchmarks print beside Converge's figure. psql runs
# the PostgreSQL inspector's own catalog queries (the .sql resources of dialects/postgres, unchanged)
# on one database, in one read-only REPEATABLE READ transaction with the inspector's settings
# (empty search_path, JIT off, work_mem 64MB), the schema list bound as their text[] parameter, and
# the rows thrown away. No model is built: this is what the server alone needs to answer them.
#
# usage (from the project root): cli/bench/catalog-floor.sh DATABASE [SCHEMAS_SQL] [BATCH]
#   SCHEMAS_SQL: a query returning the schema names to inspect (default: every schema that is not
#                the server's own or Converge's bookkeeping schema);
#   BATCH:       inspect the schemas BATCH at a time, one pass of the queries per batch (default: all at once).
# Prints the wall time of the queries in seconds (the psql start and the schema list excluded).
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres)
set -euo pipefail
db=$1
schemas_sql=${2:-"select nspname from pg_catalog.pg_namespace where nspname !~ '^pg_' and nspname not in ('information_schema', 'converge')"}
batch=${3:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
queries=$(cd "$(dirname "$0")/../.." && pwd)/dialects/postgres/src/main/resources/dev/converge/dialect/postgres/inspect
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql -XtAc "$schemas_sql" "$db" > "$work/names"
total=$(wc -l < "$work/names")
[[ $batch -gt 0 ]] || batch=$((total > 0 ? total : 1))
split -l "$batch" "$work/names" "$work/part."

{
  echo '\set QUIET on'
  for f in "$queries"/*.sql; do
    name=$(basename "$f" .sql)
    # schemas.sql has no parameter; privileges.sql takes the managed roles second (none here, as by default).
    case $name in
      schemas) body=$(cat "$f") ;;
      privileges) body=$(sed -e '0,/?/s//$1/' -e '0,/?/s//$2/' "$f"); name_args='(text[], text[])' ;;
      *) body=$(sed '0,/?/s//$1/' "$f") ;;
    esac
    case $name in
      schemas) echo "PREPARE q_$name AS $body;" ;;
      privileges) echo "PREPARE q_$name$name_args AS $body;" ;;
      *) echo "PREPARE q_$name(text[]) AS $body;" ;;
    esac
  done
  echo '\o /dev/null'
  echo "SELECT extract(epoch from clock_timestamp()) AS started \\gset"
  for part in "$work"/part.*; do
    array="{$(paste -sd, "$part")}"
    echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
    echo "SELECT pg_catalog.set_config('search_path', '', true), pg_catalog.set_config('jit', 'off', true), pg_catalog.set_config('work_mem', '64MB', true);"
    for f in "$queries"/*.sql; do
      name=$(basename "$f" .sql)
      case $name in
        schemas) echo "EXECUTE q_$name;" ;;
        privileges) echo "EXECUTE q_$name('$array', '{}');" ;;
        *) echo "EXECUTE q_$name('$array');" ;;
      esac
    done
    echo "ROLLBACK;"
  done
  echo '\o'
  echo "SELECT round((extract(epoch from clock_timestamp()) - :started)::numeric, 2);"
} > "$work/floor.sql"
psql -XtA -v ON_ERROR_STOP=1 -f "$work/floor.sql" "$db"
