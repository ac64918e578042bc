# The two commands a newcomer needs: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMPS := .stamps
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=config.settings.test

.DEFAULT_GOAL := help
.PHONY: help run test test-only test-fast lint check-port messages migrate demo browser-deps pg-client prod-demo clean

help: ## Show this help
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(STAMPS)/venv:
	@mkdir -p $(STAMPS)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip
	@touch $@

$(STAMPS)/runtime: $(STAMPS)/venv requirements.txt
	$(PY) -m pip install -qq -r requirements.txt
	@touch $@

$(STAMPS)/dev: $(STAMPS)/runtime requirements-dev.txt
	$(PY) -m pip install -qq -r requirements-dev.txt
	@touch $@

$(STAMPS)/gettext:
	@mkdir -p $(STAMPS)
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext; \
	  else echo "GNU gettext (msgfmt) is missing: install the Debian package 'gettext'." >&2; exit 1; fi; }
	@touch $@

messages: $(STAMPS)/runtime $(STAMPS)/gettext ## Compile the German translations
	@$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: $(STAMPS)/runtime messages ## Apply database migrations
	$(MANAGE) migrate --no-input

demo: migrate ## Load the demo content (idempotent) and the local admin account
	BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) load_demo_content
	BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) create_dev_admin

check-port:
	@$(PYTHON) -c "import socket, sys; s = socket.socket(); \
	s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); \
	sys.exit(s.connect_ex(('127.0.0.1', $(PORT))) == 0)" || { \
	  echo "Port $(PORT) is already in use. Stop the other server or choose another port: make run PORT=8001" >&2; exit 1; }

run: check-port demo ## Set up and serve the site on http://127.0.0.1:8000 (SQLite), with the task worker
	$(MANAGE) db_worker & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver 127.0.0.1:$(PORT)

$(STAMPS)/browser:
	@mkdir -p $(STAMPS)
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (the browser tests use /usr/bin/chromium)." >&2; exit 1; fi; }
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq default-jre-headless; \
	  else echo "Java is missing: install 'default-jre-headless' (the HTML checker needs it)." >&2; exit 1; fi; }
	@touch $@

node_modules/.package-lock.json: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

browser-deps: $(STAMPS)/browser node_modules/.package-lock.json

# pg_dump, pg_restore and psql: deploy/backup.sh and restore.sh, their test on PostgreSQL, .ci/run.
$(STAMPS)/pg-client:
	@mkdir -p $(STAMPS)
	@command -v pg_dump >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql-client; \
	  else echo "pg_dump is missing: install the Debian package 'postgresql-client'." >&2; exit 1; fi; }
	@touch $@

pg-client: $(STAMPS)/pg-client

lint: $(STAMPS)/dev messages ## Django checks, migrations up to date, ruff
	$(TEST_SETTINGS) $(MANAGE) check --fail-level WARNING
	$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint browser-deps pg-client test-only ## Set up and run the whole suite, browser tests included

# Both cores (pytest-xdist): each worker has its own test database, media folder and live
# server. PYTEST_ARGS adds options, e.g. PYTEST_ARGS="tests/events -k waiting".
test-only: ## Run the suite without the set-up steps
	$(VENV)/bin/pytest -n auto $(PYTEST_ARGS)

test-fast: $(STAMPS)/dev messages ## While developing: no browser tests, test databases kept between runs
	$(VENV)/bin/pytest -n auto --reuse-db -m "not browser" $(PYTEST_ARGS)

prod-demo: $(STAMPS)/runtime $(STAMPS)/gettext ## Production stack on loopback (nginx, Varnish, gunicorn, PostgreSQL) + smoke test; ARGS=--serve keeps it
	deploy/prod-demo.sh $(ARGS)

clean: ## Remove the virtualenv, the SQLite database and build leftovers
	rm -rf $(VENV) $(STAMPS) node_modules db.sqlite3 .cache static_collected test-artifacts
