"""The test suite: `make test`. The database comes from DATABASE_URL (SQLite by default).

Tests run in parallel (pytest-xdist): each worker has its own test database (pytest-django
appends the worker's name, e.g. test_bbe_platform_gw0), its own media folder and its own
live server port."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

# gw0, gw1, … under pytest-xdist; "main" in a run without workers.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")

DEBUG = False
SECRET_KEY = "test-only-secret-key"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# tests/home/test_outbox.py switches EMAIL_BACKEND to the outbox; it delivers to locmem.
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run when they are enqueued; deferred retries are sent by home.mail.deliver_due().
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Media on disk under test-artifacts/, even where the environment names an S3 bucket.
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}  # noqa: F405
CACHES = {"default": {"BACKEND": "home.cache_backends.LocMemCache"}}
# Visitors' pages are not kept (config.middleware.PageCacheMiddleware): a test that changes
# what a page shows sees it at once. tests/config/test_page_cache.py switches it on.
PAGE_CACHE = False
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as in production
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media" / TEST_WORKER  # noqa: F405
# The database backend, whatever the environment says: the live Elasticsearch tests
# (marker `elasticsearch`) switch to it themselves where ELASTICSEARCH_URL is set.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "german"}
}
DATABASES["default"]["TEST"] = {
    "NAME": None if "sqlite" in DATABASES["default"]["ENGINE"] else "test_bbe_platform"
}
DATABASES["default"]["CONN_MAX_AGE"] = 0
SERVE_MEDIA = True
