#!/usr/bin/env bash
# Market index benchmark, on the database bench/ingest.sh filled: the UK index of every term for the 6 months to the
# latest posted date (MarketSummary.terms, default order, first 50 rows, every row field), with empty caches (the
# data version is raised before each request, so every aggregate and the response are recomputed; PostgreSQL's
# buffers stay warm), one request after another after 10 discarded ones. Baseline of the same run: PostgreSQL's own
# time, in psql, for the index's three heaviest statements run one after the other (the universe's salary points
# with their terms, now and a year earlier, and every term's live jobs); the service runs them and three lighter
# ones concurrently, and gathers each term's points itself.
# JAR: another build to measure (an older one as the baseline: it then runs with Flyway's validation off).
# Needs psql, python3. Usage: [JAR=path/to/quarkus-run.jar] bench/index.sh [REQUESTS, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
WORK=target/bench
PORT=8089
[ -d "$WORK/pgdata" ] || { echo "run bench/ingest.sh first" >&2; exit 2; }
./mvnw -q -B package -DskipTests
. bench/service.sh   # JAR: another build to measure
start_service "$WORK/index-service.log"
trap stop_service EXIT
END=$(psqlc "SELECT max(posted_on) FROM ad_fact WHERE employment = 0")
ADS=$(psqlc "SELECT count(*) FROM ad_fact")
read -r LFT RGT <<< "$(psqlc "SELECT lft || ' ' || rgt FROM region WHERE slug = 'uk'")"
START=$(psqlc "SELECT (date '$END' - interval '6 months' + interval '1 day')::date")
UNIVERSE=$(psqlc "SELECT count(*) FROM ad_fact WHERE employment = 0 AND posted_on BETWEEN '$START' AND '$END'")
python3 -c 'import json,sys; print(json.dumps({"query": "{ market(region: \"uk\", period: {end: \"%s\", months: 6}) { terms(first: 50) { totalCount edges { node { term { name } rank rankChange vacancies shareOfAllVacancies salariesQuoted median medianChange liveJobs } } } } }" % sys.argv[1]}))' "$END" > "$WORK/index.json"
request() { curl -sf -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$WORK/index.json" localhost:$PORT/graphql; }
stats() { python3 -c '
import sys, statistics
v = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p99 = v[min(len(v) - 1, int(round(0.99 * (len(v) - 1))))]
print("median %.0f ms  p99 %.0f ms (n %d)" % (statistics.median(v), p99, len(v)))'; }
for i in $(seq 10); do psqlc "UPDATE data_version SET version = version + 1" > /dev/null; request > /dev/null; done
for i in $(seq "$N"); do psqlc "UPDATE data_version SET version = version + 1" > /dev/null; request; done > "$WORK/index.txt"
echo "$ADS ads, $UNIVERSE permanent in the UK's 6 months to $END"
echo "index, empty caches: $(stats < "$WORK/index.txt")"
OPEN=$(psqlc "SELECT days FROM open_span")
BEFORE_END=$(psqlc "SELECT (date '$END' - interval '1 year')::date")
BEFORE_START=$(psqlc "SELECT (date '$BEFORE_END' - interval '6 months' + interval '1 day')::date")
for i in 1 2 3 4 5; do
  psql -qtA -h localhost -p "$PGPORT" -U postgres -o /dev/null <<SQL
\timing on
SELECT salary_point, terms::text FROM ad_fact WHERE employment = 0 AND posted_on BETWEEN '$START' AND '$END'
  AND region_pos BETWEEN $LFT AND $RGT AND workplace = ANY ('{0,1,2,3}') AND salary_point IS NOT NULL;
SELECT salary_point, terms::text FROM ad_fact WHERE employment = 0 AND posted_on BETWEEN '$BEFORE_START' AND '$BEFORE_END'
  AND region_pos BETWEEN $LFT AND $RGT AND workplace = ANY ('{0,1,2,3}') AND salary_point IS NOT NULL;
SELECT t, count(*) FROM (
  SELECT terms FROM ad_fact WHERE employment = 0 AND closes_on >= '$END' AND posted_on BETWEEN date '$END' - $OPEN AND '$END'
    AND region_pos BETWEEN $LFT AND $RGT AND workplace = ANY ('{0,1,2,3}')
  UNION ALL
  SELECT terms FROM ad_fact WHERE employment = 0 AND closes_on IS NULL AND posted_on BETWEEN date '$END' - 30 AND '$END'
    AND region_pos BETWEEN $LFT AND $RGT AND workplace = ANY ('{0,1,2,3}')
) a CROSS JOIN LATERAL unnest(a.terms) AS t GROUP BY t;
SQL
done 2>&1 | grep -o 'Time: [0-9.]*' | awk '{t += $2; n++} END {printf "baseline (psql, its three heaviest statements in turn): %.0f ms\n", t / (n / 3)}'
