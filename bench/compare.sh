#!/usr/bin/env bash
# Exact comparison of two builds' answers on the database bench/ingest.sh filled: COUNT distinct term pages from
# bench/pages.py (regions drawn level first, so that most pages hold figures; another seed than bench/pages.sh's) and
# COUNT/10 market index pages (a region of depth 0, 1 or 2, level first; random period, employment and sort; every
# row field, first 50), posted to this checkout's build and then to REV's (built in a worktree under target/bench),
# one after the other on the same data; every answer must be byte for byte the same, and none may hold errors. REV
# runs with Flyway's validation off, as it does not know the migrations after it.
# Needs python3, git. Usage: bench/compare.sh REV [COUNT, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
REV=$1
COUNT=${2:-200}
WORK=target/bench
PORT=8089
OUT="$WORK/compare"
[ -d "$WORK/pgdata" ] || { echo "run bench/ingest.sh first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT/new" "$OUT/old"
./mvnw -q -B package -DskipTests
OLD="$(pwd)/$WORK/compare-rev"
git worktree remove --force "$OLD" 2>/dev/null || true
git worktree add --detach "$OLD" "$REV" > /dev/null
(cd "$OLD" && ./mvnw -q -B package -DskipTests)

. bench/service.sh
trap 'stop_service; git worktree remove --force "$OLD" 2>/dev/null || true' EXIT
answers() { # directory
  python3 - "$1" "$OUT/bodies.ndjson" "$PORT" <<'PY'
import sys, urllib.request
out, bodies, port = sys.argv[1], sys.argv[2], sys.argv[3]
for i, body in enumerate(open(bodies)):
    req = urllib.request.Request("http://localhost:%s/graphql" % port, body.encode(), {"Content-Type": "application/json"})
    with open("%s/%04d.json" % (out, i), "wb") as f:
        f.write(urllib.request.urlopen(req).read())
PY
}

JAR=target/quarkus-app/quarkus-run.jar
start_service "$WORK/compare-new.log"
python3 bench/pages.py "http://localhost:$PORT" "$COUNT" 20251130 levels > "$OUT/bodies.ndjson"
python3 - "http://localhost:$PORT" "$(( COUNT / 10 ))" >> "$OUT/bodies.ndjson" <<'PY'
import json, random, sys, urllib.request
url, count = sys.argv[1], int(sys.argv[2])
def graphql(q):
    req = urllib.request.Request(url + "/graphql", json.dumps({"query": q}).encode(), {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["data"]
nations = [r["slug"] for r in graphql('{ regions(parent: "uk") { slug } }')["regions"]]
levels = [["uk"], nations, [c["slug"] for p in nations for c in graphql('{ regions(parent: %s) { slug } }' % json.dumps(p))["regions"]]]
latest = graphql('{ market(region: "uk") { period { end } } }')["market"]["period"]["end"]
query = """query Index($region: String!, $end: Date!, $months: Int!, $employment: Employment!, $by: TermSortField!) {
  market(region: $region, period: {end: $end, months: $months}, employment: $employment) {
    terms(first: 50, sort: {by: $by}) { totalCount edges { node { term { name } rank rankChange vacancies
      shareOfAllVacancies salariesQuoted median medianChange liveJobs } } } } }"""
rnd = random.Random(20251130)
from datetime import date, timedelta
for _ in range(count):
    v = {"region": rnd.choice(rnd.choice(levels)), "end": (date.fromisoformat(latest) - timedelta(days=rnd.randrange(730))).isoformat(),
         "months": rnd.choice([3, 6, 12]), "employment": rnd.choice(["PERMANENT", "CONTRACT"]),
         "by": rnd.choice(["RANK", "MEDIAN", "MEDIAN_CHANGE", "LIVE_JOBS"])}
    print(json.dumps({"query": query, "operationName": "Index", "variables": v}))
PY
answers "$OUT/new"
stop_service
JAR="$OLD/target/quarkus-app/quarkus-run.jar"
start_service "$WORK/compare-old.log"
answers "$OUT/old"
stop_service
TOTAL=$(wc -l < "$OUT/bodies.ndjson")
ERRORS=$(cat "$OUT"/new/*.json | grep -c '"errors"' || true)
[ "$ERRORS" = 0 ] || { echo "$ERRORS of this build's answers hold errors" >&2; exit 1; }
if diff -rq "$OUT/old" "$OUT/new" > "$OUT/differences.txt"; then
  echo "$TOTAL answers, every one the same as $REV's"
else
  echo "$(wc -l < "$OUT/differences.txt") of $TOTAL answers differ from $REV's: $OUT/differences.txt" >&2
  exit 1
fi
