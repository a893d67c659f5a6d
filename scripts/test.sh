#!/usr/bin/env bash
# Run caravan's tests: first on SQLite (with the browser tests), then on a throw-away PostgreSQL.
#
#   scripts/test.sh [PYTEST ARGS...]     e.g. scripts/test.sh -x -k sync
#
# Runs scripts/setup.sh --no-serve first, then installs what the tests need (Chromium, poppler,
# the PostgreSQL server, the [test] extra). Browser tests use Debian's /usr/bin/chromium; nothing
# downloads a browser. Exits non-zero if either run fails or collects no tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

bash scripts/setup.sh --no-serve

step "Test OS packages (chromium, poppler-utils, postgresql)"
apt_ensure chromium poppler-utils postgresql

step "Test Python packages (.[test])"
stamp=.venv/.caravan-install-test
want="test $(file_sha pyproject.toml)"
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    note "already installed"
else
    note "pip install -e '.[test]'"
    .venv/bin/python -m pip install -q -e '.[test]'
    echo "$want" >"$stamp"
fi

step "Throw-away PostgreSQL"
trap pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
pg_start
pg_url="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/caravan_test"
note "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $PG_TMP"

# run_pytest LABEL [ENV...] -- PYTEST ARGS...: prints the result; returns pytest's code, with
# "no tests collected" (5) counted as a failure like any other non-zero code.
run_pytest() {
    local rc=0
    "$@" || rc=$?
    [ $rc -eq 5 ] && echo "pytest collected no tests: counted as a failure" >&2
    return $rc
}

step "pytest on SQLite (the default: CARAVAN_TEST_DATABASE_URL unset)"
sqlite_rc=0
run_pytest env -u CARAVAN_TEST_DATABASE_URL .venv/bin/python -m pytest "$@" || sqlite_rc=$?

step "pytest on PostgreSQL ($pg_url), without browser tests"
pg_rc=0
run_pytest env CARAVAN_TEST_DATABASE_URL="$pg_url" .venv/bin/python -m pytest -m "not browser" "$@" || pg_rc=$?
if [ $pg_rc -ne 0 ]; then
    mkdir -p test-artifacts
    cp "$PG_TMP/postgres.log" test-artifacts/postgres.log 2>/dev/null || true
fi

if [ $sqlite_rc -ne 0 ] || [ $pg_rc -ne 0 ]; then
    echo "FAILED: pytest on SQLite exited $sqlite_rc, on PostgreSQL $pg_rc" >&2
    exit 1
fi
