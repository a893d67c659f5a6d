#!/usr/bin/env bash
# Set up caravan on a Debian 12 / Ubuntu machine and start it on http://127.0.0.1:5000/.
#
#   scripts/setup.sh              install, migrate, load demo data, then serve
#   scripts/setup.sh --no-serve   the same without serving (used by scripts/test.sh)
#
# Needs Python 3.11+ and Node.js with npm; runs as root or as a user with sudo (only for apt-get).
# Safe to run again: every step skips what is already done.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

serve=1
for arg in "$@"; do
    case $arg in
        --no-serve) serve=0 ;;
        -h | --help)
            sed -n '2,8s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *) die "unknown argument: $arg (try --help)" ;;
    esac
done

# Python 3.11 or newer: $PYTHON if set, else python3, else the newest python3.x on PATH.
find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3 python3.14 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

step "OS packages"
python=$(find_python) || die "Python 3.11 or newer is needed (python3 --version)"
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    # Debian and Ubuntu split venv out of the interpreter package.
    pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    apt_update_once
    if pkg_available "python$pyver-venv"; then apt_ensure "python$pyver-venv"; else apt_ensure python3-venv; fi
fi
# WeasyPrint's libraries, and fonts for Chinese and Arabic-script Uyghur in PDFs.
apt_ensure libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk fonts-noto-core fonts-ukij-uyghur fonts-dejavu-core
apt_ensure --optional libharfbuzz-subset0
if ! command -v npm >/dev/null 2>&1; then
    apt_ensure nodejs npm
fi

step "Python environment (.venv)"
if [ -x .venv/bin/python ] &&
    .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    note "using .venv ($(.venv/bin/python --version))"
else
    note "creating .venv with $python ($("$python" --version))"
    "$python" -m venv --clear .venv
fi
# Reinstall only when pyproject.toml changed; the editable install picks up new modules by itself.
stamp=.venv/.caravan-install
want="main $(file_sha pyproject.toml)"
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ] && .venv/bin/python -c 'import caravan' 2>/dev/null; then
    note "caravan and its dependencies already installed"
else
    note "pip install -e ."
    .venv/bin/python -m pip install -q -e .
    echo "$want" >"$stamp"
fi

step "Browser files (npm ci, static/vendor/)"
stamp=node_modules/.caravan-install
want=$(file_sha package.json package-lock.json)
if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    note "node_modules up to date"
else
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
fi
node scripts/vendor.mjs

step "Translations"
if compgen -G 'caravan/translations/*/LC_MESSAGES/*.po' >/dev/null; then
    .venv/bin/pybabel compile -d caravan/translations
else
    note "no .po files yet, skipped"
fi

step "Database (flask db upgrade)"
.venv/bin/flask --app caravan db upgrade

step "Demo data (flask demo)"
.venv/bin/flask --app caravan demo
logins="demo logins (password caravan-demo): field, office, admin for the county; field.kt02, office.kt02 for township KT-02"

if [ $serve -eq 1 ]; then
    step "Serving on http://127.0.0.1:5000/ (Ctrl+C stops)"
    note "sign in at http://127.0.0.1:5000/signin; $logins"
    exec .venv/bin/flask --app caravan run --host 127.0.0.1 --port 5000
fi
step "Set up (not serving: --no-serve)"
note "$logins"
