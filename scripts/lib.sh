# Helpers shared by scripts/setup.sh and scripts/test.sh. Sourced, not run.
# shellcheck shell=bash

export DEBIAN_FRONTEND=noninteractive

_started=$SECONDS

# step "Heading": print a short heading with the seconds since the script started.
step() {
    printf '\n==> [%4ss] %s\n' "$((SECONDS - _started))" "$*"
}

note() {
    printf '    %s\n' "$*"
}

die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

is_root() {
    [ "$(id -u)" -eq 0 ]
}

# as_root CMD...: run a command as root, through sudo only when we are not root already.
as_root() {
    if is_root; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo env DEBIAN_FRONTEND=noninteractive "$@"
    else
        die "need root for: $* (run as root or install sudo)"
    fi
}

pkg_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# apt-get update at most once per setup/test run (test.sh passes the flag on to setup.sh).
apt_update_once() {
    if [ "${CARAVAN_APT_UPDATED:-}" != 1 ]; then
        note "apt-get update"
        as_root apt-get update -qq
        export CARAVAN_APT_UPDATED=1
    fi
}

pkg_available() {
    local candidate
    candidate=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
    [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# apt_ensure [--optional] PKG...: install the packages that are not installed yet. Costs one
# dpkg-query per package when everything is there. With --optional, packages that this
# distribution does not have are skipped with a note instead of failing.
apt_ensure() {
    local optional=0 pkg missing=() wanted=()
    if [ "${1:-}" = --optional ]; then
        optional=1
        shift
    fi
    for pkg in "$@"; do
        pkg_installed "$pkg" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        note "already installed: $*"
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 ||
        die "missing packages ${missing[*]} and no apt-get: install them by hand"
    apt_update_once
    for pkg in "${missing[@]}"; do
        if [ $optional -eq 1 ] && ! pkg_available "$pkg"; then
            note "not available here, skipped: $pkg"
        else
            wanted+=("$pkg")
        fi
    done
    if [ ${#wanted[@]} -gt 0 ]; then
        note "apt-get install ${wanted[*]}"
        as_root apt-get install -y -qq --no-install-recommends "${wanted[@]}"
    fi
}

# file_sha FILE...: one hash over the files, to tell whether an install step must run again.
file_sha() {
    cat "$@" | sha256sum | cut -d' ' -f1
}

# --- A throw-away PostgreSQL cluster (scripts/test.sh) ---------------------------------------
# pg_start: initdb into a fresh temp dir, listen on 127.0.0.1 on a free port with the unix socket
# in that dir, trust auth, no fsync. Sets PG_PORT and PG_TMP. pg_stop stops it and deletes the
# dir; call it from an EXIT trap. PostgreSQL refuses to run as root, so as root the cluster runs
# as the postgres user (created by Debian's postgresql package).

PG_TMP=
PG_PORT=
PG_BIN=

pg_find_bin() {
    local dir
    # Debian and Ubuntu keep the server binaries out of PATH, one folder per major version.
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
        PG_BIN=$dir
    elif command -v initdb >/dev/null 2>&1; then
        PG_BIN=$(dirname "$(command -v initdb)")
    else
        die "PostgreSQL server binaries (initdb, pg_ctl) not found"
    fi
}

# pg_run CMD...: run a PostgreSQL binary as the cluster's owner, from inside the temp dir (the
# postgres user may not be allowed into the current folder).
pg_run() {
    if is_root; then
        (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
        (cd "$PG_TMP" && "$@")
    fi
}

pg_start() {
    [ -n "$PG_BIN" ] || pg_find_bin
    PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/caravan-pg.XXXXXX")
    if is_root; then
        getent passwd postgres >/dev/null || die "no postgres user to run PostgreSQL as"
        chown postgres: "$PG_TMP"
    fi
    PG_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    pg_run "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
    cat >>"$PG_TMP/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_TMP'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    if ! pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/postgres.log" -w -t 60 start >/dev/null; then
        cat "$PG_TMP/postgres.log" >&2 || true
        die "PostgreSQL did not start"
    fi
    "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c 'CREATE DATABASE caravan_test' >/dev/null
}

pg_stop() {
    [ -n "$PG_TMP" ] || return 0
    if [ -f "$PG_TMP/data/postmaster.pid" ]; then
        pg_run "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
    PG_TMP=
}
