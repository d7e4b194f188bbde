#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and for checking migrations: a cluster in a temp folder,
# listening only on 127.0.0.1, with a `versus` role allowed to create databases (Prisma's
# shadow database needs that). Idempotent: `start` reuses a running or existing cluster.
#
#   scripts/pg-test-server.sh start   # prints the DATABASE_URL to use
#   scripts/pg-test-server.sh stop    # stops it and deletes the cluster
#   scripts/pg-test-server.sh status  # exits 0 when it is running
#   scripts/pg-test-server.sh url
#
# Needs Debian's postgresql-15 (`apt-get install -y postgresql-15`). PostgreSQL will not run as
# root, so as root the server runs as the `postgres` user.
set -euo pipefail

PORT="${PG_TEST_PORT:-54329}"
DIR="${PG_TEST_DIR:-/tmp/versus-pg-test}"
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
URL="postgresql://versus:versus@127.0.0.1:${PORT}/versus"

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_admin() {
  as_server_user "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"
}

running() {
  [ -d "$DIR/data" ] && as_server_user "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1
}

start() {
  if ! running; then
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
      mkdir -p "$DIR"
      if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
      # Trust is safe here: the server only listens on loopback and holds throwaway data.
      as_server_user "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync >/dev/null
    fi
    # A time zone other than UTC, with a half-hour offset, as on many self-hosted servers: SQL
    # that mixes local and UTC time gives wrong timestamps here instead of passing by luck.
    if ! as_server_user "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories='$DIR' -c fsync=off -c timezone=America/St_Johns" >/dev/null; then
      # `stop` deletes the log with the cluster, so show why now.
      cat "$DIR/server.log" >&2
      exit 1
    fi
  fi
  if [ -z "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'versus'")" ]; then
    psql_admin "CREATE ROLE versus LOGIN CREATEDB PASSWORD 'versus'"
  fi
  if [ -z "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'versus'")" ]; then
    psql_admin "CREATE DATABASE versus OWNER versus"
  fi
  echo "$URL"
}

stop() {
  if running; then as_server_user "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running ;;
  url) echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
