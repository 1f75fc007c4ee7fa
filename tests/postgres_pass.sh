#!/usr/bin/env bash
# Run the database-backed tests on a throwaway PostgreSQL server (make test-postgres).
#
# Starts a server from the machine's PostgreSQL binaries in a temporary folder, listening only
# on a Unix socket there, points WORKBENCH_TEST_POSTGRES at it (tests/conftest.py gives every
# test a fresh database on it) and removes it all afterwards. PostgreSQL refuses to run as
# root, so as root the server runs as the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" \
    /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
        bin_dir="$candidate"
        break
    fi
done
if [ -z "$bin_dir" ]; then
    echo "test-postgres: no PostgreSQL server binaries (initdb, pg_ctl) found" >&2
    exit 1
fi

as_server() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

work=$(mktemp -d)
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
cleanup() {
    as_server "'$bin_dir/pg_ctl' -D '$work/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

as_server "'$bin_dir/initdb' -D '$work/data' -A trust -U workbench" >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; exit 1; }
as_server "'$bin_dir/pg_ctl' -D '$work/data' -w -l '$work/server.log' \
    -o \"-c listen_addresses='' -k '$work' -p 5432\" start" >/dev/null

export WORKBENCH_TEST_POSTGRES="postgresql+psycopg://workbench@/postgres?host=$work"
.venv/bin/pytest -q tests/test_export.py tests/test_grouping.py tests/test_matching.py \
    tests/test_merge.py tests/test_pipeline.py tests/test_reading_screens.py \
    tests/test_review_screens.py "$@"
