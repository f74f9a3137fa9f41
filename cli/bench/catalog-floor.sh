#!/usr/bin/env bash
# catalog-floor.sh: the reference the inspection benchmarks print beside Converge's figure. psql runs
# the PostgreSQL inspector's own catalog queries (the .sql resources of dialects/postgres, unchanged)
# on one database, in one read-only REPEATABLE READ transaction with the inspector's settings
# (empty search_path, JIT off, work_mem 64MB), the schema list bound as their text[] parameter, and
# the rows thrown away. No model is built: this is what the server alone needs to answer them. As the
# inspector does, view_definitions.sql runs a page of 500 view oids at a time under a savepoint that is
# rolled back (pg_get_viewdef keeps a lock on every relation a view reads until then).
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

# The queries are expanded as CatalogQueries expands them (psql's own syntax): a line of backslash
# commands runs them in turn, "\set NAME VALUE" sets a variable for the lines after it (":NAME" is its
# value, ":'NAME'" its value as a string literal) and "\ir NAME.sql" stands for that file's text; a
# file some other query includes is a fragment, not a query of its own.
expand() {
  python3 - "$queries" "$1" <<'PY'
import os, re, sys
queries, first = sys.argv[1], sys.argv[2]
variable = re.compile(r"(?<!:):(?:'(\w+)'|(\w+))")
def interpolate(line, values):
    def use(m):
        name = m.group(1) or m.group(2)
        if name not in values:
            return m.group(0)
        return "'" + values[name].replace("'", "''") + "'" if m.group(1) else values[name]
    return variable.sub(use, line)
def expand(path, values, out):
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("\\"):
            for command in re.split(r"\s+(?=\\)", line.strip()):
                setting = re.fullmatch(r"\\set (\w+) (\S+)", command)
                include = re.fullmatch(r"\\ir (\w+)\.sql", command)
                if setting:
                    values[setting.group(1)] = setting.group(2)
                elif include:
                    expand(os.path.join(queries, include.group(1) + ".sql"), values, out)
                else:
                    sys.exit("unknown psql command in " + path + ": " + command)
        else:
            out.append(interpolate(line, values))
out = []
expand(first, {}, out)
print("\n".join(out))
PY
}
fragments=" $(grep -ho '\\ir [A-Za-z0-9_]*\.sql' "$queries"/*.sql | sed 's/^\\ir //; s/\.sql$//' | sort -u | tr '\n' ' ') "

psql -XtAc "$schemas_sql" "$db" > "$work/names"
total=$(wc -l < "$work/names")
[[ $batch -gt 0 ]] || batch=$((total > 0 ? total : 1))
split -l "$batch" "$work/names" "$work/part."

{
  echo '\set QUIET on'
  for f in "$queries"/*.sql; do
    name=$(basename "$f" .sql)
    [[ $fragments == *" $name "* ]] && continue
    # schemas.sql has no parameter; privileges.sql takes the managed roles second (none here, as by default).
    case $name in
      schemas) body=$(expand "$f") ;;
      privileges) body=$(expand "$f" | sed -e '0,/?/s//$1/' -e '0,/?/s//$2/'); name_args='(text[], text[])' ;;
      view_definitions) body=$(expand "$f" | sed '0,/?/s//$1/'); name_args='(int8[])' ;;
      *) body=$(expand "$f" | sed '0,/?/s//$1/') ;;
    esac
    case $name in
      schemas) echo "PREPARE q_$name AS $body;" ;;
      privileges|view_definitions) echo "PREPARE q_$name$name_args AS $body;" ;;
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
      [[ $fragments == *" $name "* ]] && continue
      case $name in
        schemas) echo "EXECUTE q_$name;" ;;
        privileges) echo "EXECUTE q_$name('$array', '{}');" ;;
        view_definitions)
          echo "select c.oid from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('v', 'm') and n.nspname = any ('$array')" > "$work/view-oids.sql"
          psql -XtA -f "$work/view-oids.sql" "$db" > "$work/views"
          rm -f "$work"/views.*
          split -l 500 "$work/views" "$work/views."
          for page in "$work"/views.*; do
            [[ -e $page ]] || continue
            echo "SAVEPOINT page; EXECUTE q_$name('{$(paste -sd, "$page")}'); ROLLBACK TO SAVEPOINT page;"
          done ;;
        *) echo "EXECUTE q_$name('$array');" ;;
      esac
    done
    echo "ROLLBACK;"
  done
  echo '\o'
  echo "SELECT round((extract(epoch from clock_timestamp()) - :started)::numeric, 2);"
} > "$work/floor.sql"
psql -XtA -v ON_ERROR_STOP=1 -f "$work/floor.sql" "$db"
