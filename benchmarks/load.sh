#!/usr/bin/env bash
# 60 s of mixed traffic against gunicorn (production settings, 2 workers): visitors reading
# pages, signed-in members reading, commenting on material pages and registering for the
# congress (benchmarks/load.py). Passes with no error and every acknowledged write stored.
#
#   benchmarks/load.sh [--restart-db]   # LOAD_SECONDS=60
#
# --restart-db restarts the PostgreSQL server (all its databases!) in the middle, once no
# test run or search benchmark uses it: then only 503s with the maintenance page are
# allowed while it is down. Same data and stack as pages.sh (benchmarks/stack.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/stack.sh

LOAD_SECONDS=${LOAD_SECONDS:-60}
RESTART=""
case "${1:-}" in
  --restart-db) RESTART=yes ;;
  "") ;;
  *) echo "usage: benchmarks/load.sh [--restart-db]" >&2; exit 2 ;;
esac

# The command that restarts the server on 127.0.0.1:5432: systemd's unit where systemd runs
# it, else the Debian cluster tools.
restart_command() {
  if systemctl is-active --quiet postgresql 2>/dev/null; then
    echo "systemctl restart postgresql"
    return
  fi
  local version
  version=$(pg_lsclusters --no-header 2>/dev/null | awk '$3 == 5432 && $4 == "online" {print $1 " " $2; exit}')
  [ -n "$version" ] || fail "cannot find how to restart PostgreSQL (no systemd unit, no pg_ctlcluster)."
  echo "pg_ctlcluster $version restart"
}

# Others' test runs and benchmarks would fail with the server: wait for them (15 min at most).
wait_for_others() {
  local waited=0
  while pgrep -af "benchmarks/search.py|\.ci/run|pytest" >/dev/null; do
    [ $waited -ge 900 ] && fail "others still use PostgreSQL after 15 min: $(pgrep -af 'benchmarks/search.py|\.ci/run|pytest' | head -3)"
    echo "  waiting for: $(pgrep -af 'benchmarks/search.py|\.ci/run|pytest' | head -1 | cut -c1-100)"
    sleep 30
    waited=$((waited + 30))
  done
}

[ -x "$PY" ] || fail "no .venv: run 'make migrate' first."
stack_check_ports $APP_PORT $SMTP_PORT
stack_generate
stack_env
trap stack_stop EXIT
trap 'exit 130' INT TERM

say "gunicorn (2 workers) on $APP_PORT, SMTP sink on $SMTP_PORT"
stack_smtp
stack_gunicorn $APP_PORT
"$PY" benchmarks/load.py prepare "$STACK_DIR/load-plan.json"

restart=()
if [ -n "$RESTART" ]; then
  restart=("$(restart_command)")
  say "Waiting until nothing else uses PostgreSQL"
  wait_for_others
fi

say "$LOAD_SECONDS s of mixed traffic${RESTART:+, restarting PostgreSQL (${restart[0]}) in the middle}"
status=0
"$PY" benchmarks/load.py run "$STACK_DIR/load-plan.json" "http://127.0.0.1:$APP_PORT" \
  "$LOAD_SECONDS" "$STACK_DIR/load-acked.json" "${restart[@]}" || status=1

say "Acknowledged writes in the database"
"$PY" benchmarks/load.py verify "$STACK_DIR/load-acked.json" || status=1
[ $status = 0 ] && echo "PASS: no errors, every acknowledged write stored." || echo "FAIL"
exit $status
