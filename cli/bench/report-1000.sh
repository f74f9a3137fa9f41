#!/usr/bin/env bash
# report-1000.sh: `converge report --env prod` over a schema-per-tenant fleet, end to end (JVM start,
# planning every tenant, reading each tenant's recent history, rendering and writing the HTML). It
# uses the database fleet-1000.sh builds (TENANTS tenant schemas, applied once, five drifted) and
# builds it first when missing; the desired state gains a column, as there, so every tenant is
# pending. Prints each run's time, the report's own breakdown (planning, history, rendering) and the
# file's size. Each run is timed next to references measured in the same run, on the same database
# and under the same load: `converge plan --env prod` (the fleet plan the report is made from, its
# floor) and, when REFERENCE_JAR names one (e.g. a build of main), that jar's `converge report`.
# Figures go to docs/report.md. Not a test: nothing is asserted about time.
#
# usage (from the project root): cli/bench/report-1000.sh [TENANTS] [RUNS]   (defaults: 1000 3)
# env: PGHOST PGPORT PGUSER (default 127.0.0.1 5432 postgres), BENCH_PREFIX (default bench) for the
#      database name, REFERENCE_JAR (a converge.jar to compare with; optional), ROUND_TRIPS=1 to
#      count, once more after the timed runs, the report's round trips to the server (every socket
#      read, recorded by JFR with no threshold) by the Converge method that waited, for this build
#      and REFERENCE_JAR; load-independent, unlike the times.
set -euo pipefail
# shellcheck source=tenant-fleet.sh
source "$(dirname "$0")/tenant-fleet.sh"
start_fleet_bench 3 "$@"
db=${BENCH_PREFIX:-bench}_fleet_$tenants
if ! psql -XtAc "select to_regclass('public.bench_applied') is not null" "$db" 2>/dev/null | grep -q t; then
  BENCH_PREFIX=${BENCH_PREFIX:-bench} cli/bench/fleet-1000.sh "$tenants" 1
fi
write_fleet_project "$work" "$db" 4
sed -i 's/    created_at timestamptz NOT NULL DEFAULT now()/    created_at timestamptz NOT NULL DEFAULT now(),\n    note text/' "$work/schema/10_accounts.sql"

java_opts="-Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
# label, jar, command...: one timed run, its wall time and the report's own breakdown
timed() {
  local label=$1 with=$2
  shift 2
  # exit 1 would mean a target could not be read; the report is still written
  # shellcheck disable=SC2086
  /usr/bin/time -f "  $label: %e s wall, %U s user CPU, %M KiB max RSS" \
    java $java_opts -jar "$with" "$@" --config "$work/converge.yaml" \
    > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
  tail -1 "$work/err.txt" # the time line
  { grep -E "^prod: .* in [0-9.]+ s|^Rendered" "$work/err.txt" || true; } | sed 's/^/    /'
}
echo "report --env prod: $tenants tenant schemas, $runs runs ($(nproc) cores)"
for i in $(seq 1 "$runs"); do
  echo "run $i (load $(cut -d' ' -f1-3 /proc/loadavg))"
  if [[ -n ${REFERENCE_JAR:-} ]]; then
    timed "reference report ($REFERENCE_JAR)" "$REFERENCE_JAR" report --env prod --out "$work/reference.html"
  fi
  timed "plan --env prod (reference: the same fleet plan, with data pre-checks)" "$jar" plan --env prod
  timed "report" "$jar" report --env prod --out "$work/report.html"
done
head -1 "$work/out.txt"
echo "report: $(stat -c %s "$work/report.html") bytes"

# label, jar: the report once under JFR; socket reads and the time spent in them, by the two
# innermost Converge methods of each read's stack
round_trips() {
  local label=$1 with=$2
  cat > "$work/reads.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.SocketRead"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
</configuration>
JFC
  # shellcheck disable=SC2086
  java $java_opts -XX:StartFlightRecording=filename="$work/reads.jfr",settings="$work/reads.jfc" -jar "$with" \
    report --env prod --out "$work/rt.html" --config "$work/converge.yaml" > /dev/null 2>&1 || true
  echo "round trips of $label (load $(cut -d' ' -f1 /proc/loadavg)):"
  jfr print --events jdk.SocketRead --stack-depth 40 "$work/reads.jfr" | awk '
    /jdk.SocketRead \{/ { if (n) flush(); n = 1; site = ""; depth = 0; ms = 0 }
    /duration = / { v = $3; u = $4; ms = (u == "s") ? v * 1000 : (u == "ms") ? v : (u == "us") ? v / 1000 : v / 1e6 }
    /dev\.converge\./ && depth < 2 { sub(/^[ \t]+/, ""); sub(/\(.*/, ""); site = site (depth ? " < " : "") $0; depth++ }
    function flush() { count[site]++; wait[site] += ms; total++; all += ms }
    END { if (n) flush(); printf "  %d socket reads, %.1f s waited (summed over threads)\n", total, all / 1000;
          for (s in count) printf "  %6d reads %7.1f s  %s\n", count[s], wait[s] / 1000, s }' | sort -k1,1nr | head -8
}
if [[ ${ROUND_TRIPS:-0} == 1 ]]; then
  [[ -n ${REFERENCE_JAR:-} ]] && round_trips "reference ($REFERENCE_JAR)" "$REFERENCE_JAR"
  round_trips "this build" "$jar"
fi
