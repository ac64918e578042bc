# Sourced by benchmarks/pages.sh and benchmarks/load.sh: the scale data and the production
# stack on loopback ports, as deploy/prod-demo.sh runs it.
#
#   gunicorn 127.0.0.1:8401 (config/gunicorn.py, config.settings.production, 2 workers)
#   Varnish  127.0.0.1:6481 (admin 6482) with deploy/varnish/default.vcl -> gunicorn
#   PostgreSQL database bbe_pages_benchmark (127.0.0.1:5432, user postgres), Redis db 7
#   an SMTP sink 127.0.0.1:8425 (registration and notification e-mails go nowhere)
#
# Everything started goes into `pids` and is stopped on exit. Files and logs: STACK_DIR.

BENCH_DIR=${BENCHMARK_DIR:-/tmp/bbe-benchmark}
STACK_DIR=$BENCH_DIR/pages
DB_NAME=bbe_pages_benchmark
DB_SERVER=postgres://postgres@127.0.0.1:5432
APP_PORT=8401
TRIVIAL_PORT=8402
SMTP_PORT=8425
STATIC_PORT=8480
VARNISH_PORT=6481
VARNISH_ADMIN_PORT=6482
REDIS_DB_URL=redis://127.0.0.1:6379/7
PY=.venv/bin/python
PATH=$PATH:/usr/sbin:/sbin

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# Installs what is missing with apt-get as root; otherwise says what to install.
stack_require() {
  local missing=() tool
  for tool in "$@"; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" = 0 ]; then
    say "Installing ${missing[*]}"
    apt-get update -qq && apt-get install -y -qq "${missing[@]}"
  else
    fail "${missing[*]} missing: run 'sudo apt-get install -y ${missing[*]}' (or run as root)."
  fi
}

stack_check_ports() {
  local port
  for port in "$@"; do
    if "$PY" -c "import socket, sys; sys.exit(socket.socket().connect_ex(('127.0.0.1', $port)) != 0)"; then
      fail "port $port is in use (another benchmark still running?)."
    fi
  done
  pg_isready -q -h 127.0.0.1 -p 5432 -U postgres || fail "PostgreSQL does not answer on 127.0.0.1:5432."
  "$PY" -c "import redis; redis.Redis.from_url('$REDIS_DB_URL').ping()" 2>/dev/null \
    || fail "Redis does not answer on 127.0.0.1:6379."
}

# The scale data (benchmarks/pages_data.py, idempotent) with the benchmark settings.
stack_generate() {
  say "Scale data in $DB_NAME (only what is missing)"
  env -u REDIS_URL -u VARNISH_URL -u SECRET_KEY -u DJANGO_SETTINGS_MODULE \
    DATABASE_URL="$DB_SERVER/$DB_NAME" BENCHMARK_DATABASE=$DB_NAME BENCHMARK_DIR="$BENCH_DIR" \
    "$PY" benchmarks/pages_data.py
}

# Production settings on the benchmark's database and media (the folder of benchmarks/settings.py).
stack_env() {
  export DJANGO_SETTINGS_MODULE=config.settings.production
  SECRET_KEY=$("$PY" -c "import secrets; print(secrets.token_urlsafe(50))")
  export SECRET_KEY
  export DATABASE_URL=$DB_SERVER/$DB_NAME
  export REDIS_URL=$REDIS_DB_URL
  export BASE_URL=http://127.0.0.1:$VARNISH_PORT
  export ALLOWED_HOSTS=127.0.0.1,localhost
  export SECURE_SSL_REDIRECT=false
  export MEDIA_ROOT=$BENCH_DIR/$DB_NAME-media-postgresql
  export STATIC_ROOT=$STACK_DIR/static
  export EMAIL_HOST=127.0.0.1 EMAIL_PORT=$SMTP_PORT
  export GUNICORN_BIND=127.0.0.1:$APP_PORT
  export WEB_CONCURRENCY=2
  export VARNISH_URL=http://127.0.0.1:$VARNISH_PORT
  unset ELASTICSEARCH_URL AWS_STORAGE_BUCKET_NAME SENTRY_DSN
  mkdir -p "$STACK_DIR"/{static,varnish,nginx-tmp,site,wrk}
  "$PY" -c "import redis; redis.Redis.from_url('$REDIS_URL').flushdb()"
  "$PY" manage.py collectstatic --no-input -v 0
}

pids=()
stack_stop() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    say "Stopping what this script started"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}

# Waits until `url` answers (any HTTP status), at most 60 s.
stack_wait() {
  "$PY" - "$1" <<'EOF' || fail "$1 did not answer within 60 s."
import sys, time, urllib.error, urllib.request
deadline = time.monotonic() + 60
while True:
    try:
        urllib.request.urlopen(sys.argv[1], timeout=5).close()
        break
    except urllib.error.HTTPError:
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.3)
EOF
}

stack_smtp() {
  "$PY" -W ignore -m smtpd -n -c DebuggingServer "127.0.0.1:$SMTP_PORT" >/dev/null 2>&1 &
  pids+=($!)
}

# gunicorn with config/gunicorn.py; an app other than the project's as $2 (trivial WSGI).
stack_gunicorn() {
  local port=$1 app=${2:-}
  GUNICORN_BIND=127.0.0.1:$port .venv/bin/gunicorn -c config/gunicorn.py $app \
    >"$STACK_DIR/gunicorn-$port.log" 2>&1 &
  pids+=($!)
  stack_wait "http://127.0.0.1:$port/healthz"
}

stack_varnish() {
  sed "s/\.port = \"8000\";/.port = \"$APP_PORT\";/" deploy/varnish/default.vcl >"$STACK_DIR/default.vcl"
  grep -q "\"$APP_PORT\"" "$STACK_DIR/default.vcl" || fail "could not set the backend port in the VCL."
  varnishd -F -n "$STACK_DIR/varnish" -f "$STACK_DIR/default.vcl" -s malloc,256m \
    -a "127.0.0.1:$VARNISH_PORT" -T "127.0.0.1:$VARNISH_ADMIN_PORT" >"$STACK_DIR/varnish.log" 2>&1 &
  pids+=($!)
  stack_wait "http://127.0.0.1:$VARNISH_PORT/healthz"
}

# nginx serving the files of $STACK_DIR/site (a saved copy of the start page) as they are,
# and compressed from a copy gzipped in advance, as Varnish keeps pages, for browsers that
# accept gzip.
stack_nginx_static() {
  local user_line=""
  if [ "$(id -u)" = 0 ]; then
    user_line="user www-data;"
    chown www-data "$STACK_DIR/nginx-tmp"
  fi
  cat >"$STACK_DIR/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $STACK_DIR/nginx.pid;
error_log $STACK_DIR/nginx-error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $STACK_DIR/nginx-tmp/body;
    proxy_temp_path $STACK_DIR/nginx-tmp/proxy;
    fastcgi_temp_path $STACK_DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $STACK_DIR/nginx-tmp/uwsgi;
    scgi_temp_path $STACK_DIR/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $STACK_DIR/site;
        index index.html;
        gzip_static on;
    }
}
EOF
  nginx -q -t -p "$STACK_DIR" -c "$STACK_DIR/nginx.conf"
  nginx -p "$STACK_DIR" -c "$STACK_DIR/nginx.conf" -g "daemon off;" &
  pids+=($!)
  stack_wait "http://127.0.0.1:$STATIC_PORT/"
}
