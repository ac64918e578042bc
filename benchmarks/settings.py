"""Settings for the benchmarks: the test settings (DEBUG off, local-memory cache) with what a
measurement needs on top.

- Its own database, never the dev database: `DATABASE_URL` chooses only the engine and the
  server. SQLite becomes a file under `BENCHMARK_DIR`, PostgreSQL the database
  `bbe_benchmark` on the server of the URL. A script with data of its own names another
  database in `BENCHMARK_DATABASE` (search.py: `bbe_search_benchmark`).
- Its own media folder under `BENCHMARK_DIR`, one per engine and database.
- Persistent connections and the project's German database search backend
  (search/backends/database.py, `german` configuration on PostgreSQL), as production has
  them without Elasticsearch; the test settings choose it.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.settings.test import *  # noqa: F403

BENCHMARK_DIR = Path(os.environ.get("BENCHMARK_DIR", "/tmp/bbe-benchmark"))
DEFAULT_DATABASE = "bbe_benchmark"
DATABASE_NAME = os.environ.get("BENCHMARK_DATABASE", DEFAULT_DATABASE)
SQLITE_FILE = f"{DATABASE_NAME}.sqlite3"


def benchmark_database(url):
    """The database settings of the benchmark on the engine and server of `url`."""
    database = dj_database_url.parse(url, conn_max_age=600)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["NAME"] = str(BENCHMARK_DIR / SQLITE_FILE)
    elif database["ENGINE"] == "django.db.backends.postgresql":
        database["NAME"] = DATABASE_NAME
        database["OPTIONS"] = POSTGRES_OPTIONS | database.get("OPTIONS", {})  # noqa: F405
    else:
        raise ImproperlyConfigured(f"The benchmarks run on SQLite or PostgreSQL, not {url}.")
    database["CONN_HEALTH_CHECKS"] = True
    return database


DATABASES = {"default": benchmark_database(os.environ.get("DATABASE_URL", "sqlite://"))}
VENDOR = "sqlite" if "sqlite" in DATABASES["default"]["ENGINE"] else "postgresql"
MEDIA_ROOT = BENCHMARK_DIR / (
    f"media-{VENDOR}" if DATABASE_NAME == DEFAULT_DATABASE else f"{DATABASE_NAME}-media-{VENDOR}"
)
STATIC_ROOT = BENCHMARK_DIR / "static"  # empty; WhiteNoise warns about a missing folder
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
