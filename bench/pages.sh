#!/usr/bin/env bash
# Distinct term pages on the database bench/ingest.sh filled: bodies from bench/pages.py (a fixed seed; each a
# different page, so both answer caches miss and only figures shared between pages can be cached), posted by wrk
# (bench/pages.lua) at 1 and at 8 connections: pages/s, median, p99, errors. Twice: regions drawn from all of depth
# 0-3 (most are villages without ads) and drawn level first (half the pages the UK or a nation). Then the first kind
# at 8 connections during a load of 200,000 more ads (12 s of it; on later runs they replace themselves), beside the
# load's own time. The service runs with the pod's heap (HEAP, default 512m: half the JVM overlay's 1 GiB limit);
# the heap used is sampled every second from /q/metrics and its peak reported. Each run also gives the CPU time a
# page took in the JVM and in PostgreSQL (from /proc); and PostgreSQL's own time for the SQL of 30 more level-first
# pages, replayed from its statement log, is the baseline beside the service's time for them. Needs wrk, python3, psql.
# LOAD=false leaves the run during a load out (the database unchanged, so builds can be compared on it in turn).
# Usage: [JAR=path/to/quarkus-run.jar] [HEAP=512m] [LOAD=false] bench/pages.sh [SECONDS per run, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-60}
WORK=target/bench
PORT=8089
[ -d "$WORK/pgdata" ] || { echo "run bench/ingest.sh first" >&2; exit 2; }
HEAP=${HEAP:-512m}
. bench/service.sh   # JAR: another build to measure
start_service "$WORK/pages-service.log"
trap stop_service EXIT
# PostgreSQL's own log, for its time for the same SQL at the end.
enable_log_collector "$WORK/pages-service.log"
# The relations the pages read, read once into the OS's cache first (as on a server whose memory holds them; at 10M
# ads some 10 GB of 23), so that runs compare builds rather than what the run before left cached. WARM=false skips it.
if [ "${WARM:-true}" = true ]; then
  for rel in ad_fact_universe ad_fact_place ad_fact_role ad_fact_long_open term_count term_count_day salary_count \
      salary_count_pkey co_occurrence co_occurrence_pkey live_count live_count_pkey salary_point_day \
      salary_point_day_pkey; do
    # The relation and its TOAST table, where co_occurrence's long rows are.
    for path in $(psqlc "SELECT pg_relation_filepath(c.oid) || ' ' ||
        coalesce(pg_relation_filepath(nullif(c.reltoastrelid, 0)), '') FROM pg_class c WHERE c.oid = to_regclass('$rel')"); do
      cat "$WORK/pgdata/$path" "$WORK/pgdata/$path".* > /dev/null 2>&1 || true
    done
  done
fi
# The heap's used bytes over every pool, once a second, while the runs last.
while sleep 1; do
  curl -sf localhost:$PORT/q/metrics | awk '/^jvm_memory_used_bytes\{area="heap"/ { s += $NF } END { print s }'
done > "$WORK/pages-heap.txt" 2>/dev/null &
SAMPLER=$!
trap 'kill $SAMPLER 2>/dev/null; stop_service' EXIT
python3 bench/pages.py "http://localhost:$PORT" 100000 20251129 > "$WORK/pages.ndjson"
python3 bench/pages.py "http://localhost:$PORT" 100000 20251129 levels > "$WORK/pages-levels.ndjson"
# CPU time in clock ticks: the service's JVM, and every PostgreSQL process (the server's and its backends).
ticks() { awk '{ s += $14 + $15 } END { print s }' "$@" 2>/dev/null || true; }   # a backend may have ended
pg_ticks() { ticks $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'); }
TICKS_A_SECOND=$(getconf CLK_TCK)
run() { # connections first-body [seconds [bodies]]: each run starts on bodies no run before it posted
  local jvm pg out pages
  jvm=$(ticks /proc/$SERVICE/stat)
  pg=$(pg_ticks)
  out=$(START=$2 BODIES="${4:-$WORK/pages.ndjson}" wrk --timeout 10s -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" \
    -d"${3:-$SECONDS_PER_RUN}s" -s bench/pages.lua "http://localhost:$PORT" | grep '^pages/s')
  jvm=$(( $(ticks /proc/$SERVICE/stat) - jvm ))
  pg=$(( $(pg_ticks) - pg ))
  pages=$(echo "$out" | sed 's/.*requests \([0-9]*\).*/\1/')
  pages=$(( pages > 0 ? pages : 1 ))
  echo "$out; CPU a page: the JVM $(( jvm * 1000 / TICKS_A_SECOND / pages )) ms," \
    "PostgreSQL $(( pg * 1000 / TICKS_A_SECOND / pages )) ms"
}
echo "1 connection:  $(run 1 0)"
echo "8 connections: $(run 8 10000)"
echo "regions by level, 1 connection:  $(run 1 0 "$SECONDS_PER_RUN" "$WORK/pages-levels.ndjson")"
echo "regions by level, 8 connections: $(run 8 10000 "$SECONDS_PER_RUN" "$WORK/pages-levels.ndjson")"

# PostgreSQL's time for the same SQL: SQL_PAGES (default 30) more level-first pages, one at a time, with every
# statement logged; then those statements, their parameters inlined, replayed one after another in psql.
SQL_PAGES=${SQL_PAGES:-30}
LOG="$WORK/pgdata/log/statements.log"
log_statements on
sleep 1
mark=$(wc -l < "$LOG")
sed -n "95001,$((95000 + SQL_PAGES))p" "$WORK/pages-levels.ndjson" | while read -r body; do
  curl -sf -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary "$body" \
    localhost:$PORT/graphql
done > "$WORK/pages-sql-times.txt"
sleep 1
log_statements off
tail -n +"$((mark + 1))" "$LOG" | python3 bench/statements.py > "$WORK/pages.sql"
service_ms=$(awk '{ s += $1 } END { printf "%.1f", s * 1000 / NR }' "$WORK/pages-sql-times.txt")
sql_ms=$( (echo '\timing on'; cat "$WORK/pages.sql") | psql -q -h localhost -p "$PGPORT" -U postgres -o /dev/null \
  | awk -v n="$SQL_PAGES" '/^Time:/ { s += $2 } END { printf "%.1f", s / n }')
echo "$SQL_PAGES level-first pages one at a time: the service $service_ms ms a page; PostgreSQL alone, their" \
  "$(wc -l < "$WORK/pages.sql") statements one after another, $sql_ms ms a page; ratio service / PostgreSQL" \
  "$(echo "$service_ms / $sql_ms" | bc -l | cut -c1-4)"
report_heap() {
  echo "heap used, peak of $(wc -l < "$WORK/pages-heap.txt") samples: $(sort -n "$WORK/pages-heap.txt" | tail -1 | awk '{ printf "%.0f MB", $1 / 1048576 }') (-Xmx$HEAP)"
}
if [ "${LOAD:-true}" = false ]; then
  report_heap
  exit 0
fi
ADS=$(ls "$WORK"/ads-*.ndjson | head -1)
python3 - "$ADS" "$WORK/pages-load.ndjson" <<'PY'
import sys
# The same ads under another source: all new to the database, 200,000 of them.
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for i, line in enumerate(f):
        if i == 200000:
            break
        out.write(line.replace('"source":"', '"source":"pages-load-', 1))
PY
start=$(date +%s.%N)
curl -sf -H "Authorization: Bearer $(cat "$WORK/keys/loader.token")" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$WORK/pages-load.ndjson" localhost:$PORT/ads > "$WORK/pages-load.json" &
LOAD=$!
sleep 1
# 12 s: within the load (about 17 s for 200,000 ads at the measured rate), so every request meets it.
echo "8 connections during a load: $(run 8 25000 12)"
wait $LOAD
echo "the load: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["adsAdded"], "ads added,", r["adsReplaced"], "replaced")' "$WORK/pages-load.json") in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s"
report_heap
