#!/bin/sh
# Set everything up (uv, dependencies, embedded PostgreSQL, migrations,
# reference data, the seed corpus, an admin login) and serve the portal on
# http://127.0.0.1:8000. Safe to run again: every step is idempotent.
#
# The portal is served as in production (DEBUG off): visitors get the portal's
# own 404 and 500 pages, never Django's debug page. A random SECRET_KEY is made
# once into .cache/secret_key (or give SECRET_KEY / SECRET_KEY_FILE); cookies
# are sent over plain http (SECURE_COOKIES=0), as on 127.0.0.1.
# For development with debug pages: DEBUG=1 ./serve.sh
set -e
cd "$(dirname "$0")"
. bin/uv-env.sh
# --inexact: the test tools that ./test.sh installed stay (serving never removes them)
$UV sync --frozen --no-dev --inexact
export DEBUG="${DEBUG:-0}"
if [ "$DEBUG" = "0" ]; then
    export SECURE_COOKIES="${SECURE_COOKIES:-0}"
    if [ -z "${SECRET_KEY:-}" ]; then
        SECRET_KEY_FILE="${SECRET_KEY_FILE:-.cache/secret_key}"
        if [ ! -s "$SECRET_KEY_FILE" ]; then
            mkdir -p "$(dirname "$SECRET_KEY_FILE")"
            (umask 077 && $UV run --no-dev python -c 'import secrets; print(secrets.token_urlsafe(50))' \
                >"$SECRET_KEY_FILE.tmp" && mv "$SECRET_KEY_FILE.tmp" "$SECRET_KEY_FILE")
        fi
        export SECRET_KEY_FILE
    fi
fi
$UV run --no-dev python manage.py setup_portal
$UV run --no-dev python manage.py collectstatic --noinput --verbosity 0
# the search's usual filter states (no filter; one place, theme or year) counted ahead, beside the
# server, into the counts every process reads (measures.search.totals; those still valid are read,
# not counted again): .cache/warm_search_totals.log says how long it took
mkdir -p .cache
nice $UV run --no-dev python manage.py warm_search_totals >.cache/warm_search_totals.log 2>&1 &
exec $UV run --no-dev python manage.py runserver "${PORTAL_ADDR:-127.0.0.1:8000}"
