#!/usr/bin/env bash
# Load test on loopback only: serve the site with the production settings under gunicorn, then hold
# CLIENTS concurrent connections (default 200) for DURATION (default 60s) on a mix of public pages.
# Fails unless every request got a 200. Results go to bench-results/loadtest-<timestamp>.txt.
#   DATABASE_URL  the database to serve (default: the SQLite file). It is migrated and given the HET content.
set -euo pipefail
cd "$(dirname "$0")/.."

clients="${CLIENTS:-200}"
duration="${DURATION:-60s}"
py=.venv/bin/python

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "The load test needs wrk: sudo apt-get install wrk" >&2; exit 1
  fi
fi

workdir="$(mktemp -d)"
port="$($py -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export DJANGO_SETTINGS_MODULE=het_site.settings.production
export SECRET_KEY="$($py -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$workdir/static" LOG_LEVEL=WARNING
export GUNICORN_BIND="127.0.0.1:$port" WEB_CONCURRENCY="${WEB_CONCURRENCY:-4}" GUNICORN_THREADS="${GUNICORN_THREADS:-8}"

gunicorn_pid=""
cleanup() {
  if [ -n "$gunicorn_pid" ]; then kill "$gunicorn_pid" 2>/dev/null || true; wait "$gunicorn_pid" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

echo "Preparing: migrate, load the HET content, collect static files"
$py manage.py migrate --noinput -v0
$py manage.py load_het_content >/dev/null
$py manage.py collectstatic --noinput -v0

$py -m gunicorn -c gunicorn.conf.py --access-logfile "$workdir/access.log" >"$workdir/gunicorn.log" 2>&1 &
gunicorn_pid=$!
healthy=""
for _ in $(seq 120); do
  if curl -fs -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/healthz"; then healthy=1; break; fi
  sleep 0.5
done
[ -n "$healthy" ] || { echo "gunicorn did not start:" >&2; cat "$workdir/gunicorn.log" >&2; exit 1; }

# Every page in the sitemap, plus searches; paths only, so every request stays on this machine.
curl -fsS -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/sitemap.xml" |
  grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' >"$workdir/paths.txt"
printf '%s\n' "/search/?q=health" "/search/?q=housing" "/search/?q=children" >>"$workdir/paths.txt"
pages="$(wc -l <"$workdir/paths.txt")"

mkdir -p bench-results
report="bench-results/loadtest-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "Load test $(date -u +%Y-%m-%dT%H:%M:%SZ): $clients clients for $duration over $pages paths"
  echo "gunicorn: $WEB_CONCURRENCY workers x $GUNICORN_THREADS threads, production settings, $(nproc) cores"
  timeout 300 wrk --threads 2 --connections "$clients" --duration "$duration" --timeout 30s \
    --script scripts/loadtest.lua "http://127.0.0.1:$port" -- "$workdir/paths.txt"
} | tee "$report"

if ! grep -q "^Errors: 0 unexpected statuses, 0 connect, 0 read, 0 write, 0 timeouts$" "$report"; then
  echo "FAILED: some requests did not get a 200 (see $report and the gunicorn log below)" >&2
  tail -20 "$workdir/gunicorn.log" >&2
  exit 1
fi
echo "Passed: every request got a 200. Report: $report"
