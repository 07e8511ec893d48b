#!/usr/bin/env bash
# Query benchmark, on the database bench/ingest.sh filled (1,000,000 ads): the whole reference-page query
# (graphql/examples/reference-page.graphql) with an empty cache (the data version is raised before each request, so
# every figure and the whole response are recomputed; PostgreSQL's own buffers stay warm), one request after
# another, after 30 such requests to warm the JVM up; then warm (cached) over one keep-alive connection with wrk
# (latency percentiles), and requests per second at 8 connections. Baselines of the same run: PostgreSQL's own
# time for the SQL of one cold request (its statements, logged with their parameters, replayed one after another
# in psql with \timing), and for warm requests the same wrk run against the service's started endpoint, which runs
# no check (the floor of an HTTP request on this machine). Needs psql, wrk, python3.
# JAR: another build to measure (an older one as the baseline: it then runs with Flyway's validation off).
# Usage: [JAR=path/to/quarkus-run.jar] bench/query.sh [COLD requests, default 30] [WARM seconds per wrk run, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
COLD=${1:-30}
WARM=${2:-20}
WORK=target/bench
PORT=8089
[ -d "$WORK/pgdata" ] || { echo "run bench/ingest.sh first" >&2; exit 2; }
. bench/service.sh   # JAR: another build to measure
start_service "$WORK/query-service.log"
trap stop_service EXIT
# PostgreSQL's own log, for the SQL timing at the end.
enable_log_collector "$WORK/query-service.log"
curl -sf -X POST -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $(cat "$WORK/keys/loader.token")" \
  --data-binary @src/main/resources/demo/reference-junior-backend-developer.ndjson \
  localhost:$PORT/ads > /dev/null
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' graphql/examples/reference-page.graphql > "$WORK/page.json"
request() { curl -sf -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$WORK/page.json" localhost:$PORT/graphql; }
stats() { python3 -c '
import sys, statistics
v = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p99 = v[min(len(v) - 1, int(round(0.99 * (len(v) - 1))))]
print("n %d  median %.1f ms  p99 %.1f ms" % (len(v), statistics.median(v), p99))'; }

# Warm-up, discarded: the JVM compiles the cold path and PostgreSQL fills its buffers over the first few dozen
# requests after a start (~300 ms falling to ~120 ms); "cold" here means empty caches, not a cold process.
for i in $(seq 30); do psqlc "UPDATE data_version SET version = version + 1" > /dev/null; request > /dev/null; done
for i in $(seq "$COLD"); do psqlc "UPDATE data_version SET version = version + 1" > /dev/null; request; done > "$WORK/cold.txt"
echo "cold (empty cache): $(stats < "$WORK/cold.txt")"

cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = io.open("$WORK/page.json"):read("*a")
LUA
latency() { wrk -t1 -c1 -d"${WARM}s" --latency "$@" | awk '/ 50% /{m=$2} / 99% /{p=$2} /Requests\/sec/{r=$2} END {print "median " m "  p99 " p "  (" r " requests/s)"}'; }
request > /dev/null   # the page is cached again
wrk -t1 -c1 -d5s -s "$WORK/post.lua" "http://localhost:$PORT/graphql" > /dev/null   # JIT warm-up of the cached path
echo "warm (cached), one keep-alive connection: $(latency -s "$WORK/post.lua" "http://localhost:$PORT/graphql")"
echo "baseline, /q/health/started the same way:    $(latency "http://localhost:$PORT/q/health/started")"
wrk -t2 -c8 -d"${WARM}s" -s "$WORK/post.lua" "http://localhost:$PORT/graphql" | grep -E "Requests/sec" | sed 's/^/warm, 8 connections: /'
# As browsers ask: compressed (each answer is compressed anew; a service that does not compress answers plainly).
for enc in gzip br; do
  size=$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: $enc" -H 'Content-Type: application/json' \
    --data-binary @"$WORK/page.json" localhost:$PORT/graphql)
  rate=$(wrk -t2 -c8 -d"${WARM}s" -H "Accept-Encoding: $enc" -s "$WORK/post.lua" "http://localhost:$PORT/graphql" \
    | awk '/Requests\/sec/ {print $2}')
  echo "warm, 8 connections, Accept-Encoding $enc: $rate requests/s ($size bytes a response)"
done
# Over GET, as a browser or CDN sends it (a service without GET answers 405: these lines then say so), and the
# revalidation of a cached GET with its ETag (304, no body).
GET_URL="http://localhost:$PORT/graphql?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read(), safe=""))' graphql/examples/reference-page.graphql)"
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$GET_URL")" = 200 ]; then
  ETAG=$(curl -s -D - -o /dev/null "$GET_URL" | awk 'tolower($1) == "etag:" {sub(/\r$/, "", $2); print $2}')
  echo "warm GET, one keep-alive connection:          $(latency "$GET_URL")"
  echo "GET revalidated with If-None-Match (304):     $(latency -H "If-None-Match: $ETAG" "$GET_URL")"
  wrk -t2 -c8 -d"${WARM}s" "$GET_URL" | grep -E "Requests/sec" | sed 's/^/warm GET, 8 connections: /'
else
  echo "GET: not served ($(curl -s -o /dev/null -w '%{http_code}' "$GET_URL"))"
fi

# The SQL of one cold request, as PostgreSQL times it.
LOG="$WORK/pgdata/log/statements.log"
log_statements on
psqlc "UPDATE data_version SET version = version + 1" > /dev/null
sleep 1
mark=$(wc -l < "$LOG")
service_ms=$(request | awk '{print $1 * 1000}')
sleep 1

# The same statements with their parameters inlined, one after another in one session: PostgreSQL's own time.
tail -n +"$((mark + 1))" "$LOG" | python3 bench/statements.py > "$WORK/cold-request.sql"
statements=$(wc -l < "$WORK/cold-request.sql")
log_statements off
# Three replays; the median of their totals.
sql_ms=$(for i in 1 2 3; do (echo '\timing on'; cat "$WORK/cold-request.sql") | psql -q -h localhost -p "$PGPORT" -U postgres \
  -o /dev/null | awk '/^Time:/ {s += $2} END {printf "%.1f\n", s}'; done | sort -n | sed -n 2p)
echo "one cold request: service ${service_ms} ms; PostgreSQL alone, its ${statements} statements one after another: ${sql_ms} ms; ratio service / PostgreSQL $(echo "$service_ms / $sql_ms" | bc -l | cut -c1-4)"
