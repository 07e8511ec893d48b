#!/usr/bin/env bash
# Runs the native executable (bench/native-build.sh) beside the JVM build on the same database and compares their
# answers byte for byte: every operation in graphql/examples/, a load through loadAds, the load history, a query over
# GET with its 304, a persisted query, a compressed answer, a parse error, an unknown name. Also the native
# executable's time to first answer and its RSS. The JVM build starts the embedded PostgreSQL in a throw-away data
# directory; the native executable connects to it. Exits non-zero on any difference.
# Usage: bench/native-compare.sh   (after ./mvnw package -DskipTests and bench/native-build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=target/native-compare
rm -rf "$WORK" && mkdir -p "$WORK"
RUNNER=$(ls target/native-out/*-runner)
JVM_PORT=8091; NATIVE_PORT=8092
trap 'kill $JVM $NATIVE 2>/dev/null || true' EXIT
JOBSTATS_DATA_DIR="$WORK/pgdata" JOBSTATS_KEYS_DIR="$WORK/keys" JOBSTATS_DEMO_ENABLED=false \
  java -Dquarkus.http.port=$JVM_PORT -jar target/quarkus-app/quarkus-run.jar > "$WORK/jvm.log" 2>&1 &
JVM=$!
until curl -sf localhost:$JVM_PORT/q/health/ready > /dev/null; do sleep 1; done
PGPORT=$(grep -ao 'localhost:[0-9]*' "$WORK/jvm.log" | head -1 | cut -d: -f2)
start=$(date +%s.%N)
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:$PGPORT/postgres QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD= MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$(pwd)/$WORK/keys/public.pem" \
  "$RUNNER" -Dquarkus.http.port=$NATIVE_PORT > "$WORK/native.log" 2>&1 &
NATIVE=$!
until curl -sf localhost:$NATIVE_PORT/q/health/ready > /dev/null; do sleep 0.1; done
echo "native: first answer after $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s (database migrated), RSS $(($(awk '/VmRSS/ {print $2}' /proc/$NATIVE/status) / 1024)) MB"
TOKEN=$(cat "$WORK/keys/loader.token")
# The reference ads, loaded once (both read the same database).
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/x-ndjson' \
  --data-binary @src/main/resources/demo/reference-junior-backend-developer.ndjson localhost:$JVM_PORT/ads > /dev/null

failed=0
same() { # name, curl arguments after the URL's host part
  local name=$1; shift
  local a b
  : > "$WORK/$name.jvm"; : > "$WORK/$name.native"   # curl writes no file for an empty body (a 304)
  a=$(curl -s -D "$WORK/$name.jvm.h" -o "$WORK/$name.jvm" -w '%{http_code}' "http://localhost:$JVM_PORT$@")
  b=$(curl -s -D "$WORK/$name.native.h" -o "$WORK/$name.native" -w '%{http_code}' "http://localhost:$NATIVE_PORT$@")
  if [ "$a" = "$b" ] && cmp -s "$WORK/$name.jvm" "$WORK/$name.native"; then
    echo "same   $name: HTTP $a, $(wc -c < "$WORK/$name.native") bytes"
  else
    echo "DIFFER $name: HTTP $a (JVM) / $b (native)"; head -c 400 "$WORK/$name.native"; echo; failed=1
  fi
}
json() { python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$1"; }
for f in graphql/examples/*.graphql; do
  json "$(cat "$f")" > "$WORK/body.json"
  same "$(basename "$f" .graphql)" /graphql -H 'Content-Type: application/json' --data-binary @"$WORK/body.json"
done
QUERY='{ role(name: "Junior Backend Developer") { id name market(region: "midlands") { rank vacancies } } }'
same get-query "/graphql" -G --data-urlencode "query=$QUERY"
ETAG=$(awk 'tolower($1) == "etag:" {sub(/\r$/, "", $2); print $2}' "$WORK/get-query.native.h")
same get-304 "/graphql" -G --data-urlencode "query=$QUERY" -H "If-None-Match: $ETAG"
same brotli "/graphql" -G --data-urlencode "query=$QUERY" -H 'Accept-Encoding: br'
HASH=$(printf '%s' "$QUERY" | sha256sum | cut -d' ' -f1)
same persisted-miss "/graphql" -G --data-urlencode "extensions={\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$HASH\"}}"
same parse-error /graphql -H 'Content-Type: application/json' -H 'Accept: application/graphql-response+json' \
  --data-binary '{"query": "{ categories { name }"}'
same unknown-name /graphql -H 'Content-Type: application/json' --data-binary '{"query": "{ role(name: \"Astronaut\") { name } }"}'
same bad-variable /graphql -H 'Content-Type: application/json' \
  --data-binary '{"query": "query($p: PeriodInput) { market(region: \"uk\", period: $p) { vacancies } }", "variables": {"p": {"end": "2025-13-45"}}}'
# A load through each (different ads, so the second adds too), then the history both see.
for side in jvm native; do
  port=$([ $side = jvm ] && echo $JVM_PORT || echo $NATIVE_PORT)
  curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' localhost:$port/graphql --data-binary \
    "{\"query\": \"mutation { loadAds(input: {ads: [{source: \\\"native-compare\\\", sourceId: \\\"$side\\\", title: \\\"Data Engineer\\\", location: \\\"Leeds\\\", employment: PERMANENT, postedOn: \\\"2025-03-03\\\", salary: {min: 50000, period: YEAR}}, {source: \\\"native-compare\\\", sourceId: \\\"$side-bad\\\", title: \\\"Tester\\\", location: \\\"Leeds\\\", employment: CONTRACT, postedOn: \\\"2025-03-03\\\", closesOn: \\\"2025-03-01\\\"}]}) { report { linesRead adsAdded linesRejected } userErrors { field code } } }\"}" \
    > "$WORK/load.$side"
done
if cmp -s "$WORK/load.jvm" "$WORK/load.native"; then echo "same   loadAds: $(cat "$WORK/load.native")"; else echo "DIFFER loadAds"; cat "$WORK/load.jvm" "$WORK/load.native"; failed=1; fi
same loads /graphql -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data-binary '{"query": "{ loads(first: 3) { totalCount edges { node { format report { linesRead adsAdded linesRejected rejections { field code } } } } } }"}'
echo "native RSS after the comparison: $(($(awk '/VmRSS/ {print $2}' /proc/$NATIVE/status) / 1024)) MB; JVM: $(($(awk '/VmRSS/ {print $2}' /proc/$JVM/status) / 1024)) MB"
errors=$(grep -c ' ERROR ' "$WORK/native.log" || true)
echo "native log ERROR lines: $errors"
[ "$errors" = 0 ] || failed=1
exit $failed
