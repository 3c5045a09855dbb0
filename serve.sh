#!/bin/sh
# Set everything up (uv, dependencies, embedded PostgreSQL, migrations,
# reference data, the seed corpus, an admin login) and serve the portal on
# http://127.0.0.1:8000. Safe to run again: every step is idempotent.
set -e
cd "$(dirname "$0")"
. bin/uv-env.sh
$UV sync --frozen --no-dev
$UV run --no-dev python manage.py setup_portal
exec $UV run --no-dev python manage.py runserver "${PORTAL_ADDR:-127.0.0.1:8000}"
