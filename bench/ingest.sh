#!/usr/bin/env bash
# Ingest benchmark: N generated ads (default 1,000,000, ~1,500-character descriptions, fixed seed) POSTed as one
# NDJSON stream to a service on a fresh embedded database; then, as the baseline of the same run, PostgreSQL's own
# COPY of the rows that load produced (ad, ad_fact, term_count) into empty tables with the same indexes (the
# database's floor).
# DURABLE=false runs the embedded database without fsync and synchronous commits, to measure what durability costs.
# YEARS spreads the ads over that many years to 2 May 2025, by month as the market has them (GenerateAds); without
# it they span three years. Needs a psql client. Usage: [DURABLE=false] bench/ingest.sh [N] [YEARS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
YEARS=${2:-}
WORK=target/bench
PORT=8089
FILE="$WORK/ads-$N${YEARS:+-${YEARS}y}.ndjson"
mkdir -p "$WORK"
./mvnw -q -B package -DskipTests
CP='target/quarkus-app/app/*:target/quarkus-app/lib/main/*'
[ -s "$FILE" ] || java -cp "$CP" io.jobstats.demo.GenerateAds "$FILE" "$N" 1500 20250502 $YEARS
rm -rf "$WORK/pgdata"
JOBSTATS_DATA_DIR="$WORK/pgdata" JOBSTATS_KEYS_DIR="$WORK/keys" JOBSTATS_EMBEDDED_DB_DURABLE=${DURABLE:-true} \
  JOBSTATS_DEMO_ENABLED=false java -Dquarkus.http.port=$PORT \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
until curl -sf localhost:$PORT/q/health/ready > /dev/null; do sleep 1; done
PGPORT=$(grep -ao 'localhost:[0-9]*' "$WORK/service.log" | head -1 | cut -d: -f2)
SIZE=$(du -m "$FILE" | cut -f1)

start=$(date +%s.%N)
curl -sf -X POST -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $(cat "$WORK/keys/loader.token")" \
  -T "$FILE" localhost:$PORT/ads > "$WORK/report.json"
service=$(echo "$(date +%s.%N) - $start" | bc)

psql -q -h localhost -p "$PGPORT" -U postgres <<SQL
\copy ad TO '$WORK/ad.copy'
\copy ad_fact TO '$WORK/ad_fact.copy'
\copy term_count TO '$WORK/term_count.copy'
CREATE TABLE bench_ad (LIKE ad INCLUDING ALL);
CREATE TABLE bench_ad_fact (LIKE ad_fact INCLUDING ALL);
CREATE TABLE bench_term_count (LIKE term_count INCLUDING ALL);
SQL
start=$(date +%s.%N)
psql -q -h localhost -p "$PGPORT" -U postgres <<SQL
\copy bench_ad FROM '$WORK/ad.copy'
\copy bench_ad_fact FROM '$WORK/ad_fact.copy'
\copy bench_term_count FROM '$WORK/term_count.copy'
SQL
baseline=$(echo "$(date +%s.%N) - $start" | bc)
rows=$(psql -tA -h localhost -p "$PGPORT" -U postgres -c "SELECT sum(cardinality(terms)) FROM ad_fact")
psql -q -h localhost -p "$PGPORT" -U postgres -c "DROP TABLE bench_ad, bench_ad_fact, bench_term_count"
rm -f "$WORK/ad.copy" "$WORK/ad_fact.copy" "$WORK/term_count.copy"

echo "report: $(cat "$WORK/report.json")"
echo "durable: ${DURABLE:-true} (fsync, synchronous_commit: $(psql -tA -h localhost -p "$PGPORT" -U postgres -c "SHOW fsync"))"
printf 'ads %d (%d MB), terms featured %d (%.1f per ad)\n' "$N" "$SIZE" "$rows" "$(echo "$rows / $N" | bc -l)"
printf 'service end to end: %.1f s, %.0f ads/s\n' "$service" "$(echo "$N / $service" | bc -l)"
printf 'baseline, PostgreSQL COPY of the same rows: %.1f s, %.0f ads/s\n' "$baseline" "$(echo "$N / $baseline" | bc -l)"
printf 'ratio service / baseline: %.2f\n' "$(echo "$service / $baseline" | bc -l)"
