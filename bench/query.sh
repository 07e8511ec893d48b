#!/usr/bin/env bash
# Query benchmark, on the database bench/ingest.sh filled (1,000,000 ads): the whole reference-page query
# (graphql/examples/reference-page.graphql) with an empty cache (the data version is raised before each request, so
# every figure is recomputed; PostgreSQL's own buffers stay warm) and with a warm cache; warm requests per second
# with wrk on loopback; and, as the baseline of the same run, the time PostgreSQL itself spends in the SQL of one
# cold request (log_min_duration_statement = 0, summed). Needs psql, wrk, python3. Usage: bench/query.sh [COLD] [WARM]
set -euo pipefail
cd "$(dirname "$0")/.."
COLD=${1:-30}
WARM=${2:-500}
WORK=target/bench
PORT=8089
[ -d "$WORK/pgdata" ] || { echo "run bench/ingest.sh first" >&2; exit 2; }
SERVICE=
start_service() {
  JOBSTATS_DATA_DIR="$WORK/pgdata" JOBSTATS_DEMO_ENABLED=false java -Dquarkus.http.port=$PORT \
    -jar target/quarkus-app/quarkus-run.jar > "$WORK/query-service.log" 2>&1 &
  SERVICE=$!
  until curl -sf localhost:$PORT/q/health/ready > /dev/null; do sleep 1; done
  PGPORT=$(grep -o 'localhost:[0-9]*' "$WORK/query-service.log" | head -1 | cut -d: -f2)
}
trap 'kill $SERVICE 2>/dev/null || true' EXIT
psqlc() { psql -qtA -h localhost -p "$PGPORT" -U postgres -c "$1"; }
start_service
# PostgreSQL's own log (for the SQL timing at the end) needs its collector, which only a restart turns on.
if [ "$(psqlc 'SHOW logging_collector')" != on ]; then
  psqlc "ALTER SYSTEM SET logging_collector = on" > /dev/null
  psqlc "ALTER SYSTEM SET log_directory = 'log'" > /dev/null
  psqlc "ALTER SYSTEM SET log_filename = 'statements.log'" > /dev/null
  kill $SERVICE; wait $SERVICE || true
  start_service
fi
curl -sf -X POST -H 'Content-Type: application/x-ndjson' --data-binary @src/main/resources/demo/reference-junior-backend-developer.ndjson \
  localhost:$PORT/ads > /dev/null
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' graphql/examples/reference-page.graphql > "$WORK/page.json"
request() { curl -sf -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$WORK/page.json" localhost:$PORT/graphql; }
stats() { python3 -c '
import sys, statistics
v = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p99 = v[min(len(v) - 1, int(round(0.99 * (len(v) - 1))))]
print("n %d  median %.1f ms  p99 %.1f ms" % (len(v), statistics.median(v), p99))'; }

request > /dev/null   # JIT and connection pool warm-up; its figures are then dropped by the version bumps below
for i in $(seq "$COLD"); do psqlc "UPDATE data_version SET version = version + 1" > /dev/null; request; done > "$WORK/cold.txt"
for i in $(seq "$WARM"); do request; done > "$WORK/warm.txt"
echo "cold (empty cache): $(stats < "$WORK/cold.txt")"
echo "warm (cached):      $(stats < "$WORK/warm.txt")"

cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("$WORK/page.json"):read("*a")
LUA
wrk -t2 -c8 -d20s -s "$WORK/post.lua" "http://localhost:$PORT/graphql" | grep -E "Requests/sec|Latency"

# The SQL of one cold request, as PostgreSQL times it.
LOG="$WORK/pgdata/log/statements.log"
psqlc "ALTER SYSTEM SET log_min_duration_statement = 0" > /dev/null; psqlc "SELECT pg_reload_conf()" > /dev/null
psqlc "UPDATE data_version SET version = version + 1" > /dev/null
sleep 1
mark=$(wc -l < "$LOG")
service_ms=$(request | awk '{print $1 * 1000}')
sleep 1
sql_ms=$(tail -n +"$((mark + 1))" "$LOG" | grep -o 'duration: [0-9.]* ms' | awk '{s += $2} END {print s}')
statements=$(tail -n +"$((mark + 1))" "$LOG" | grep -c 'duration: ' || true)
psqlc "ALTER SYSTEM RESET log_min_duration_statement" > /dev/null; psqlc "SELECT pg_reload_conf()" > /dev/null
echo "one cold request: service ${service_ms} ms, PostgreSQL ${sql_ms} ms summed over ${statements} logged statements (concurrent ones overlap), ratio $(echo "$service_ms / $sql_ms" | bc -l | cut -c1-4)"
