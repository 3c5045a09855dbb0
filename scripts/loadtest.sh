#!/bin/sh
# Load test: serve the portal with gunicorn as docker-compose does (3 workers,
# DEBUG=0, SECRET_KEY set, collectstatic done) on 127.0.0.1 at a free port, run
# `wrk -t2 -c32 -d60s` against the search page, a filtered list page and the
# trivial /healthz view, print requests/s and errors for each, stop gunicorn.
#
#   scripts/loadtest.sh                        # 60 s per URL, on the seed corpus
#   DURATION=10s scripts/loadtest.sh           # quicker run
#   BENCH_MEASURES=12000 scripts/loadtest.sh   # on a synthetic corpus of ~12,000 measures
#   CONNECTIONS=8 scripts/loadtest.sh          # fewer concurrent connections
#
# BENCH_MEASURES=N builds a corpus of about N measures with
# `manage.py bench_search --sizes N` (the seed corpus recombined across
# made-up documents, in the database portal_bench) and serves that.
#
# Needs wrk (Debian: apt-get install wrk). Uses the embedded PostgreSQL unless
# DATABASE_URL is set; the seed corpus is imported first (idempotent).
# Rate limits are lifted for the run (one client sends everything).
set -eu
cd "$(dirname "$0")/.."
. bin/uv-env.sh

DURATION="${DURATION:-60s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
WORKERS="${WEB_CONCURRENCY:-3}"

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed (Debian: apt-get install wrk)" >&2
    exit 2
fi

export DEBUG=0
export SECRET_KEY="${SECRET_KEY:-loadtest-only-$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')}"
export ALLOWED_HOSTS="127.0.0.1"
export SECURE_COOKIES=0
export HTTPS=0
export RATELIMIT_EXPORT="1000000/60" RATELIMIT_REPORT="1000000/60" RATELIMIT_LOGIN="1000000/60"

if [ -n "${BENCH_MEASURES:-}" ]; then
    echo "== building a corpus of ~$BENCH_MEASURES measures (bench_search, database portal_bench)"
    $UV run python manage.py bench_search --sizes "$BENCH_MEASURES" --runs 1 | tail -3
    export PORTAL_DB_NAME=portal_bench
fi

echo "== preparing: migrate, reference data, seed corpus, collectstatic"
$UV run python manage.py migrate --noinput -v 0
$UV run python manage.py seed_reference -v 0
$UV run python manage.py import_documents --no-progress fixtures/corpus >/dev/null
$UV run python manage.py collectstatic --noinput -v 0

PORT="$($UV run python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:$PORT"
LOG="$(mktemp -t portal-gunicorn.XXXXXX)"
OUT="$(mktemp -t portal-wrk.XXXXXX)"

echo "== starting gunicorn on $BASE ($WORKERS workers)"
$UV run gunicorn portal.wsgi:application --workers "$WORKERS" --bind "127.0.0.1:$PORT" \
    --access-logfile - --log-level warning >"$LOG" 2>&1 &
GUNICORN_PID=$!
stop() {
    if kill -0 "$GUNICORN_PID" 2>/dev/null; then
        kill -TERM "$GUNICORN_PID" 2>/dev/null || true
        wait "$GUNICORN_PID" 2>/dev/null || true
    fi
    rm -f "$OUT"
}
trap stop EXIT INT TERM

i=0
until curl -fsS "$BASE/healthz" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ "$i" -gt 100 ] || ! kill -0 "$GUNICORN_PID" 2>/dev/null; then
        echo "gunicorn did not start; log:" >&2
        cat "$LOG" >&2
        exit 1
    fi
    sleep 0.2
done
# warm every worker's caches (tokenizer, synonyms, connections)
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
    curl -fsS -o /dev/null "$BASE/measures/?q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83"
    curl -fsS -o /dev/null "$BASE/measures/?theme=administrative"
done

# name|path   (q=知识产权, percent-encoded)
TARGETS="search|/measures/?q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83
list|/measures/?theme=administrative
healthz|/healthz"

SUMMARY=""
for line in $(echo "$TARGETS" | tr ' ' '_'); do
    name="${line%%|*}"
    path="${line#*|}"
    echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION $BASE$path"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$BASE$path" | tee "$OUT"
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$OUT")"
    total="$(awk '/requests in/ {print $1}' "$OUT")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$OUT")"
    sockerr="$(awk '/Socket errors:/ {gsub(",", ""); print $4+$6+$8+$10}' "$OUT")"
    p50="$(awk '$1 == "50%" {print $2}' "$OUT")"
    p99="$(awk '$1 == "99%" {print $2}' "$OUT")"
    SUMMARY="$SUMMARY$(printf '%-8s %10s req/s  %8s requests  p50 %-8s p99 %-8s  errors: non-2xx %s, socket %s' \
        "$name" "$rps" "$total" "$p50" "$p99" "${non2xx:-0}" "${sockerr:-0}")
"
done

echo
echo "== summary (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, gunicorn --workers $WORKERS, DEBUG=0${PORTAL_DB_NAME:+, database $PORTAL_DB_NAME})"
printf '%s' "$SUMMARY"
if grep -q " 500 \| 502 \| 503 " "$LOG" 2>/dev/null; then
    echo "server errors in the gunicorn log:" >&2
    grep " 50[0-9] " "$LOG" | head -5 >&2
fi
rm -f "$LOG"
