#!/usr/bin/env bash
# variant-db.sh: builds database DB from variant VARIANT (A or B) of ../shared/bench/gen_schema.py
# with TABLES tables (seed 42), unless it exists already (REBUILD=1 rebuilds it). Used by the benchmarks.
#
# usage: cli/bench/variant-db.sh VARIANT DB TABLES
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), GEN (path to gen_schema.py), REBUILD=1
set -euo pipefail
variant=$1 db=$2 tables=$3
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
gen=${GEN:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench/gen_schema.py}
if [[ ${REBUILD:-0} != 1 ]] && psql -XtAc "select 1 from pg_database where datname = '$db'" postgres | grep -q 1; then
  echo "reusing database $db"; exit 0
fi
echo "building $db ($tables tables, variant $variant)"
psql -Xq -c "drop database if exists \"$db\"" postgres
psql -Xq -c "create database \"$db\"" postgres
python3 "$gen" --tables "$tables" --seed 42 --variant "$variant" | psql -Xq -v ON_ERROR_STOP=1 -d "$db" >/dev/null
