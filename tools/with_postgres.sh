#!/usr/bin/env bash
# Runs a command against a throw-away local PostgreSQL cluster, then removes the cluster.
#
#   tools/with_postgres.sh COMMAND [ARGS...]
#
# Installs Debian's `postgresql` with apt-get if no server binaries are found (CI runs as
# root), creates a cluster in a temporary directory, starts it on a free port of 127.0.0.1
# (trust authentication, no fsync: it is for tests only), exports
#   ACTORGRAPH_TEST_DB=postgresql+psycopg://USER@127.0.0.1:PORT/postgres
# (the test fixtures create a fresh database in it for every store) and runs COMMAND.
# The cluster is stopped and deleted however COMMAND ends; its exit code is returned.
# If the server cannot be installed or started, this fails: a skipped PostgreSQL pass is
# not a passing one.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)"
  return 0
}

BINDIR=$(find_bindir)
if [ -z "$BINDIR" ]; then
  [ "$(id -u)" = 0 ] || die "no PostgreSQL server found; run: apt-get install postgresql"
  echo "installing Debian's postgresql ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) \
    >/dev/null 2>&1 || die "could not install postgresql; run: apt-get install postgresql"
  BINDIR=$(find_bindir)
  [ -n "$BINDIR" ] || die "postgresql installed but no initdb found"
fi

# initdb refuses to run as root: as root, the cluster belongs to the `postgres` user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  AS=(runuser -u postgres --)
  DBUSER=postgres
else
  AS=()
  DBUSER=$(id -un)
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-pg.XXXXXX")
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${AS[@]}" "$BINDIR/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${AS[@]}" "$BINDIR/initdb" -D "$DIR/data" -U "$DBUSER" --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
"${AS[@]}" "$BINDIR/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$DIR/server.log" >&2; die "the PostgreSQL server did not start"; }

export ACTORGRAPH_TEST_DB="postgresql+psycopg://$DBUSER@127.0.0.1:$PORT/postgres"
echo "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') on port $PORT" >&2
set +e
"$@"
status=$?
set -e
exit $status
