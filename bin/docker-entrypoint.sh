#!/bin/sh
# Container start: a secret key, the database set up, then gunicorn.
#
# SECRET_KEY given (environment): it is used as is; the settings refuse a
# short or published placeholder key. Not given: a random key is generated
# once into $SECRET_KEY_FILE (default /var/lib/portal/secret_key, a volume in
# docker-compose.yml) and read from there on every later start, so sessions
# survive restarts and no two installations share a key.
set -eu
if [ -z "${SECRET_KEY:-}" ]; then
    SECRET_KEY_FILE="${SECRET_KEY_FILE:-/var/lib/portal/secret_key}"
    if [ ! -s "$SECRET_KEY_FILE" ]; then
        mkdir -p "$(dirname "$SECRET_KEY_FILE")"
        (umask 077 && python -c 'import secrets; print(secrets.token_urlsafe(50))' >"$SECRET_KEY_FILE.tmp" \
            && mv "$SECRET_KEY_FILE.tmp" "$SECRET_KEY_FILE")
        echo "generated a new SECRET_KEY in $SECRET_KEY_FILE"
    fi
    export SECRET_KEY_FILE
    unset SECRET_KEY
fi
if [ "$#" -gt 0 ]; then
    exec "$@"
fi
python manage.py setup_portal
# the search's usual filter states counted ahead, beside the server, into the counts every worker reads
# (measures.search.totals); an import (import_documents, the admin's import page) counts them again after its writes
nice python manage.py warm_search_totals >/tmp/warm_search_totals.log 2>&1 &
exec gunicorn portal.wsgi:application --bind 0.0.0.0:8000 --workers "${WEB_CONCURRENCY:-3}" --access-logfile -
