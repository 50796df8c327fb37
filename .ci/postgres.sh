#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the registry tests.
#
#   eval "$(bash .ci/postgres.sh)"
#
# stdout carries ONLY the export lines (for eval); progress goes to stderr.
# - Installs PostgreSQL from Debian's packages when no server binaries are found
#   (needs root: apt-get update && apt-get install -y postgresql), unless
#   TRIALFIND_PG_NO_INSTALL is set (the tests' own fallback sets it).
# - Creates a fresh cluster in a temporary directory with initdb, owned by the
#   `postgres` user when run as root (PostgreSQL refuses to run as root), listening
#   on 127.0.0.1 on a free port only, trust authentication (loopback, throwaway).
# - Creates the database `trialfind_test` and prints
#     export TRIALFIND_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/trialfind_test
#     export TRIALFIND_TEST_POSTGRES_DATA=/tmp/trialfind-pg.XXXX   (stop: pg_ctl -D $DIR/data stop)
# The server keeps running after this script exits, for the tests that follow.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir 2>/dev/null)/initdb" ]; then
        pg_config --bindir
        return 0
    fi
    # Debian keeps server binaries out of PATH, one directory per major version: take the newest.
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

bindir=$(find_bindir || true)
if [ -z "$bindir" ]; then
    if [ -n "${TRIALFIND_PG_NO_INSTALL:-}" ]; then
        log "no PostgreSQL server binaries found (and TRIALFIND_PG_NO_INSTALL forbids installing them)"
        exit 1
    fi
    if [ "$(id -u)" -ne 0 ]; then
        log "no PostgreSQL server binaries found and not root: cannot install them"
        exit 1
    fi
    log "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    bindir=$(find_bindir || true)
    if [ -z "$bindir" ]; then
        log "PostgreSQL installed but initdb/pg_ctl not found"
        exit 1
    fi
fi
log "using $bindir"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base=$(mktemp -d /tmp/trialfind-pg.XXXXXX)
chmod 755 "$base"

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    chown postgres: "$base"
    as_owner() {
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    }
else
    as_owner() { "$@"; }
fi

as_owner "$bindir/initdb" -D "$base/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >&2
as_owner "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $base -c fsync=off -c max_connections=100" start >&2 || {
    log "the server did not start; its log:"
    cat "$base/server.log" >&2 || true
    exit 1
}
as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE trialfind_test" >&2
log "PostgreSQL is listening on 127.0.0.1:$port (data in $base/data)"

echo "export TRIALFIND_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:$port/trialfind_test"
echo "export TRIALFIND_TEST_POSTGRES_DATA=$base"
