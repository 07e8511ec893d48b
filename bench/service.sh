# Sourced by the bench scripts: the packaged service on the bench database (WORK/pgdata, port PORT), and the
# statement log of its embedded PostgreSQL. JAR: the build to run (default this checkout's; another, older one runs
# with Flyway's validation off, as it does not know the later migrations). HEAP: the JVM's -Xmx, if set.
# Environment set on a start_service call (JOBSTATS_EMBEDDED_DB_DURABLE=false start_service ...) reaches the service.
SERVICE=
PGPORT=

start_service() { # LOG: starts the service, waits until it is ready, and sets SERVICE (its pid) and PGPORT
  local jar=${JAR:-target/quarkus-app/quarkus-run.jar} validate=true
  [ "$jar" = target/quarkus-app/quarkus-run.jar ] || validate=false
  JOBSTATS_DATA_DIR="$WORK/pgdata" JOBSTATS_KEYS_DIR="$WORK/keys" JOBSTATS_DEMO_ENABLED=false \
    java ${HEAP:+-Xmx$HEAP} -Dquarkus.http.port="$PORT" -Dquarkus.flyway.validate-on-migrate=$validate -jar "$jar" \
    > "$1" 2>&1 &
  SERVICE=$!
  until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do
    kill -0 "$SERVICE" 2>/dev/null || { echo "the service stopped before it was ready: see $1" >&2; exit 1; }
    sleep 1
  done
  PGPORT=$(grep -ao 'localhost:[0-9]*' "$1" | head -1 | cut -d: -f2)
}

# Waits for the service (and its embedded PostgreSQL) to stop: a run after this one uses the same data directory.
stop_service() {
  [ -z "$SERVICE" ] || { kill "$SERVICE" 2>/dev/null && wait "$SERVICE" 2>/dev/null || true; }
  SERVICE=
}

psqlc() { psql -qtA -h localhost -p "$PGPORT" -U postgres -c "$1"; }

# PostgreSQL's statement log (WORK/pgdata/log/statements.log) needs its collector, which only a restart turns on:
# restarts the service, logging to LOG, if the collector is off.
enable_log_collector() { # LOG
  if [ "$(psqlc 'SHOW logging_collector')" != on ]; then
    psqlc "ALTER SYSTEM SET logging_collector = on" > /dev/null
    psqlc "ALTER SYSTEM SET log_directory = 'log'" > /dev/null
    psqlc "ALTER SYSTEM SET log_filename = 'statements.log'" > /dev/null
    stop_service
    start_service "$1"
  fi
}

# Every statement logged with its parameters (on), or none (off), from the next statement on.
log_statements() { # on | off
  if [ "$1" = on ]; then
    psqlc "ALTER SYSTEM SET log_min_duration_statement = 0" > /dev/null
  else
    psqlc "ALTER SYSTEM RESET log_min_duration_statement" > /dev/null
  fi
  psqlc "SELECT pg_reload_conf()" > /dev/null
}
