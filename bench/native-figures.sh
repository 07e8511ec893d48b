#!/usr/bin/env bash
# The native executable beside the JVM build, measured in one run on one PostgreSQL (the JVM build is the baseline):
# time to the first answer on a fresh database (migrations and the reference data sync) and on a migrated one, RSS
# when idle and under the distinct-pages load, a load of ads (ads/s), the reference page cold and warm, distinct term
# pages per second (bench/pages.py bodies, 8 connections). Each side gets a database of its own on the server of a
# third process (the JVM build with its embedded PostgreSQL, idle), and the same ads.
# Usage: bench/native-figures.sh [ADS, default 100000] [SECONDS per wrk run, default 30]
#   after ./mvnw package -DskipTests and bench/native-build.sh; ads from target/bench/ads-*.ndjson (bench/ingest.sh)
#   or generated here.
set -euo pipefail
cd "$(dirname "$0")/.."
ADS=${1:-100000}
SECONDS_PER_RUN=${2:-30}
WORK=target/native-figures
rm -rf "$WORK" && mkdir -p "$WORK"
RUNNER=$(ls "$PWD"/target/native-out/*-runner)
HOLDER=; SERVICE=
trap 'kill $SERVICE $HOLDER 2>/dev/null || true' EXIT
JOBSTATS_DATA_DIR="$WORK/pgdata" JOBSTATS_KEYS_DIR="$WORK/keys" JOBSTATS_DEMO_ENABLED=false \
  java -Dquarkus.http.port=8093 -jar target/quarkus-app/quarkus-run.jar > "$WORK/holder.log" 2>&1 &
HOLDER=$!
until curl -sf localhost:8093/q/health/ready > /dev/null; do sleep 1; done
PGPORT=$(grep -ao 'localhost:[0-9]*' "$WORK/holder.log" | head -1 | cut -d: -f2)
TOKEN=$(cat "$WORK/keys/loader.token")
SOURCE_ADS=$(ls target/bench/ads-*.ndjson 2>/dev/null | head -1 || true)
if [ -z "$SOURCE_ADS" ]; then
  SOURCE_ADS="$WORK/ads.ndjson"
  java -cp "target/quarkus-app/lib/main/*:target/quarkus-app/app/*" io.jobstats.demo.GenerateAds "$SOURCE_ADS" "$ADS" 1500
fi
head -n "$ADS" "$SOURCE_ADS" > "$WORK/ads.ndjson"
PORT=8094
rss() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/$SERVICE/status) / 1024 )); }
start() { # side, database; sets SERVICE and STARTED (seconds to the first answer)
  local t0; t0=$(date +%s.%N)
  local command
  if [ "$1" = jvm ]; then
    command=(java -Xmx512m -Dquarkus.http.port=$PORT -jar target/quarkus-app/quarkus-run.jar)
  else
    command=("$RUNNER" -Xmx384m -Dquarkus.http.port=$PORT)
  fi
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/$2" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=postgres MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$PWD/$WORK/keys/public.pem" \
    "${command[@]}" >> "$WORK/$1.log" 2>&1 &
  SERVICE=$!
  until curl -sf -H 'Content-Type: application/json' -d '{"query":"{ categories { name } }"}' localhost:$PORT/graphql > /dev/null; do
    sleep 0.05
  done
  STARTED=$(echo "$(date +%s.%N) - $t0" | bc | awk '{printf "%.2f", $1}')
}
stop() { kill $SERVICE; wait $SERVICE 2>/dev/null || true; SERVICE=; }
post_page() { curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' --data-binary @"$WORK/page.json" localhost:$PORT/graphql; }
python3 -c 'import json,sys; print(json.dumps({"query": open(sys.argv[1]).read()}))' graphql/examples/reference-page.graphql > "$WORK/page.json"
# wrk loads its script once per thread: a file, not standard input.
cat > "$WORK/page.lua" <<LUA
wrk.method = "POST"; wrk.headers["Content-Type"] = "application/json"
local f = io.open("$WORK/page.json"); wrk.body = f:read("*a"); f:close()
LUA
for side in jvm native; do
  db="figures_$side"
  psql -qtA -h localhost -p "$PGPORT" -U postgres -c "CREATE DATABASE $db" postgres > /dev/null
  start $side $db; fresh=$STARTED; idle_fresh=$(rss)
  t0=$(date +%s.%N)
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' --data-binary @"$WORK/ads.ndjson" \
    localhost:$PORT/ads > "$WORK/$side-load.json"
  load_s=$(echo "$(date +%s.%N) - $t0" | bc)
  added=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["adsAdded"])' "$WORK/$side-load.json")
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
    --data-binary @src/main/resources/demo/reference-junior-backend-developer.ndjson localhost:$PORT/ads > /dev/null
  stop
  start $side $db; migrated=$STARTED; idle=$(rss)
  cold=$(post_page)
  wrk -t1 -c1 -d10s -s "$WORK/page.lua" --latency "http://localhost:$PORT/graphql" > "$WORK/$side-warm.txt"
  warm=$(awk '$1 == "50%" {print $2}' "$WORK/$side-warm.txt")
  python3 bench/pages.py "http://localhost:$PORT" 50000 20251129 > "$WORK/bodies.ndjson"
  BODIES="$WORK/bodies.ndjson" wrk --timeout 10s -t2 -c8 -d"${SECONDS_PER_RUN}s" -s bench/pages.lua "http://localhost:$PORT" > "$WORK/$side-pages.txt" &
  WRK=$!
  sleep $(( SECONDS_PER_RUN - 2 )); loaded=$(rss); wait $WRK
  pages=$(grep '^pages/s' "$WORK/$side-pages.txt")
  stop
  printf '%s: first answer fresh %s s, migrated %s s; RSS idle %s MB (fresh start %s MB), under pages %s MB; load %s ads in %.1f s = %.0f ads/s; reference page cold %.0f ms, warm median %s; %s\n' \
    "$side" "$fresh" "$migrated" "$idle" "$idle_fresh" "$loaded" "$added" "$load_s" "$(echo "$added / $load_s" | bc -l)" \
    "$(echo "$cold * 1000" | bc -l)" "$warm" "$pages" | tee -a "$WORK/figures.txt"
done
