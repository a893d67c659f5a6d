#!/usr/bin/env bash
# Collect every translatable string into caravan/translations/messages.pot and merge it into the
# zh, ug and en catalogs. Translate what is new, then run the tests (they check the catalogs are complete).
set -euo pipefail
cd "$(dirname "$0")/.."
# --ignore-dirs: Babel skips folders starting with "_" by default, which would miss templates/_macros.
.venv/bin/pybabel extract -F babel.cfg -k _l --ignore-dirs '.*' --no-location --omit-header --sort-output \
    -o caravan/translations/messages.pot caravan templates
.venv/bin/pybabel update -i caravan/translations/messages.pot -d caravan/translations --no-fuzzy-matching \
    --ignore-obsolete
