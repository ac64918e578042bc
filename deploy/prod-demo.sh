#!/usr/bin/env bash
# `make prod-demo`: the production stack on this machine's loopback, then its smoke test.
#
#   nginx https://127.0.0.1:8143 (TLS, self-signed; http://127.0.0.1:8180 redirects)
#     -> Varnish 127.0.0.1:6181 (admin 6182) -> gunicorn 127.0.0.1:8101
#     -> PostgreSQL database bbe_prod_demo (127.0.0.1:5432, user postgres), Redis db 3
#
# with config.settings.production, the files of deploy/ (nginx/bbe.conf and
# varnish/default.vcl with the demo's ports and paths) and the demo content. The database is
# created anew on every run. Stops everything it started on exit; with --serve it keeps
# serving after the smoke test until Ctrl-C. Files, logs and the certificate: PROD_DEMO_DIR
# (default /tmp/bbe-prod-demo).
set -euo pipefail
cd "$(dirname "$0")/.."

SERVE=false
case "${1:-}" in
  --serve) SERVE=true ;;
  "") ;;
  *) echo "usage: deploy/prod-demo.sh [--serve]" >&2; exit 2 ;;
esac

DEMO_DIR=${PROD_DEMO_DIR:-/tmp/bbe-prod-demo}
APP_PORT=8101
HTTP_PORT=8180
HTTPS_PORT=8143
VARNISH_PORT=6181
VARNISH_ADMIN_PORT=6182
SMTP_PORT=8125
DB_NAME=bbe_prod_demo
GUNICORN_PIDFILE=$DEMO_DIR/gunicorn.pid
PG=(-h 127.0.0.1 -p 5432 -U postgres)
PY=.venv/bin/python
PATH=$PATH:/usr/sbin:/sbin

say() { printf '\n==> %s\n' "$*"; }
fail() { printf 'prod-demo: %s\n' "$*" >&2; exit 1; }

# --- What it needs ---------------------------------------------------------------------------
[ -x "$PY" ] || fail "no .venv: run 'make run' or 'make migrate' first."
missing=()
command -v varnishd >/dev/null || missing+=(varnish)
command -v nginx >/dev/null || missing+=(nginx)
command -v openssl >/dev/null || missing+=(openssl)
command -v createdb >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "Installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else
    fail "${missing[*]} missing: run 'sudo apt-get install ${missing[*]}' (or make prod-demo as root)."
  fi
fi
for port in $APP_PORT $HTTP_PORT $HTTPS_PORT $VARNISH_PORT $VARNISH_ADMIN_PORT; do
  if "$PY" -c "import socket, sys; sys.exit(socket.socket().connect_ex(('127.0.0.1', $port)) != 0)"; then
    fail "port $port is in use (another prod-demo still running?)."
  fi
done
pg_isready -q "${PG[@]}" || fail "PostgreSQL does not answer on 127.0.0.1:5432 (user postgres)."
"$PY" -c "import redis; redis.Redis.from_url('redis://127.0.0.1:6379/3').ping()" 2>/dev/null \
  || fail "Redis does not answer on 127.0.0.1:6379."

# --- Production settings, demo values -------------------------------------------------------
export DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(50))")
export SECRET_KEY
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/$DB_NAME
export REDIS_URL=redis://127.0.0.1:6379/3
export BASE_URL=https://127.0.0.1:$HTTPS_PORT
export ALLOWED_HOSTS=127.0.0.1,localhost
export CSRF_TRUSTED_ORIGINS=$BASE_URL
export SECURE_SSL_REDIRECT=false  # nginx redirects; loopback only
export MEDIA_ROOT=$DEMO_DIR/media
export STATIC_ROOT=$DEMO_DIR/static
export GUNICORN_BIND=127.0.0.1:$APP_PORT
export CLIENT_IP_HEADER=X-Real-IP  # set by nginx; the rate limits count per visitor
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-3}
export VARNISH_URL=http://127.0.0.1:$VARNISH_PORT
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$SMTP_PORT  # a sink that prints what it gets
unset ELASTICSEARCH_URL AWS_STORAGE_BUCKET_NAME

# --- Database and files ------------------------------------------------------------------------
say "Database $DB_NAME (new), Redis db 3 (flushed), files in $DEMO_DIR"
dropdb "${PG[@]}" --if-exists "$DB_NAME"
createdb "${PG[@]}" "$DB_NAME"
"$PY" -c "import redis; redis.Redis.from_url('$REDIS_URL').flushdb()"
rm -rf "$DEMO_DIR"
mkdir -p "$DEMO_DIR"/{media,static,nginx-tmp,varnish}
# Nothing is cached yet: no purges while the content is built (Varnish is not running).
VARNISH_URL= "$PY" manage.py migrate --no-input -v 0
"$PY" manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
VARNISH_URL= "$PY" manage.py load_demo_content | tail -n 3
# What the content enqueued (search and reference index, files' text), before anything is served.
VARNISH_URL= "$PY" manage.py db_worker --batch --no-startup-delay 2>&1 | tail -n 1
"$PY" manage.py collectstatic --no-input -v 0
"$PY" manage.py check --deploy --fail-level ERROR

# --- Processes -----------------------------------------------------------------------------
pids=()
stop() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    say "Stopping gunicorn, the task worker, the mail sink, Varnish and nginx"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  # After a reload the master is a process this script did not start.
  if [ -f "$GUNICORN_PIDFILE" ]; then
    kill "$(cat "$GUNICORN_PIDFILE")" 2>/dev/null || true
    for _ in $(seq 60); do [ -f "$GUNICORN_PIDFILE" ] || break; sleep 0.5; done
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

say "gunicorn on $GUNICORN_BIND (log: $DEMO_DIR/gunicorn.log)"
.venv/bin/gunicorn -c config/gunicorn.py --pid "$GUNICORN_PIDFILE" >"$DEMO_DIR/gunicorn.log" 2>&1 &
pids+=($!)

say "Task worker (log: $DEMO_DIR/worker.log), mail sink on 127.0.0.1:$SMTP_PORT ($DEMO_DIR/mail.log)"
"$PY" manage.py db_worker >"$DEMO_DIR/worker.log" 2>&1 &
pids+=($!)
"$PY" -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >"$DEMO_DIR/mail.log" 2>&1 &
pids+=($!)

say "Varnish on 127.0.0.1:$VARNISH_PORT"
sed "s/\.port = \"8000\";/.port = \"$APP_PORT\";/" deploy/varnish/default.vcl >"$DEMO_DIR/default.vcl"
grep -q "\"$APP_PORT\"" "$DEMO_DIR/default.vcl" || fail "could not set the backend port in the VCL."
varnishd -F -n "$DEMO_DIR/varnish" -f "$DEMO_DIR/default.vcl" -s malloc,64m \
  -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" >"$DEMO_DIR/varnish.log" 2>&1 &
pids+=($!)

say "nginx on https://127.0.0.1:$HTTPS_PORT"
openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$DEMO_DIR/key.pem" -out "$DEMO_DIR/cert.pem" 2>/dev/null
# The demo is asked for by IP address, without a host name in TLS (SNI): the site is the
# default server, not the catch-all that rejects unknown names.
sed -e "s/listen 80 default_server;/listen 127.0.0.1:$HTTP_PORT;/" \
    -e "s/listen 443 ssl default_server;/listen 127.0.0.1:$HTTPS_PORT ssl;/" \
    -e "s/listen 80;/listen 127.0.0.1:$HTTP_PORT;/" \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$HTTPS_PORT ssl http2;/" \
    -e "s/server_name plattform.example.org;/server_name 127.0.0.1 localhost;/" \
    -e "s#https://\$host\$request_uri#https://\$host:$HTTPS_PORT\$request_uri#" \
    -e "s#/etc/letsencrypt/live/plattform.example.org/fullchain.pem#$DEMO_DIR/cert.pem#" \
    -e "s#/etc/letsencrypt/live/plattform.example.org/privkey.pem#$DEMO_DIR/key.pem#" \
    -e "s#/srv/bbe/static/#$STATIC_ROOT/#" \
    -e "s#/srv/bbe/media/#$MEDIA_ROOT/#g" \
    -e "s/server 127.0.0.1:6081;/server 127.0.0.1:$VARNISH_PORT;/" \
    deploy/nginx/bbe.conf >"$DEMO_DIR/bbe.conf"
user_line=""
if [ "$(id -u)" = 0 ]; then
  user_line="user www-data;"
  chown www-data "$DEMO_DIR/nginx-tmp"
fi
cat >"$DEMO_DIR/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $DEMO_DIR/nginx.pid;
error_log $DEMO_DIR/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $DEMO_DIR/nginx-access.log;
    client_body_temp_path $DEMO_DIR/nginx-tmp/body;
    proxy_temp_path $DEMO_DIR/nginx-tmp/proxy;
    fastcgi_temp_path $DEMO_DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $DEMO_DIR/nginx-tmp/uwsgi;
    scgi_temp_path $DEMO_DIR/nginx-tmp/scgi;
    include $DEMO_DIR/bbe.conf;
}
EOF
nginx -q -t -p "$DEMO_DIR" -c "$DEMO_DIR/nginx.conf"
nginx -p "$DEMO_DIR" -c "$DEMO_DIR/nginx.conf" -g "daemon off;" &
pids+=($!)

# --- Smoke test ----------------------------------------------------------------------------
say "Smoke test"
SMOKE_PASSWORD=$("$PY" -c "import secrets; print(secrets.token_urlsafe(12))")
export SMOKE_PASSWORD
"$PY" deploy/smoke.py "$BASE_URL" --cafile "$DEMO_DIR/cert.pem" --wait 60 \
  --reload-pidfile "$GUNICORN_PIDFILE"

if $SERVE; then
  say "Serving $BASE_URL (self-signed: $DEMO_DIR/cert.pem). Ctrl-C stops it."
  echo "    Member login: mitglied@example.org / $SMOKE_PASSWORD"
  echo "    Logs: $DEMO_DIR/{gunicorn,worker,mail,varnish,nginx-access,nginx-error}.log"
  wait
fi
