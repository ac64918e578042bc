#!/usr/bin/env bash
# Render speed of every anonymous page type against a peer site, both without a page cache
# (issue #28). See benchmarks/README.md.
#
#   PEER_URL=http://127.0.0.1:8501 benchmarks/peer.sh
#   PEER_URL=… BEFORE_DIR=/tmp/before benchmarks/peer.sh   # also another commit's work tree
#
# The peer runs already (it is not part of this repository); PEER_PID, the process id of
# its gunicorn master, adds its workers' memory to the report. Uses the scale data and
# production settings of benchmarks/stack.sh and stops all it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/stack.sh

PEER_URL=${PEER_URL:?set PEER_URL to the running peer site, e.g. http://127.0.0.1:8501}
RENDER_PORT=8403
BEFORE_PORT=8404

[ -x "$PY" ] || fail "no .venv: run 'make migrate' first."
stack_require wrk:wrk pg_isready:postgresql-client
stack_check_ports $RENDER_PORT $BEFORE_PORT
curl -sf -o /dev/null "$PEER_URL/" || fail "the peer does not answer on $PEER_URL."
stack_generate
stack_env
unset VARNISH_URL  # no frontend cache to purge
export PAGE_CACHE=false
trap stack_stop EXIT
trap 'exit 130' INT TERM

say "gunicorn (2 workers, PAGE_CACHE=false) on $RENDER_PORT${BEFORE_DIR:+, $BEFORE_DIR on $BEFORE_PORT}"
stack_smtp
stack_gunicorn $RENDER_PORT
app_master=${pids[-1]}
before_url=()
if [ -n "${BEFORE_DIR:-}" ]; then
  venv=$PWD/.venv
  # Its own Redis database: another commit may keep other values under the same keys.
  before_redis=redis://127.0.0.1:6379/8
  "$PY" -c "import redis; redis.Redis.from_url('$before_redis').flushdb()"
  (cd "$BEFORE_DIR" && export STATIC_ROOT=$STACK_DIR/static-before REDIS_URL=$before_redis &&
    "$venv/bin/python" manage.py collectstatic --no-input -v 0 &&
    GUNICORN_BIND=127.0.0.1:$BEFORE_PORT exec "$venv/bin/gunicorn" -c config/gunicorn.py \
      >"$STACK_DIR/gunicorn-$BEFORE_PORT.log" 2>&1) &
  pids+=($!)
  before_master=$!
  stack_wait "http://127.0.0.1:$BEFORE_PORT/healthz"
  before_url=("http://127.0.0.1:$BEFORE_PORT")
fi

say "Pages (in-process, second request)"
"$PY" benchmarks/pages_report.py prepare "$STACK_DIR/pages.json" >/dev/null

say "wrk: ${ROUNDS:-3} rounds, ${DURATION:-5} s per page and site, sites in turn"
"$PY" benchmarks/peer.py measure "$STACK_DIR" "http://127.0.0.1:$RENDER_PORT" "$PEER_URL" "${before_url[@]}"

# Memory of a gunicorn master and each of its workers (its children), in MiB: resident
# (RSS) and proportional share (PSS: pages shared with the master or other workers count in
# part; with preload_app the workers share what the master loaded).
memory() {
  awk '/^Rss:/ {rss = $2} /^Pss:/ {pss = $2} END {printf "%.0f/%.0f", rss / 1024, pss / 1024}' \
    "/proc/$1/smaps_rollup"
}
workers_memory() {
  local child
  printf 'master %s, workers' "$(memory "$1")"
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    printf ' %s' "$(memory "$child")"
  done
}
say "Memory (RSS/PSS, MiB)"
echo "  app:    $(workers_memory "$app_master")"
[ -n "${before_master:-}" ] && echo "  before: $(workers_memory "$before_master")"
[ -n "${PEER_PID:-}" ] && echo "  peer:   $(workers_memory "$PEER_PID")"

say "SQL queries and Redis round trips per render (in-process)"
"$PY" benchmarks/render.py --renders 10 2>/dev/null
