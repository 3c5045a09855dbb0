#!/bin/sh
# Run the whole test suite against real PostgreSQL (embedded unless
# DATABASE_URL is set). Browser tests skip with a message when
# /usr/bin/chromium is missing. Extra arguments go to pytest.
set -e
cd "$(dirname "$0")"
. bin/uv-env.sh
$UV sync --frozen
exec $UV run pytest "$@"
