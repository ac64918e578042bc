#!/usr/bin/env bash
# Requests per second, latency and SQL queries of each anonymous page type, from gunicorn and
# through Varnish, against two ceilings: a trivial WSGI app under the same gunicorn settings,
# and nginx serving a saved copy of the start page. See benchmarks/README.md.
#
#   benchmarks/pages.sh            # DURATION=10 seconds per wrk run, CONNECTIONS=8
#
# Builds the scale data once (benchmarks/pages_data.py), runs the stack of
# benchmarks/stack.sh with production settings, and stops all it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/stack.sh

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
RENDER_PORT=8403  # the app with PAGE_CACHE=false: every request rendered

[ -x "$PY" ] || fail "no .venv: run 'make migrate' first."
stack_require wrk:wrk varnishd:varnish nginx:nginx pg_isready:postgresql-client
stack_check_ports $APP_PORT $RENDER_PORT $TRIVIAL_PORT $SMTP_PORT $STATIC_PORT $VARNISH_PORT $VARNISH_ADMIN_PORT
stack_generate
stack_env
trap stack_stop EXIT
trap 'exit 130' INT TERM

say "gunicorn (2 workers) on $APP_PORT and with the trivial WSGI app on $TRIVIAL_PORT, Varnish on $VARNISH_PORT"
stack_smtp
PAGE_CACHE=true stack_gunicorn $APP_PORT  # the app with its own page cache, as without Varnish
PAGE_CACHE=false stack_gunicorn $RENDER_PORT
stack_gunicorn $TRIVIAL_PORT benchmarks.trivial_wsgi:application
stack_varnish

say "Pages and their SQL queries (in-process, second request)"
PAGE_CACHE=false "$PY" benchmarks/pages_report.py prepare "$STACK_DIR/pages.json" >"$STACK_DIR/pages.txt"
cat "$STACK_DIR/pages.txt"
curl -sf "http://127.0.0.1:$APP_PORT/" >"$STACK_DIR/site/index.html"
gzip -kf9 "$STACK_DIR/site/index.html"
stack_nginx_static

# wrk with a short warm-up run first (renditions, caches, both workers), asking for gzip as
# every browser does.
measure() {
  local name=$1 url=$2
  local gzip=(-H "Accept-Encoding: gzip")
  wrk -t2 -c"$CONNECTIONS" -d2s "${gzip[@]}" "$url" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "${gzip[@]}" --latency "$url" >"$STACK_DIR/wrk/$name.txt"
  printf '  %-22s %s\n' "$name" "$(grep Requests/sec "$STACK_DIR/wrk/$name.txt")"
}

say "wrk: $DURATION s per page, 2 threads, $CONNECTIONS connections (same machine)"
measure trivial "http://127.0.0.1:$TRIVIAL_PORT/"
measure static "http://127.0.0.1:$STATIC_PORT/"
while read -r key path; do
  measure "app-$key" "http://127.0.0.1:$APP_PORT$path"
done <"$STACK_DIR/pages.txt"
say "wrk: the app rendering every request (PAGE_CACHE=false), for comparison"
while read -r key path; do
  measure "render-$key" "http://127.0.0.1:$RENDER_PORT$path"
done <"$STACK_DIR/pages.txt"
while read -r key path; do
  url="http://127.0.0.1:$VARNISH_PORT$path"
  curl -s -o /dev/null "$url"  # into the cache
  cache=$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | sed -n 's/^X-Cache: //Ip')
  [ "$cache" = HIT ] || echo "  warning: $path is not a Varnish HIT (X-Cache: $cache)"
  measure "varnish-$key" "$url"
done <"$STACK_DIR/pages.txt"

say "A published change through Varnish"
"$PY" benchmarks/pages_report.py publish "http://127.0.0.1:$VARNISH_PORT" "$STACK_DIR/publish.json"

say "Results (logs and wrk output in $STACK_DIR)"
"$PY" benchmarks/pages_report.py table "$STACK_DIR"
