#!/usr/bin/env bash
# Ingest benchmark: N generated ads (default 1,000,000, ~1,500-character descriptions, fixed seed) POSTed as one
# NDJSON stream to a service on a fresh embedded database; then, as the baseline of the same run, PostgreSQL's own
# COPY of the rows that load produced (ad, ad_fact, term_count) into empty tables with the same indexes (the
# database's floor).
# DURABLE=false runs the embedded database without fsync and synchronous commits, to measure what durability costs.
# YEARS spreads the ads over that many years to 2 May 2025, by month as the market has them (GenerateAds); without
# it they span three years. PLACES (default 30) is the percentage of ads at the gazetteer's towns and villages
# (GenerateAds), the rest at the demo's few dozen cities, so that authority, town and village pages read ads.
# SAMPLE=k (default 1; 10 above 2,000,000 ads, where a full copy would not fit beside the database) makes the
# baseline COPY every k-th table page of every table, its time multiplied by k.
# DROP_ADS=true deletes the ads file after the load (10,000,000 ads: 17 GB; it is regenerated from the seed).
# Also reports the database's size per million ads and the post-load work (the service's log: salary points
# recounted, term counts folded, term indexes built). Needs a psql client.
# Usage: [DURABLE=false] [PLACES=30] bench/ingest.sh [N] [YEARS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
YEARS=${2:-}
PLACES=${PLACES:-30}
WORK=target/bench
PORT=8089
FILE="$WORK/ads-$N${YEARS:+-${YEARS}y}-p$PLACES.ndjson"
mkdir -p "$WORK"
./mvnw -q -B package -DskipTests
CP='target/quarkus-app/app/*:target/quarkus-app/lib/main/*'
[ -s "$FILE" ] || java -cp "$CP" io.jobstats.demo.GenerateAds "$FILE" "$N" 1500 20250502 "${YEARS:-0}" "$PLACES"
rm -rf "$WORK/pgdata"
. bench/service.sh
JOBSTATS_EMBEDDED_DB_DURABLE=${DURABLE:-true} start_service "$WORK/service.log"
trap stop_service EXIT
SIZE=$(du -m "$FILE" | cut -f1)

start=$(date +%s.%N)
curl -sf -X POST -H 'Content-Type: application/x-ndjson' -H "Authorization: Bearer $(cat "$WORK/keys/loader.token")" \
  -T "$FILE" localhost:$PORT/ads > "$WORK/report.json"
service=$(echo "$(date +%s.%N) - $start" | bc)
[ "${DROP_ADS:-false}" = true ] && rm -f "$FILE"
SQL_() { psql -q -h localhost -p "$PGPORT" -U postgres "$@"; }
sizes=$(SQL_ -tA -F' ' -c "SELECT pg_database_size(current_database()) / 1048576,
  pg_total_relation_size('ad') / 1048576, pg_total_relation_size('ad_fact') / 1048576,
  pg_total_relation_size('term_count') / 1048576, pg_total_relation_size('salary_count') / 1048576,
  coalesce(pg_total_relation_size(to_regclass('term_count_day')), 0) / 1048576,
  coalesce(pg_total_relation_size(to_regclass('co_occurrence')), 0) / 1048576,
  coalesce(pg_total_relation_size(to_regclass('live_count')), 0) / 1048576,
  coalesce(pg_total_relation_size(to_regclass('salary_point_day')), 0) / 1048576")
read -r db_mb ad_mb fact_mb term_mb salary_mb day_mb co_mb live_mb point_day_mb <<< "$sizes"
# Every table of kept counts the build writes, in the baseline as well.
KEPT="term_count salary_count term_count_day co_occurrence live_count"
[ "$point_day_mb" -gt 0 ] && KEPT="$KEPT salary_point_day"

SAMPLE=${SAMPLE:-$([ "$N" -gt 2000000 ] && echo 10 || echo 1)}
# Every SAMPLE-th table page of each table: the copies and the tables they fill then take 1/SAMPLE of the database's
# room (at 10M ads the kept counts alone are ~20 GB as text), and COPY's time grows with the rows.
SQL_ <<SQL
$(for t in ad ad_fact $KEPT; do
  echo "\\copy (SELECT * FROM $t WHERE (ctid::text::point)[0]::bigint % $SAMPLE = 0) TO '$WORK/$t.copy'"
  echo "CREATE TABLE bench_$t (LIKE $t INCLUDING ALL);"
done)
SQL
start=$(date +%s.%N)
SQL_ <<SQL
$(for t in ad ad_fact $KEPT; do echo "\\copy bench_$t FROM '$WORK/$t.copy'"; done)
SQL
baseline=$(echo "($(date +%s.%N) - $start) * $SAMPLE" | bc)
rows=$(SQL_ -tA -c "SELECT sum(cardinality(terms)) FROM ad_fact")
SQL_ -c "DROP TABLE bench_ad, bench_ad_fact$(for t in $KEPT; do printf ', bench_%s' "$t"; done)"
rm -f "$WORK/ad.copy" "$WORK/ad_fact.copy" $(for t in $KEPT; do printf '%s ' "$WORK/$t.copy"; done)

echo "report: $(cat "$WORK/report.json")"
echo "durable: ${DURABLE:-true} (fsync, synchronous_commit: $(psql -tA -h localhost -p "$PGPORT" -U postgres -c "SHOW fsync"))"
printf 'ads %d (%d MB), terms featured %d (%.1f per ad)\n' "$N" "$SIZE" "$rows" "$(echo "$rows / $N" | bc -l)"
printf 'service end to end: %.1f s, %.0f ads/s\n' "$service" "$(echo "$N / $service" | bc -l)"
printf 'baseline, PostgreSQL COPY of the same rows%s: %.1f s, %.0f ads/s\n' \
  "$([ "$SAMPLE" -gt 1 ] && echo " (every $SAMPLE-th page of each table, time x $SAMPLE)")" "$baseline" "$(echo "$N / $baseline" | bc -l)"
printf 'ratio service / baseline: %.2f\n' "$(echo "$service / $baseline" | bc -l)"
printf 'database %d MB (%.0f MB per million ads): ad %d, ad_fact %d, term_count %d, salary_count %d, term_count_day %d, co_occurrence %d, live_count %d, salary_point_day %d MB\n' \
  "$db_mb" "$(echo "$db_mb * 1000000 / $N" | bc -l)" "$ad_mb" "$fact_mb" "$term_mb" "$salary_mb" "$day_mb" "$co_mb" "$live_mb" "$point_day_mb"
echo "post-load work (the service's log):"
grep -aE 'recounted|Folded|rebuilt|Term ind|Load \(' "$WORK/service.log" | sed 's/^.*\] ([^)]*) /  /' || true
