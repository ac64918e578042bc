#!/usr/bin/env bash
# Registrations while the mail server is down or slow, on the production stack of
# benchmarks/stack.sh (gunicorn with config.settings.production, PostgreSQL, Redis) with the
# task worker and an SMTP sink (benchmarks/smtp_sink.py) that the script starts and stops.
#
#   benchmarks/mail_outage.sh            # both: outage, then slow
#   benchmarks/mail_outage.sh slow       # only the request times with a slow mail server
#
# Figures: benchmarks/README.md; outputs in $STACK_DIR (outage.json, slow.json).
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/stack.sh

[ -x "$PY" ] || fail "no .venv: run 'make migrate' first."
stack_require pg_isready:postgresql-client
stack_check_ports $APP_PORT $SMTP_PORT
stack_generate
stack_env
export CLIENT_IP_HEADER=X-Real-IP  # each registration from an address of its own
export VARNISH_URL=                 # no Varnish in this run
trap stack_stop EXIT
trap 'exit 130' INT TERM

"$PY" manage.py migrate --no-input -v 0
say "gunicorn (2 workers) on $APP_PORT and the task worker"
stack_gunicorn $APP_PORT
if "$PY" manage.py help db_worker >/dev/null 2>&1; then
  "$PY" manage.py db_worker >"$STACK_DIR/worker.log" 2>&1 &
  pids+=($!)
fi

for mode in ${1:-outage slow}; do
  say "$mode"
  "$PY" benchmarks/mail_outage.py "$mode" "http://127.0.0.1:$APP_PORT" "$SMTP_PORT" "$STACK_DIR"
done
